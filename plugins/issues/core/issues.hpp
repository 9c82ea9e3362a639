#pragma once
// Capturing, reading and listing issues. Every write is one audited transaction.
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

// The organizations whose issues `org` sees: a 地域協働体 sees its own and its 自治会' (roll-up);
// anyone else sees its own.
std::vector<OrgId> orgs_in_scope(sdk::Database& db, OrgId org);
bool is_kyodotai(sdk::Database& db, OrgId org);

// Checks the input (names the field that is wrong) and writes a new issue in status 受付.
IssueId create_issue(sdk::Database& db, const IssueInput& input);
// The editor's save: replaces the captured fields (not status, supports or photos).
void update_issue(sdk::Database& db, IssueId id, const IssueInput& input);
// InputError naming the field: empty title, unknown category, 班 of another 自治会, lat without long …
void validate(sdk::Database& db, const IssueInput& input);

std::optional<Issue> find_issue(sdk::Database& db, IssueId id);
Issue get_issue(sdk::Database& db, IssueId id);  // InputError "no issue with id N"
std::optional<IssueId> find_by_uuid(sdk::Database& db, std::string_view uuid);
// Issues in `org`'s scope that pass `filter`, newest first.
std::vector<Issue> list_issues(sdk::Database& db, OrgId org, const IssueFilter& filter = {});
// The 自治会 an issue was raised in, and those of the issues merged into it.
std::vector<std::string> raised_in(sdk::Database& db, IssueId id);

// Marks a change: revision + 1 and updated_at now (so a newer bundle wins over an older one).
void touch(sdk::Database& db, IssueId id);

// The 班 of an organization by name, or InputError listing them.
std::int64_t find_han(sdk::Database& db, OrgId org, std::string_view name);

}  // namespace wasshoi::issues
