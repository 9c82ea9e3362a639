#pragma once
// Small but real implementations of MeetingDirectory and IssueTracker over their own tables
// (testservices_…), so the proposals tests do not depend on the minutes and issues plugins being
// buildable. The library is linked into the test binary and into the test plugin testservices.so.
#include <wasshoi/sdk/issue_tracker.hpp>
#include <wasshoi/sdk/meeting_directory.hpp>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::test::fakes {

std::vector<sdk::Migration> migrations();
std::int64_t add_meeting(sdk::Database& db, sdk::OrgId org, const std::string& kind, const std::string& title,
                         const sdk::Date& on);

class Meetings final : public sdk::MeetingDirectory {
 public:
  std::optional<sdk::MeetingRef> meeting(sdk::Database& db, std::int64_t id) override;
  std::vector<sdk::MeetingRef> meetings(sdk::Database& db, sdk::OrgId org, const sdk::Date& from, const sdk::Date& to) override;
};

// Moves follow the issues plugin's rule: never to the same status, never out of 解決/見送り except
// back to 検討中, never back to 受付 (InputError otherwise).
class Issues final : public sdk::IssueTracker {
 public:
  std::int64_t create_issue(sdk::Database& db, const sdk::IssueDraft& draft) override;
  std::optional<sdk::IssueRef> issue(sdk::Database& db, std::int64_t id) override;
  std::vector<sdk::IssueRef> search(sdk::Database& db, sdk::OrgId org, std::string_view query, int limit) override;
  void set_status(sdk::Database& db, std::int64_t id, const std::string& status, const std::string& note) override;
};

// The notes set_status recorded for an issue, oldest first.
std::vector<std::string> status_notes(sdk::Database& db, std::int64_t issue);

}  // namespace wasshoi::test::fakes
