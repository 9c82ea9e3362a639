#include "core/supports.hpp"

#include <algorithm>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/exchange_formats.hpp"
#include "core/issues.hpp"

namespace wasshoi::issues {

namespace {
// `suffix` follows this database's id in the key, so keys stay unique across 自治会' laptops.
bool add_support(sdk::Database& db, IssueId issue, const std::string& suffix,
                 std::optional<std::int64_t> household) {
  get_issue(db, issue);  // InputError when there is none
  sdk::Transaction tx(db, "issues.support", "#" + std::to_string(issue));
  std::string key = database_uuid(db) + suffix;
  int added = sdk::Statement(db,
                             "INSERT INTO issues_supports(issue_id, household_key, household_id, "
                             "added_on) VALUES(?,?,?,?) ON CONFLICT DO NOTHING")
                  .bind(1, issue)
                  .bind(2, key)
                  .bind(3, household)
                  .bind(4, sdk::today())
                  .run();
  if (added) touch(db, issue);
  tx.commit();
  return added > 0;
}
}  // namespace

bool add_household_support(sdk::Database& db, IssueId issue, std::int64_t household_id) {
  return add_support(db, issue, "/household/" + std::to_string(household_id), household_id);
}

bool add_guest_support(sdk::Database& db, IssueId issue, std::string_view name) {
  sdk::check_text(sdk::TextKind::Name, "support", name);
  std::string folded = sdk::fold_for_search(name);
  if (folded.empty()) throw sdk::InputError("support: a household outside the roster needs a name");
  return add_support(db, issue, "/guest/" + folded, std::nullopt);
}

int add_supports(sdk::Database& db, sdk::OrganizationDirectory& orgs, IssueId issue, OrgId org,
                 sdk::MemberDirectory* members, const std::vector<std::int64_t>& households,
                 const std::vector<std::string>& guests) {
  sdk::Transaction tx(db, "issues.support", "#" + std::to_string(issue));
  const Issue i = get_issue(db, issue);
  const auto scope = orgs_in_scope(db, orgs, org);
  const auto in_scope = [&](OrgId o) { return std::find(scope.begin(), scope.end(), o) != scope.end(); };
  if (!in_scope(i.org))
    throw sdk::InputError("issue " + std::to_string(issue) + " belongs to " + i.org_name +
                          ", not to the organization chosen with --org");
  if (households.empty() && guests.empty())
    throw sdk::InputError("support: give --household ID or --guest NAME");
  if (!households.empty() && !members)
    throw sdk::InputError(
        "support: the members plugin (会員名簿) is not available: households are picked from its roster");
  for (auto h : households) {
    auto ref = members->household(db, h);
    if (!ref || !in_scope(ref->org))
      throw sdk::InputError("--household: no household with id " + std::to_string(h) + " in " + i.org_name);
  }
  int added = 0;
  for (auto h : households) added += add_household_support(db, issue, h);
  for (const auto& g : guests) added += add_guest_support(db, issue, g);
  tx.commit();
  return added;
}

std::vector<Supporter> supporters(sdk::Database& db, IssueId issue) {
  sdk::Statement st(db,
                    "SELECT household_key, household_id, added_on FROM issues_supports WHERE issue_id = ? "
                    "ORDER BY added_on, rowid");
  st.bind(1, issue);
  std::vector<Supporter> out;
  while (st.step()) {
    Supporter s{st.get_text(0), st.get_optional_int(1), st.get_date(2), {}};
    if (auto at = s.key.find("/guest/"); at != std::string::npos) s.guest = s.key.substr(at + 7);
    out.push_back(std::move(s));
  }
  return out;
}

void remove_support(sdk::Database& db, IssueId issue, const std::string& key, const std::string& reason) {
  const std::string why = sdk::trim(reason);
  if (why.empty()) throw sdk::InputError("taking a support off needs a reason, which is kept in the log");
  sdk::check_text(sdk::TextKind::Note, "reason", why);
  get_issue(db, issue);
  sdk::Transaction tx(db, "issues.support_remove", "#" + std::to_string(issue) + " " + key + ": " + why);
  if (sdk::Statement(db, "DELETE FROM issues_supports WHERE issue_id = ? AND household_key = ?")
          .bind_all(issue, key)
          .run() == 0)
    throw sdk::InputError("issue " + std::to_string(issue) + " has no support " + key);
  touch(db, issue);
  tx.commit();
}

void restore_support(sdk::Database& db, IssueId issue, const Supporter& s) {
  get_issue(db, issue);
  sdk::Transaction tx(db, "issues.support", "#" + std::to_string(issue) + " " + s.key);
  sdk::Statement(db,
                 "INSERT INTO issues_supports(issue_id, household_key, household_id, added_on) "
                 "VALUES(?,?,?,?) ON CONFLICT DO NOTHING")
      .bind(1, issue)
      .bind(2, s.key)
      .bind(3, s.household_id)
      .bind(4, s.added_on.value_or(sdk::today()))
      .run();
  touch(db, issue);
  tx.commit();
}

int support_count(sdk::Database& db, IssueId issue) {
  sdk::Statement st(db, "SELECT count(*) FROM issues_supports WHERE issue_id = ?");
  st.bind(1, issue);
  st.step();
  return static_cast<int>(st.get_int(0));
}

}  // namespace wasshoi::issues
