// 施設の設定 and corrections as signed-in officers do them: the real host with the real booking
// plugin (so host core's write guards are on), officer accounts, a real SQLite file.
#include <catch2/catch.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app_context.hpp>

#include "core/bookings.hpp"
#include "core/facility_changes.hpp"
#include "core/series.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

using namespace wasshoi;
using namespace wasshoi::booking;

namespace {

struct Officers {
  test::TempDir tmp;
  std::unique_ptr<host::App> app;
  std::unique_ptr<host::AppContext> ctx;
  sdk::OrgId kyodotai = 0, jichikai = 0, other = 0, kominkan = 0;

  Officers() {
    if (test::testing_postgres()) return;  // officer accounts: every test here skips on a server
    app = std::make_unique<host::App>(host::AppOptions{
        .db_path = tmp / "w.db", .plugin_dir = test::bin_dir() / "plugins", .actor = "test"});
    app->open_database();
    auto orgs = app->orgs();
    kyodotai = orgs.add(host::OrgKind::Kyodotai, "わっしょい地区まちづくり協議会");
    jichikai = orgs.add(host::OrgKind::Jichikai, "わっしょい第一自治会", kyodotai);
    other = orgs.add(host::OrgKind::Jichikai, "髙﨑町内会", kyodotai);
    kominkan = orgs.add(host::OrgKind::Support, "わっしょい地区公民館");
    const std::int64_t han1 = orgs.add_han(jichikai, "1班");
    for (auto org : {kyodotai, jichikai, other, kominkan}) app->enable_plugin(org, "booking");
    host::Accounts accounts(app->db());
    const auto full = sdk::Access::everything();
    accounts.add(full, "kaicho", "山田 花子", "kaicho passphrase", sdk::Role::Chair, jichikai, std::nullopt);
    accounts.add(full, "hancho", "﨑山 一郎", "hancho passphrase", sdk::Role::HanLeader, jichikai, han1);
    accounts.add(full, "etsuran", "閲覧 𠮷田", "etsuran passphrase", sdk::Role::Viewer, jichikai,
                 std::nullopt);
    accounts.add(full, "kyodo", "協議会 役員", "kyodo passphrase", sdk::Role::Officer, kyodotai,
                 std::nullopt);
    accounts.add(full, "takasaki", "髙﨑 会長", "takasaki passphrase", sdk::Role::Chair, other, std::nullopt);
    ctx = std::make_unique<host::AppContext>(*app, jichikai);
  }
  // As the window does: the one signed in signs out, the next signs in.
  void as(const std::string& login) {
    app->sign_out();
    app->sign_in(login, login + " passphrase");
  }
  sdk::Database& db() { return app->db(); }
  std::int64_t count(const std::string& sql) { return *sdk::query_int(db(), sql); }
  std::string last_detail(const std::string& action) {
    return sdk::query_text(
               db(), "SELECT detail FROM audit_log WHERE action = '" + action + "' ORDER BY id DESC LIMIT 1")
        .value_or("");
  }

  // 集会所 大広間 of the 自治会: 午前 ¥500, 午後 ¥800.
  Facility hall() {
    Facility f{.owner = jichikai, .name = "集会所 大広間", .capacity = 60};
    f.new_year_closed = false;
    f.slots = {{"午前", 9 * 60, 12 * 60, 500}, {"午後", 13 * 60, 17 * 60, 800}};
    return f;
  }
  BookingRequest morning(FacilityId room, sdk::OrgId org, const sdk::Date& day) {
    return {room, org, {day, 9, 0}, {day, 12, 0}, "役員会", "山田", std::nullopt, 12};
  }
};

const sdk::Date kDay{2030, 6, 12};  // a Wednesday

}  // namespace

TEST_CASE_METHOD(Officers, "the 会長 adds a hall with slots edits it and every change is in the audit log") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  FacilityId id = add_facility(*ctx, hall());
  Facility f = get_facility(db(), id);
  f.name = "集会所 𠮷田ﾎｰﾙ";
  f.capacity = 80;
  f.slots = {{"午前", 9 * 60, 12 * 60, 600}, {"夜間", 18 * 60, 21 * 60, 1000}};
  f.closed_weekdays = 1u << 1;  // 月
  f.closed_on_holidays = true;
  f.requires_approval = true;
  f.equipment = {{"長机", 12}};
  f.exempt_orgs = {other};
  update_facility(*ctx, f);

  Facility stored = get_facility(db(), id);
  CHECK(stored.name == "集会所 𠮷田ﾎｰﾙ");
  CHECK(stored.capacity == 80);
  REQUIRE(stored.slots.size() == 2);
  CHECK(stored.slots[1].name == "夜間");
  CHECK(stored.slots[1].fee == 1000);
  CHECK(stored.closed_weekdays == 2u);
  CHECK(stored.requires_approval);
  CHECK(stored.exempt_orgs == std::vector<sdk::OrgId>{other});
  CHECK(stored.owner == jichikai);
  CHECK_THAT(last_detail("booking.facility.edit"), Catch::Contains("夜間 18:00–21:00 ¥1000"));
  CHECK(*sdk::query_text(db(), "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1") == "kaicho");
}

TEST_CASE_METHOD(Officers,
                 "a slot outside the hours or two slots of one name are refused and nothing changes") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  FacilityId id = add_facility(*ctx, hall());
  Facility f = get_facility(db(), id);
  f.slots.push_back({"午前", 18 * 60, 20 * 60, 0});
  CHECK_THROWS_WITH(update_facility(*ctx, f), Catch::Contains("two slots named 午前"));
  f.slots.back() = {"夜", 20 * 60, 22 * 60, 0};
  CHECK_THROWS_WITH(update_facility(*ctx, f), Catch::Contains("inside the opening hours"));
  CHECK(get_facility(db(), id).slots.size() == 2);
  CHECK(count("SELECT count(*) FROM audit_log WHERE action = 'booking.facility.edit'") == 0);
}

TEST_CASE_METHOD(Officers, "a one-off closure is added and removed again and bookings follow it") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  FacilityId id = add_facility(*ctx, hall());
  add_closure(*ctx, id, kDay, "空調工事");
  CHECK_THROWS_WITH(book(db(), sdk::organizations(*ctx), morning(id, jichikai, kDay)),
                    Catch::Contains("臨時休館（空調工事）"));
  remove_closure(*ctx, id, kDay);
  CHECK_THAT(last_detail("booking.closure.remove"), Catch::Contains("空調工事"));
  CHECK(book(db(), sdk::organizations(*ctx), morning(id, jichikai, kDay)) > 0);
  CHECK_THROWS_WITH(remove_closure(*ctx, id, kDay), Catch::Contains("no one-off closure"));
}

TEST_CASE_METHOD(Officers, "a retired room takes no new bookings and keeps the ones it has") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  FacilityId id = add_facility(*ctx, hall());
  BookingId kept = book(db(), sdk::organizations(*ctx), morning(id, jichikai, kDay));
  retire_facility(*ctx, id, "建て替え");
  CHECK(get_facility(db(), id).retired);
  CHECK(get_booking(db(), kept).status == Status::Approved);
  CHECK_THROWS_WITH(book(db(), sdk::organizations(*ctx), morning(id, jichikai, kDay.add_days(1))),
                    Catch::Contains("retired"));
  CHECK_THROWS_WITH(retire_facility(*ctx, id, ""), Catch::Contains("retired"));
  CHECK_THAT(last_detail("booking.facility.retire"), Catch::Contains("建て替え"));
}

TEST_CASE_METHOD(Officers,
                 "a 班長 a 閲覧 and officers of other organizations may not set up the 自治会's rooms") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  FacilityId id = add_facility(*ctx, hall());
  const auto before = count("SELECT count(*) FROM audit_log");
  for (const char* login : {"hancho", "etsuran", "kyodo", "takasaki"}) {
    INFO(login);
    as(login);
    CHECK_FALSE(may_manage_facilities(*ctx, jichikai));
    CHECK_THROWS_AS(add_facility(*ctx, hall()), sdk::InputError);
    Facility f = get_facility(db(), id);
    f.capacity = 5;
    CHECK_THROWS_AS(update_facility(*ctx, f), sdk::InputError);
    CHECK_THROWS_AS(add_closure(*ctx, id, kDay, "工事"), sdk::InputError);
    CHECK_THROWS_AS(retire_facility(*ctx, id, "不要"), sdk::InputError);
    // Below the plugin too: the database refuses the row of another organization's room.
    CHECK_THROWS(update_facility(db(), sdk::organizations(*ctx), f));
  }
  CHECK(count("SELECT count(*) FROM booking_facilities") == 1);
  CHECK(get_facility(db(), id).capacity == 60);
  CHECK(count("SELECT count(*) FROM booking_closures") == 0);
  CHECK(count("SELECT count(*) FROM audit_log") == before);
}

TEST_CASE_METHOD(Officers, "cancelling a booking needs a reason and the audit log keeps it") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  FacilityId id = add_facility(*ctx, hall());
  BookingId b = book(db(), sdk::organizations(*ctx), morning(id, jichikai, kDay));
  CHECK_THROWS_WITH(cancel(*ctx, b, "  "), Catch::Contains("say why"));
  CHECK(get_booking(db(), b).status == Status::Approved);
  cancel(*ctx, b, "雨天のため中止");
  CHECK(get_booking(db(), b).status == Status::Cancelled);
  CHECK_THAT(last_detail("booking.cancel"), Catch::Contains("雨天のため中止"));
}

TEST_CASE_METHOD(Officers, "another 自治会's officer cannot cancel a booking and its 班長 can") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  FacilityId id = add_facility(*ctx, hall());
  BookingId b = book(db(), sdk::organizations(*ctx), morning(id, jichikai, kDay));
  as("takasaki");
  CHECK_THROWS_AS(cancel(*ctx, b, "間違い"), sdk::InputError);
  as("etsuran");
  CHECK_THROWS(cancel(*ctx, b, "間違い"));
  CHECK(get_booking(db(), b).status == Status::Approved);
  as("hancho");
  cancel(*ctx, b, "班の行事が中止");
  CHECK(get_booking(db(), b).status == Status::Cancelled);
}

TEST_CASE_METHOD(Officers, "the owner approves and takes an approval back and the booker may not approve") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  Facility f = hall();
  f.requires_approval = true;
  FacilityId id = add_facility(*ctx, f);
  as("takasaki");
  BookingId b = book(db(), sdk::organizations(*ctx), morning(id, other, kDay));
  CHECK(get_booking(db(), b).status == Status::Tentative);
  CHECK_THROWS_AS(approve(*ctx, b), sdk::InputError);
  as("kaicho");
  approve(*ctx, b);
  CHECK(get_booking(db(), b).status == Status::Approved);
  unapprove(*ctx, b, "日程の確認中");
  CHECK(get_booking(db(), b).status == Status::Tentative);
  CHECK_THAT(last_detail("booking.unapprove"), Catch::Contains("日程の確認中"));
}

TEST_CASE_METHOD(Officers,
                 "a booking moved onto a taken slot stays and moved to a free one is booked again") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  FacilityId id = add_facility(*ctx, hall());
  auto& orgs = sdk::organizations(*ctx);
  BookingId b = book(db(), orgs, morning(id, jichikai, kDay));
  BookingId taken = book(db(), orgs, morning(id, jichikai, kDay.add_days(1)));
  CHECK_THROWS_AS(move_booking(*ctx, b, {kDay.add_days(1), 9, 0}, {kDay.add_days(1), 12, 0}, "会場の都合"),
                  ConflictError);
  CHECK(get_booking(db(), b).status == Status::Approved);
  BookingId moved = move_booking(*ctx, b, {kDay, 13, 0}, {kDay, 17, 0}, "午後に変更");
  CHECK(get_booking(db(), b).status == Status::Cancelled);
  CHECK(get_booking(db(), moved).start == sdk::DateTime{kDay, 13, 0});
  CHECK(get_booking(db(), moved).fee == 0);  // the owner books free
  CHECK(get_booking(db(), taken).status == Status::Approved);
  CHECK_THAT(last_detail("booking.move"), Catch::Contains("午後に変更"));
}

TEST_CASE_METHOD(
    Officers,
    "a 閲覧 and officers of other organizations may not move the 自治会's booking and nothing is "
    "written") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  FacilityId id = add_facility(*ctx, hall());
  BookingId b = book(db(), sdk::organizations(*ctx), morning(id, jichikai, kDay));
  const auto bookings = count("SELECT count(*) FROM booking_bookings");
  const auto audit = count("SELECT count(*) FROM audit_log");
  for (const char* login : {"etsuran", "takasaki", "kyodo"}) {
    INFO(login);
    as(login);
    CHECK_THROWS_AS(move_booking(*ctx, b, {kDay, 13, 0}, {kDay, 17, 0}, "午後に変更"), sdk::Error);
    CHECK(get_booking(db(), b).status == Status::Approved);
    CHECK(get_booking(db(), b).start == sdk::DateTime{kDay, 9, 0});
  }
  CHECK(count("SELECT count(*) FROM booking_bookings") == bookings);
  CHECK(count("SELECT count(*) FROM audit_log") == audit);
  // The 自治会's own 班長 may (bookings are the 自治会's, not a 班's).
  as("hancho");
  const BookingId moved = move_booking(*ctx, b, {kDay, 13, 0}, {kDay, 17, 0}, "午後に変更");
  CHECK(get_booking(db(), moved).start == sdk::DateTime{kDay, 13, 0});
}

TEST_CASE_METHOD(Officers, "the rest of a series is cancelled with its reason") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  as("kaicho");
  FacilityId id = add_facility(*ctx, hall());
  SeriesRequest r{morning(id, jichikai, kDay), parse_recurrence("weekly")};
  r.rule.count = 4;
  auto done = book_series(db(), sdk::organizations(*ctx), r, OnProblem::CancelAll);
  REQUIRE(done.booked.size() == 4);
  CHECK_THROWS_WITH(cancel_series_from(*ctx, done.id, kDay.add_days(14), ""), Catch::Contains("say why"));
  CHECK(cancel_series_from(*ctx, done.id, kDay.add_days(14), "会場移転") == 2);
  CHECK(count("SELECT count(*) FROM booking_bookings WHERE status = 'cancelled'") == 2);
  CHECK_THAT(last_detail("booking.series.cancel"), Catch::Contains("会場移転"));
}
