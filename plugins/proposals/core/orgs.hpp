#pragma once
// What proposals need of the host's organizations, through sdk::OrganizationDirectory (never the
// core tables themselves): whose proposals a 地域協働体 sees, and the city a body belongs to.
#include <vector>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

namespace wasshoi::proposals {

// The organization and, for a 地域協働体, its member organizations: whose proposals it sees.
std::vector<sdk::OrgId> org_scope(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId org);
// The city a body belongs to (itself when it has no parent).
sdk::OrgRef city_of(sdk::Database& db, sdk::OrganizationDirectory& orgs, const sdk::OrgRef& body);

}  // namespace wasshoi::proposals
