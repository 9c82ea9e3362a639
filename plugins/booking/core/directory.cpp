#include "core/directory.hpp"

#include "core/bookings.hpp"

namespace wasshoi::booking {

namespace {

sdk::BookingRef ref(const Booking& b) {
  return {b.id, b.facility_id, b.org, b.purpose, b.start, b.end, to_string(b.status)};
}

}  // namespace

sdk::FacilityRef Directory::facility_ref(sdk::Database& db, const Facility& f) {
  return {f.id, f.owner, orgs_->name(db, f.owner) + " " + f.name, f.capacity};
}

std::vector<sdk::FacilityRef> Directory::facilities(sdk::Database& db) {
  std::vector<sdk::FacilityRef> out;
  for (const auto& f : list_facilities(db)) out.push_back(facility_ref(db, f));
  return out;
}

std::optional<sdk::FacilityRef> Directory::facility(sdk::Database& db, std::int64_t id) {
  auto f = find_facility(db, id);
  return f ? std::optional(facility_ref(db, *f)) : std::nullopt;
}

std::optional<sdk::BookingRef> Directory::booking(sdk::Database& db, std::int64_t id) {
  auto b = find_booking(db, id);
  return b ? std::optional(ref(*b)) : std::nullopt;
}

std::vector<sdk::BookingRef> Directory::bookings_of(sdk::Database& db, sdk::OrgId org, const sdk::Date& from,
                                                    const sdk::Date& to) {
  BookingFilter q;
  q.org = org;
  q.from = from;
  q.to = to;
  std::vector<sdk::BookingRef> out;
  for (const auto& b : list_bookings(db, q)) out.push_back(ref(b));
  return out;
}

}  // namespace wasshoi::booking
