#include "core/recurrence.hpp"

#include <array>
#include <charconv>
#include <wasshoi/sdk/error.hpp>

namespace wasshoi::booking {

namespace {

constexpr std::array<const char*, 7> kIcalDays = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
constexpr std::array<const char*, 7> kJaDays = {"日", "月", "火", "水", "木", "金", "土"};

[[noreturn]] void bad(std::string_view text) {
  throw sdk::InputError("unknown repeat rule '" + std::string(text) +
                        "': use weekly, weekly:N (every N weeks), monthly, monthly:N, monthly-nth:2SU "
                        "(2nd Sunday; -1SU = last Sunday) or 毎月第2日曜");
}

int parse_int(std::string_view s, std::string_view whole) {
  int v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) bad(whole);
  return v;
}

int days_in_month(int y, int m) {
  sdk::Date next = m == 12 ? sdk::Date{y + 1, 1, 1} : sdk::Date{y, m + 1, 1};
  return next.add_days(-1).day;
}

// The nth weekday of a month, or nullopt (a 5th Sunday that does not exist).
std::optional<sdk::Date> nth_weekday(int y, int m, int nth, int weekday) {
  if (nth > 0) {
    sdk::Date d{y, m, 1};
    d = d.add_days((weekday - d.weekday() + 7) % 7 + 7 * (nth - 1));
    return d.month == m ? std::optional(d) : std::nullopt;
  }
  sdk::Date d{y, m, days_in_month(y, m)};
  return d.add_days(-((d.weekday() - weekday + 7) % 7));
}

Recurrence parse_nth(std::string_view spec, std::string_view whole) {
  if (spec.size() < 3) bad(whole);
  Recurrence r;
  r.kind = Recurrence::Kind::MonthlyNth;
  r.nth = parse_int(spec.substr(0, spec.size() - 2), whole);
  std::string_view day = spec.substr(spec.size() - 2);
  r.weekday = -1;
  for (int i = 0; i < 7; ++i)
    if (day == kIcalDays[i]) r.weekday = i;
  if (r.weekday < 0 || !(r.nth == -1 || (r.nth >= 1 && r.nth <= 4))) bad(whole);
  return r;
}

// 毎月第2日曜 / 毎月第2日曜日
std::optional<Recurrence> parse_japanese(std::string_view text) {
  std::string_view prefix = "毎月第";
  if (!text.starts_with(prefix)) return std::nullopt;
  std::string_view rest = text.substr(prefix.size());
  if (rest.empty() || rest[0] < '1' || rest[0] > '4') return std::nullopt;
  Recurrence r;
  r.kind = Recurrence::Kind::MonthlyNth;
  r.nth = rest[0] - '0';
  rest.remove_prefix(1);
  for (int i = 0; i < 7; ++i)
    if (rest == std::string(kJaDays[i]) + "曜" || rest == std::string(kJaDays[i]) + "曜日") {
      r.weekday = i;
      return r;
    }
  return std::nullopt;
}

bool reached(const Recurrence& r, const sdk::Date& d, std::size_t n) {
  return (r.until && d > *r.until) || (r.count && static_cast<int>(n) >= *r.count);
}

void push(std::vector<sdk::Date>& out, const sdk::Date& d) {
  out.push_back(d);
  if (out.size() > static_cast<std::size_t>(kMaxOccurrences))
    throw sdk::InputError("a series holds at most " + std::to_string(kMaxOccurrences) + " dates");
}

}  // namespace

Recurrence parse_recurrence(std::string_view text) {
  if (auto ja = parse_japanese(text)) return *ja;
  auto colon = text.find(':');
  std::string_view head = text.substr(0, colon);
  std::string_view arg = colon == std::string_view::npos ? std::string_view() : text.substr(colon + 1);
  Recurrence r;
  if (head == "monthly-nth") return parse_nth(arg, text);
  if (head == "weekly")
    r.kind = Recurrence::Kind::Weekly;
  else if (head == "monthly")
    r.kind = Recurrence::Kind::MonthlyDate;
  else
    bad(text);
  if (!arg.empty()) r.interval = parse_int(arg, text);
  if (r.interval < 1 || r.interval > 12) bad(text);
  return r;
}

std::string to_text(const Recurrence& r) {
  switch (r.kind) {
    case Recurrence::Kind::Weekly:
      return r.interval == 1 ? "weekly" : "weekly:" + std::to_string(r.interval);
    case Recurrence::Kind::MonthlyDate:
      return r.interval == 1 ? "monthly" : "monthly:" + std::to_string(r.interval);
    case Recurrence::Kind::MonthlyNth:
      return "monthly-nth:" + std::to_string(r.nth) + kIcalDays[r.weekday];
  }
  return "weekly";
}

std::string describe_ja(const Recurrence& r, const sdk::Date& first) {
  std::string day = std::string(kJaDays[first.weekday()]) + "曜";
  switch (r.kind) {
    case Recurrence::Kind::Weekly:
      return (r.interval == 1   ? "毎週"
              : r.interval == 2 ? "隔週"
                                : std::to_string(r.interval) + "週ごと") +
             day;
    case Recurrence::Kind::MonthlyDate:
      return (r.interval == 1 ? std::string("毎月") : std::to_string(r.interval) + "か月ごと") +
             std::to_string(first.day) + "日";
    case Recurrence::Kind::MonthlyNth:
      return std::string("毎月") + (r.nth < 0 ? "最終" : "第" + std::to_string(r.nth)) + kJaDays[r.weekday] +
             "曜";
  }
  return {};
}

std::vector<sdk::Date> occurrences(const Recurrence& r, const sdk::Date& first) {
  if (!r.until && !r.count) throw sdk::InputError("a series needs an end: --until DATE or --count N");
  if (r.count && *r.count < 1) throw sdk::InputError("--count must be 1 or more");
  std::vector<sdk::Date> out;
  if (r.kind == Recurrence::Kind::Weekly) {
    for (sdk::Date d = first; !reached(r, d, out.size()); d = d.add_days(7 * r.interval)) push(out, d);
    return out;
  }
  for (int k = 0; k < 12 * 100; k += r.interval) {
    int months = first.month - 1 + k;
    int y = first.year + months / 12, m = months % 12 + 1;
    std::optional<sdk::Date> d;
    if (r.kind == Recurrence::Kind::MonthlyNth)
      d = nth_weekday(y, m, r.nth, r.weekday);
    else if (first.day <= days_in_month(y, m))
      d = sdk::Date{y, m, first.day};
    if (d && *d < first) continue;
    if (d && reached(r, *d, out.size())) break;
    if (!d && r.until && sdk::Date{y, m, 1} > *r.until) break;
    if (d) push(out, *d);
  }
  return out;
}

std::string to_rrule(const Recurrence& r, const sdk::Date& first) {
  std::string s;
  switch (r.kind) {
    case Recurrence::Kind::Weekly:
      s = "FREQ=WEEKLY;BYDAY=" + std::string(kIcalDays[first.weekday()]);
      break;
    case Recurrence::Kind::MonthlyDate:
      s = "FREQ=MONTHLY;BYMONTHDAY=" + std::to_string(first.day);
      break;
    case Recurrence::Kind::MonthlyNth:
      s = "FREQ=MONTHLY;BYDAY=" + std::to_string(r.nth) + kIcalDays[r.weekday];
      break;
  }
  if (r.interval > 1) s += ";INTERVAL=" + std::to_string(r.interval);
  if (r.count)
    s += ";COUNT=" + std::to_string(*r.count);
  else if (r.until) {
    // The end of the last day in Tokyo (UTC+9) is 14:59:59 UTC of the same day.
    std::string ymd = r.until->iso();
    std::erase(ymd, '-');
    s += ";UNTIL=" + ymd + "T145959Z";
  }
  return s;
}

}  // namespace wasshoi::booking
