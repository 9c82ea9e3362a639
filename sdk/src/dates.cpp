// Dates: civil arithmetic, parsing what officers type, 和暦 through ICU's Japanese calendar.
#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include <cctype>
#include <chrono>
#include <cstdio>
#include <memory>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/short_dates.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

namespace {

bool is_leap(int y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}
int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

struct Era {
  const char* name;
  const char* initial;  // R, H, S, T, M
  Date start;
};
// Start days of the modern eras (the first day each era name was in force).
const Era kEras[] = {
    {"令和", "R", {2019, 5, 1}},  {"平成", "H", {1989, 1, 8}},  {"昭和", "S", {1926, 12, 25}},
    {"大正", "T", {1912, 7, 30}}, {"明治", "M", {1868, 1, 25}},
};

}  // namespace

bool Date::valid() const {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= days_in_month(year, month);
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

// Howard Hinnant's days_from_civil.
int Date::days_since_epoch() const {
  int y = year - (month <= 2);
  int era = (y >= 0 ? y : y - 399) / 400;
  unsigned yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

Date Date::from_days_since_epoch(int z) {
  z += 719468;
  int era = (z >= 0 ? z : z - 146096) / 146097;
  unsigned doe = static_cast<unsigned>(z - era * 146097);
  unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int y = static_cast<int>(yoe) + era * 400;
  unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  unsigned mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{y + (m <= 2), m, d};
}

Date Date::add_days(int n) const {
  return from_days_since_epoch(days_since_epoch() + n);
}

int Date::weekday() const {
  int z = days_since_epoch();
  return z >= -4 ? (z + 4) % 7 : (z + 5) % 7 + 6;  // 1970-01-01 was a Thursday
}

std::optional<Date> parse_iso_date(std::string_view text) {
  int y, m, d;
  char tail;
  std::string s(text);
  if (std::sscanf(s.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  Date date{y, m, d};
  if (!date.valid()) return std::nullopt;
  return date;
}

std::string iso_or_unknown(const std::optional<Date>& date) {
  return date ? date->iso() : std::string(kDateUnknown);
}

std::optional<Date> parse_date(std::string_view input) {
  // Fold full-width digits and separators; keep era names and 年月日.
  std::string s = fold_for_search(input);  // NFKC: ２０２５／４／１ → 2025/4/1, no spaces
  int era_year_base = 0;
  bool era = false;
  for (const auto& e : kEras) {
    const std::string_view name = e.name;
    std::string initial(e.initial);  // "R" as the fold made it: "r"
    for (char& c : initial) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (s.starts_with(name)) {
      s.erase(0, name.size());
    } else if (s.starts_with(initial)) {
      s.erase(0, initial.size());
    } else {
      continue;
    }
    era = true;
    era_year_base = e.start.year - 1;
    break;
  }
  if (era && s.starts_with("元")) s.replace(0, std::string("元").size(), "1");
  // Accept separators: - / . 年 月 and a trailing 日.
  for (const char* sep : {"年", "月"}) {
    std::size_t at;
    while ((at = s.find(sep)) != std::string::npos) s.replace(at, std::string(sep).size(), "/");
  }
  if (s.ends_with("日")) s.erase(s.size() - std::string("日").size());
  for (char& c : s)
    if (c == '-' || c == '.') c = '/';
  int y, m, d;
  char tail;
  if (std::sscanf(s.c_str(), "%d/%d/%d%c", &y, &m, &d, &tail) != 3) return std::nullopt;
  if (era) {
    if (y < 1 || y > 9999) return std::nullopt;
    y += era_year_base;
  } else if (y < 1000) {
    return std::nullopt;
  }
  Date date{y, m, d};
  if (!date.valid()) return std::nullopt;
  if (era) {
    // The era must have been in force that day (平成31年5月1日 does not exist).
    for (std::size_t i = 0; i < std::size(kEras); ++i) {
      if (kEras[i].start.year - 1 != era_year_base) continue;
      if (date < kEras[i].start) return std::nullopt;
      if (i > 0 && !(date < kEras[i - 1].start)) return std::nullopt;
    }
  }
  return date;
}

std::string format_wareki(const Date& date) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale("ja_JP@calendar=japanese");
  // "y=jpanyear" makes ICU write 元年 for the first year of an era, as Japanese documents do.
  icu::SimpleDateFormat fmt(icu::UnicodeString::fromUTF8("Gy年M月d日"), icu::UnicodeString("y=jpanyear"),
                            locale, status);
  if (U_FAILURE(status)) throw Error(std::string("ICU cannot format 和暦: ") + u_errorName(status));
  fmt.setTimeZone(*icu::TimeZone::getGMT());
  // ICU dates are milliseconds since 1970 UTC; noon avoids any edge.
  UDate when = (static_cast<double>(date.days_since_epoch()) * 86400.0 + 43200.0) * 1000.0;
  icu::UnicodeString out;
  fmt.format(when, out);
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

std::string format_wareki_short(const Date& date) {
  for (const auto& e : kEras)
    if (!(date < e.start))
      return std::string(e.initial) + std::to_string(date.year - e.start.year + 1) + "." +
             std::to_string(date.month) + "." + std::to_string(date.day);
  return std::to_string(date.year) + "." + std::to_string(date.month) + "." + std::to_string(date.day);
}

std::string format_print_date(const Date& date, PrintDate style) {
  static const char* const kWeekdays[] = {"日", "月", "火", "水", "木", "金", "土"};
  std::string out = format_wareki(date);
  if (style.weekday) out += std::string("（") + kWeekdays[date.weekday()] + "）";
  if (style.western) out += "（" + std::to_string(date.year) + "年）";
  return out;
}

std::string format_print_month(int year, int month, bool western) {
  // The era of the month's first day: 令和元年5月, 平成31年4月.
  std::string w = format_wareki(Date{year, month, 1});
  w = w.substr(0, w.find("月") + std::string("月").size());
  return western ? w + "（" + std::to_string(year) + "年）" : w;
}

std::string format_date_ja(const Date& date) {
  return format_print_date(date, {.western = true});
}

int fiscal_year(const Date& date) {
  return date.month >= 4 ? date.year : date.year - 1;
}

std::string format_fiscal_year_ja(int fy) {
  // A 年度 takes the era in force at the end of its calendar year: FY2019 is 令和元年度 although
  // it began under 平成, and FY1988 is 昭和63年度.
  std::string w = format_wareki(Date{fy, 12, 31});
  return w.substr(0, w.find("年")) + "年度";
}

Date today() {
  using namespace std::chrono;
  // Japan has no daylight saving: local date is UTC+9.
  auto now = system_clock::now() + hours(9);
  auto days = floor<std::chrono::days>(now).time_since_epoch().count();
  return Date::from_days_since_epoch(static_cast<int>(days));
}

}  // namespace wasshoi::sdk

namespace wasshoi::sdk {

std::string DateTime::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%sT%02d:%02d", date.iso().c_str(), hour, minute);
  return buf;
}

std::int64_t DateTime::epoch_minutes() const {
  return static_cast<std::int64_t>(date.days_since_epoch()) * 1440 + minutes_of_day();
}

DateTime DateTime::from_epoch_minutes(std::int64_t minutes) {
  std::int64_t days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440;
  int rest = static_cast<int>(minutes - days * 1440);
  return DateTime{Date::from_days_since_epoch(static_cast<int>(days)), rest / 60, rest % 60};
}

std::optional<int> parse_time_of_day(std::string_view text) {
  std::string s = fold_for_search(text);  // full-width digits and colon to ASCII
  int h, m;
  char tail;
  if (std::sscanf(s.c_str(), "%d:%d%c", &h, &m, &tail) != 2) return std::nullopt;
  if (h < 0 || h > 24 || m < 0 || m > 59 || (h == 24 && m != 0)) return std::nullopt;
  return h * 60 + m;
}

std::optional<DateTime> parse_datetime(std::string_view text) {
  std::string s(text);
  std::size_t split = s.find_first_of("T ");
  if (split == std::string::npos) return std::nullopt;
  auto d = parse_date(s.substr(0, split));
  auto t = parse_time_of_day(s.substr(split + 1));
  if (!d || !t || *t >= 24 * 60) return std::nullopt;
  return DateTime{*d, *t / 60, *t % 60};
}

DateTime now_local() {
  using namespace std::chrono;
  auto m = duration_cast<minutes>(system_clock::now().time_since_epoch()).count() + 9 * 60;
  return DateTime::from_epoch_minutes(m);
}

}  // namespace wasshoi::sdk
