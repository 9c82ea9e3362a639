#include "core/bookings.hpp"

#include <algorithm>
#include <wasshoi/sdk/input.hpp>

#include "core/closures.hpp"

namespace wasshoi::booking {

namespace {

constexpr std::int64_t kDayMinutes = 24 * 60;

constexpr const char* kSelect =
    "SELECT b.id, b.facility_id, b.org_id, b.series_id, b.start_min, b.end_min, b.purpose, b.contact, "
    "b.contact_person, b.attendance, b.status, b.fee FROM booking_bookings b";

Booking read_booking(sdk::Statement& st) {
  Booking b;
  b.id = st.get_int(0);
  b.facility_id = st.get_int(1);
  b.org = st.get_int(2);
  b.series_id = st.get_optional_int(3);
  b.start = sdk::DateTime::from_epoch_minutes(st.get_int(4));
  b.end = sdk::DateTime::from_epoch_minutes(st.get_int(5));
  b.purpose = st.get_text(6);
  b.contact = st.get_text(7);
  b.contact_person = st.get_optional_int(8);
  b.attendance = static_cast<int>(st.get_int(9));
  b.status = parse_status(st.get_text(10));
  b.fee = static_cast<int>(st.get_int(11));
  return b;
}

void set_status(sdk::Database& db, BookingId id, Status status, const char* action,
                const std::string& reason = {}) {
  Booking b = get_booking(db, id);
  if (b.status == Status::Cancelled)
    throw sdk::InputError("booking #" + std::to_string(id) + " is already cancelled");
  sdk::check_text(sdk::TextKind::Line, "reason", reason);
  sdk::Transaction tx(db, action,
                      "#" + std::to_string(id) + " " + format_span(b.start, b.end) +
                          (reason.empty() ? "" : ": " + sdk::trim(reason)));
  sdk::Statement(db, "UPDATE booking_bookings SET status = ? WHERE id = ?")
      .bind_all(to_string(status), id)
      .run();
  tx.commit();
}

}  // namespace

void check_request(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f,
                   const BookingRequest& r) {
  check_request_shape(db, orgs, f, r);
  ClosureCalendar calendar(db, f, r.start.date, r.start.date);
  if (auto why = calendar.reason(r.start.date))
    throw sdk::InputError(f.name + " is closed on " + r.start.date.iso() + ": " + *why);
}

void check_request_shape(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f,
                         const BookingRequest& r) {
  if (f.retired) throw sdk::InputError(f.name + " is no longer used (retired) and takes no new bookings");
  if (!r.start.valid() || !r.end.valid()) throw sdk::InputError("the booking needs a valid start and end");
  sdk::check_date("the booking's date", r.start.date);
  sdk::check_text(sdk::TextKind::Line, "purpose", r.purpose);
  sdk::check_text(sdk::TextKind::Line, "contact", r.contact);
  if (r.end <= r.start)
    throw sdk::InputError("the booking ends (" + r.end.iso() + ") before it starts (" + r.start.iso() + ")");
  if (r.end.date != r.start.date && !(r.end.date == r.start.date.add_days(1) && r.end.minutes_of_day() == 0))
    throw sdk::InputError("a booking lies within one day; book several days as a series");
  int end_tod = r.end.date == r.start.date ? r.end.minutes_of_day() : kDayMinutes;
  if (r.start.minutes_of_day() < f.open_min || end_tod > f.close_min)
    throw sdk::InputError(f.name + " is open " + format_hm(f.open_min) + "–" + format_hm(f.close_min) +
                          ", not " + format_span(r.start, r.end));
  if (r.attendance < 0) throw sdk::InputError("expected attendance cannot be negative");
  if (r.attendance > f.capacity)
    throw sdk::InputError(f.name + " holds " + std::to_string(f.capacity) + " people, not " +
                          std::to_string(r.attendance));
  orgs.get(db, r.org);  // InputError "no organization with id N"
}

std::optional<BookingId> find_overlap(sdk::Database& db, FacilityId facility, std::int64_t start_min,
                                      std::int64_t end_min, BookingId ignore) {
  sdk::Statement st(db, kOverlapQuery);
  st.bind_all(facility, start_min, end_min, ignore);
  if (st.step()) return st.get_int(0);
  return std::nullopt;
}

std::optional<Booking> find_overlapping_booking(sdk::Database& db, FacilityId facility,
                                                std::int64_t start_min, std::int64_t end_min,
                                                BookingId ignore) {
  sdk::Statement st(db, std::string(kSelect) + kOverlapCondition);
  st.bind_all(facility, start_min, end_min, ignore);
  if (st.step()) return read_booking(st);
  return std::nullopt;
}

int compute_fee(const Facility& f, OrgId org, const sdk::DateTime& start, const sdk::DateTime& end) {
  if (f.owner_exempt && org == f.owner) return 0;
  if (std::find(f.exempt_orgs.begin(), f.exempt_orgs.end(), org) != f.exempt_orgs.end()) return 0;
  int from = start.minutes_of_day();
  int to = end.date == start.date ? end.minutes_of_day() : kDayMinutes;
  if (!f.slots.empty()) {
    int fee = 0;
    for (const auto& s : f.slots)
      if (s.start_min < to && s.end_min > from) fee += s.fee;
    return fee;
  }
  int hours = (to - from + 59) / 60;
  return hours * f.fee_per_hour;
}

ConflictError conflict_error(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f,
                             const Booking& other) {
  return ConflictError(f.name + " is already booked " + format_span(other.start, other.end) +
                           " by booking #" + std::to_string(other.id) + " (" + orgs.name(db, other.org) +
                           ": " + other.purpose + ")",
                       other.id);
}

ConflictError conflict_error(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f,
                             BookingId other) {
  return conflict_error(db, orgs, f, get_booking(db, other));
}

namespace {

bool refused_as_overlap(const sdk::DbError& e) {
  return std::string_view(e.what()).find(kNoOverlapConstraint) != std::string_view::npos;
}

// The INSERT itself; its id from RETURNING (one statement on both engines).
BookingId insert_row(sdk::Database& db, const Facility& f, const BookingRequest& r,
                     std::optional<SeriesId> series) {
  Status status = f.requires_approval ? Status::Tentative : Status::Approved;
  sdk::Statement insert(
      db,
      "INSERT INTO booking_bookings(facility_id, org_id, series_id, start_min, end_min, purpose, contact, "
      "contact_person, attendance, status, fee) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id");
  insert.bind_all(f.id, r.org, series, r.start.epoch_minutes(), r.end.epoch_minutes(), r.purpose, r.contact,
                  r.contact_person, r.attendance, to_string(status), compute_fee(f, r.org, r.start, r.end));
  if (!insert.step()) throw sdk::Error("the booking was not stored");
  const BookingId id = insert.get_int(0);
  insert.reset();
  return id;
}

// The conflict PostgreSQL's exclusion constraint found: a booking another connection committed
// after our check. READ COMMITTED: a new statement sees it, and names it as the check would.
[[noreturn]] void throw_conflict_found_late(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                                            const Facility& f, const BookingRequest& r) {
  if (auto other = find_overlapping_booking(db, f.id, r.start.epoch_minutes(), r.end.epoch_minutes()))
    throw conflict_error(db, orgs, f, *other);
  throw ConflictError(f.name + " is already booked " + format_span(r.start, r.end), 0);
}

}  // namespace

BookingId insert_booking(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f,
                         const BookingRequest& r, std::optional<SeriesId> series) {
  if (db.engine() == sdk::Engine::SQLite || !db.in_transaction()) return insert_row(db, f, r, series);
  // PostgreSQL: the exclusion constraint (schema.cpp, version 4) refuses a booking that another
  // connection committed after our check. Under a savepoint, so the caller's transaction goes on
  // to name that booking.
  db.exec("SAVEPOINT booking_insert");
  try {
    const BookingId id = insert_row(db, f, r, series);
    db.exec("RELEASE booking_insert");
    return id;
  } catch (const sdk::DbError& e) {
    if (!refused_as_overlap(e)) throw;
    db.exec("ROLLBACK TO booking_insert; RELEASE booking_insert");
  }
  throw_conflict_found_late(db, orgs, f, r);
}

BookingId book(sdk::Database& db, sdk::OrganizationDirectory& orgs, const BookingRequest& r) {
  Facility f = get_facility(db, r.facility_id);
  check_request(db, orgs, f, r);
  const std::int64_t start = r.start.epoch_minutes(), end = r.end.epoch_minutes();
  // A taken room is refused before the write transaction: on SQLite without queueing for the
  // write lock behind everyone writing (when many book at once, most requests are refusals), on
  // PostgreSQL without a transaction.
  if (auto other = find_overlapping_booking(db, f.id, start, end)) throw conflict_error(db, orgs, f, *other);
  try {
    sdk::Transaction tx(db, "booking.add", f.name + " " + format_span(r.start, r.end));
    // SQLite: checked again under the write lock, where what another process booked a moment ago
    // counts. PostgreSQL: the exclusion constraint checks the insert itself (no savepoint needed:
    // this transaction holds nothing else, so a refusal rolls it back whole).
    if (db.engine() == sdk::Engine::SQLite)
      if (auto other = find_overlapping_booking(db, f.id, start, end))
        throw conflict_error(db, orgs, f, *other);
    const BookingId id = insert_row(db, f, r, std::nullopt);
    tx.commit();
    return id;
  } catch (const sdk::DbError& e) {
    if (!refused_as_overlap(e)) throw;
  }
  throw_conflict_found_late(db, orgs, f, r);
}

std::optional<Booking> find_booking(sdk::Database& db, BookingId id) {
  sdk::Statement st(db, std::string(kSelect) + " WHERE b.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_booking(st);
}

Booking get_booking(sdk::Database& db, BookingId id) {
  auto b = find_booking(db, id);
  if (!b) throw sdk::InputError("no booking with id " + std::to_string(id) + " (see `booking list`)");
  return *b;
}

void approve(sdk::Database& db, BookingId id) {
  set_status(db, id, Status::Approved, "booking.approve");
}
void cancel(sdk::Database& db, BookingId id, const std::string& reason) {
  set_status(db, id, Status::Cancelled, "booking.cancel", reason);
}
void unapprove(sdk::Database& db, BookingId id, const std::string& reason) {
  if (get_booking(db, id).status != Status::Approved)
    throw sdk::InputError("booking #" + std::to_string(id) + " is not approved");
  set_status(db, id, Status::Tentative, "booking.unapprove", reason);
}

OrgId room_owner(sdk::Context& ctx, BookingId id) {
  Booking b = get_booking(ctx.db(), id);
  return get_facility(ctx.db(), b.facility_id).owner;
}

void approve(sdk::Context& ctx, BookingId id) {
  ctx.require(sdk::Act::ApproveBooking, room_owner(ctx, id));
  approve(ctx.db(), id);
}
void unapprove(sdk::Context& ctx, BookingId id, const std::string& reason) {
  ctx.require(sdk::Act::ApproveBooking, room_owner(ctx, id));
  unapprove(ctx.db(), id, reason);
}
void cancel(sdk::Context& ctx, BookingId id, const std::string& reason) {
  if (sdk::trim(reason).empty())
    throw sdk::InputError("say why booking #" + std::to_string(id) + " is cancelled (the reason is kept)");
  ctx.require_visible("booking_bookings", id);
  cancel(ctx.db(), id, reason);
}

BookingId move_booking(sdk::Context& ctx, BookingId id, const sdk::DateTime& start, const sdk::DateTime& end,
                       const std::string& reason) {
  if (sdk::trim(reason).empty())
    throw sdk::InputError("say why booking #" + std::to_string(id) + " is moved (the reason is kept)");
  ctx.require_visible("booking_bookings", id);
  sdk::Database& db = ctx.db();
  auto& orgs = sdk::organizations(ctx);
  Booking old = get_booking(db, id);
  if (old.status == Status::Cancelled)
    throw sdk::InputError("booking #" + std::to_string(id) + " is cancelled; book again instead");
  Facility f = get_facility(db, old.facility_id);
  BookingRequest r{f.id, old.org, start, end, old.purpose, old.contact, old.contact_person, old.attendance};
  check_request(db, orgs, f, r);
  sdk::check_text(sdk::TextKind::Line, "reason", reason);
  sdk::Transaction tx(db, "booking.move",
                      "#" + std::to_string(id) + " " + format_span(old.start, old.end) + " → " +
                          format_span(start, end) + ": " + sdk::trim(reason));
  if (auto other = find_overlap(db, f.id, start.epoch_minutes(), end.epoch_minutes(), id))
    throw conflict_error(db, orgs, f, *other);
  sdk::Statement(db, "UPDATE booking_bookings SET status = 'cancelled' WHERE id = ?").bind_all(id).run();
  BookingId moved = insert_booking(db, orgs, f, r);
  tx.commit();
  return moved;
}

std::vector<Booking> list_bookings(sdk::Database& db, const BookingFilter& q) {
  std::int64_t from = q.from ? sdk::DateTime{*q.from, 0, 0}.epoch_minutes() : INT64_MIN / 2;
  std::int64_t to = q.to ? sdk::DateTime{q.to->add_days(1), 0, 0}.epoch_minutes() : INT64_MAX / 2;
  sdk::Statement st(
      db, std::string(kSelect) +
              " JOIN booking_facilities f ON f.id = b.facility_id"
              " WHERE (?1 = 0 OR b.facility_id = ?1) AND (?2 = 0 OR b.org_id = ?2) AND (?3 = 0 "
              "OR f.owner_id = ?3)"
              " AND b.start_min >= CAST(?4 AS BIGINT) AND b.start_min < CAST(?5 AS BIGINT)"
              " AND (?6 <> 0 OR b.status <> 'cancelled')"
              " AND (CAST(?7 AS BIGINT) IS NULL OR b.series_id = ?7) ORDER BY b.start_min, b.facility_id");
  st.bind_all(q.facility, q.org, q.owner, from, to, int(q.include_cancelled), q.series);
  std::vector<Booking> out;
  while (st.step()) out.push_back(read_booking(st));
  return out;
}

}  // namespace wasshoi::booking
