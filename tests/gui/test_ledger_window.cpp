// The 出納帳 typed as a 会計 types it: the cursor starts in 科目; a reading typed in part picks the
// 科目, Tab goes on to 金額, 摘要 and 領収書番号, Enter adds the entry and puts the cursor back in
// 科目 for the next one. Then 訂正 with the reason. The SQLite file is read back. Real plugins from
// bin/plugins, ImGui without a window, a file without officer accounts (the 会計's own laptop).
#include <catch2/catch.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "headless.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

struct Window {
  test::TempDir dir;
  fs::path db = dir / "ledger.db";
  gui::FontSet fonts{gui::find_japanese_font()};
  std::unique_ptr<host::App> app;
  std::unique_ptr<test::HeadlessImGui> imgui;
  std::unique_ptr<gui::Shell> shell;
  static constexpr int kEnter = 2, kTab = 3;

  Window() {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(
        host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins", .create = true});
    app->open_database();
    const auto org = app->add_organization(host::OrgKind::Jichikai, "わっしょい台自治会", std::nullopt);
    imgui = std::make_unique<test::HeadlessImGui>(fonts);
    ImGui::GetIO().DisplaySize = ImVec2(1600, 1200);
    ImGui::GetIO().KeyMap[ImGuiKey_Enter] = kEnter;
    ImGui::GetIO().KeyMap[ImGuiKey_Tab] = kTab;
    shell = std::make_unique<gui::Shell>(*app, fonts, gui::ShellOptions{.start_org = org, .remember = false});
    frame();
    REQUIRE(shell->show_panel("ledger.book"));
    for (int i = 0; i < 4; ++i) frame();
  }
  ~Window() {
    shell.reset();
    imgui.reset();
  }
  std::string frame() {
    return imgui->frame([&] { shell->draw_frame(); });
  }
  void type(const std::string& text) {
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
  }
  void press(int key) {
    ImGui::GetIO().KeysDown[key] = true;
    frame();
    ImGui::GetIO().KeysDown[key] = false;
    frame();
    frame();
  }
  std::int64_t count(const std::string& sql) { return sdk::query_int(app->db(), sql).value_or(-1); }
};

}  // namespace

TEST_CASE("the 出納帳 is typed with Tab and Enter and a 科目 is picked by part of its reading") {
  Window w;
  w.type("なつまつ");
  CHECK_THAT(w.frame(), Catch::Contains("→事業費／夏祭り"));
  w.press(Window::kTab);
  w.type("12000");
  w.press(Window::kTab);
  w.type("提灯");
  w.press(Window::kTab);
  w.type("R-9");
  w.press(Window::kEnter);
  CHECK(w.count("SELECT count(*) FROM ledger_entries") == 1);
  CHECK(sdk::query_text(
            w.app->db(),
            "SELECT c.name || ' ' || e.amount || ' ' || e.summary || ' ' || e.receipt_no FROM ledger_entries "
            "e JOIN ledger_categories c ON c.id = e.category_id") == "夏祭り -12000 提灯 R-9");
  // The next row: the cursor is back in 科目.
  w.type("かいひ");
  w.press(Window::kTab);
  w.type("3600");
  w.press(Window::kEnter);
  CHECK(w.count("SELECT count(*) FROM ledger_entries") == 2);
  CHECK(w.count("SELECT amount FROM ledger_entries WHERE id = 2") == 3600);
  const std::string screen = w.frame();
  INFO(screen);
  CHECK_THAT(screen, Catch::Contains("記帳しました"));
  CHECK_THAT(screen, Catch::Contains("△8,400"));  // the running balance of 現金
}

TEST_CASE("a correction in the 出納帳 window asks for the reason and writes a reversing entry") {
  Window w;
  w.type("会議");
  w.press(Window::kTab);
  w.type("2160");
  w.press(Window::kEnter);
  REQUIRE(w.count("SELECT count(*) FROM ledger_entries") == 1);
  w.frame();
  auto at = w.imgui->find("訂正");
  REQUIRE(at);
  w.imgui->click(*at, [&] { w.shell->draw_frame(); });
  w.frame();
  w.frame();
  w.type("金額の誤り");
  w.frame();
  auto ok = w.imgui->find("実行");
  REQUIRE(ok);
  w.imgui->click(*ok, [&] { w.shell->draw_frame(); });
  w.frame();
  CHECK(w.count("SELECT count(*) FROM ledger_entries WHERE reverses = 1 AND amount = 2160") == 1);
  CHECK(sdk::query_text(w.app->db(), "SELECT detail FROM audit_log WHERE action = 'ledger.entry.reverse'")
            ->find("金額の誤り") != std::string::npos);
  CHECK_THAT(w.frame(), Catch::Contains("【訂正済】"));
}
