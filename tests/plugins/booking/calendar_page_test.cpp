// The month's bookings of a room as the page for the door, read back with pdftotext.
#include "core/calendar_page.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <sstream>

#include "core/facilities.hpp"
#include "fixture.hpp"
#include "pdf_pages.hpp"

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

TEST_CASE("the calendar page keeps each organization's name of up to 10 characters on one line") {
  test::BookingFixture f;
  const FacilityId room = f.open_room("集会所");
  sdk::Statement rename(f.db(), "UPDATE organizations SET name = ? WHERE id = ?");
  rename.bind_all("わっしょい第一自治会", f.jichikai).run();  // 10 characters, as in the sample
  rename.reset();
  rename.bind_all("わっしょい地区まちづくり協議会", f.support).run();  // 15: wraps at the column's width
  // A full week: a booking every day, two on the Saturday, one by the long-named organization.
  for (int day = 7; day <= 13; ++day) book(f.db(), f.orgs(), f.request(room, {2026, 6, day}, 10, 12, "会議"));
  auto other = f.request(room, {2026, 6, 13}, 18, 21, "協議会");
  other.org = f.support;
  book(f.db(), f.orgs(), other);

  const auto pdf = f.tmp / "week.pdf";
  calendar_page(f.db(), f.orgs(), room, {2026, 6, 1}).save_pdf(pdf);
  // pdftotext -layout: a week's cells side by side, one printed line per text line. The name is
  // whole in each of the 7 cells (the line under the title and the footer say it too: not counted).
  std::size_t whole = 0;
  const auto pages = test::pdf_page_texts(pdf);
  for (const auto& page : pages) {
    std::istringstream lines(page);
    for (std::string line; std::getline(lines, line);) {
      if (line.find("お問い合わせ") != std::string::npos || line.find("利用予定") != std::string::npos)
        continue;
      for (auto at = line.find("わっしょい第一自治会"); at != std::string::npos;
           at = line.find("わっしょい第一自治会", at + 1))
        ++whole;
    }
  }
  CHECK(whole == 7);
}
