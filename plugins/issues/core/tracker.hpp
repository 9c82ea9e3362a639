#pragma once
// The plugin's implementation of sdk::IssueTracker (what minutes and proposals see).
#include <memory>
#include <wasshoi/sdk/issue_tracker.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

namespace wasshoi::issues {

class Tracker final : public sdk::IssueTracker {
 public:
  // The host's organizations: which 自治会 a 地域協働体's search covers, categories, 班.
  explicit Tracker(std::shared_ptr<sdk::OrganizationDirectory> orgs) : orgs_(std::move(orgs)) {}
  std::int64_t create_issue(sdk::Database& db, const sdk::IssueDraft& draft) override;
  std::optional<sdk::IssueRef> issue(sdk::Database& db, std::int64_t id) override;
  std::vector<sdk::IssueRef> search(sdk::Database& db, sdk::OrgId org, std::string_view query,
                                    int limit) override;
  void set_status(sdk::Database& db, std::int64_t id, const std::string& status, const std::string& note,
                  const sdk::Date& on) override;

 private:
  std::shared_ptr<sdk::OrganizationDirectory> orgs_;
};

}  // namespace wasshoi::issues
