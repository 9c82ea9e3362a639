// Rooms set up and booked in the window, as a 会長 does it on a new database: no wasshoi-cli.
//
// The clicks (reusable for an end-to-end test; labels as on screen in Japanese):
//  1. Open 施設予約（週） (panel booking.week). It says 施設がまだありません。 — click 施設を登録する.
//  2. The set-up form opens on a new room. Edit fields have their label on the RIGHT (ImGui), so
//     click just left of the label (find_start(label), a little to the left) and type:
//       施設の名前 → 集会所 大広間;  定員（人） → 60   (開館 9:00 / 閉館 21:00 are filled in)
//  3. 時間帯で予約 is chosen. Click ＋ 時間帯を追加 (find "時間帯を追加"): a slot row appears. Type
//       時間帯名 → 午前;  開始時刻 → 9:00;  終了時刻 → 12:00;  料金（円） → 500
//     Click ＋ 時間帯を追加 again: the new row is drawn last, so the same labels (the last
//     occurrence on screen) are its fields: 午後, 13:00, 17:00, 800.
//  4. Click この内容で施設を登録する. The form says 施設を登録しました。
//  5. Click ◀ 予約の画面に戻る (find "予約の画面に戻る"), then ＋ 予約を追加 (find "予約を追加").
//     The dialog opens on the room with its first slot (午前). Its 日付 field (left of the
//     カレンダー button) holds today: click it, select all (Ctrl+A) and type the date (2026-05-10,
//     R8.5.10 …). Type 目的 → 役員会. Click 予約する: 予約 #N を登録しました.
//     Click 閉じる.
//  6. Cancelling: the sidebar's 予約の確認・承認 lists the booking with 取り消す; click it, type the
//     reason (the field has the focus) and click 取り消す in the window that asks why.
// Real plugins, real SQLite, ImGui without a window; the file is read back at the end.
#include <catch2/catch.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/setup.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "shell_driver.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

struct Window : test::ShellDriver {
  test::TempDir dir;
  fs::path db = dir / "hall.db";
  std::unique_ptr<host::App> app;

  Window() {
    {  // A 自治会 with its 会長, made in C++ (test_setup.cpp does it in the window).
      host::App setup{host::AppOptions{.db_path = db, .plugin_dir = test::bin_dir() / "plugins"}};
      setup.open_database();
      const sdk::OrgId org = host::Setup(setup).first_start("わっしょい台自治会", {"1班", "2班"});
      host::Accounts(setup.db())
          .add(sdk::Access::everything(), "yamada", "山田 花子", "yamada passphrase", sdk::Role::Chair, org,
               std::nullopt);
    }
    sdk::strings().load_folder(test::bin_dir() / "i18n");
    sdk::strings().set_language("ja");
    app = std::make_unique<host::App>(host::AppOptions{.db_path = db,
                                                       .plugin_dir = test::bin_dir() / "plugins",
                                                       .login = "yamada",
                                                       .passphrase = "yamada passphrase"});
    app->open_database();
    shell = std::make_unique<gui::Shell>(*app, fonts, gui::ShellOptions{.remember = false});
  }
  ~Window() { shell.reset(); }
  // The booking forms put labels right of their fields (ImGui's layout).
  void type(const std::string& label, const std::string& text) { type_before(label, text); }
  void retype(const std::string& label, const std::string& text) { retype_before(label, text); }
};

}  // namespace

// The hall with two slots set up in the window and 午前 booked for a 役員会 a few days ahead (never in
// 年末年始, when the hall is closed); returns the day.
sdk::Date hall_and_booking(Window& w) {
  REQUIRE(w.shell->signed_in());
  REQUIRE(w.shell->show_panel("booking.week"));
  w.frame();
  REQUIRE(w.shows("施設がまだありません"));
  CHECK_FALSE(w.shows("wasshoi-cli"));
  w.click("施設を登録する");

  w.type("施設の名前", "集会所 大広間");
  w.type("定員（人）", "60");
  w.click("時間帯を追加");
  w.type("時間帯名", "午前");
  w.type("開始時刻", "9:00");
  w.type("終了時刻", "12:00");
  w.type("料金（円）", "500");
  w.click("時間帯を追加");
  w.type("時間帯名", "午後");
  w.type("開始時刻", "13:00");
  w.type("終了時刻", "17:00");
  w.type("料金（円）", "800");
  w.click("この内容で施設を登録する");
  REQUIRE(w.shows("施設を登録しました"));

  // Booked three days from now: inside the 3 months 予約の確認・承認 lists, never in 年末年始
  // (this hall closes then: the form's default) when the test runs in late December.
  sdk::Date day = sdk::today().add_days(3);
  while ((day.month == 12 && day.day >= 29) || (day.month == 1 && day.day <= 3)) day = day.add_days(1);
  w.click("予約の画面に戻る");
  w.click("予約を追加");
  CHECK(w.shows("午前"));             // the first slot is chosen
  w.retype("カレンダー", day.iso());  // the date field is left of its カレンダー button
  w.type("目的", "役員会");
  w.click("予約する");
  REQUIRE(w.shows("を登録しました"));
  w.click("閉じる");

  return day;
}

TEST_CASE("a 会長 adds a hall with two slots in the window books 午前 and cancels it with a reason") {
  Window w;
  const sdk::Date day = hall_and_booking(w);
  w.click("予約の確認・承認");
  w.click("取り消す");
  w.frame();
  REQUIRE(w.shows("予約を取り消す理由"));
  w.type_text("雨天のため中止");
  w.click("取り消す");  // the one in the window that asks why (drawn last)
  REQUIRE(w.shows("予約を取り消しました"));

  w.shell.reset();
  w.app.reset();
  sdk::Database db = sdk::Database::open(w.db, sdk::Database::Mode::ReadOnly);
  CHECK(sdk::query_text(db,
                        "SELECT o.name || ' ' || f.name || ' ' || f.capacity || ' ' || f.retired FROM "
                        "booking_facilities f JOIN organizations o ON o.id = f.owner_id") ==
        "わっしょい台自治会 集会所 大広間 60 0");
  CHECK(sdk::query_text(db,
                        "SELECT group_concat(name || ' ' || start_min || '-' || end_min || ' ' || fee, ', ') "
                        "FROM (SELECT * FROM booking_slots ORDER BY start_min)") ==
        "午前 540-720 500, 午後 780-1020 800");
  CHECK(sdk::query_int(db, "SELECT count(*) FROM booking_bookings") == 1);
  CHECK(sdk::query_text(db,
                        "SELECT status || ' ' || purpose || ' ' || (end_min - start_min) FROM "
                        "booking_bookings") == "cancelled 役員会 180");
  CHECK(sdk::query_text(db, "SELECT actor FROM audit_log WHERE action = 'booking.cancel'") == "yamada");
  const auto detail = sdk::query_text(db, "SELECT detail FROM audit_log WHERE action = 'booking.cancel'");
  REQUIRE(detail);
  CHECK_THAT(*detail, Catch::Contains("雨天のため中止"));
  CHECK_THAT(*detail, Catch::Contains(day.iso() + " 9:00–12:00"));
}

TEST_CASE("a 班長 sees who may set up rooms instead of the set-up button") {
  Window w;
  {
    auto orgs = w.app->orgs();
    const sdk::OrgId org = orgs.list().front().id;
    host::Accounts(w.app->db())
        .add(w.app->access(), "suzuki", "鈴木 一郎", "suzuki passphrase", sdk::Role::HanLeader, org,
             orgs.han(org).front().id);
  }
  w.shell.reset();
  w.app->sign_out();
  w.app->sign_in("suzuki", "suzuki passphrase");
  w.shell = std::make_unique<gui::Shell>(*w.app, w.fonts, gui::ShellOptions{.remember = false});
  REQUIRE(w.shell->show_panel("booking.week"));
  w.frame();
  CHECK(w.shows("施設がまだありません"));
  CHECK(w.shows("会長・役員ができます"));
  CHECK_FALSE(w.shows("施設を登録する"));
}

TEST_CASE("a booking moved in the window to another time keeps the old one as cancelled and the reason") {
  Window w;
  const sdk::Date day = hall_and_booking(w);
  w.click("予約の確認・承認");
  w.click("日時を変える");
  // The form under the booking: the date, then the start 〜 end times (9:00 〜 12:00 filled in).
  const ImVec2 dash = w.where("〜");
  const float em = w.em();
  auto retype_at = [&](ImVec2 at, const std::string& text) {
    w.click_at(at);
    w.select_all();
    w.type_text(text);
  };
  retype_at(ImVec2(dash.x - em * 2.0f, dash.y), "13:00");
  retype_at(ImVec2(dash.x + em * 2.0f, dash.y), "16:00");
  w.click("変更する");
  REQUIRE(w.shows("予約の日時を変える理由"));
  w.type_text("午前は別の行事と重なった");
  w.click("変更する");  // the one in the window that asks why (drawn last)
  REQUIRE(w.shows("予約の日時を変えました"));
  w.shell.reset();
  w.app.reset();
  sdk::Database db = sdk::Database::open(w.db, sdk::Database::Mode::ReadOnly);
  CHECK(sdk::query_text(
            db,
            "SELECT group_concat(s, ', ') FROM (SELECT status || ' ' || date(start_min * 60, "
            "'unixepoch') || ' ' || (start_min % 1440) || '-' || (end_min % 1440) || ' ' || purpose "
            "AS s FROM booking_bookings ORDER BY id)") ==
        "cancelled " + day.iso() + " 540-720 役員会, approved " + day.iso() + " 780-960 役員会");
  const auto detail = sdk::query_text(
      db, "SELECT group_concat(detail, ' | ') FROM audit_log WHERE action LIKE 'booking.%move%'");
  REQUIRE(detail);
  CHECK_THAT(*detail, Catch::Contains("午前は別の行事と重なった"));
}
