#pragma once
// Capturing, reading and listing issues. Every write is one audited transaction.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

// The organizations whose issues `org` sees: a 地域協働体 sees its own and its 自治会' (roll-up);
// anyone else sees its own.
// `orgs` is the host's sdk::OrganizationDirectory (ctx.services()).
std::vector<OrgId> orgs_in_scope(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org);
bool is_kyodotai(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org);

// Checks the input (names the field that is wrong) and writes a new issue in status 受付.
IssueId create_issue(sdk::Database& db, sdk::OrganizationDirectory& orgs, const IssueInput& input);
// The editor's save: replaces the captured fields (not status, supports or photos).
// An issue whose stored date did not read (reported_on empty) is saved once the input has one.
void update_issue(sdk::Database& db, sdk::OrganizationDirectory& orgs, IssueId id, const IssueInput& input);
// InputError naming the field: empty title, unknown category, 班 of another 自治会, no date, lat
// without long …
void validate(sdk::Database& db, sdk::OrganizationDirectory& orgs, const IssueInput& input);

std::optional<Issue> find_issue(sdk::Database& db, IssueId id);
Issue get_issue(sdk::Database& db, IssueId id);  // InputError "no issue with id N"
std::optional<IssueId> find_by_uuid(sdk::Database& db, std::string_view uuid);
// Issues in `org`'s scope that pass `filter`, newest first. An issue whose stored date is not a
// date is listed too (reported_on empty, shown as 日付不明) while no date filter is set.
std::vector<Issue> list_issues(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                               const IssueFilter& filter = {});
// The 自治会 an issue was raised in, and those of the issues merged into it.
std::vector<std::string> raised_in(sdk::Database& db, sdk::OrganizationDirectory& orgs, IssueId id);

// Marks a change: revision + 1 and updated_at now (so a newer bundle wins over an older one).
void touch(sdk::Database& db, IssueId id);

// The 班 of an organization by name ("2班" or "2"), or InputError listing them.
std::int64_t find_han(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, std::string_view name);

}  // namespace wasshoi::issues
