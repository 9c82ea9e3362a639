#include <catch2/catch.hpp>

#include "core/facilities.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::booking;

namespace {

SeriesRequest second_sundays(test::BookingFixture& fx, FacilityId room) {
  SeriesRequest r{fx.request(room, {2026, 4, 12}, 10, 12, "役員会"), parse_recurrence("monthly-nth:2SU")};
  r.rule.count = 12;
  return r;
}

std::vector<std::string> isos(const std::vector<sdk::Date>& days) {
  std::vector<std::string> out;
  for (const auto& d : days) out.push_back(d.iso());
  return out;
}

}  // namespace

TEST_CASE(
    "booking 毎月第2日曜 10:00–12:00 for a year over a room with a one-off closure and an existing booking "
    "reports exactly those two dates, and books the other ten when asked") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();
  add_closure(fx.db(), room, {2026, 7, 12}, "選挙 投票所");
  BookingId existing = book(fx.db(), fx.orgs(), fx.request(room, {2026, 10, 11}, 11, 13, "子ども会", 20));

  SeriesPlan plan = plan_series(fx.db(), fx.orgs(), second_sundays(fx, room));
  REQUIRE(plan.dates.size() == 12);
  auto problems = plan.problems();
  REQUIRE(problems.size() == 2);
  CHECK(problems[0].day == sdk::Date{2026, 7, 12});
  CHECK_THAT(*problems[0].problem, Catch::Contains("選挙 投票所"));
  CHECK(problems[1].day == sdk::Date{2026, 10, 11});
  CHECK(problems[1].conflict == existing);

  SeriesResult result = book_series(fx.db(), fx.orgs(), second_sundays(fx, room), OnProblem::SkipProblems);
  CHECK(result.booked.size() == 10);
  CHECK(result.skipped.size() == 2);
  BookingFilter q;
  q.series = result.id;
  auto booked = list_bookings(fx.db(), q);
  REQUIRE(booked.size() == 10);
  CHECK(booked.front().start == sdk::DateTime{{2026, 4, 12}, 10, 0});
  CHECK(booked.back().start == sdk::DateTime{{2027, 3, 14}, 10, 0});
  for (const auto& b : booked) CHECK((b.start.date.weekday() == 0 && (b.start.date.day - 1) / 7 == 1));
}

TEST_CASE("with cancel-all a series over a taken date books nothing and lists the dates") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();
  book(fx.db(), fx.orgs(), fx.request(room, {2026, 6, 14}, 9, 11));
  try {
    book_series(fx.db(), fx.orgs(), second_sundays(fx, room), OnProblem::CancelAll);
    FAIL("booked");
  } catch (const SeriesConflictError& e) {
    CHECK(e.plan().problems().size() == 1);
    CHECK_THAT(e.what(), Catch::Contains("2026-06-14") && Catch::Contains("--skip-conflicts"));
  }
  CHECK(fx.count_bookings(true) == 1);
  CHECK(list_series(fx.db()).empty());
}

TEST_CASE("repeat rules: every n weeks, monthly by date, nth weekday, until a date or n times") {
  auto r = parse_recurrence("weekly:2");
  r.until = sdk::Date{2026, 6, 30};
  CHECK(isos(occurrences(r, {2026, 5, 5})) ==
        std::vector<std::string>{"2026-05-05", "2026-05-19", "2026-06-02", "2026-06-16", "2026-06-30"});
  auto m = parse_recurrence("monthly");
  m.count = 4;
  CHECK(isos(occurrences(m, {2026, 1, 31})) ==
        std::vector<std::string>{"2026-01-31", "2026-03-31", "2026-05-31",
                                 "2026-07-31"});  // short months skipped
  auto last = parse_recurrence("monthly-nth:-1SA");
  last.count = 2;
  CHECK(isos(occurrences(last, {2026, 5, 1})) == std::vector<std::string>{"2026-05-30", "2026-06-27"});
  auto ja = parse_recurrence("毎月第2日曜");
  CHECK(to_text(ja) == "monthly-nth:2SU");
  ja.count = 12;
  CHECK(to_rrule(ja, {2026, 4, 12}) == "FREQ=MONTHLY;BYDAY=2SU;COUNT=12");
  CHECK(to_rrule(r, {2026, 5, 5}) == "FREQ=WEEKLY;BYDAY=TU;INTERVAL=2;UNTIL=20260630T145959Z");
  CHECK(describe_ja(ja, {2026, 4, 12}) == "毎月第2日曜");
  CHECK_THROWS_WITH(parse_recurrence("fortnightly"), Catch::Contains("monthly-nth:2SU"));
  CHECK_THROWS_WITH(occurrences(parse_recurrence("weekly"), {2026, 5, 5}), Catch::Contains("--until"));
}

TEST_CASE("a series cancelled from a date keeps the earlier dates and frees the later ones") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();
  auto result = book_series(fx.db(), fx.orgs(), second_sundays(fx, room), OnProblem::CancelAll);
  CHECK(cancel_series_from(fx.db(), result.id, {2026, 10, 1}) == 6);
  CHECK(fx.count_bookings() == 6);
  Series s = get_series(fx.db(), result.id);
  CHECK(s.rule.until == sdk::Date{2026, 9, 30});
  CHECK_FALSE(s.rule.count);
  CHECK(occurrences(s.rule, *s.first).size() == 6);
  CHECK_NOTHROW(book(fx.db(), fx.orgs(), fx.request(room, {2026, 10, 11}, 10, 12)));
}

TEST_CASE(
    "a series changed from a date continues at the new times, a conflict with cancel-all changes nothing") {
  test::BookingFixture fx;
  FacilityId room = fx.open_room();
  auto result = book_series(fx.db(), fx.orgs(), second_sundays(fx, room), OnProblem::CancelAll);
  BookingId blocker = book(fx.db(), fx.orgs(), fx.request(room, {2027, 2, 14}, 13, 15, "文化祭"));
  CHECK_THROWS_AS(change_series_from(fx.db(), fx.orgs(), result.id, {2027, 1, 1}, 13 * 60, 15 * 60,
                                     std::nullopt, std::nullopt, OnProblem::CancelAll),
                  SeriesConflictError);
  CHECK(fx.count_bookings() == 13);
  auto changed = change_series_from(fx.db(), fx.orgs(), result.id, {2027, 1, 1}, 13 * 60, 15 * 60,
                                    std::string("役員会（午後）"), std::nullopt, OnProblem::SkipProblems);
  CHECK(changed.booked.size() == 2);  // 1/10 and 3/14; 2/14 is taken
  CHECK(changed.skipped.at(0).conflict == blocker);
  BookingFilter q;
  q.series = changed.id;
  auto later = list_bookings(fx.db(), q);
  CHECK(later.front().start == sdk::DateTime{{2027, 1, 10}, 13, 0});
  CHECK(later.front().purpose == "役員会（午後）");
  q.series = result.id;
  CHECK(list_bookings(fx.db(), q).size() == 9);  // April–December stay
}
