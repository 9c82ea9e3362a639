#pragma once
// Japanese national holidays (国民の祝日, 振替休日, 国民の休日) computed by rule, valid for
// 2000–2099 under the law as it stands (祝日法, with the 2019–2021 one-off changes). A pure
// function of the date: no table to keep up to date, no database.
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

inline constexpr int kFirstHolidayYear = 2000;
inline constexpr int kLastHolidayYear = 2099;

// The holiday's Japanese name (元日, 春分の日, 振替休日, 国民の休日 …), or nullopt for an ordinary
// day. Years outside 2000–2099 throw sdk::InputError.
std::optional<std::string> holiday_name(const Date& date);
inline bool is_holiday(const Date& date) {
  return holiday_name(date).has_value();
}

// 春分日 / 秋分日 of a year by the standard approximation (valid 1980–2099): day of March/September.
int vernal_equinox_day(int year);
int autumnal_equinox_day(int year);

struct Holiday {
  Date date;
  std::string name;
};
// Every holiday of a year, in date order.
std::vector<Holiday> holidays_of_year(int year);

}  // namespace wasshoi::sdk
