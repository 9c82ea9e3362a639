#pragma once
// Dashboard figures: proposals by 年度 and state, days from submission to answer, the share
// answered and the continuing items. A 地域協働体 sees its 自治会' proposals together.
#include <map>

#include "core/model.hpp"

namespace wasshoi::proposals {

struct Dashboard {
  std::map<int, std::map<State, int>> by_year;  // 年度 → state → count
  int submitted = 0;                            // ever submitted (submitted or later)
  int answered = 0;
  double share_answered = 0;  // answered / submitted, 0..1
  std::optional<double> mean_days_to_answer;
  std::optional<int> max_days_to_answer;
  std::vector<ProposalSummary> continuing;  // 継続案件
  std::vector<ProposalSummary> awaiting;    // submitted, no answer yet (oldest first)
};

Dashboard dashboard(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org);

}  // namespace wasshoi::proposals
