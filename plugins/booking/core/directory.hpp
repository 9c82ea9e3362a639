#pragma once
// sdk::FacilityDirectory for the other plugins (minutes takes a meeting's place from a booking).
#include <wasshoi/sdk/facility_directory.hpp>

namespace wasshoi::booking {

class Directory final : public sdk::FacilityDirectory {
 public:
  std::vector<sdk::FacilityRef> facilities(sdk::Database& db) override;
  std::optional<sdk::FacilityRef> facility(sdk::Database& db, std::int64_t id) override;
  std::optional<sdk::BookingRef> booking(sdk::Database& db, std::int64_t id) override;
  std::vector<sdk::BookingRef> bookings_of(sdk::Database& db, sdk::OrgId org, const sdk::Date& from,
                                           const sdk::Date& to) override;
};

}  // namespace wasshoi::booking
