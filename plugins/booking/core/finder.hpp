#pragma once
// The free-slot finder: "a room for 30 people, a Sunday afternoon in March".
#include <optional>
#include <string>
#include <vector>

#include "core/facilities.hpp"

namespace wasshoi::booking {

struct FreeQuery {
  int attendance = 0;               // rooms holding at least this many
  OrgId owner = 0;                  // rooms of one owner (0: all)
  FacilityId facility = 0;          // one room (0: all)
  sdk::Date from, to;               // inclusive
  unsigned weekdays = 0x7F;         // bit d: weekday d wanted (0 = Sunday)
  std::optional<std::string> slot;  // a named slot (午後)
  std::optional<int> start_tod;     // or a time window, minutes of the day
  std::optional<int> end_tod;
  OrgId org = 0;  // who would book (for the fee)
  int limit = 100;
};

struct FreeSlot {
  FacilityId facility = 0;
  std::string facility_name;
  int capacity = 0;
  sdk::DateTime start, end;
  std::string slot;  // slot name, empty for a time window
  int fee = 0;
};

// Open, unbooked windows in date order, then room. Without slot or window: each of the room's
// slots, or its whole opening hours when it has none.
std::vector<FreeSlot> find_free(sdk::Database& db, const FreeQuery& q);

// "SU", "SA,SU", "日", "土日" → weekday bits; InputError otherwise.
unsigned parse_weekdays(std::string_view text);

}  // namespace wasshoi::booking
