#include "core/closures.hpp"

#include "core/holidays.hpp"

namespace wasshoi::booking {

const char* weekday_ja(int weekday) {
  static const char* const names[] = {"日", "月", "火", "水", "木", "金", "土"};
  return names[(weekday % 7 + 7) % 7];
}

std::optional<std::string> rule_closure(const Facility& f, const sdk::Date& day) {
  if (f.closed_weekdays & (1u << day.weekday()))
    return std::string("休館日（") + weekday_ja(day.weekday()) + "曜）";
  bool new_year = (day.month == 12 && day.day >= 29) || (day.month == 1 && day.day <= 3);
  if (f.new_year_closed && new_year) return "年末年始";
  if (f.closed_on_holidays && day.year >= kFirstHolidayYear && day.year <= kLastHolidayYear)
    if (auto name = holiday_name(day)) return "祝日（" + *name + "）";
  return std::nullopt;
}

ClosureCalendar::ClosureCalendar(sdk::Database& db, const Facility& f, const sdk::Date& from,
                                 const sdk::Date& to)
    : facility_(f) {
  for (auto& c : closures(db, f.id, from, to))
    if (c.day)  // a day that is not a date closes no day we know
      one_off_[*c.day] = c.reason.empty() ? std::string("臨時休館") : "臨時休館（" + c.reason + "）";
}

std::optional<std::string> ClosureCalendar::reason(const sdk::Date& day) const {
  if (auto it = one_off_.find(day); it != one_off_.end()) return it->second;
  return rule_closure(facility_, day);
}

}  // namespace wasshoi::booking
