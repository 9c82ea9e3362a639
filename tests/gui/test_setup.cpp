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
#include <wasshoi/sdk/text.hpp>

#include "shell_driver.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

struct Window : test::ShellDriver {
  test::TempDir dir;
  fs::path db = dir / "empty.db";
  std::unique_ptr<host::App> app;

  Window() {
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(
        host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"});
    app->open_database();
    shell = std::make_unique<gui::Shell>(*app, fonts, gui::ShellOptions{.remember = false});
  }
  ~Window() { shell.reset(); }
  // The host's forms put labels left of their fields (8 characters in).
  void type(const std::string& label, const std::string& text) { type_after(label, text); }
  // Opens the combo right of `label` and picks `item` in its list.
  void choose(const std::string& label, const std::string& item) {
    ImVec2 at = where(label);
    at.x += em() * 8.0f;
    click_at(at);
    click(item);
  }
  void open(const std::string& panel) {
    REQUIRE(shell->show_panel(panel));
    for (int i = 0; i < 3; ++i) frame();  // tables take their widths on the second frame
  }
};

std::string no_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

}  // namespace

// Issue 15's acceptance: from an EMPTY database, with no CLI call, the window names the 自治会,
// adds 3 班, a 会長 and a 班長, a hall with two slots, the 定足数 rule, books the hall, adds a
// household, records its 会費 and reverses the payment with a reason. Then the file is read back.
TEST_CASE("from an empty database the window sets up a 自治会 and runs its first bookings and dues") {
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

  // A hall with two slots (施設予約 → 施設を登録する).
  w.open("booking.week");
  REQUIRE(w.shows("施設がまだありません"));
  w.click("施設を登録する");
  w.type_before("施設の名前", "わっしょい台集会所");
  w.type_before("定員（人）", "60");
  w.click("時間帯を追加");
  w.type_before("時間帯名", "午前");
  w.type_before("開始時刻", "9:00");
  w.type_before("終了時刻", "12:00");
  w.type_before("料金（円）", "500");
  w.click("時間帯を追加");
  w.type_before("時間帯名", "午後");
  w.type_before("開始時刻", "13:00");
  w.type_before("終了時刻", "17:00");
  w.type_before("料金（円）", "800");
  w.click("この内容で施設を登録する");
  REQUIRE(w.shows("施設を登録しました"));

  // The 定足数 rule (議事録 → 会議の設定): 3分の2以上.
  w.open("minutes.settings");
  w.click("3分の2以上");
  w.click("定足数を保存");
  REQUIRE(w.shows("定足数の決まりを保存しました"));

  // The hall booked for a 役員会 a week from now (never in 年末年始, when it is closed).
  sdk::Date day = sdk::today().add_days(7);
  while ((day.month == 12 && day.day >= 29) || (day.month == 1 && day.day <= 3)) day = day.add_days(1);
  w.open("booking.week");
  w.click("予約の画面に戻る");  // the week's panel still shows the set-up form
  w.click("予約を追加");
  w.retype_before("カレンダー", day.iso());  // the date field is left of its カレンダー button
  w.type_before("目的", "役員会");
  w.click("予約する");
  REQUIRE(w.shows("予約#"));  // 予約 #N を登録しました
  w.click("閉じる");

  // A household (世帯 → ＋ 新しい世帯), its 会費 set, paid and the payment reversed.
  w.open("members.household");
  w.click("新しい世帯");
  w.type("世帯主", "髙橋　一郎");
  // The 班 combo is the row above 住所 (「班」 alone is found all over the screen).
  ImVec2 han = w.where("住所");
  han.y -= ImGui::GetFrameHeightWithSpacing();
  han.x += w.em() * 8.0f;
  w.click_at(han);
  w.click("2班");
  w.click("世帯を登録");
  REQUIRE(w.shows("髙橋"));
  w.open("members.dues");
  w.type("年会費（円）", "6000");
  w.click("設定");
  REQUIRE(w.shows("年度の会費を設定しました"));
  w.click("集金済みにする");
  REQUIRE(w.shows("集金を記録しました"));
  w.click("取消");
  w.frame();
  ImGui::GetIO().AddInputCharactersUTF8("別の世帯の分を誤って記録");
  w.frame();
  w.frame();
  w.click("取り消す");
  REQUIRE(w.shows("入金を取り消しました"));

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
  CHECK(sdk::query_text(db,
                        "SELECT group_concat(name || ' ' || start_min || '-' || end_min || ' ' || fee, ', ') "
                        "FROM (SELECT * FROM booking_slots ORDER BY start_min)") ==
        "午前 540-720 500, 午後 780-1020 800");
  CHECK(sdk::query_text(db, "SELECT name || ' ' || capacity FROM booking_facilities") ==
        "わっしょい台集会所 60");
  CHECK(sdk::query_text(db, "SELECT numerator || '/' || denominator FROM minutes_quorum_rules") == "2/3");
  // Stored in epoch minutes of local time: the day, 9:00–12:00 (午前), no fee (the 自治会 owns the hall).
  CHECK(sdk::query_text(db,
                        "SELECT date(start_min * 60, 'unixepoch') || ' ' || (start_min % 1440) || '-' || "
                        "(end_min % 1440) || ' ' || fee || ' ' || purpose FROM booking_bookings") ==
        day.iso() + " 540-720 0 役員会");
  CHECK(sdk::query_text(db,
                        "SELECT p.name FROM members_persons p JOIN members_households h ON h.id = "
                        "p.household_id JOIN han ON han.id = h.han_id WHERE han.name = '2班'") ==
        "髙橋　一郎");
  CHECK(sdk::query_int(db, "SELECT count(*) FROM members_dues_payments") == 2);  // paid, and reversed
  CHECK(sdk::query_int(db,
                       "SELECT total(CASE WHEN reverses IS NULL THEN amount ELSE -amount END) FROM "
                       "members_dues_payments") == 0);
  CHECK(sdk::query_text(db, "SELECT detail FROM audit_log WHERE action = 'members.dues.reverse'")
            ->find("別の世帯の分を誤って記録") != std::string::npos);
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
