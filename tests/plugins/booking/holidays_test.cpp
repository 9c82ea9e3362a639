#include "core/holidays.hpp"

#include <catch2/catch.hpp>
#include <wasshoi/sdk/error.hpp>

using namespace wasshoi;
using booking::holiday_name;

namespace {
std::string name(int y, int m, int d) {
  return holiday_name({y, m, d}).value_or("-");
}
}  // namespace

TEST_CASE("2026-05-06 is a 振替休日 and 2026-09-22 a 国民の休日") {
  CHECK(name(2026, 5, 3) == "憲法記念日");  // a Sunday
  CHECK(name(2026, 5, 6) == "振替休日");    // 5/4 and 5/5 are holidays already
  CHECK(name(2026, 9, 21) == "敬老の日");
  CHECK(name(2026, 9, 22) == "国民の休日");  // between 敬老の日 and 秋分の日
  CHECK(name(2026, 9, 23) == "秋分の日");
  CHECK(name(2026, 5, 7) == "-");
}

TEST_CASE("2019: the accession days and the ten-day Golden Week") {
  CHECK(name(2019, 4, 29) == "昭和の日");
  CHECK(name(2019, 4, 30) == "国民の休日");
  CHECK(name(2019, 5, 1) == "天皇の即位の日");
  CHECK(name(2019, 5, 2) == "国民の休日");
  CHECK(name(2019, 5, 6) == "振替休日");
  CHECK(name(2019, 10, 22) == "即位礼正殿の儀の行われる日");
  CHECK(name(2019, 12, 23) == "-");  // no 天皇誕生日 in 2019
  CHECK(name(2019, 2, 23) == "-");
  CHECK(name(2018, 12, 23) == "天皇誕生日");
  CHECK(name(2020, 2, 23) == "天皇誕生日");
  CHECK(name(2020, 2, 24) == "振替休日");
}

TEST_CASE("Happy Monday holidays fall on the right Mondays") {
  CHECK(name(2026, 1, 12) == "成人の日");
  CHECK(name(2026, 7, 20) == "海の日");
  CHECK(name(2026, 10, 12) == "スポーツの日");
  CHECK(name(2019, 10, 14) == "体育の日");
  CHECK(name(2000, 1, 10) == "成人の日");
  CHECK(name(2002, 7, 20) == "海の日");  // fixed date before 2003
  CHECK(name(2002, 9, 15) == "敬老の日");
  CHECK(name(2003, 9, 15) == "敬老の日");  // third Monday from 2003
  CHECK(name(2031, 1, 13) == "成人の日");
}

TEST_CASE("equinox days follow the standard formula") {
  CHECK(booking::vernal_equinox_day(2024) == 20);
  CHECK(booking::autumnal_equinox_day(2024) == 22);
  CHECK(booking::vernal_equinox_day(2025) == 20);
  CHECK(booking::autumnal_equinox_day(2025) == 23);
  CHECK(booking::autumnal_equinox_day(2012) == 22);
  CHECK(booking::vernal_equinox_day(2000) == 20);
  CHECK(booking::vernal_equinox_day(2092) == 19);
  CHECK(name(2024, 3, 20) == "春分の日");
  CHECK(name(2024, 9, 22) == "秋分の日");
  CHECK(name(2024, 9, 23) == "振替休日");
}

TEST_CASE("the Olympic years moved 海の日, スポーツの日 and 山の日") {
  CHECK(name(2020, 7, 23) == "海の日");
  CHECK(name(2020, 7, 24) == "スポーツの日");
  CHECK(name(2020, 8, 10) == "山の日");
  CHECK(name(2020, 10, 12) == "-");
  CHECK(name(2021, 7, 22) == "海の日");
  CHECK(name(2021, 7, 23) == "スポーツの日");
  CHECK(name(2021, 8, 8) == "山の日");
  CHECK(name(2021, 8, 9) == "振替休日");
  CHECK(name(2015, 8, 11) == "-");  // 山の日 from 2016
  CHECK(name(2016, 8, 11) == "山の日");
}

TEST_CASE("before 2007 4/29 was みどりの日 and 5/4 a 国民の休日") {
  CHECK(name(2005, 4, 29) == "みどりの日");
  CHECK(name(2005, 5, 4) == "国民の休日");
  CHECK(name(2007, 5, 4) == "みどりの日");
  CHECK(name(2009, 5, 6) == "振替休日");  // 5/3 on a Sunday, the 2007 rule
  CHECK(name(2009, 9, 22) == "国民の休日");
  CHECK(name(2003, 5, 4) == "-");  // a Sunday between two 祝日 is only a Sunday
}

TEST_CASE("each year has the holidays the Cabinet Office lists") {
  CHECK(booking::holidays_of_year(2025).size() == 19);
  CHECK(booking::holidays_of_year(2026).size() == 18);
  CHECK(booking::holidays_of_year(2019).size() == 22);
  for (int y = 2000; y <= 2099; ++y) {
    auto list = booking::holidays_of_year(y);
    CHECK(list.size() >= 15);
    CHECK(list.front().date == sdk::Date{y, 1, 1});
  }
}

TEST_CASE("years outside 2000–2099 are refused") {
  CHECK_THROWS_AS(holiday_name({1999, 1, 1}), sdk::InputError);
  CHECK_THROWS_AS(holiday_name({2100, 1, 1}), sdk::InputError);
}
