#pragma once
// Recurrence rules of a booking series: weekly, every n weeks, monthly by date, monthly by nth
// weekday (毎月第2日曜), until a date or n times. Written as text (stored, typed on the CLI):
//   weekly            毎週 (the first date's weekday)       weekly:2   隔週
//   monthly           毎月 the first date's day of month     monthly:3  3か月ごと
//   monthly-nth:2SU   毎月第2日曜 (-1SU: last Sunday)        毎月第2日曜 is accepted as well
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::booking {

inline constexpr int kMaxOccurrences = 400;

struct Recurrence {
  enum class Kind { Weekly, MonthlyDate, MonthlyNth };
  Kind kind = Kind::Weekly;
  int interval = 1;                // every n weeks / months
  int nth = 1;                     // MonthlyNth: 1–4, or -1 for the last
  int weekday = 0;                 // MonthlyNth: 0 = Sunday
  std::optional<sdk::Date> until;  // inclusive
  std::optional<int> count;
};

// Parses the rule text; InputError naming the accepted forms.
Recurrence parse_recurrence(std::string_view text);
// The rule as text, without until/count ("monthly-nth:2SU").
std::string to_text(const Recurrence& r);
// 毎月第2日曜 / 隔週日曜 … for people.
std::string describe_ja(const Recurrence& r, const sdk::Date& first);

// The dates of the series from `first` (which need not match: the first matching date on or
// after it starts the series), until `until` or `count` dates. InputError when neither is set
// or when the rule would give more than kMaxOccurrences dates.
std::vector<sdk::Date> occurrences(const Recurrence& r, const sdk::Date& first);

// RFC 5545 RRULE value for the series starting on `first` at `start_tod` (local minutes), e.g.
// FREQ=MONTHLY;BYDAY=2SU;COUNT=12. UNTIL is given in UTC, as RFC 5545 requires with a TZID start.
std::string to_rrule(const Recurrence& r, const sdk::Date& first);

}  // namespace wasshoi::booking
