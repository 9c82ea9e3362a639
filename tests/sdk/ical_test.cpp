#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>
#include <wasshoi/sdk/ical.hpp>

#include "test_support.hpp"

using namespace wasshoi;

namespace {
sdk::IcalWriter sample() {
  sdk::IcalWriter cal("わっしょい地区公民館 大会議室");
  sdk::IcalEvent e;
  e.uid = "booking-1@wasshoi";
  e.start = {{2026, 1, 11}, 10, 0};
  e.end = {{2026, 1, 11}, 12, 0};
  e.summary = "役員会; 髙橋, 﨑山, 𠮷田 ほか";
  e.location = "わっしょい地区公民館\n大会議室";
  e.description = std::string(200, 'a') + "あいうえおかきくけこさしすせそ" + std::string(100, 'b');
  e.status = "CONFIRMED";
  e.rrule = "FREQ=MONTHLY;BYDAY=2SU;COUNT=12";
  e.exdates = {{{2026, 5, 10}, 10, 0}};
  cal.add(e);
  return cal;
}
}  // namespace

TEST_CASE("iCalendar lines end in CRLF and are folded at 75 octets without splitting characters") {
  std::string ics = sample().str({{2026, 11, 25}, 8, 30});
  CHECK(ics.starts_with("BEGIN:VCALENDAR\r\n"));
  std::size_t pos = 0;
  while (pos < ics.size()) {
    std::size_t end = ics.find("\r\n", pos);
    REQUIRE(end != std::string::npos);
    CHECK(end - pos <= 75);
    pos = end + 2;
  }
  CHECK(ics.find('\n') == ics.find("\r\n") + 1);
  CHECK_THAT(ics, Catch::Contains("SUMMARY:役員会\\; 髙橋\\, 﨑山\\, 𠮷田 ほか"));
  CHECK_THAT(ics, Catch::Contains("DTSTAMP:20261125T083000Z"));
  CHECK_THAT(ics, Catch::Contains("DTSTART;TZID=Asia/Tokyo:20260111T100000"));
  CHECK_THAT(ics, Catch::Contains("TZID:Asia/Tokyo"));
  CHECK_THAT(ics, Catch::Contains("EXDATE;TZID=Asia/Tokyo:20260510T100000"));
}

TEST_CASE("python3-icalendar parses the calendar and reads back the event") {
  test::TempDir tmp;
  test::write_file(tmp / "c.ics", sample().str({{2026, 11, 25}, 8, 30}));
  test::write_file(tmp / "check.py",
                   "import sys, icalendar\n"
                   "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                   "ev = [c for c in cal.walk('VEVENT')][0]\n"
                   "assert str(ev['SUMMARY']) == '役員会; 髙橋, 﨑山, 𠮷田 ほか', ev['SUMMARY']\n"
                   "assert str(ev['LOCATION']) == 'わっしょい地区公民館\\n大会議室'\n"
                   "assert ev['DTSTART'].dt.hour == 10 and str(ev['DTSTART'].dt.tzinfo).endswith('Tokyo')\n"
                   "assert 'あいうえお' in str(ev['DESCRIPTION'])\n"
                   "assert ev['RRULE']['BYDAY'] == ['2SU']\n"
                   "print('ok')\n");
  // Debian's python3 (with python3-icalendar), whatever python3 is first on PATH.
  std::string cmd = "/usr/bin/python3 " + (tmp / "check.py").string() + " " + (tmp / "c.ics").string();
  CHECK(std::system(cmd.c_str()) == 0);
}
