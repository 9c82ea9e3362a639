#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/facilities.hpp"
#include "core/ical_export.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::booking;

namespace {

// The room of the acceptance case: a 毎月第2日曜 series with two dates skipped, one single booking.
FacilityId room_with_series(test::BookingFixture& fx) {
  FacilityId room = fx.open_room();
  add_closure(fx.db(), room, {2026, 7, 12}, "選挙 投票所");
  book(fx.db(), fx.orgs(), fx.request(room, {2026, 10, 11}, 11, 13, "子ども会; 準備, 片付け"));
  SeriesRequest r{fx.request(room, {2026, 4, 12}, 10, 12, "役員会"), parse_recurrence("monthly-nth:2SU")};
  r.rule.count = 12;
  book_series(fx.db(), fx.orgs(), r, OnProblem::SkipProblems);
  return room;
}

int python_check(const test::TempDir& tmp, const std::string& ics, const std::string& script) {
  test::write_file(tmp / "c.ics", ics);
  test::write_file(tmp / "check.py", script);
  // Debian's python3 has python3-icalendar, whatever python3 comes first on PATH.
  std::string cmd = "/usr/bin/python3 " + (tmp / "check.py").string() + " " + (tmp / "c.ics").string();
  return std::system(cmd.c_str());
}

}  // namespace

TEST_CASE(
    "a room's iCalendar has the series as one event with RRULE and EXDATE, and python3-icalendar reads it") {
  test::BookingFixture fx;
  FacilityId room = room_with_series(fx);
  std::string ics = export_ics(fx.db(), fx.orgs(), {room, 0}, sdk::DateTime{{2026, 11, 25}, 9, 0});
  CHECK_THAT(ics, Catch::Contains("RRULE:FREQ=MONTHLY;BYDAY=2SU;COUNT=12"));
  CHECK_THAT(ics, Catch::Contains("EXDATE;TZID=Asia/Tokyo:20260712T100000"));
  CHECK_THAT(ics, Catch::Contains("EXDATE;TZID=Asia/Tokyo:20261011T100000"));
  CHECK(python_check(
            fx.tmp, ics,
            "import sys, icalendar\n"
            "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
            "evs = list(cal.walk('VEVENT'))\n"
            "assert len(evs) == 2, len(evs)\n"
            "series = [e for e in evs if 'RRULE' in e][0]\n"
            "assert series['RRULE']['BYDAY'] == ['2SU'] and series['RRULE']['COUNT'] == [12]\n"
            "ex = series['EXDATE']\n"
            "ex = ex if isinstance(ex, list) else [ex]\n"
            "days = sorted(d.dt.date().isoformat() for e in ex for d in e.dts)\n"
            "assert days == ['2026-07-12', '2026-10-11'], days\n"
            "assert series['DTSTART'].dt.hour == 10 and str(series['DTSTART'].dt.tzinfo).endswith('Tokyo')\n"
            "single = [e for e in evs if 'RRULE' not in e][0]\n"
            "assert '子ども会; 準備, 片付け' in str(single['SUMMARY']), single['SUMMARY']\n"
            "assert str(single['STATUS']) == 'CONFIRMED'\n"
            "assert 'わっしょい地区公民館' in str(single['LOCATION'])\n"
            "assert cal.walk('VTIMEZONE')\n"
            "print('ok')\n") == 0);
}

TEST_CASE("an organization's iCalendar holds only its bookings, and a series cut short ends with UNTIL") {
  test::BookingFixture fx;
  FacilityId room = room_with_series(fx);
  auto other = fx.request(room, {2026, 5, 17}, 10, 12, "町内会 総会");
  other.org = fx.other;
  book(fx.db(), fx.orgs(), other);
  SeriesId series = list_series(fx.db()).front().id;
  cancel_series_from(fx.db(), series, {2027, 1, 1});
  std::string ics = export_ics(fx.db(), fx.orgs(), {0, fx.jichikai}, sdk::DateTime{{2026, 11, 25}, 9, 0});
  CHECK_THAT(ics, !Catch::Contains("町内会 総会"));
  CHECK_THAT(ics, Catch::Contains("UNTIL=20261231T145959Z"));
  CHECK(python_check(fx.tmp, ics,
                     "import sys, icalendar\n"
                     "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                     "evs = list(cal.walk('VEVENT'))\n"
                     "assert len(evs) == 2, len(evs)\n"
                     "s = [e for e in evs if 'RRULE' in e][0]\n"
                     "assert 'UNTIL' in s['RRULE'] and 'COUNT' not in s['RRULE']\n"
                     "assert int(s['SEQUENCE']) == 1\n"
                     "print('ok')\n") == 0);
  CHECK_THROWS_WITH(export_ics(fx.db(), fx.orgs(), {0, 0}), Catch::Contains("--facility"));
}
