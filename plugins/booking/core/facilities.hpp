#pragma once
// Facilities (集会施設): rooms with capacity, hours, slots, equipment, fees and closures.
#include <optional>
#include <vector>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::booking {

// Checks the facility (name, capacity, hours, slots inside the hours) and stores it with its
// slots, equipment and exemptions in one transaction. Returns the new id.
FacilityId add_facility(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& facility);
// The checks of add_facility (InputError naming the field); the edit checks the same.
void check_facility(const Facility& f, sdk::Database& db, sdk::OrganizationDirectory& orgs);
// Inserts the slots, equipment and exemptions of facility `id` (inside the caller's transaction).
void store_details(sdk::Database& db, FacilityId id, const Facility& f);
std::optional<Facility> find_facility(sdk::Database& db, FacilityId id);
// InputError "no facility with id N".
Facility get_facility(sdk::Database& db, FacilityId id);
// Every facility (owner 0) or those of one owner, by owner then name.
std::vector<Facility> list_facilities(sdk::Database& db, OrgId owner = 0);

struct Closure {
  std::optional<sdk::Date> day;  // nullopt: the stored day is not a date (it closes no known day)
  std::string reason;
};
// A one-off closure (臨時休館): 工事, 選挙の投票所 … Replaces an earlier one on the same day.
void add_closure(sdk::Database& db, FacilityId id, const sdk::Date& day, const std::string& reason);
std::vector<Closure> closures(sdk::Database& db, FacilityId id, const sdk::Date& from, const sdk::Date& to);

// The slot of that name, InputError listing the facility's slots when there is none.
const Slot& find_slot(const Facility& f, std::string_view name);

}  // namespace wasshoi::booking
