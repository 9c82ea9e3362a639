#pragma once
// The issues plugin's section of the 総会's 議案書 (sdk/annual_report.hpp): 地域課題 raised in the 年度
// and resolved in it, by 分野 and status, with the ones still open carried over.
#include <optional>
#include <vector>
#include <wasshoi/sdk/annual_report.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

// The day an issue reached its current status (the latest history step into it); nullopt when
// the history has none (an issue still 受付) or the stored date is not a date.
std::optional<sdk::Date> status_since(sdk::Database& db, IssueId id, const std::string& status);

// The 年度's issues in `org`'s scope, as the issues list shows them to the signed-in officer
// (`han`: a 班長's 班 only).
struct IssueYear {
  std::vector<Issue> raised;    // reported between from and to
  std::vector<Issue> resolved;  // 解決 now, and reached it between from and to
  std::vector<Issue> declined;  // 見送り now, and reached it between from and to
  std::vector<Issue> open;      // reported on or before `to` and not closed now (carried over)
};
IssueYear issue_year(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, const sdk::Date& from,
                     const sdk::Date& to, std::optional<std::int64_t> han);

std::vector<sdk::ReportSection> report_sections();

}  // namespace wasshoi::issues
