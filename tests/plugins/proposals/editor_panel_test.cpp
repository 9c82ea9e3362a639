// The 要望書 editor of the real plugin library in the real shell, drawn without a window and
// clicked as a user clicks: a picture's 削除 asks first, キャンセル keeps it, 削除する removes it.
#include <catch2/catch.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "core/lifecycle.hpp"
#include "core/proposals.hpp"
#include "fixture.hpp"
#include "headless.hpp"

using namespace wasshoi;
using namespace wasshoi::proposals;
using Catch::Matchers::Contains;

namespace {

struct EditorFixture {
  test::ProposalsFixture f;
  gui::FontSet fonts{gui::find_japanese_font()};
  ProposalId id = 0;
  std::int64_t photo = 0;

  // A new proposal with nothing in its sections (so the picture's is the only 削除) and a photo.
  EditorFixture() {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    id = add_proposal(
        f.db(), f.orgs(),
        {f.first, "防犯灯の増設", Kind::Request, Addressee::Mayor, f.city, "", "", {2026, 4, 20}});
    test::write_png(f.tmp / "photo.png", 320, 240);
    photo = add_attachment_file(f.db(), id, "photo", f.tmp / "photo.png", "違う町内の写真");
  }
  std::size_t pictures() { return get_proposal(f.db(), f.orgs(), id).attachments.size(); }
};

// The shell with the editor in front, settled. The editor keeps its state in the plugin library,
// which stays loaded when one process runs several tests: it starts afresh when the organization
// changes, so the 地域協働体 is shown for a frame first.
struct EditorWindow {
  gui::Shell shell;
  test::HeadlessImGui imgui;
  std::function<void()> draw = [this] { shell.draw_frame(); };

  explicit EditorWindow(EditorFixture& e)
      : shell(*e.f.app, e.fonts, {.start_org = e.f.kyodotai, .remember = false}), imgui(e.fonts) {
    REQUIRE(shell.show_panel("proposals.editor"));
    imgui.frame(draw);
    shell.select_org(e.f.first);
    REQUIRE(shell.show_panel("proposals.editor"));
    for (int i = 0; i < 4; ++i) imgui.frame(draw);  // the layout and the font atlas settle
  }
  // Draws until `text` is on screen, scrolling the editor down with the mouse wheel as needed.
  ImVec2 scroll_to(const std::string& text) {
    auto body = imgui.find("印刷…");  // a button near the top of the editor's column
    REQUIRE(body);
    for (int i = 0; i < 30; ++i) {
      if (auto at = imgui.find(text)) return *at;
      ImGui::GetIO().MousePos = ImVec2(body->x, 600);
      ImGui::GetIO().MouseWheel = -3;
      imgui.frame(draw);
    }
    FAIL("not on screen: " << text);
    return {};
  }
  void click(const std::string& text) {
    auto at = imgui.find(text);
    REQUIRE(at);
    imgui.click(*at, draw);
    imgui.frame(draw);  // a modal sizes itself on its first frame
  }
};

}  // namespace

TEST_CASE("a picture's 削除 in the editor asks first: キャンセル keeps it, 削除する removes it") {
  EditorFixture e;
  EditorWindow w(e);
  w.scroll_to("photo.png　違う町内の写真");
  w.click("削除");
  std::string text = w.imgui.frame(w.draw);
  INFO(text);
  CHECK_THAT(text, Contains("画像の削除") && Contains("削除する") && Contains("キャンセル"));
  CHECK(e.pictures() == 1);  // asked, not removed yet

  w.click("キャンセル");
  CHECK_THAT(w.imgui.frame(w.draw), !Contains("削除する"));
  CHECK(e.pictures() == 1);

  w.click("削除");
  w.click("削除する");
  CHECK(e.pictures() == 0);
  CHECK(sdk::query_text(e.f.db(), "SELECT detail FROM audit_log ORDER BY id DESC LIMIT 1") ==
        "proposal " + std::to_string(e.id) + " remove photo.png");
  CHECK_THAT(w.imgui.frame(w.draw), Contains("添付された画像はありません") && !Contains("photo.png"));
}

TEST_CASE("the editor offers no 削除 for the pictures of a submitted proposal") {
  EditorFixture e;
  add_gathering(e.f.db(), e.id, {0, GatheringMethod::Board, sdk::Date{2026, 5, 3}, 12, 0, "全員賛成"});
  add_history(e.f.db(), e.id, {0, sdk::Date{2025, 11, 2}, "経過"});
  add_action(e.f.db(), e.f.orgs(), e.id, {0, "防犯灯を増設していただきたい。", std::nullopt, ""});
  approve(e.f.db(), e.f.orgs(), e.id, &e.f.meetings(), e.f.board);
  submit(e.f.db(), e.f.orgs(), e.id, {2026, 5, 20}, "", &e.f.issues());
  EditorWindow w(e);
  w.scroll_to("photo.png　違う町内の写真");
  CHECK_FALSE(w.imgui.find("削除"));
}

TEST_CASE("a submitted proposal's editor says why it is locked and what can still be done") {
  EditorFixture e;
  add_gathering(e.f.db(), e.id, {0, GatheringMethod::Board, sdk::Date{2026, 5, 3}, 12, 0, "全員賛成"});
  add_history(e.f.db(), e.id, {0, sdk::Date{2025, 11, 2}, "経過"});
  add_action(e.f.db(), e.f.orgs(), e.id, {0, "防犯灯を増設していただきたい。", std::nullopt, ""});
  approve(e.f.db(), e.f.orgs(), e.id, &e.f.meetings(), e.f.board);
  submit(e.f.db(), e.f.orgs(), e.id, {2026, 5, 20}, "", &e.f.issues());
  EditorWindow w(e);
  std::string text = w.imgui.frame(w.draw);
  INFO(text);
  CHECK_THAT(text, Contains("市へ提出済みの要望書は変更できません（令和8年5月20日に"));
  CHECK_THAT(text, Contains("回答・進捗の記録、完了、次の年度への繰越"));
  // The answer form is there, and photos can still be added (not removed).
  w.scroll_to("回答を記録");
  CHECK(w.imgui.find("画像を添付"));
  CHECK_FALSE(w.imgui.find("削除"));
}
