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

// One household supporting an issue, as stored.
struct Supporter {
  std::string key;                           // "<database uuid>/household/12", "…/guest/さとう"
  std::optional<std::int64_t> household_id;  // a member household; empty for one outside the roster
  std::optional<sdk::Date> added_on;         // empty: the stored date is not one
  std::string guest;                         // outside the roster: the name as folded in the key
};
std::vector<Supporter> supporters(sdk::Database& db, IssueId issue);
// A support taken off (recorded by mistake, withdrawn), with the reason: one transaction audited as
// "issues.support_remove" ("#N key: reason"). InputError (nothing written): a blank reason, no
// such support.
void remove_support(sdk::Database& db, IssueId issue, const std::string& key, const std::string& reason);
// Puts a removed support back as it was (the editor's 元に戻す); audited as "issues.support".
void restore_support(sdk::Database& db, IssueId issue, const Supporter& s);

// `issues support` working in organization `org`: the issue and the roster households must be in
// `org`'s scope (a 地域協働体 works on its 自治会' issues), at least one household is given, and
// the households (ids through `members`, which may be nullptr when none are given) and the
// guests by name are recorded together, in one transaction audited as "issues.support" ("#N"),
// everything read inside it. Returns how many households were new.
int add_supports(sdk::Database& db, sdk::OrganizationDirectory& orgs, IssueId issue, OrgId org,
                 sdk::MemberDirectory* members, const std::vector<std::int64_t>& households,
                 const std::vector<std::string>& guests);

}  // namespace wasshoi::issues
