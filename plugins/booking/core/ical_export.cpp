#include "core/ical_export.hpp"

#include <map>
#include <set>
#include <wasshoi/sdk/ical.hpp>

#include "core/bookings.hpp"
#include "core/series.hpp"

namespace wasshoi::booking {

namespace {

const char* ical_status(Status s) {
  switch (s) {
    case Status::Approved:
      return "CONFIRMED";
    case Status::Tentative:
      return "TENTATIVE";
    case Status::Cancelled:
      return "CANCELLED";
  }
  return "";
}

struct Names {
  sdk::Database& db;
  sdk::OrganizationDirectory& orgs;
  std::map<FacilityId, std::pair<std::string, std::string>> rooms;  // name, location
  std::map<OrgId, std::string> org_names;

  const std::pair<std::string, std::string>& room(FacilityId id) {
    auto it = rooms.find(id);
    if (it != rooms.end()) return it->second;
    Facility f = get_facility(db, id);
    return rooms[id] = {f.name, org(f.owner) + " " + f.name};
  }
  const std::string& org(OrgId id) {
    auto it = org_names.find(id);
    return it != org_names.end() ? it->second : org_names.emplace(id, orgs.name(db, id)).first->second;
  }
};

sdk::IcalEvent event_of(Names& names, const IcsScope& scope, const Booking& b, const std::string& purpose) {
  sdk::IcalEvent e;
  const auto& [room, location] = names.room(b.facility_id);
  e.summary = scope.facility ? names.org(b.org) + "「" + purpose + "」" : purpose + "（" + room + "）";
  e.location = location;
  e.description = "予約 #" + std::to_string(b.id) + " / " + status_label_ja(b.status) +
                  (b.contact.empty() ? "" : " / 担当: " + b.contact);
  e.status = ical_status(b.status);
  e.categories = {"集会施設予約"};
  return e;
}

// A series is one event with its rule; the master carries the status most of its dates have
// (TENTATIVE on a tie) and the series' times. Every date whose booking differs from that (approved
// while the rest wait, or at other times) gets its own override: same UID, RECURRENCE-ID at the
// date's time under the rule, its own DTSTART/DTEND/STATUS. A booking of the series on a date the
// rule does not make goes out as an event of its own.
void add_series(Names& names, const IcsScope& scope, sdk::IcalWriter& cal, const Series& s) {
  BookingFilter q;
  q.series = s.id;
  auto live = list_bookings(names.db, q);
  if (live.empty()) return;
  const auto dates = occurrences(s.rule, *s.first);
  const std::set<sdk::Date> on_rule(dates.begin(), dates.end());
  std::map<Status, int> count;
  for (const auto& b : live)
    if (on_rule.count(b.start.date)) ++count[b.status];
  const Status common =
      count[Status::Approved] > count[Status::Tentative] ? Status::Approved : Status::Tentative;
  const std::string uid = "booking-series-" + std::to_string(s.id) + "@wasshoi";

  sdk::IcalEvent e = event_of(names, scope, live.front(), s.purpose);
  e.uid = uid;
  e.start = at_minute(*s.first, s.start_tod);
  e.end = at_minute(*s.first, s.end_tod);
  e.status = ical_status(common);
  e.description = "定期予約 #" + std::to_string(s.id) + " / " + describe_ja(s.rule, *s.first);
  e.rrule = to_rrule(s.rule, *s.first);
  for (const auto& d : missing_dates(names.db, s)) e.exdates.push_back(at_minute(d, s.start_tod));
  e.sequence = s.sequence;
  cal.add(e);

  for (const auto& b : live) {
    const sdk::Date& day = b.start.date;
    if (!on_rule.count(day)) {
      sdk::IcalEvent own = event_of(names, scope, b, b.purpose);
      own.uid = "booking-" + std::to_string(b.id) + "@wasshoi";
      own.start = b.start;
      own.end = b.end;
      cal.add(own);
      continue;
    }
    if (b.status == common && b.start == at_minute(day, s.start_tod) && b.end == at_minute(day, s.end_tod))
      continue;
    sdk::IcalEvent o = event_of(names, scope, b, s.purpose);
    o.uid = uid;
    o.recurrence_id = at_minute(day, s.start_tod);
    o.start = b.start;
    o.end = b.end;
    o.sequence = s.sequence;
    cal.add(o);
  }
}

}  // namespace

std::string export_ics(sdk::Database& db, sdk::OrganizationDirectory& orgs, const IcsScope& scope,
                       std::optional<sdk::DateTime> stamp_utc) {
  if ((scope.facility == 0) == (scope.org == 0))
    throw sdk::InputError("export one room (--facility ID) or one organization (--org ID)");
  std::string title;
  if (scope.facility)
    title = get_facility(db, scope.facility).name;
  else
    title = orgs.get(db, scope.org).name + " 施設予約";  // InputError "no organization with id N"
  sdk::IcalWriter cal(title);
  Names names{db, orgs, {}, {}};
  // A series whose stored dates did not read (日付不明) has no rule to write: its bookings, which
  // keep their own times, go out one by one instead.
  std::set<SeriesId> with_rule;
  auto series = list_series(db, scope.facility, scope.org);
  for (const auto& s : series)
    if (s.dates_known()) with_rule.insert(s.id);
  BookingFilter q;
  q.facility = scope.facility;
  q.org = scope.org;
  for (const auto& b : list_bookings(db, q)) {
    if (b.series_id && with_rule.count(*b.series_id)) continue;
    sdk::IcalEvent e = event_of(names, scope, b, b.purpose);
    e.uid = "booking-" + std::to_string(b.id) + "@wasshoi";
    e.start = b.start;
    e.end = b.end;
    cal.add(e);
  }
  for (const auto& s : series)
    if (s.dates_known()) add_series(names, scope, cal, s);
  return stamp_utc ? cal.str(*stamp_utc) : cal.str();
}

}  // namespace wasshoi::booking
