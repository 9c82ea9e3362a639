// Setting up in the window, as a first-time user would: from an EMPTY database, the welcome's
// 自分の自治会を登録して始める, the 自治会's name and 1班〜3班 typed in, then 設定 → 役員アカウント: a
// 会長 and a 班長 of 2班, typed and clicked. Then the file is read back. Real plugins, real SQLite,
// ImGui without a window.
#include <catch2/catch.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/setup.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "headless.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

struct Window {
  test::TempDir dir;
  fs::path db = dir / "empty.db";
  gui::FontSet fonts{gui::find_japanese_font()};
  std::unique_ptr<host::App> app;
  std::unique_ptr<test::HeadlessImGui> imgui;
  std::unique_ptr<gui::Shell> shell;

  Window() {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(
        host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"});
    app->open_database();
    imgui = std::make_unique<test::HeadlessImGui>(fonts);
    ImGui::GetIO().DisplaySize = ImVec2(1600, 1800);
    shell = std::make_unique<gui::Shell>(*app, fonts, gui::ShellOptions{.remember = false});
  }
  ~Window() {
    shell.reset();
    imgui.reset();
  }
  std::string frame() {
    return imgui->frame([&] { shell->draw_frame(); });
  }
  ImVec2 where(const std::string& text) {
    frame();
    auto at = imgui->find(text);
    INFO("on screen: " << frame());
    REQUIRE(at);
    return *at;
  }
  void click_at(ImVec2 at) {
    imgui->click(at, [&] { shell->draw_frame(); });
    frame();
  }
  void click(const std::string& label) { click_at(where(label)); }
  // Clicks into the field to the right of `label` (forms put fields 8 characters in) and types.
  void type(const std::string& label, const std::string& text) {
    ImVec2 at = where(label);
    at.x += static_cast<float>(fonts.size()) * 8.0f;
    click_at(at);
    ImGui::GetIO().AddInputCharactersUTF8(text.c_str());
    frame();
    frame();
  }
  // Opens the combo right of `label` and picks `item` in its list.
  void choose(const std::string& label, const std::string& item) {
    ImVec2 at = where(label);
    at.x += static_cast<float>(fonts.size()) * 8.0f;
    click_at(at);
    click(item);
  }
};

std::string no_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

}  // namespace

TEST_CASE("from an empty database, the window sets up a 自治会 with 3 班, a 会長 and a 班長") {
  Window w;
  w.frame();
  std::string screen = w.frame();
  INFO(screen);
  REQUIRE(screen.find("自分の自治会を登録して始める") != std::string::npos);
  w.click("自分の自治会を登録して始める");
  w.type("自治会の名前", "わっしょい台自治会");
  w.type("班の名前", "1班〜3班");
  screen = w.frame();
  CHECK(screen.find("作られる班：1班、2班、3班") != std::string::npos);
  w.click("この内容で登録する");

  // 設定 opens on the accounts: the first one is the 会長 (the combo says so already).
  screen = w.frame();
  CHECK(w.shell->is_open(gui::kSettingsPanel));
  REQUIRE(screen.find("アカウントを追加") != std::string::npos);
  w.type("ログイン名", "yamada");
  w.type("氏名", "山田 花子");
  w.type("パスフレーズ", "yamada passphrase");
  w.type("もう一度", "yamada passphrase");
  w.click("アカウントを追加する");
  screen = w.frame();
  INFO(screen);
  REQUIRE(screen.find("最初のアカウント（管理者）を作りました") != std::string::npos);

  // The 班長 of 2班; first with passphrases that differ, which adds nobody.
  w.type("ログイン名", "suzuki");
  w.type("氏名", "鈴木 一郎");
  w.choose("役割", "班長");
  w.choose("班", "2班");
  w.type("パスフレーズ", "suzuki passphrase");
  w.type("もう一度", "suzuki passphrase?");
  w.click("アカウントを追加する");
  CHECK(w.frame().find("一致しません") != std::string::npos);
  CHECK(host::Accounts(w.app->db()).list().size() == 1);
  // Both passphrase fields are emptied, to be typed again.
  w.type("パスフレーズ", "suzuki passphrase");
  w.type("もう一度", "suzuki passphrase");
  w.click("アカウントを追加する");
  screen = w.frame();
  CHECK(screen.find("アカウントを追加しました") != std::string::npos);
  CHECK(no_spaces(screen).find("鈴木一郎") != std::string::npos);  // in the list of accounts

  w.shell.reset();
  w.app.reset();
  // What the file holds.
  sdk::Database db = sdk::Database::open(w.db, sdk::Database::Mode::ReadOnly);
  CHECK(sdk::query_text(db, "SELECT group_concat(kind || ':' || name) FROM organizations") ==
        "jichikai:わっしょい台自治会");
  CHECK(
      sdk::query_text(db, "SELECT group_concat(name, ',') FROM (SELECT name FROM han ORDER BY sort_order)") ==
      "1班,2班,3班");
  CHECK(sdk::query_text(db,
                        "SELECT role || ' ' || admin || ' ' || name FROM accounts WHERE login = 'yamada'") ==
        "kaicho 1 山田 花子");
  CHECK(
      sdk::query_text(db,
                      "SELECT a.role || ' ' || h.name || ' ' || a.name FROM accounts a JOIN han h ON h.id = "
                      "a.han_id WHERE a.login = 'suzuki'") == "hancho 2班 鈴木 一郎");
  CHECK(sdk::query_int(db, "SELECT count(*) FROM accounts") == 2);
  // They sign in with what was typed.
  sdk::Database rw = sdk::Database::open(w.db);
  host::Accounts accounts(rw);
  CHECK(accounts.authenticate("yamada", "yamada passphrase").role == sdk::Role::Chair);
  CHECK(accounts.authenticate("suzuki", "suzuki passphrase").role == sdk::Role::HanLeader);
}

TEST_CASE("設定 is offered to the 会長, not to a 班長 or a 閲覧") {
  test::TempDir dir;
  const fs::path db = dir / "officers.db";
  {
    host::App app{host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"}};
    app.open_database();
    const sdk::OrgId org = host::Setup(app).first_start("わっしょい台自治会", {"1班", "2班"});
    host::Accounts accounts(app.db());
    const auto full = sdk::Access::everything();
    accounts.add(full, "yamada", "山田 花子", "yamada passphrase", sdk::Role::Chair, org, std::nullopt);
    accounts.add(full, "suzuki", "鈴木 一郎", "suzuki passphrase", sdk::Role::HanLeader, org,
                 app.orgs().han(org).front().id);
    accounts.add(full, "kimura", "木村 三郎", "kimura passphrase", sdk::Role::Viewer, org, std::nullopt);
  }
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  gui::FontSet fonts{gui::find_japanese_font()};
  test::HeadlessImGui imgui(fonts);
  for (const auto& [login, offered] : {std::pair{"yamada", true}, {"suzuki", false}, {"kimura", false}}) {
    host::App app{host::AppOptions{.db_path = db,
                                   .plugin_dir = test::bin_dir() / "plugins",
                                   .login = login,
                                   .passphrase = std::string(login) + " passphrase"}};
    app.open_database();
    gui::Shell shell(app, fonts, gui::ShellOptions{.remember = false});
    const auto ids = shell.panel_ids();
    INFO(login);
    CHECK((std::find(ids.begin(), ids.end(), gui::kSettingsPanel) != ids.end()) == offered);
    CHECK(shell.show_panel(gui::kSettingsPanel) == offered);
    std::string screen;
    for (int i = 0; i < 3; ++i) screen = imgui.frame([&] { shell.draw_frame(); });
    CHECK((screen.find("役員アカウント") != std::string::npos) == offered);  // 設定's tabs
  }
}
