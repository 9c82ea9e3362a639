// A booking series or a closure whose stored day is not a date (a hand-edited file): lists,
// calendars and bookings go on, the series shows 日付不明, and what needs its dates refuses.
// sdk/db.hpp's one policy for stored dates.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/ical_export.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::booking;
using nlohmann::json;

namespace {

SeriesResult monthly(test::BookingFixture& fx, FacilityId room) {
  SeriesRequest r{fx.request(room, {2026, 4, 12}, 10, 12, "役員会"), parse_recurrence("monthly-nth:2SU")};
  r.rule.count = 6;
  return book_series(fx.db(), fx.orgs(), r, OnProblem::CancelAll);
}

}  // namespace

TEST_CASE("booking: a series whose stored first day is not a date is listed, its bookings stay") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();
  SeriesResult good = monthly(fx, room);
  SeriesRequest other{fx.request(room, {2026, 4, 14}, 18, 20, "囲碁クラブ"), parse_recurrence("weekly")};
  other.rule.until = sdk::Date{2026, 5, 31};
  SeriesResult broken = book_series(fx.db(), fx.orgs(), other, OnProblem::CancelAll);
  sdk::Statement(fx.db(),
                 "UPDATE booking_series SET first_day = '2026-04-31', until_day = 'いつか' WHERE id = ?")
      .bind(1, broken.id)
      .run();

  std::vector<Series> all;
  REQUIRE_NOTHROW(all = list_series(fx.db()));
  REQUIRE(all.size() == 2);
  const Series& s = all[0].id == broken.id ? all[0] : all[1];
  CHECK(s.first == std::nullopt);  // not a made-up date
  CHECK(s.rule.until == std::nullopt);
  CHECK_FALSE(s.dates_known());
  CHECK(missing_dates(fx.db(), s).empty());
  CHECK(get_series(fx.db(), good.id).first == sdk::Date{2026, 4, 12});
  CHECK_THROWS_WITH(change_series_from(fx.db(), fx.orgs(), broken.id, {2026, 5, 1}, 19 * 60, 21 * 60,
                                       std::nullopt, std::nullopt, OnProblem::CancelAll),
                    Catch::Contains("日付不明"));
  // Its bookings keep their own times: they still block the room, and the calendar carries them
  // one by one (no rule can be written for the series).
  CHECK_THROWS_AS(book(fx.db(), fx.orgs(), fx.request(room, {2026, 4, 21}, 19, 20)), ConflictError);
  std::string ics;
  REQUIRE_NOTHROW(ics = export_ics(fx.db(), fx.orgs(), {room, 0}, sdk::DateTime{{2026, 11, 25}, 9, 0}));
  CHECK(ics.find("booking-series-" + std::to_string(good.id) + "@wasshoi") != std::string::npos);
  CHECK(ics.find("booking-series-" + std::to_string(broken.id) + "@wasshoi") == std::string::npos);
  CHECK(ics.find("booking-" + std::to_string(broken.booked.front()) + "@wasshoi") != std::string::npos);
  // Cancelling from a given day still works.
  CHECK(cancel_series_from(fx.db(), broken.id, {2026, 5, 1}) > 0);
}

TEST_CASE("booking: a closure whose stored day is not a date closes no day and fails nothing") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();
  add_closure(fx.db(), room, {2026, 8, 20}, "空調工事");
  add_closure(fx.db(), room, {2026, 8, 21}, "空調工事");
  fx.db().exec("UPDATE booking_closures SET day = '2026-08-2x' WHERE day = '2026-08-21'");
  auto list = closures(fx.db(), room, {2026, 8, 1}, {2026, 8, 31});
  REQUIRE(list.size() == 2);
  CHECK(list[0].day == sdk::Date{2026, 8, 20});
  CHECK(list[1].day == std::nullopt);
  CHECK_THROWS_WITH(book(fx.db(), fx.orgs(), fx.request(room, {2026, 8, 20}, 10, 12)),
                    Catch::Contains("空調工事"));
  CHECK_NOTHROW(book(fx.db(), fx.orgs(), fx.request(room, {2026, 8, 21}, 10, 12)));
}

TEST_CASE("cli: `booking series list` goes on past a series with a broken date (null, 日付不明)") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  const std::string db = scratch.target();
  auto ok = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    args.push_back("--json");
    auto r = test::run_cli(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  };
  const auto org = std::to_string(
      ok({"org", "add", "--kind", "jichikai", "--name", "わっしょい第一自治会"})["id"].get<int>());
  const auto hall = std::to_string(
      ok({"org", "add", "--kind", "support", "--name", "わっしょい地区公民館"})["id"].get<int>());
  const auto room = std::to_string(
      ok({"booking", "facility", "add", "--owner", hall, "--name", "大会議室", "--capacity", "60"})["id"]
          .get<int>());
  json series = ok({"booking", "add", "--facility", room, "--date", "2026-04-12", "--start", "10:00", "--end",
                    "12:00", "--repeat", "monthly-nth:2SU", "--count", "6", "--org", org});
  {
    auto raw = sdk::Database::open(db, sdk::Database::Mode::ReadWrite);
    raw.exec("UPDATE booking_series SET first_day = 'garbage'");
  }
  json list = ok({"booking", "series", "list", "--org", org});
  REQUIRE(list.size() == 1);
  CHECK(list[0]["first"].is_null());
  CHECK(list[0]["skipped_or_cancelled"].empty());
  auto text = test::run_cli({"--db", db, "booking", "series", "list", "--org", org});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("日付不明"));
  CHECK(ok({"booking", "list", "--org", org}).size() == 6);  // the bookings themselves are intact
  auto cancel = test::run_cli({"--db", db, "booking", "series", "cancel",
                               std::to_string(series["id"].get<int>()), "--reason", "会場変更"});
  CHECK(cancel.exit_code == 1);  // no first day to cancel from: --from is needed
  CHECK_THAT(cancel.err, Catch::Contains("--from"));
}
