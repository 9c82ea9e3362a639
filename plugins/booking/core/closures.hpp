#pragma once
// Whether a facility is open on a date: weekly closed days (休館日), 年末年始 (12/29–1/3),
// national holidays when the facility closes on them, and one-off closures (臨時休館).
#include <map>
#include <optional>
#include <string>

#include "core/facilities.hpp"

namespace wasshoi::booking {

// Pure rule part (no database): weekly day, 年末年始, 祝日.
std::optional<std::string> rule_closure(const Facility& f, const sdk::Date& day);

// The rules plus the one-off closures of a period, loaded once (series, finder and reports ask
// for many days).
class ClosureCalendar {
 public:
  ClosureCalendar(sdk::Database& db, const Facility& f, const sdk::Date& from, const sdk::Date& to);
  // Why the facility is closed that day (休館日（月曜）, 年末年始, 祝日（春分の日）, 臨時休館: 工事),
  // or nullopt when it is open.
  std::optional<std::string> reason(const sdk::Date& day) const;
  bool open(const sdk::Date& day) const { return !reason(day); }

 private:
  const Facility& facility_;
  std::map<sdk::Date, std::string> one_off_;
};

// Japanese short weekday name: 日 月 火 水 木 金 土.
const char* weekday_ja(int weekday);

}  // namespace wasshoi::booking
