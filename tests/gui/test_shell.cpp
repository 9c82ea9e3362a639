// The shell drawn without a window: organization switcher, plugin panels, the Plugins window,
// and panels that throw or leave ImGui unbalanced.
#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "headless.hpp"
#include "test_support.hpp"

using namespace wasshoi;
using host::OrgKind;

namespace {

// A database with organizations and 班 named with 髙 﨑 𠮷, and the test plugins loaded.
struct ShellFixture {
  test::TempDir dir;
  host::App app{host::AppOptions{.db_path = dir / "gui.db", .plugin_dir = TEST_PLUGIN_DIR}};
  gui::FontSet fonts{gui::find_japanese_font()};
  sdk::OrgId kyodotai = 0, jichikai = 0, npo = 0;

  ShellFixture() {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app.open_database();
    auto orgs = app.orgs();
    npo = orgs.add(OrgKind::Npo, "見守りの会");
    kyodotai = orgs.add(OrgKind::Kyodotai, "山目地区まちづくり協議会");
    jichikai = orgs.add(OrgKind::Jichikai, "髙橋台自治会", kyodotai);
    for (const char* han : {"髙橋班", "﨑山班", "𠮷田班"}) orgs.add_han(jichikai, han);
    for (const char* plugin : {"test_names", "test_thrower", "test_unbalanced", "test_busy"})
      app.enable_plugin(jichikai, plugin);
  }
  const host::PluginRecord& plugin(const std::string& id) { return *app.plugins().find(id); }
};

// Spaces draw nothing, so they are left out of the comparison.
bool appears_in_order(const std::string& text, std::initializer_list<std::string> parts) {
  std::size_t at = 0;
  for (std::string p : parts) {
    std::erase(p, ' ');
    at = text.find(p, at);
    if (at == std::string::npos) return false;
    at += p.size();
  }
  return true;
}

// Opens the organization combo in the sidebar on this frame (as a click on it would).
void open_org_combo() {
  ImGuiWindow* sidebar = ImGui::FindWindowByName("###sidebar");
  REQUIRE(sidebar);
  ImGui::OpenPopupEx(ImHashStr("##ComboPopup", 0, sidebar->GetID("##org")));
}

}  // namespace

TEST_CASE("a panel that throws while drawing is closed, its plugin marked failed, and the frame completes") {
  ShellFixture f;
  REQUIRE(f.plugin("test_thrower").state == host::PluginState::Loaded);
  gui::Shell shell(f.app, f.fonts, {.start_org = f.jichikai, .remember = false});
  test::HeadlessImGui imgui(f.fonts);
  REQUIRE(shell.show_panel("test_thrower.boom"));
  imgui.frame([&] { shell.draw_frame(); });
  CHECK(ImGui::GetCurrentContext()->FrameCountEnded == ImGui::GetFrameCount());
  CHECK(f.plugin("test_thrower").state == host::PluginState::Failed);
  CHECK_THAT(f.plugin("test_thrower").reason,
             Catch::Contains("panel test_thrower.boom threw: boom in a table"));
  CHECK_THAT(shell.context().last_message(), Catch::Contains("test_thrower"));
  // The program goes on: later frames draw the other plugins, the failed one is not offered.
  REQUIRE(shell.show_panel("test_names.list"));
  const std::string text = imgui.frame([&] { shell.draw_frame(); });
  CHECK(appears_in_order(text, {"髙橋一郎", "吉※田次郎"}));
  CHECK_FALSE(shell.show_panel("test_thrower.boom"));
  CHECK(f.plugin("test_names").state == host::PluginState::Loaded);
}

TEST_CASE("a panel that finds the database busy says so and its plugin stays enabled") {
  ShellFixture f;
  gui::Shell shell(f.app, f.fonts, {.start_org = f.jichikai, .remember = false});
  test::HeadlessImGui imgui(f.fonts);
  REQUIRE(shell.show_panel("test_busy.save"));
  imgui.frame([&] { shell.draw_frame(); });
  CHECK(ImGui::GetCurrentContext()->FrameCountEnded == ImGui::GetFrameCount());
  CHECK(f.plugin("test_busy").state == host::PluginState::Loaded);
  CHECK_THAT(shell.context().last_message(), Catch::Contains("他のプログラムが使用中"));
  CHECK(shell.show_panel("test_busy.save"));  // still offered: try again later
}

TEST_CASE("a panel refused by the access rules or bad input shows the message and its plugin stays enabled") {
  ShellFixture f;
  gui::Shell shell(f.app, f.fonts, {.start_org = f.jichikai, .remember = false});
  test::HeadlessImGui imgui(f.fonts);
  REQUIRE(shell.show_panel("test_busy.refuse"));
  imgui.frame([&] { shell.draw_frame(); });
  CHECK(ImGui::GetCurrentContext()->FrameCountEnded == ImGui::GetFrameCount());
  CHECK(f.plugin("test_busy").state == host::PluginState::Loaded);
  CHECK_THAT(shell.context().last_message(), Catch::Contains("not in your 班"));
  CHECK(shell.show_panel("test_busy.refuse"));
}

TEST_CASE("a panel that leaves ImGui unbalanced is stopped the same way") {
  ShellFixture f;
  gui::Shell shell(f.app, f.fonts, {.start_org = f.jichikai, .remember = false});
  test::HeadlessImGui imgui(f.fonts);
  REQUIRE(shell.show_panel("test_unbalanced.open"));
  imgui.frame([&] { shell.draw_frame(); });
  imgui.frame([&] { shell.draw_frame(); });
  CHECK(f.plugin("test_unbalanced").state == host::PluginState::Failed);
  CHECK_THAT(f.plugin("test_unbalanced").reason, Catch::Contains("unbalanced"));
}

TEST_CASE("the Plugins window lists each plugin with its state and the reason it failed") {
  ShellFixture f;
  gui::Shell shell(f.app, f.fonts, {.start_org = f.jichikai, .remember = false});
  test::HeadlessImGui imgui(f.fonts);
  shell.show_panel("test_thrower.boom");
  imgui.frame([&] { shell.draw_frame(); });
  REQUIRE(shell.show_panel(gui::kPluginsPanel));
  imgui.frame([&] { shell.draw_frame(); });  // a new table sizes its columns on its first frame
  const std::string text = imgui.frame([&] { shell.draw_frame(); });
  INFO(text);
  CHECK(appears_in_order(text, {"test_names", "テスト test_names", "0.1.0", "動作中"}));
  CHECK(appears_in_order(text, {"test_thrower", "停止", "boom in a table"}));
}

TEST_CASE("the organization switcher lists 自治会 under their 地域協働体, each with its kind") {
  ShellFixture f;
  gui::Shell shell(f.app, f.fonts, {.start_org = f.jichikai, .remember = false});
  test::HeadlessImGui imgui(f.fonts);
  imgui.frame([&] { shell.draw_frame(); });
  imgui.frame([&] { shell.draw_frame(); }, open_org_combo);
  const std::string text = imgui.frame([&] { shell.draw_frame(); });  // popups show on their 2nd frame
  INFO(text);
  CHECK(appears_in_order(text, {"見守りの会（市民活動団体・NPO）", "山目地区まちづくり協議会（地域協働体）",
                                "髙橋台自治会（自治会）"}));
}

TEST_CASE("the organizations panel shows 班 names with 髙 﨑 drawn and 𠮷 as a legible stand-in") {
  ShellFixture f;
  gui::Shell shell(f.app, f.fonts, {.start_org = f.jichikai, .remember = false});
  test::HeadlessImGui imgui(f.fonts);
  REQUIRE(shell.show_panel(gui::kOrganizationsPanel));
  std::string text;
  for (int i = 0; i < 3; ++i) text = imgui.frame([&] { shell.draw_frame(); });
  CHECK(appears_in_order(text, {"髙橋班", "﨑山班", "吉※田班"}));
  CHECK(imgui.font()->FindGlyphNoFallback(0x9AD9) != nullptr);  // 髙
  CHECK(imgui.font()->FindGlyphNoFallback(0xFA11) != nullptr);  // 﨑
  CHECK_FALSE(f.fonts.dirty());
}

TEST_CASE("switching to English and to a larger font rebuilds the atlas and the words") {
  ShellFixture f;
  gui::Shell shell(f.app, f.fonts, {.start_org = f.jichikai, .remember = false});
  test::HeadlessImGui imgui(f.fonts);
  imgui.frame([&] { shell.draw_frame(); });
  shell.set_language("en");
  shell.set_font_size(28);
  CHECK(f.fonts.dirty());
  const std::string text = imgui.frame([&] { shell.draw_frame(); });
  CHECK(imgui.font()->FontSize == 28.0f);
  CHECK(text.find("Organizations") != std::string::npos);
  sdk::strings().set_language("ja");
}

TEST_CASE("an empty database greets the user, サンプル自治会を作成 creates the sample and opens it") {
  test::TempDir dir;
  // No plugins: the sample enables every plugin there is, and the test plugins' panels (one says
  // the database is busy) would speak over the shell's message.
  host::App app{host::AppOptions{.db_path = dir / "empty.db", .plugin_dir = dir / "no-plugins"}};
  app.open_database();
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  gui::FontSet fonts{gui::find_japanese_font()};
  gui::Shell shell(app, fonts, {.remember = false});
  test::HeadlessImGui imgui(fonts);
  imgui.frame([&] { shell.draw_frame(); });
  const std::string text = imgui.frame([&] { shell.draw_frame(); });
  CHECK(appears_in_order(text, {"サンプル自治会を作成", "空のまま始める"}));
  // Press the first button the way keyboard navigation would.
  imgui.frame([&] { shell.draw_frame(); },
              [] {
                ImGuiWindow* welcome = ImGui::FindWindowByName("###welcome");
                REQUIRE(welcome);
                ImGui::ActivateItem(welcome->GetID(sdk::tr("gui.welcome.sample")));
              });
  for (int i = 0; i < 3; ++i) imgui.frame([&] { shell.draw_frame(); });
  REQUIRE_FALSE(app.orgs().list().empty());
  CHECK(app.orgs().get(shell.context().current_org()).kind == OrgKind::Jichikai);
  CHECK(shell.context().last_message() == sdk::tr("gui.msg.sample_created"));
  CHECK(ImGui::FindWindowByName("###welcome")->Active == false);
}
