#include "core/dashboard.hpp"

#include <algorithm>

#include "core/proposals.hpp"

namespace wasshoi::proposals {

Dashboard dashboard(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org) {
  Dashboard d;
  int days_total = 0, timed = 0;
  for (const auto& s : list_proposals(db, orgs, org)) {
    d.by_year[s.fiscal_year][s.state]++;
    if (s.submitted_on) d.submitted++;
    if (s.answer) d.answered++;
    if (s.submitted_on && s.answered_on) {
      int days = s.answered_on->days_since_epoch() - s.submitted_on->days_since_epoch();
      days_total += days;
      ++timed;
      d.max_days_to_answer = std::max(d.max_days_to_answer.value_or(0), days);
    }
    if (s.state == State::Continuing) d.continuing.push_back(s);
    if (s.submitted_on && !s.answer && s.state != State::Closed) d.awaiting.push_back(s);
  }
  if (d.submitted > 0) d.share_answered = static_cast<double>(d.answered) / d.submitted;
  if (timed > 0) d.mean_days_to_answer = static_cast<double>(days_total) / timed;
  std::sort(d.awaiting.begin(), d.awaiting.end(),
            [](const auto& a, const auto& b) { return *a.submitted_on < *b.submitted_on; });
  return d;
}

}  // namespace wasshoi::proposals
