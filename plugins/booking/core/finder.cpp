#include "core/finder.hpp"

#include <algorithm>
#include <array>

#include "core/bookings.hpp"
#include "core/closures.hpp"

namespace wasshoi::booking {

namespace {

struct Window {
  std::string slot;
  int start, end;
};

std::vector<Window> windows_of(const Facility& f, const FreeQuery& q) {
  if (q.slot) {
    for (const auto& s : f.slots)
      if (s.name == *q.slot) return {{s.name, s.start_min, s.end_min}};
    return {};
  }
  if (q.start_tod && q.end_tod) {
    if (*q.start_tod < f.open_min || *q.end_tod > f.close_min) return {};
    return {{"", *q.start_tod, *q.end_tod}};
  }
  if (f.slots.empty()) return {{"", f.open_min, f.close_min}};
  std::vector<Window> out;
  for (const auto& s : f.slots) out.push_back({s.name, s.start_min, s.end_min});
  return out;
}

}  // namespace

unsigned parse_weekdays(std::string_view text) {
  static const std::array<const char*, 7> en = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
  static const std::array<const char*, 7> ja = {"日", "月", "火", "水", "木", "金", "土"};
  unsigned bits = 0;
  std::string_view rest = text;
  while (!rest.empty()) {
    if (rest.front() == ',' || rest.front() == ' ') {
      rest.remove_prefix(1);
      continue;
    }
    bool found = false;
    for (int i = 0; i < 7 && !found; ++i)
      for (std::string_view name : {std::string_view(en[i]), std::string_view(ja[i])})
        if (rest.starts_with(name)) {
          bits |= 1u << i;
          rest.remove_prefix(name.size());
          found = true;
          break;
        }
    if (!found)
      throw sdk::InputError("unknown weekday in '" + std::string(text) +
                            "': use SU,MO,…,SA or 日月火水木金土");
  }
  return bits;
}

std::vector<FreeSlot> find_free(sdk::Database& db, const FreeQuery& q) {
  if (q.to < q.from)
    throw sdk::InputError("the period ends (" + q.to.iso() + ") before it starts (" + q.from.iso() + ")");
  if (q.start_tod.has_value() != q.end_tod.has_value() || (q.start_tod && *q.start_tod >= *q.end_tod))
    throw sdk::InputError("a time window needs a start before its end");
  std::vector<Facility> rooms;
  if (q.facility)
    rooms.push_back(get_facility(db, q.facility));
  else
    rooms = list_facilities(db, q.owner);
  std::erase_if(rooms, [&](const Facility& f) { return f.retired || f.capacity < q.attendance; });
  std::vector<std::pair<Facility*, ClosureCalendar>> calendars;
  for (auto& f : rooms) calendars.emplace_back(&f, ClosureCalendar(db, f, q.from, q.to));
  std::vector<FreeSlot> out;
  // One prepared overlap query for the whole search.
  sdk::Statement overlap(db, kOverlapQuery);
  auto taken = [&](FacilityId id, std::int64_t s, std::int64_t e) {
    overlap.bind_all(id, s, e, 0);
    bool hit = overlap.step();
    overlap.reset();
    return hit;
  };
  for (sdk::Date d = q.from; d <= q.to && static_cast<int>(out.size()) < q.limit; d = d.add_days(1)) {
    if (!(q.weekdays & (1u << d.weekday()))) continue;
    for (auto& [f, calendar] : calendars) {
      if (static_cast<int>(out.size()) >= q.limit) break;
      if (!calendar.open(d)) continue;
      for (const auto& w : windows_of(*f, q)) {
        auto start = at_minute(d, w.start), end = at_minute(d, w.end);
        if (taken(f->id, start.epoch_minutes(), end.epoch_minutes())) continue;
        out.push_back({f->id, f->name, f->capacity, start, end, w.slot, compute_fee(*f, q.org, start, end)});
        if (static_cast<int>(out.size()) >= q.limit) break;
      }
    }
  }
  return out;
}

}  // namespace wasshoi::booking
