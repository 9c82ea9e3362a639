#pragma once
// IssueTracker: local issues (地域課題) as other plugins see them. Implemented by the issues
// plugin; minutes turn an agenda or action item into an issue, proposals link the issues behind a
// 要望書 and move them on when the city answers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

// The status workflow: 受付 → 検討中 → 自治会で対応 / 市へ要望 / 解決 / 見送り.
namespace issue_status {
inline constexpr const char* kReceived = "received";        // 受付
inline constexpr const char* kConsidering = "considering";  // 検討中
inline constexpr const char* kLocal = "local";              // 自治会で対応
inline constexpr const char* kToCity = "to_city";           // 市へ要望
inline constexpr const char* kResolved = "resolved";        // 解決
inline constexpr const char* kDeclined = "declined";        // 見送り
}  // namespace issue_status

struct IssueDraft {
  OrgId org = 0;
  std::string title;
  std::string description;
  std::string category;  // 防犯, 防災, 交通安全 … (the issues plugin's category names)
  std::string place;
  std::string source;  // where it came from, e.g. "minutes: 役員会 2026-05-10, 議案 3"
};

struct IssueRef {
  std::int64_t id = 0;
  OrgId org = 0;
  std::string title;
  std::string category;
  std::string status;  // one of issue_status
  int supporters = 0;  // households supporting it (賛同)
};

class IssueTracker {
 public:
  static constexpr const char* kServiceId = "issues.tracker";
  virtual ~IssueTracker() = default;

  virtual std::int64_t create_issue(Database& db, const IssueDraft& draft) = 0;
  virtual std::optional<IssueRef> issue(Database& db, std::int64_t id) = 0;
  virtual std::vector<IssueRef> search(Database& db, OrgId org, std::string_view query, int limit = 50) = 0;
  // Moves an issue to `status` with a note dated `on`: the day it happened (e.g. the day the city
  // answered a 要望書), not the day it was recorded.
  virtual void set_status(Database& db, std::int64_t id, const std::string& status, const std::string& note,
                          const Date& on) = 0;
};

}  // namespace wasshoi::sdk
