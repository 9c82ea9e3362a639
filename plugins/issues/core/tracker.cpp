#include "core/tracker.hpp"

#include "core/issues.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues {

namespace {
sdk::IssueRef to_ref(const Issue& i) {
  return {i.id, i.org, i.title, i.category, i.status, i.supporters};
}
}  // namespace

std::int64_t Tracker::create_issue(sdk::Database& db, const sdk::IssueDraft& draft) {
  IssueInput in;
  in.org = draft.org;
  in.title = draft.title;
  in.description = draft.description;
  in.category = draft.category.empty() ? "その他" : draft.category;
  in.place = draft.place;
  in.source = draft.source;
  in.reported_on = sdk::today();
  return issues::create_issue(db, *orgs_, in);
}

std::optional<sdk::IssueRef> Tracker::issue(sdk::Database& db, std::int64_t id) {
  if (auto i = find_issue(db, id)) return to_ref(*i);
  return std::nullopt;
}

std::vector<sdk::IssueRef> Tracker::search(sdk::Database& db, sdk::OrgId org, std::string_view query,
                                           int limit) {
  IssueFilter f;
  f.query = std::string(query);
  std::vector<sdk::IssueRef> out;
  for (const auto& i : list_issues(db, *orgs_, org, f)) {
    if (static_cast<int>(out.size()) >= limit) break;
    out.push_back(to_ref(i));
  }
  return out;
}

void Tracker::set_status(sdk::Database& db, std::int64_t id, const std::string& status,
                         const std::string& note, const sdk::Date& on) {
  issues::set_status(db, id, status, note, on);
}

}  // namespace wasshoi::issues
