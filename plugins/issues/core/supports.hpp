#pragma once
// 賛同: households supporting an issue, each counted once however often it is recorded.
#include "core/model.hpp"

#include <wasshoi/sdk/db.hpp>

namespace wasshoi::issues {

// A member household (its id from MemberDirectory). Returns false when it already supported.
bool add_household_support(sdk::Database& db, IssueId issue, std::int64_t household_id);
// A household outside the roster, by name (folded: ｻﾄｳ and さとう are one household).
bool add_guest_support(sdk::Database& db, IssueId issue, std::string_view name);
int support_count(sdk::Database& db, IssueId issue);

}  // namespace wasshoi::issues
