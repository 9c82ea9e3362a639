#include "core/merge.hpp"

#include <algorithm>
#include <wasshoi/sdk/error.hpp>

#include "core/exchange_formats.hpp"
#include "core/issues.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues {

namespace {
void check_in_scope(const Issue& i, const std::vector<OrgId>& scope) {
  if (std::find(scope.begin(), scope.end(), i.org) == scope.end())
    throw sdk::InputError("issue " + std::to_string(i.id) + " belongs to " + i.org_name +
                          ", outside the organization merging");
}

void move_into(sdk::Database& db, const Issue& dup, IssueId target) {
  sdk::Statement(db,
                 "INSERT INTO issues_supports(issue_id, household_key, household_id, added_on) "
                 "SELECT ?1, household_key, household_id, added_on FROM issues_supports WHERE issue_id = ?2 "
                 "ON CONFLICT DO NOTHING")
      .bind_all(target, dup.id)
      .run();
  sdk::Statement(db, "UPDATE issues_attachments SET issue_id = ?1 WHERE issue_id = ?2")
      .bind_all(target, dup.id)
      .run();
  sdk::Statement(db, "UPDATE issues_history SET issue_id = ?1 WHERE issue_id = ?2")
      .bind_all(target, dup.id)
      .run();
  sdk::Statement(db, "UPDATE issues_aliases SET issue_id = ?1 WHERE issue_id = ?2")
      .bind_all(target, dup.id)
      .run();
  sdk::Statement(db,
                 "INSERT INTO issues_aliases(uuid, issue_id, org_id, title) VALUES(?,?,?,?) "
                 "ON CONFLICT(uuid) DO UPDATE SET issue_id = excluded.issue_id, org_id = excluded.org_id, "
                 "title = excluded.title")
      .bind_all(dup.uuid, target, dup.org, dup.title)
      .run();
  sdk::Statement(db, "DELETE FROM issues_issues WHERE id = ?").bind_all(dup.id).run();
}
}  // namespace

void merge_issues(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId acting_org, IssueId target_id,
                  const std::vector<IssueId>& duplicates, const sdk::Date& on) {
  if (duplicates.empty())
    throw sdk::InputError("merge: name at least one duplicate to merge into issue " +
                          std::to_string(target_id));
  auto scope = orgs_in_scope(db, orgs, acting_org);
  Issue target = get_issue(db, target_id);
  check_in_scope(target, scope);
  std::vector<Issue> dups;
  for (IssueId id : duplicates) {
    if (id == target_id)
      throw sdk::InputError("merge: issue " + std::to_string(id) + " cannot be merged into itself");
    dups.push_back(get_issue(db, id));
    check_in_scope(dups.back(), scope);
  }
  sdk::Transaction tx(db, "issues.merge", "#" + std::to_string(target_id));
  for (const auto& d : dups) {
    move_into(db, d, target_id);
    sdk::Statement(db, "INSERT INTO issues_history(uuid, issue_id, on_date, note) VALUES(?,?,?,?)")
        .bind_all(new_uuid(), target_id, on, "重複を統合: 「" + d.title + "」（" + d.org_name + "）")
        .run();
  }
  touch(db, target_id);
  tx.commit();
}

}  // namespace wasshoi::issues
