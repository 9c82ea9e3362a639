#pragma once
// The life-cycle of a 要望書: 作成中 → 承認済 (linked to the 役員会/総会 that approved it) → 提出済
// (date, to whom) → 回答済 (回答日, 区分, text, who answered) → 進捗回答 entries → 完了, or carried
// over as 継続案件 into the next 年度. Each step is one audited transaction.
//
// Linked issues (地域課題) move with it through the IssueTracker service:
//   submitted           → 市へ要望 (to_city)
//   answer 対応する      → 解決 (resolved): the city takes it on, nothing is left for the 自治会
//   answer 検討する      → 市へ要望 (to_city): still with the city
//   answer 対応困難      → 検討中 (considering): back to the 自治会 to decide 自治会で対応 or 見送り
//   answer その他        → unchanged
// Issues already closed (解決/見送り) or already in the target status are left as they are.
#include <wasshoi/sdk/issue_tracker.hpp>
#include <wasshoi/sdk/meeting_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::proposals {

// What keeps the proposal from being submitted: an empty section, or no approving minutes.
enum class MissingPart { Gathering, History, Actions, Approval };
std::vector<MissingPart> missing_parts(const Proposal& p);
// The same as text, e.g. {"経過 is empty", "no approving minutes linked"}.
std::vector<std::string> missing_for_submit(const Proposal& p);
// The status a linked issue takes for an answer; nullopt: unchanged.
std::optional<std::string> issue_status_for(AnswerCategory c);

// Links the meeting (役員会, 総会, 臨時総会 of the proposal's organization) that approved it.
void approve(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id,
             sdk::MeetingDirectory* meetings, std::int64_t meeting_id);

// What happened to the linked issues (for the user and the tests).
struct IssueUpdate {
  std::int64_t issue_id = 0;
  std::string from, to;  // statuses; to empty: left as it was
  std::string reason;    // why it was left
};
struct StepResult {
  std::vector<IssueUpdate> issues;
  std::string warning;  // e.g. the issues plugin is not available
};

// Refused (InputError listing everything missing) unless every section is filled and approved.
StepResult submit(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, const sdk::Date& on,
                  const std::string& to, sdk::IssueTracker* tracker);
StepResult record_answer(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id,
                         const Answer& answer, sdk::IssueTracker* tracker);
std::int64_t add_progress(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id,
                          const Progress& progress);
void close(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, const sdk::Date& on,
           const std::string& note);
// Carries the proposal into `fiscal_year` (a later 年度) as a 継続案件.
void carry_over(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, int fiscal_year);

}  // namespace wasshoi::proposals
