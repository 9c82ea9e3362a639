// Files through the desktop's own dialog (sdk/ui_file.hpp), for real: GTK 3's file chooser opened
// under Xvfb, found among GTK's windows and answered as an officer would (a file name typed, 保存
// or キャンセル); the documents folder it starts in; the answer preset for tests and scripts, which
// opens nothing; and the typed-path window when there is no display at all (in a child process
// without DISPLAY). Run by ctest without a display, the test starts an Xvfb of its own. Each test case runs
// in its own process (catch_discover_tests), so each sets up HOME and the XDG folders before GLib first reads
// them.
#include <gtk/gtk.h>
#include <spawn.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <fstream>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "headless.hpp"
#include "test_support.hpp"

extern char** environ;

using namespace wasshoi;
namespace fs = std::filesystem;
namespace ui = wasshoi::sdk::ui;

namespace {

// GTK's dialogs need an X display: the test's own Xvfb when ctest runs without one, kept for the
// process's life (GTK stays connected to the display it first opened).
void ensure_display() {
  static test::XDisplay display;
  (void)display;
}

// A home of its own with a Japanese documents folder, as a Japanese desktop names it.
struct Home {
  test::TempDir dir;
  fs::path docs = dir / "ドキュメント";
  explicit Home(bool with_display = true) {
    fs::create_directories(docs);
    fs::create_directories(dir / ".config");
    std::ofstream(dir / ".config" / "user-dirs.dirs") << "XDG_DOCUMENTS_DIR=\"$HOME/ドキュメント\"\n";
    setenv("HOME", dir.path().c_str(), 1);
    setenv("XDG_CONFIG_HOME", (dir / ".config").c_str(), 1);
    unsetenv("WASSHOI_FILE_ANSWER");
    setenv("GSETTINGS_BACKEND", "memory", 1);  // no dconf (and no D-Bus) on a test machine
    unsetenv("GTK_USE_PORTAL");                // GTK's own dialog, which the test can reach
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    if (with_display) ensure_display();
  }
};

// GTK's file chooser dialog on screen (the one GtkFileChooserNative shows without a portal).
GtkWidget* chooser_dialog() {
  GtkWidget* found = nullptr;
  GList* windows = gtk_window_list_toplevels();
  for (GList* w = windows; w; w = w->next)
    if (GTK_IS_FILE_CHOOSER_DIALOG(w->data) && gtk_widget_get_visible(GTK_WIDGET(w->data)))
      found = GTK_WIDGET(w->data);
  g_list_free(windows);
  return found;
}

// Polls as the panel does, frame after frame, until GTK shows its dialog (at most ~2 s).
GtkWidget* wait_for_dialog(ui::FileChooser& chooser) {
  for (int i = 0; i < 200; ++i) {
    CHECK_FALSE(chooser.poll());
    if (GtkWidget* d = chooser_dialog()) return d;
    g_usleep(10'000);
  }
  return nullptr;
}

// Polls until the chooser gives its answer (GTK checks a typed name asynchronously before it
// answers), at most ~2 s.
std::optional<fs::path> wait_for_answer(ui::FileChooser& chooser) {
  for (int i = 0; i < 200; ++i) {
    if (auto chosen = chooser.poll()) return chosen;
    g_usleep(10'000);
  }
  return std::nullopt;
}

std::string gstring(gchar* s) {
  std::string out = s ? s : "";
  g_free(s);
  return out;
}

}  // namespace

TEST_CASE(
    "the save dialog is GTK's own, starts in the documents folder with the proposed name, and gives the "
    "chosen path") {
  Home home;
  REQUIRE(ui::documents_folder() == home.docs);
  ui::FileChooser chooser;
  chooser.open({.mode = ui::FileMode::Save,
                .title = "議事録をPDFで保存",
                .suggested_name = "議事録_2026-05-18_髙﨑𠮷.pdf",
                .filters = {ui::pdf_files()}});
  REQUIRE(chooser.is_open());
  GtkWidget* dialog = wait_for_dialog(chooser);
  REQUIRE(dialog);
  CHECK(std::string(gtk_window_get_title(GTK_WINDOW(dialog))) == "議事録をPDFで保存");
  GtkFileChooser* fc = GTK_FILE_CHOOSER(dialog);
  CHECK(gtk_file_chooser_get_action(fc) == GTK_FILE_CHOOSER_ACTION_SAVE);
  CHECK(gtk_file_chooser_get_do_overwrite_confirmation(fc));
  CHECK(gstring(gtk_file_chooser_get_current_name(fc)) == "議事録_2026-05-18_髙﨑𠮷.pdf");
  CHECK(fs::path(gstring(gtk_file_chooser_get_current_folder(fc))) == home.docs);
  GtkFileFilter* filter = gtk_file_chooser_get_filter(fc);
  REQUIRE(filter);
  CHECK(std::string(gtk_file_filter_get_name(filter)) == "PDF 文書");

  // The officer takes the proposed name and clicks 保存.
  gtk_dialog_response(GTK_DIALOG(dialog), GTK_RESPONSE_ACCEPT);
  const std::optional<fs::path> chosen = wait_for_answer(chooser);
  REQUIRE(chosen);
  CHECK(*chosen == home.docs / "議事録_2026-05-18_髙﨑𠮷.pdf");
  CHECK_FALSE(chooser.is_open());
  CHECK_FALSE(chooser.poll());  // once
  CHECK_FALSE(chooser_dialog());
}

TEST_CASE("a cancelled open dialog gives nothing, and the next dialog starts in the folder last chosen") {
  Home home;
  const fs::path photos = home.dir / "写真";
  fs::create_directories(photos);
  ui::FileChooser chooser;

  chooser.open({.mode = ui::FileMode::Open, .title = "写真を選ぶ", .filters = {ui::image_files()}});
  GtkWidget* dialog = wait_for_dialog(chooser);
  REQUIRE(dialog);
  CHECK(gtk_file_chooser_get_action(GTK_FILE_CHOOSER(dialog)) == GTK_FILE_CHOOSER_ACTION_OPEN);
  gtk_dialog_response(GTK_DIALOG(dialog), GTK_RESPONSE_CANCEL);
  for (int i = 0; i < 20; ++i) CHECK_FALSE(chooser.poll());
  CHECK_FALSE(chooser.is_open());

  // A chosen photo: the next dialog opens where it was.
  std::ofstream(photos / "集会所.jpg") << "not really a JPEG";
  chooser.open({.mode = ui::FileMode::Open, .title = "写真を選ぶ", .filters = {ui::image_files()}});
  dialog = wait_for_dialog(chooser);
  REQUIRE(dialog);
  // The officer goes to the folder and selects the photo (GTK loads the folder first).
  REQUIRE(gtk_file_chooser_set_filename(GTK_FILE_CHOOSER(dialog), (photos / "集会所.jpg").c_str()));
  for (int i = 0; i < 200; ++i) {
    if (gstring(gtk_file_chooser_get_filename(GTK_FILE_CHOOSER(dialog))) == (photos / "集会所.jpg").string())
      break;
    CHECK_FALSE(chooser.poll());
    g_usleep(10'000);
  }
  gtk_dialog_response(GTK_DIALOG(dialog), GTK_RESPONSE_ACCEPT);
  const std::optional<fs::path> chosen = wait_for_answer(chooser);
  REQUIRE(chosen);
  CHECK(*chosen == photos / "集会所.jpg");

  chooser.open({.mode = ui::FileMode::Save, .title = "保存", .suggested_name = "a.pdf"});
  dialog = wait_for_dialog(chooser);
  REQUIRE(dialog);
  CHECK(fs::path(gstring(gtk_file_chooser_get_current_folder(GTK_FILE_CHOOSER(dialog)))) == photos);
  gtk_dialog_response(GTK_DIALOG(dialog), GTK_RESPONSE_CANCEL);
  CHECK_FALSE(chooser.poll());
}

TEST_CASE(
    "a preset answer opens no dialog and keeps the request, from the test hook and from "
    "WASSHOI_FILE_ANSWER") {
  Home home;
  ui::FileChooser chooser;
  ui::preset_answer(home.docs / "集金表.pdf");
  chooser.open({.mode = ui::FileMode::Save, .title = "集金表", .suggested_name = "集金表_3班.pdf"});
  const auto chosen = chooser.poll();
  REQUIRE(chosen);
  CHECK(*chosen == home.docs / "集金表.pdf");
  REQUIRE(ui::last_request());
  CHECK(ui::last_request()->suggested_name == "集金表_3班.pdf");
  CHECK_FALSE(chooser_dialog());

  ui::preset_answer(std::nullopt);  // the officer cancels
  chooser.open({.mode = ui::FileMode::Open, .title = "名簿"});
  CHECK_FALSE(chooser.poll());
  CHECK_FALSE(chooser.is_open());
  ui::clear_preset_answer();

  setenv("WASSHOI_FILE_ANSWER", (home.docs / "名簿.csv").c_str(), 1);
  chooser.open({.mode = ui::FileMode::Open, .title = "名簿", .filters = {ui::csv_files()}});
  const auto from_env = chooser.poll();
  REQUIRE(from_env);
  CHECK(*from_env == home.docs / "名簿.csv");
  CHECK_FALSE(chooser_dialog());
  unsetenv("WASSHOI_FILE_ANSWER");
}

TEST_CASE("without a display the path is typed in a window of the chooser's own") {
  // GTK would start on the test's display, and cannot be forked once started: the check runs in a
  // fresh process of this test program, without DISPLAY.
  if (std::getenv("WASSHOI_TEST_NO_DISPLAY")) {
    int status = 1;
    {
      Home home(false);
      gui::FontSet fonts(gui::find_japanese_font());
      test::HeadlessImGui imgui(fonts);
      ui::FileChooser chooser;
      chooser.open({.mode = ui::FileMode::Save, .title = "役員名簿を保存", .suggested_name = "役員名簿.pdf"});
      std::optional<fs::path> chosen;
      auto draw = [&] {
        if (auto p = chooser.poll()) chosen = p;
      };
      imgui.frame(draw);
      const std::string screen = imgui.frame(draw);
      const bool asks = screen.find("ファイルを選ぶ画面を開けませんでした") != std::string::npos;
      if (auto at = imgui.find("保存")) imgui.click(*at, draw);
      // The field starts with the documents folder and the proposed name.
      if (asks && chosen && *chosen == home.docs / "役員名簿.pdf") status = 0;
    }
    _exit(status);
  }
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e)
    if (!std::string_view(*e).starts_with("DISPLAY=") &&
        !std::string_view(*e).starts_with("WAYLAND_DISPLAY="))
      env.emplace_back(*e);
  env.emplace_back("WASSHOI_TEST_NO_DISPLAY=1");
  std::vector<std::string> args = {fs::read_symlink("/proc/self/exe").string(),
                                   "without a display the path is typed in a window*"};
  std::vector<char*> argv, envp;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t child = -1;
  REQUIRE(posix_spawn(&child, argv[0], nullptr, nullptr, argv.data(), envp.data()) == 0);
  CHECK(test::wait_program(child) == 0);
}

TEST_CASE("document file names keep Japanese and lose what no desktop takes") {
  CHECK(ui::document_file_name({"議事録", "第3回 役員会", "2026-05-18"}, ".pdf") ==
        "議事録_第3回_役員会_2026-05-18.pdf");
  CHECK(ui::document_file_name({"要望書", "髙﨑𠮷　通学路/カーブミラー"}, ".pdf") ==
        "要望書_髙﨑𠮷_通学路_カーブミラー.pdf");
  CHECK(ui::document_file_name({"a:b*c?d\"e<f>g|h\\i", "", "  "}, ".csv") == "a_b_c_d_e_f_g_h_i.csv");
  CHECK(ui::document_file_name({}, ".ics") == "wasshoi.ics");
  // Cut at 100 bytes, never inside a character: 34 × 「あ」 is 102 bytes.
  std::string long_name;
  for (int i = 0; i < 34; ++i) long_name += "あ";
  const std::string cut = ui::document_file_name({long_name}, ".pdf");
  CHECK(cut.size() == 99 + 4);
  CHECK(cut.substr(0, 99) == long_name.substr(0, 99));
}
