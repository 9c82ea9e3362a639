#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/facilities.hpp"
#include "core/finder.hpp"
#include "core/usage.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::booking;

TEST_CASE("a room for 30 people, a Sunday afternoon in March: only big enough, open and free rooms") {
  test::BookingFixture fx;
  FacilityId large = fx.open_room("大会議室", 60);
  fx.open_room("和室", 20);  // too small
  FacilityId middle = fx.open_room("中会議室", 30);
  book(fx.db(), fx.orgs(), fx.request(large, {2027, 3, 7}, 13, 15));
  add_closure(fx.db(), middle, {2027, 3, 14}, "点検");
  FreeQuery q{30, 0, 0, {2027, 3, 1}, {2027, 3, 31}};
  q.weekdays = parse_weekdays("日");
  q.slot = "午後";
  auto found = find_free(fx.db(), q);
  // Sundays in March 2027: 7, 14, 21, 28; two rooms each, minus one booking and one closure.
  CHECK(found.size() == 6);
  for (const auto& s : found) {
    CHECK(s.start.date.weekday() == 0);
    CHECK(s.start.minutes_of_day() == 13 * 60);
    CHECK(s.capacity >= 30);
    CHECK_FALSE((s.facility == large && s.start.date == sdk::Date{2027, 3, 7}));
    CHECK_FALSE((s.facility == middle && s.start.date == sdk::Date{2027, 3, 14}));
  }
  CHECK(parse_weekdays("SA,SU") == 0b1000001u);
}

TEST_CASE("usage report: booked hours against open hours per room, month, slot and organization") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();  // 12 open hours a day
  book(fx.db(), fx.orgs(), fx.request(room, {2026, 6, 1}, 9, 12));
  book(fx.db(), fx.orgs(), fx.request(room, {2026, 6, 2}, 13, 17));
  auto by_other = fx.request(room, {2026, 6, 3}, 18, 21);
  by_other.org = fx.other;
  book(fx.db(), fx.orgs(), by_other);
  BookingId gone = book(fx.db(), fx.orgs(), fx.request(room, {2026, 6, 4}, 9, 12));
  cancel(fx.db(), gone);
  UsageReport r = usage_report(fx.db(), fx.orgs(), {2026, 6, 1}, {2026, 6, 10});
  REQUIRE(r.by_room.size() == 1);
  CHECK(r.by_room[0].bookings == 3);
  CHECK(r.by_room[0].booked_hours == Approx(10));
  CHECK(r.by_room[0].open_hours == Approx(120));
  CHECK(r.by_room[0].rate() == Approx(10.0 / 120));
  REQUIRE(r.by_slot.size() == 3);
  CHECK(r.by_org.size() == 2);
  CHECK(r.by_org[0].label == "わっしょい第一自治会");
  CHECK(r.by_month.at(0).label == "2026-06");
  std::string csv = usage_csv(r);
  CHECK(csv.starts_with(std::string(sdk::kUtf8Bom)));
  CHECK_THAT(csv, Catch::Contains("部屋,大会議室,3,10.0,120.0,8.3%") && Catch::Contains("\r\n"));
}

TEST_CASE("the usage report prints as an A4 PDF that pdftotext reads back") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();
  book(fx.db(), fx.orgs(), fx.request(room, {2026, 6, 1}, 9, 12));
  UsageReport r = usage_report(fx.db(), fx.orgs(), {2026, 6, 1}, {2026, 6, 30}, fx.support);
  usage_pdf(r, fx.tmp / "usage.pdf");
  std::string cmd =
      "pdftotext -layout " + (fx.tmp / "usage.pdf").string() + " " + (fx.tmp / "usage.txt").string();
  REQUIRE(std::system(cmd.c_str()) == 0);
  std::string text = test::read_file(fx.tmp / "usage.txt");
  CHECK_THAT(text, Catch::Contains("稼働率") && Catch::Contains("大会議室") &&
                       Catch::Contains("わっしょい地区公民館"));
}
