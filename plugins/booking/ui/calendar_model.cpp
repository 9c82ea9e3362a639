#include "ui/calendar_model.hpp"

#include <algorithm>

#include "core/closures.hpp"
#include "core/holidays.hpp"

namespace wasshoi::booking::ui {

const std::string* CalendarData::closed_reason(FacilityId room, const sdk::Date& day) const {
  auto it = closed.find({room, day});
  return it == closed.end() ? nullptr : &it->second;
}

const std::string* CalendarData::closed_for_all(const sdk::Date& day) const {
  const std::string* reason = nullptr;
  for (const auto& f : rooms) {
    reason = closed_reason(f.id, day);
    if (!reason) return nullptr;
  }
  return reason;
}

CalendarData load_calendar(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId owner,
                           FacilityId facility, const sdk::Date& from, const sdk::Date& to) {
  CalendarData c;
  if (facility) {
    if (auto f = find_facility(db, facility)) c.rooms.push_back(*f);
  } else {
    c.rooms = list_facilities(db, owner);
  }
  for (sdk::Date d = from; d <= to; d = d.add_days(1)) {
    c.days.push_back(d);
    if (d.year >= kFirstHolidayYear && d.year <= kLastHolidayYear)
      if (auto name = holiday_name(d)) c.holidays[d] = *name;
  }
  std::map<OrgId, std::string> names;
  for (const auto& f : c.rooms) {
    ClosureCalendar calendar(db, f, from, to);
    for (const auto& d : c.days)
      if (auto why = calendar.reason(d)) c.closed[{f.id, d}] = *why;
    BookingFilter q;
    q.facility = f.id;
    q.from = from;
    q.to = to;
    for (auto& b : list_bookings(db, q)) {
      if (!names.count(b.org)) names[b.org] = orgs.name(db, b.org);
      std::string who = names[b.org];
      c.entries.push_back({std::move(b), std::move(who), f.name});
    }
  }
  std::stable_sort(c.entries.begin(), c.entries.end(),
                   [](const auto& a, const auto& b) { return a.booking.start < b.booking.start; });
  return c;
}

sdk::Date week_start(const sdk::Date& day) {
  return day.add_days(-day.weekday());
}

sdk::Date month_grid_start(int year, int month) {
  return week_start(sdk::Date{year, month, 1});
}

sdk::Date add_months(const sdk::Date& day, int months) {
  int m = day.year * 12 + (day.month - 1) + months;
  return sdk::Date{m / 12, m % 12 + 1, 1};
}

}  // namespace wasshoi::booking::ui
