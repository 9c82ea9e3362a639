#include <catch2/catch.hpp>
#include <wasshoi/sdk/short_dates.hpp>
#include <wasshoi/sdk/text.hpp>

using namespace wasshoi;
using sdk::Date;

TEST_CASE("和暦 formatting through ICU, with 元年") {
  CHECK(sdk::format_wareki({2025, 4, 1}) == "令和7年4月1日");
  CHECK(sdk::format_wareki({2019, 5, 1}) == "令和元年5月1日");
  CHECK(sdk::format_wareki({2019, 4, 30}) == "平成31年4月30日");
  CHECK(sdk::format_wareki({1989, 1, 7}) == "昭和64年1月7日");
  CHECK(sdk::format_wareki({1989, 1, 8}) == "平成元年1月8日");
  CHECK(sdk::format_date_ja({2026, 11, 25}) == "令和8年11月25日（2026年）");
}

TEST_CASE("the short form of 和暦 changes era on the day and reads back as the same date") {
  CHECK(sdk::format_wareki_short({2026, 5, 19}) == "R8.5.19");
  CHECK(sdk::format_wareki_short({2019, 4, 30}) == "H31.4.30");
  CHECK(sdk::format_wareki_short({2019, 5, 1}) == "R1.5.1");
  CHECK(sdk::format_wareki_short({1989, 1, 7}) == "S64.1.7");
  CHECK(sdk::format_wareki_short({1989, 1, 8}) == "H1.1.8");
  CHECK(sdk::format_wareki_short({2020, 3, 31}) == "R2.3.31");
  for (Date d{2019, 3, 25}; d < Date{2019, 5, 8}; d = d.add_days(1)) {
    INFO(d.iso());
    CHECK(sdk::parse_date(sdk::format_wareki_short(d)) == d);
  }
}

TEST_CASE("dates as officers type them, in 西暦 and 和暦") {
  CHECK(sdk::parse_date("2023-04-01") == Date{2023, 4, 1});
  CHECK(sdk::parse_date("2023/4/1") == Date{2023, 4, 1});
  CHECK(sdk::parse_date("２０２３／４／１") == Date{2023, 4, 1});
  CHECK(sdk::parse_date("2023年4月1日") == Date{2023, 4, 1});
  CHECK(sdk::parse_date("令和5年4月1日") == Date{2023, 4, 1});
  CHECK(sdk::parse_date("令和元年5月1日") == Date{2019, 5, 1});
  CHECK(sdk::parse_date("R5.4.1") == Date{2023, 4, 1});
  CHECK(sdk::parse_date("H31/4/30") == Date{2019, 4, 30});
  CHECK(sdk::parse_date("昭和64年1月7日") == Date{1989, 1, 7});
}

TEST_CASE("impossible dates are not dates") {
  CHECK_FALSE(sdk::parse_date("2023/13/45"));
  CHECK_FALSE(sdk::parse_date("2023/2/29"));
  CHECK_FALSE(sdk::parse_date("平成31年5月1日"));  // 令和 by then
  CHECK_FALSE(sdk::parse_date("令和0年1月1日"));
  CHECK_FALSE(sdk::parse_date("きのう"));
  CHECK_FALSE(sdk::parse_date(""));
  CHECK(sdk::parse_date("2024/2/29") == Date{2024, 2, 29});
}

TEST_CASE("年度 runs April to March") {
  CHECK(sdk::fiscal_year({2026, 3, 31}) == 2025);
  CHECK(sdk::fiscal_year({2026, 4, 1}) == 2026);
  CHECK(sdk::format_fiscal_year_ja(2025) == "令和7年度");
  CHECK(sdk::format_fiscal_year_ja(2019) == "令和元年度");
  CHECK(sdk::format_fiscal_year_ja(1988) == "昭和63年度");
}

TEST_CASE("civil day arithmetic and weekdays") {
  CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
  CHECK(Date{2026, 11, 25}.weekday() == 3);  // a Wednesday
  CHECK(Date{2024, 2, 28}.add_days(1) == Date{2024, 2, 29});
  CHECK(Date{2025, 12, 31}.add_days(1) == Date{2026, 1, 1});
  for (int d = -1000; d < 100000; d += 37) CHECK(Date::from_days_since_epoch(d).days_since_epoch() == d);
}

TEST_CASE("print has one date style: 和暦 first, the 西暦 after it where shown") {
  CHECK(sdk::format_print_date({2026, 5, 18}) == "令和8年5月18日");
  CHECK(sdk::format_print_date({2026, 5, 18}, {.western = true}) == "令和8年5月18日（2026年）");
  CHECK(sdk::format_print_date({2026, 5, 18}, {.weekday = true}) == "令和8年5月18日（月）");
  CHECK(sdk::format_print_date({2019, 5, 1}, {.western = true, .weekday = true}) ==
        "令和元年5月1日（水）（2019年）");
  CHECK(sdk::format_print_month(2019, 4) == "平成31年4月");
  CHECK(sdk::format_print_month(2019, 5) == "令和元年5月");
  CHECK(sdk::format_print_month(2026, 12, true) == "令和8年12月（2026年）");
}
