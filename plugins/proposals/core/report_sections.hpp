#pragma once
// The proposals plugin's section of the 総会's 議案書 (sdk/annual_report.hpp): the 要望書 submitted to
// the city in the 年度 and the city's answers.
#include <vector>
#include <wasshoi/sdk/annual_report.hpp>

#include "core/model.hpp"

namespace wasshoi::proposals {

// `org`'s proposals (a 地域協働体's with its 自治会') submitted between `from` and `to`, oldest first.
std::vector<ProposalSummary> submitted_between(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                               const sdk::Date& from, const sdk::Date& to);

std::vector<sdk::ReportSection> report_sections();

}  // namespace wasshoi::proposals
