#pragma once
// Duplicates merged into one issue: the survivor keeps every support (each household once), photo,
// document and history entry; the merged issues' ids stay as aliases so bundles naming them land
// on the survivor.
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

// Merges `duplicates` into `target`. `acting_org` is who merges: a 自治会 merges its own issues, a
// 地域協働体 those of its 自治会 too. InputError (nothing written) for an unknown id, an issue
// outside the scope, or the target among the duplicates.
void merge_issues(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId acting_org, IssueId target,
                  const std::vector<IssueId>& duplicates, const sdk::Date& on);

}  // namespace wasshoi::issues
