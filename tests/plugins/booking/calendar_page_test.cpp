// The month's bookings of a room as the page for the door, read back with pdftotext.
#include "core/calendar_page.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/facilities.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::booking;

TEST_CASE("the calendar page of a month shows each day's bookings with time and organization") {
  test::BookingFixture f;
  const FacilityId room = f.open_room("大会議室");
  book(f.db(), f.orgs(), f.request(room, {2026, 6, 7}, 10, 12, "役員会"));
  auto other = f.request(room, {2026, 6, 20}, 13, 15, "子ども会");
  other.org = f.support;
  book(f.db(), f.orgs(), other);
  const auto gone = book(f.db(), f.orgs(), f.request(room, {2026, 6, 21}, 18, 20, "取りやめ"));
  cancel(f.db(), gone, "雨天");
  book(f.db(), f.orgs(), f.request(room, {2026, 7, 1}, 9, 10, "翌月"));
  add_closure(f.db(), room, {2026, 6, 15}, "工事");

  const sdk::Document doc = calendar_page(f.db(), f.orgs(), room, parse_month("令和8年6月"));
  CHECK(doc.is_landscape());
  CHECK(doc.page_count() == 1);
  const auto pdf = f.tmp / "cal.pdf";
  doc.save_pdf(pdf);
  const auto txt = f.tmp / "cal.txt";
  REQUIRE(std::system(("pdftotext '" + pdf.string() + "' '" + txt.string() + "'").c_str()) == 0);
  std::string t = test::read_file(txt);
  std::erase_if(t, [](char c) { return c == ' ' || c == '\n'; });
  const std::string jichikai = f.orgs().name(f.db(), f.jichikai), support = f.orgs().name(f.db(), f.support);
  CHECK(t.find("大会議室令和8年6月（2026年6月）利用予定") != std::string::npos);
  CHECK(t.find("10:00〜12:00" + jichikai) != std::string::npos);
  CHECK(t.find("13:00〜15:00" + support) != std::string::npos);
  CHECK(t.find("18:00〜20:00") == std::string::npos);  // cancelled
  CHECK(t.find("9:00〜10:00") == std::string::npos);   // July
  CHECK(t.find("工事") != std::string::npos);
  CHECK(t.find("予約2件") != std::string::npos);
  for (const char* day : {"日", "月", "火", "水", "木", "金", "土"}) CHECK(t.find(day) != std::string::npos);

  CHECK(parse_month("2026-06") == sdk::Date{2026, 6, 1});
  CHECK(parse_month("2026/6") == sdk::Date{2026, 6, 1});
  CHECK_THROWS_WITH(parse_month("6月ごろ"), Catch::Contains("not a month"));
  CHECK_THROWS(calendar_page(f.db(), f.orgs(), 9999, {2026, 6, 1}));
}
