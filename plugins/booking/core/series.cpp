#include "core/series.hpp"

#include <algorithm>
#include <set>
#include <wasshoi/sdk/input.hpp>

#include "core/closures.hpp"

namespace wasshoi::booking {

namespace {

constexpr const char* kSelectSeries =
    "SELECT id, facility_id, org_id, rule, first_day, until_day, count, start_tod, end_tod, purpose, "
    "sequence "
    "FROM booking_series";

Series read_series(sdk::Statement& st) {
  Series s;
  s.id = st.get_int(0);
  s.facility_id = st.get_int(1);
  s.org = st.get_int(2);
  s.rule = parse_recurrence(st.get_text(3));
  s.first = st.get_date(4);
  s.rule.until = st.get_date(5);
  if (auto count = st.get_optional_int(6)) s.rule.count = static_cast<int>(*count);
  s.start_tod = static_cast<int>(st.get_int(7));
  s.end_tod = static_cast<int>(st.get_int(8));
  s.purpose = st.get_text(9);
  s.sequence = static_cast<int>(st.get_int(10));
  return s;
}

BookingRequest on_day(const BookingRequest& first, const sdk::Date& day) {
  BookingRequest r = first;
  r.start = at_minute(day, first.start.minutes_of_day());
  r.end = at_minute(day, first.start.minutes_of_day() +
                             static_cast<int>(first.end.epoch_minutes() - first.start.epoch_minutes()));
  return r;
}

std::string conflict_text(sdk::Database& db, sdk::OrganizationDirectory& orgs, BookingId other) {
  Booking b = get_booking(db, other);
  return "予約 #" + std::to_string(other) + "（" + orgs.name(db, b.org) + "「" + b.purpose + "」 " +
         format_hm(b.start.minutes_of_day()) + "–" + format_hm(b.end.minutes_of_day()) + "）と重複";
}

std::string plan_message(const SeriesPlan& plan) {
  auto problems = plan.problems();
  std::string msg = std::to_string(problems.size()) + " of " + std::to_string(plan.dates.size()) +
                    " dates cannot be booked:";
  for (const auto& o : problems) msg += "\n  " + o.day.iso() + " " + *o.problem;
  if (plan.bookable() == 0) return msg + "\nnothing was booked: no date of the series is free";
  return msg + "\nnothing was booked; book the other " + std::to_string(plan.bookable()) +
         " dates with --skip-conflicts";
}

SeriesId insert_series(sdk::Database& db, const SeriesRequest& r, const sdk::Date& first) {
  sdk::Statement(db,
                 "INSERT INTO booking_series(facility_id, org_id, rule, first_day, until_day, count, "
                 "start_tod, end_tod, "
                 "purpose) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(r.first.facility_id, r.first.org, to_text(r.rule), first, r.rule.until,
                r.rule.count ? std::optional<std::int64_t>(*r.rule.count) : std::nullopt,
                r.first.start.minutes_of_day(),
                r.first.start.minutes_of_day() +
                    static_cast<int>(r.first.end.epoch_minutes() - r.first.start.epoch_minutes()),
                r.first.purpose)
      .run();
  return db.last_insert_id();
}

}  // namespace

std::vector<Occurrence> SeriesPlan::problems() const {
  std::vector<Occurrence> out;
  std::copy_if(dates.begin(), dates.end(), std::back_inserter(out),
               [](const Occurrence& o) { return !o.ok(); });
  return out;
}

int SeriesPlan::bookable() const {
  return static_cast<int>(
      std::count_if(dates.begin(), dates.end(), [](const Occurrence& o) { return o.ok(); }));
}

SeriesConflictError::SeriesConflictError(SeriesPlan plan)
    : sdk::InputError(plan_message(plan)), plan_(std::move(plan)) {}

SeriesPlan plan_series(sdk::Database& db, sdk::OrganizationDirectory& orgs, const SeriesRequest& r) {
  Facility f = get_facility(db, r.first.facility_id);
  check_request_shape(db, orgs, f, r.first);
  SeriesPlan plan;
  auto days = occurrences(r.rule, r.first.start.date);
  if (days.empty()) return plan;
  ClosureCalendar calendar(db, f, days.front(), days.back());
  for (const auto& day : days) {
    Occurrence o{day, calendar.reason(day), std::nullopt};
    if (!o.problem) {
      BookingRequest one = on_day(r.first, day);
      o.conflict = find_overlap(db, f.id, one.start.epoch_minutes(), one.end.epoch_minutes());
      if (o.conflict) o.problem = conflict_text(db, orgs, *o.conflict);
    }
    plan.dates.push_back(std::move(o));
  }
  return plan;
}

SeriesResult book_series(sdk::Database& db, sdk::OrganizationDirectory& orgs, const SeriesRequest& r,
                         OnProblem on_problem) {
  Facility f = get_facility(db, r.first.facility_id);
  sdk::Transaction tx(db, "booking.series.add", f.name + " " + to_text(r.rule) + " " + r.first.purpose);
  SeriesPlan plan = plan_series(db, orgs, r);  // under the write lock
  if (plan.dates.empty()) throw sdk::InputError("the repeat rule gives no date");
  if (on_problem == OnProblem::CancelAll && !plan.problems().empty()) throw SeriesConflictError(plan);
  if (plan.bookable() == 0) throw SeriesConflictError(plan);
  SeriesResult result;
  result.id = insert_series(db, r, plan.dates.front().day);
  for (const auto& o : plan.dates) {
    if (o.ok())
      result.booked.push_back(insert_booking(db, orgs, f, on_day(r.first, o.day), result.id));
    else
      result.skipped.push_back(o);
  }
  tx.commit();
  return result;
}

std::optional<Series> find_series(sdk::Database& db, SeriesId id) {
  sdk::Statement st(db, std::string(kSelectSeries) + " WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_series(st);
}

Series get_series(sdk::Database& db, SeriesId id) {
  auto s = find_series(db, id);
  if (!s) throw sdk::InputError("no booking series with id " + std::to_string(id));
  return *s;
}

std::vector<Series> list_series(sdk::Database& db, FacilityId facility, OrgId org) {
  sdk::Statement st(db, std::string(kSelectSeries) +
                            " WHERE (?1 = 0 OR facility_id = ?1) AND (?2 = 0 OR org_id = ?2) ORDER BY id");
  st.bind_all(facility, org);
  std::vector<Series> out;
  while (st.step()) out.push_back(read_series(st));
  return out;
}

std::vector<sdk::Date> missing_dates(sdk::Database& db, const Series& s) {
  std::set<sdk::Date> booked;
  BookingFilter q;
  q.series = s.id;
  for (const auto& b : list_bookings(db, q)) booked.insert(b.start.date);
  std::vector<sdk::Date> out;
  if (!s.dates_known()) return out;
  for (const auto& d : occurrences(s.rule, *s.first))
    if (!booked.count(d)) out.push_back(d);
  return out;
}

int cancel_series_from(sdk::Database& db, SeriesId id, const sdk::Date& from, const std::string& reason) {
  Series s = get_series(db, id);
  sdk::check_text(sdk::TextKind::Line, "reason", reason);
  sdk::Transaction tx(db, "booking.series.cancel",
                      "#" + std::to_string(id) + " from " + from.iso() +
                          (sdk::trim(reason).empty() ? "" : ": " + sdk::trim(reason)));
  int n = sdk::Statement(
              db,
              "UPDATE booking_bookings SET status = 'cancelled' WHERE series_id = ? AND start_min >= ? "
              "AND status <> 'cancelled'")
              .bind_all(id, sdk::DateTime{from, 0, 0}.epoch_minutes())
              .run();
  // The rule now ends the day before: RRULE UNTIL, so calendars drop the later dates.
  sdk::Statement(
      db, "UPDATE booking_series SET until_day = ?, count = NULL, sequence = sequence + 1 WHERE id = ?")
      .bind_all(from.add_days(-1), id)
      .run();
  tx.commit();
  return n;
}

int cancel_series_from(sdk::Context& ctx, SeriesId id, const sdk::Date& from, const std::string& reason) {
  if (sdk::trim(reason).empty())
    throw sdk::InputError("say why series #" + std::to_string(id) + " is cancelled (the reason is kept)");
  ctx.require_visible("booking_series", id);
  return cancel_series_from(ctx.db(), id, from, reason);
}

SeriesResult change_series_from(sdk::Database& db, sdk::OrganizationDirectory& orgs, SeriesId id,
                                const sdk::Date& from, int start_tod, int end_tod,
                                std::optional<std::string> purpose, std::optional<int> attendance,
                                OnProblem on_problem) {
  Series s = get_series(db, id);
  if (!s.dates_known())
    throw sdk::InputError("series #" + std::to_string(id) +
                          " has a stored date that is not a date (日付不明): cancel it and book it anew");
  std::vector<sdk::Date> rest;
  for (const auto& d : occurrences(s.rule, *s.first))
    if (d >= from) rest.push_back(d);
  if (rest.empty())
    throw sdk::InputError("series #" + std::to_string(id) + " has no date on or after " + from.iso());
  BookingFilter q;
  q.series = id;
  q.include_cancelled = true;
  auto old = list_bookings(db, q);
  sdk::Transaction tx(db, "booking.series.change", "#" + std::to_string(id) + " from " + from.iso());
  cancel_series_from(db, id, from);
  SeriesRequest r;
  r.rule = s.rule;
  if (s.rule.count) r.rule.count = static_cast<int>(rest.size());
  r.first = {s.facility_id,
             s.org,
             at_minute(rest.front(), start_tod),
             at_minute(rest.front(), end_tod),
             purpose.value_or(s.purpose),
             old.empty() ? "" : old.front().contact,
             old.empty() ? std::nullopt : old.front().contact_person,
             attendance.value_or(old.empty() ? 0 : old.front().attendance)};
  SeriesResult result = book_series(db, orgs, r, on_problem);
  tx.commit();
  return result;
}

}  // namespace wasshoi::booking
