#pragma once
// sdk::FacilityDirectory for the other plugins (minutes takes a meeting's place from a booking).
#include <memory>
#include <wasshoi/sdk/facility_directory.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::booking {

class Directory final : public sdk::FacilityDirectory {
 public:
  // The host's organizations: a room's name starts with its owner's (わっしょい地区公民館 大会議室).
  explicit Directory(std::shared_ptr<sdk::OrganizationDirectory> orgs) : orgs_(std::move(orgs)) {}
  std::vector<sdk::FacilityRef> facilities(sdk::Database& db) override;
  std::optional<sdk::FacilityRef> facility(sdk::Database& db, std::int64_t id) override;
  std::optional<sdk::BookingRef> booking(sdk::Database& db, std::int64_t id) override;
  std::vector<sdk::BookingRef> bookings_of(sdk::Database& db, sdk::OrgId org, const sdk::Date& from,
                                           const sdk::Date& to) override;

 private:
  sdk::FacilityRef facility_ref(sdk::Database& db, const Facility& f);
  std::shared_ptr<sdk::OrganizationDirectory> orgs_;
};

}  // namespace wasshoi::booking
