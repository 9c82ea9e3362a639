#pragma once
// 賛同: households supporting an issue, each counted once however often it is recorded.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

// A member household (its id from MemberDirectory). Returns false when it already supported.
bool add_household_support(sdk::Database& db, IssueId issue, std::int64_t household_id);
// A household outside the roster, by name (folded: ｻﾄｳ and さとう are one household).
bool add_guest_support(sdk::Database& db, IssueId issue, std::string_view name);
int support_count(sdk::Database& db, IssueId issue);

// `issues support` working in organization `org`: the issue and the roster households must be in
// `org`'s scope (a 地域協働体 works on its 自治会' issues), at least one household is given, and
// the households (ids through `members`, which may be nullptr when none are given) and the
// guests by name are recorded together, in one transaction audited as "issues.support" ("#N"),
// everything read inside it. Returns how many households were new.
int add_supports(sdk::Database& db, sdk::OrganizationDirectory& orgs, IssueId issue, OrgId org,
                 sdk::MemberDirectory* members, const std::vector<std::int64_t>& households,
                 const std::vector<std::string>& guests);

}  // namespace wasshoi::issues
