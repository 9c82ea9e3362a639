#include <cmath>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/holidays.hpp>

namespace wasshoi::sdk {

namespace {

constexpr int kMonday = 1;
constexpr int kSunday = 0;

// The n-th Monday (Happy Monday system) of a month.
bool is_nth_monday(const Date& d, int month, int n) {
  return d.month == month && d.weekday() == kMonday && (d.day - 1) / 7 + 1 == n;
}

std::optional<std::string> january(const Date& d) {
  if (d.day == 1) return "元日";
  if (is_nth_monday(d, 1, 2)) return "成人の日";
  return std::nullopt;
}

std::optional<std::string> february(const Date& d) {
  if (d.day == 11) return "建国記念の日";
  if (d.day == 23 && d.year >= 2020) return "天皇誕生日";
  return std::nullopt;
}

std::optional<std::string> april_may(const Date& d) {
  if (d.month == 3)
    return d.day == vernal_equinox_day(d.year) ? std::optional<std::string>("春分の日") : std::nullopt;
  if (d.month == 4) {
    if (d.day == 29) return d.year >= 2007 ? "昭和の日" : "みどりの日";
    return std::nullopt;
  }
  if (d.year == 2019 && d.day == 1) return "天皇の即位の日";
  if (d.day == 3) return "憲法記念日";
  if (d.day == 4 && d.year >= 2007) return "みどりの日";
  if (d.day == 5) return "こどもの日";
  return std::nullopt;
}

std::optional<std::string> july_august(const Date& d) {
  // Olympic years moved 海の日, スポーツの日 and 山の日 (特別措置法).
  if (d.year == 2020) {
    if (d.month == 7 && d.day == 23) return "海の日";
    if (d.month == 7 && d.day == 24) return "スポーツの日";
    if (d.month == 8 && d.day == 10) return "山の日";
    return std::nullopt;
  }
  if (d.year == 2021) {
    if (d.month == 7 && d.day == 22) return "海の日";
    if (d.month == 7 && d.day == 23) return "スポーツの日";
    if (d.month == 8 && d.day == 8) return "山の日";
    return std::nullopt;
  }
  if (d.month == 7) {
    bool umi = d.year >= 2003 ? is_nth_monday(d, 7, 3) : d.day == 20;
    return umi ? std::optional<std::string>("海の日") : std::nullopt;
  }
  if (d.day == 11 && d.year >= 2016) return "山の日";
  return std::nullopt;
}

std::optional<std::string> september_october(const Date& d) {
  if (d.month == 9) {
    bool keiro = d.year >= 2003 ? is_nth_monday(d, 9, 3) : d.day == 15;
    if (keiro) return "敬老の日";
    if (d.day == autumnal_equinox_day(d.year)) return "秋分の日";
    return std::nullopt;
  }
  if (d.year == 2020 || d.year == 2021) return std::nullopt;  // moved to July
  if (is_nth_monday(d, 10, 2)) return d.year >= 2020 ? "スポーツの日" : "体育の日";
  if (d.year == 2019 && d.day == 22) return "即位礼正殿の儀の行われる日";
  return std::nullopt;
}

std::optional<std::string> november_december(const Date& d) {
  if (d.month == 11 && d.day == 3) return "文化の日";
  if (d.month == 11 && d.day == 23) return "勤労感謝の日";
  if (d.month == 12 && d.day == 23 && d.year <= 2018) return "天皇誕生日";
  return std::nullopt;
}

// 国民の祝日 proper: the days named in the law, without 振替休日 and 国民の休日.
std::optional<std::string> named_holiday(const Date& d) {
  switch (d.month) {
    case 1:
      return january(d);
    case 2:
      return february(d);
    case 3:
    case 4:
    case 5:
      return april_may(d);
    case 7:
    case 8:
      return july_august(d);
    case 9:
    case 10:
      return september_october(d);
    case 11:
    case 12:
      return november_december(d);
    default:
      return std::nullopt;
  }
}

// 振替休日: when a 祝日 falls on a Sunday, the next day that is not a 祝日 is a holiday
// (since 2007; before, only the Monday — the same days in 2000–2006).
bool is_substitute_holiday(const Date& d) {
  if (named_holiday(d)) return false;
  for (Date p = d.add_days(-1);; p = p.add_days(-1)) {
    if (!named_holiday(p)) return false;
    if (p.weekday() == kSunday) return true;
  }
}

// 国民の休日: an ordinary weekday between two 祝日 (9月の連休, 2019-04-30, 2019-05-02).
bool is_sandwiched(const Date& d) {
  return d.weekday() != kSunday && !named_holiday(d) && named_holiday(d.add_days(-1)) &&
         named_holiday(d.add_days(1));
}

int equinox_day(double base, int year) {
  int y = year - 1980;
  return static_cast<int>(std::floor(base + 0.242194 * y)) - y / 4;
}

}  // namespace

int vernal_equinox_day(int year) {
  return equinox_day(20.8431, year);
}
int autumnal_equinox_day(int year) {
  return equinox_day(23.2488, year);
}

std::optional<std::string> holiday_name(const Date& date) {
  if (date.year < kFirstHolidayYear || date.year > kLastHolidayYear)
    throw InputError("holidays are computed for 2000–2099 only, not " + date.iso());
  if (auto name = named_holiday(date)) return name;
  if (is_substitute_holiday(date)) return "振替休日";
  if (is_sandwiched(date)) return "国民の休日";
  return std::nullopt;
}

std::vector<Holiday> holidays_of_year(int year) {
  std::vector<Holiday> out;
  for (Date d{year, 1, 1}; d.year == year; d = d.add_days(1))
    if (auto name = holiday_name(d)) out.push_back({d, *name});
  return out;
}

}  // namespace wasshoi::sdk
