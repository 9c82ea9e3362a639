#pragma once
// 班 live in the host's `han` table; the roster refers to them by id. The members plugin finds,
// lists and — when an import names a 班 the 自治会 does not have yet — adds them through the
// host's sdk::OrganizationDirectory (which checks who may add one), never with its own SQL.
#include <string>
#include <string_view>
#include <vector>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::members {

// Names of the 班 in `names` that `org` does not have yet (an import's dry run lists them).
std::vector<std::string> missing_han(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                     const std::vector<std::string>& names);

// InputError unless `org` exists and is a 自治会 (only a 自治会 keeps a roster).
void check_roster_org(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org);

// The 班 name as officers write it: "3" and "３" mean "3班"; "3組" stays as written.
std::string normalize_han_name(std::string_view text);

}  // namespace wasshoi::members
