#pragma once
// Bookings: check a request, find what it collides with, and book — check and insert inside one
// BEGIN IMMEDIATE transaction, so two processes can never put two bookings on one room at one time.
#include <optional>
#include <string_view>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/facilities.hpp"

namespace wasshoi::booking {

// Why a request cannot be booked, without looking at other bookings: end before start, more
// than one day, outside the opening hours, closed day, over capacity, unknown organization.
// InputError with a message naming the facility and the day.
void check_request(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f,
                   const BookingRequest& r);
// The same without the closed-day check (a series lists closed dates instead of refusing).
void check_request_shape(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f,
                         const BookingRequest& r);

// ?1 room, ?2 start, ?3 end (epoch minutes), ?4 a booking id to ignore (0: none) → the id of
// the first live booking overlapping [start, end). The range on start_min uses the index
// (facility_id, start_min): no booking is longer than a day, so one that starts more than a day
// earlier cannot reach into the new one.
inline constexpr const char* kOverlapCondition =
    " WHERE facility_id = ?1 AND start_min < ?3 AND start_min > ?2 - 1440 "
    "AND end_min > ?2 AND status <> 'cancelled' AND id <> ?4 ORDER BY start_min LIMIT 1";
inline constexpr const char* kOverlapQuery =
    "SELECT id FROM booking_bookings WHERE facility_id = ?1 AND start_min < ?3 AND start_min > ?2 - 1440 "
    "AND end_min > ?2 AND status <> 'cancelled' AND id <> ?4 ORDER BY start_min LIMIT 1";

// The first live (not cancelled) booking of the room overlapping [start_min, end_min), epoch
// minutes. One indexed range scan: (facility_id, start_min) between start − 1 day and end.
std::optional<BookingId> find_overlap(sdk::Database& db, FacilityId facility, std::int64_t start_min,
                                      std::int64_t end_min, BookingId ignore = 0);
// The same booking read whole (kOverlapCondition), for the message that names it.
std::optional<Booking> find_overlapping_booking(sdk::Database& db, FacilityId facility,
                                                std::int64_t start_min, std::int64_t end_min,
                                                BookingId ignore = 0);

// 使用料: slots the booking touches are charged whole; without slots, per started hour. Free for
// the owner (when the facility says so) and for exempted organizations.
int compute_fee(const Facility& f, OrgId org, const sdk::DateTime& start, const sdk::DateTime& end);

// Checks, then books in one transaction: ConflictError (naming the other booking) when the room
// is taken. Status 仮予約 when the facility requires approval, else 承認. A room seen taken is
// refused before the transaction; on SQLite the check runs again under the write lock, on
// PostgreSQL the exclusion constraint refuses what another connection booked meanwhile.
BookingId book(sdk::Database& db, sdk::OrganizationDirectory& orgs, const BookingRequest& r);
// The insert alone, for callers already inside a transaction that checked the request. On
// PostgreSQL a booking another connection committed since the check is refused by the server
// (the exclusion constraint kNoOverlapConstraint): ConflictError naming it, as the check says.
inline constexpr std::string_view kNoOverlapConstraint = "booking_bookings_no_overlap";
BookingId insert_booking(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f,
                         const BookingRequest& r, std::optional<SeriesId> series = std::nullopt);
// "大会議室 is already booked 2026-05-10 10:00–12:00 by booking #12 (自治会: 役員会)".
ConflictError conflict_error(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f,
                             BookingId other);
ConflictError conflict_error(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f,
                             const Booking& other);

std::optional<Booking> find_booking(sdk::Database& db, BookingId id);
Booking get_booking(sdk::Database& db, BookingId id);  // InputError for an unknown id
void approve(sdk::Database& db, BookingId id);         // 仮予約 → 承認
// → 取消 (the slot is free again); the reason goes into the audit log with it.
void cancel(sdk::Database& db, BookingId id, const std::string& reason = {});
// 承認 → 仮予約 (an approval taken back); InputError unless the booking is approved.
void unapprove(sdk::Database& db, BookingId id, const std::string& reason = {});
// The same for the signed-in officer: approving and taking an approval back is for the 会長 and
// 役員 of the room's owner (sdk::Act::ApproveBooking); cancelling for those who may write the
// booking (the booker, a 班長 of its 自治会, or the owner; checked below the plugin) and needs a
// reason, which the audit log keeps.
void approve(sdk::Context& ctx, BookingId id);
void unapprove(sdk::Context& ctx, BookingId id, const std::string& reason);
void cancel(sdk::Context& ctx, BookingId id, const std::string& reason);
// Moves a booking to another date or time of the same room, with a reason: in one transaction the
// booking is cancelled and booked again at the new time, checked like a new booking (hours,
// closures, conflicts with any other booking). Returns the new booking's id; on a refusal nothing
// changes.
BookingId move_booking(sdk::Context& ctx, BookingId id, const sdk::DateTime& start, const sdk::DateTime& end,
                       const std::string& reason);

struct BookingFilter {
  FacilityId facility = 0;        // 0: any
  OrgId org = 0;                  // who booked, 0: any
  OrgId owner = 0;                // facility owner, 0: any
  std::optional<sdk::Date> from;  // inclusive
  std::optional<sdk::Date> to;    // inclusive
  bool include_cancelled = false;
  std::optional<SeriesId> series;
};
std::vector<Booking> list_bookings(sdk::Database& db, const BookingFilter& filter);

}  // namespace wasshoi::booking
