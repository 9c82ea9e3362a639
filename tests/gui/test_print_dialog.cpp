// 印刷… in the window (sdk/ui_document.hpp), drawn headless and clicked as an officer would: the
// dialog lists the printers CUPS offers, 印刷する sends the document through print_document()
// to the real cups-pdf queue (scripts/start-cups.sh), the panel's message says where it went; a
// printer that has gone away is said in Japanese and nothing is sent. PDFで保存… writes the same
// document where the save dialog answered.
#include <imgui.h>
#include <pwd.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/print.hpp>
#include <wasshoi/sdk/ui_document.hpp>

#include "headless.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace ui = wasshoi::sdk::ui;

namespace {

struct Window {
  gui::FontSet fonts{gui::find_japanese_font()};
  test::HeadlessImGui imgui{fonts};
  ui::DocumentActions paper;
  ui::PanelMessage message;
  int made = 0;  // documents made: only when a button was used
  std::function<void()> draw = [this] {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(900, 600));
    ImGui::Begin("panel");
    paper.draw(message, "回覧_清掃当番.pdf", [this] {
      ++made;
      sdk::Document doc("回覧");
      doc.title("清掃当番のお知らせ").paragraph("日時　令和8年12月13日（日）9:00〜");
      return doc;
    });
    ui::show(message);
    ImGui::End();
  };
  Window() {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    for (int i = 0; i < 3; ++i) imgui.frame(draw);
  }
  void click(const std::string& text) {
    auto at = imgui.find(text);
    REQUIRE(at);
    imgui.click(*at, draw);
    imgui.frame(draw);  // a modal sizes itself on its first frame
  }
};

bool have_queue() {
  for (const auto& p : sdk::printers())
    if (p.name == "wasshoi-pdf") return true;
  if (std::getenv("CI") || std::getenv("WASSHOI_REQUIRE_PRINTER"))
    FAIL("no CUPS printer wasshoi-pdf: run scripts/start-cups.sh");
  WARN("no CUPS printer wasshoi-pdf (scripts/start-cups.sh adds it); not printing");
  return false;
}

}  // namespace

TEST_CASE("印刷… asks for the printer and copies in the window and sends the document to it") {
  if (!have_queue()) return;
  Window w;
  CHECK(w.made == 0);
  w.click("印刷…");
  const std::string dialog = w.imgui.frame(w.draw);
  CHECK_THAT(dialog, Catch::Matchers::Contains("プリンター") && Catch::Matchers::Contains("部数") &&
                         Catch::Matchers::Contains("すべて"));
  CHECK(w.made == 0);  // nothing made while the officer chooses
  const int before = ui::last_print_job();
  if (sdk::printers().front().name != "wasshoi-pdf") {  // another printer is the default here
    w.click(sdk::printers().front().name);
    w.click("wasshoi-pdf");
  }
  w.click("印刷する");
  CHECK(w.made == 1);
  CHECK(ui::last_print_job() > before);
  CHECK(w.message.text == "印刷に送りました: wasshoi-pdf（1部）");
  CHECK_FALSE(w.message.is_error);
  // cups-pdf writes it into the printing user's ~/PDF (from the password file): found, then removed.
  const std::string suffix = "job_" + std::to_string(ui::last_print_job()) + ".pdf";
  const std::filesystem::path out = std::filesystem::path(getpwuid(getuid())->pw_dir) / "PDF";
  bool printed = false;
  for (int i = 0; i < 200 && !printed; ++i) {
    std::error_code ec;
    for (std::filesystem::directory_iterator it(out, ec), end; !ec && it != end; it.increment(ec))
      if (it->path().filename().string().ends_with(suffix)) printed = std::filesystem::remove(it->path());
    if (!printed) usleep(100'000);
  }
  CHECK(printed);
}

TEST_CASE("a printer that has gone away is said in Japanese and nothing is sent") {
  Window w;
  ui::preset_print_answer(sdk::PrintRequest{.printer = "事務所のプリンター", .copies = 2});
  const int before = ui::last_print_job();
  w.click("印刷…");
  ui::clear_preset_print_answer();
  CHECK(w.message.is_error);
  CHECK_THAT(w.message.text, Catch::Matchers::Contains("プリンター「事務所のプリンター」が見つかりません"));
  CHECK(ui::last_print_job() == before);
}

TEST_CASE("PDFで保存… writes the document where the save dialog answered") {
  test::TempDir tmp;
  Window w;
  ui::preset_answer(tmp / "回覧.pdf");
  w.click("PDFで保存…");
  ui::clear_preset_answer();
  CHECK(std::filesystem::exists(tmp / "回覧.pdf"));
  CHECK(ui::last_request()->suggested_name == "回覧_清掃当番.pdf");
  CHECK_THAT(w.message.text, Catch::Matchers::Contains("保存しました"));
}
