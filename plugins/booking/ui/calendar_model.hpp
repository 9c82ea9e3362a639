#pragma once
// What a calendar shows, read from core (no ImGui): the rooms, the days with their holidays and
// closures, and the bookings with their organization's name.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/bookings.hpp"

namespace wasshoi::booking::ui {

struct CalendarEntry {
  Booking booking;
  std::string org;   // who booked
  std::string room;  // where
};

struct CalendarData {
  std::vector<Facility> rooms;
  std::vector<sdk::Date> days;
  std::map<sdk::Date, std::string> holidays;                       // 祝日 names
  std::map<std::pair<FacilityId, sdk::Date>, std::string> closed;  // per room and day
  std::vector<CalendarEntry> entries;                              // live bookings, by start

  const std::string* closed_reason(FacilityId room, const sdk::Date& day) const;
  // Closed for every room shown (the whole building).
  const std::string* closed_for_all(const sdk::Date& day) const;
};

// Rooms: `facility` alone, or every room of `owner` (0: all rooms).
CalendarData load_calendar(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId owner,
                           FacilityId facility, const sdk::Date& from, const sdk::Date& to);

// The Sunday on or before `day` (the week runs 日–土 as on Japanese wall calendars).
sdk::Date week_start(const sdk::Date& day);
// The six weeks shown for a month: from the Sunday on or before the 1st.
sdk::Date month_grid_start(int year, int month);
sdk::Date add_months(const sdk::Date& day, int months);

}  // namespace wasshoi::booking::ui
