#include "core/lifecycle.hpp"

#include <algorithm>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/row_lock.hpp>

#include "core/proposals.hpp"
#include "core/stored_fields.hpp"

namespace wasshoi::proposals {

namespace st = sdk::issue_status;

namespace {

bool approving_kind(const std::string& kind) {
  return kind.find("総会") != std::string::npos || kind.find("役員会") != std::string::npos;
}

std::string join(const std::vector<std::string>& parts) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out;
}

IssueUpdate move_issue(sdk::Database& db, sdk::IssueTracker& tracker, std::int64_t issue_id,
                       const std::string& to, const std::string& note, const sdk::Date& on) {
  IssueUpdate u{issue_id, "", "", ""};
  auto issue = tracker.issue(db, issue_id);
  if (!issue) return {issue_id, "", "", "the issue no longer exists"};
  u.from = issue->status;
  if (issue->status == to)
    u.reason = "already " + to;
  else if (issue->status == st::kResolved || issue->status == st::kDeclined)
    u.reason = "closed (" + issue->status + ")";
  if (!u.reason.empty()) return u;
  tracker.set_status(db, issue_id, to, note, on);  // a savepoint inside our transaction
  u.to = to;
  return u;
}

// The issues' history is dated `on`, the day of the step (submission, answer), not today.
StepResult move_issues(sdk::Database& db, const Proposal& p, sdk::IssueTracker* tracker,
                       const std::optional<std::string>& to, const std::string& note, const sdk::Date& on) {
  StepResult r;
  if (p.issues.empty() || !to) return r;
  if (!tracker) {
    r.warning = "the issues plugin is not available: the linked issues were not updated";
    return r;
  }
  for (const auto& i : p.issues) r.issues.push_back(move_issue(db, *tracker, i.issue_id, *to, note, on));
  return r;
}

// Called first in each step's transaction, before the proposal is read and its state checked: the
// state stays what was checked until the step commits. On SQLite the transaction holds the file's
// write lock already (BEGIN IMMEDIATE); on PostgreSQL this locks the proposal's row (FOR NO KEY
// UPDATE), so a second officer's step on the same proposal waits and then sees the first one's.
Proposal locked_proposal(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id) {
  sdk::lock_row(db, "proposals_proposals", "id", id);
  return get_proposal(db, orgs, id);
}

void require_state(const Proposal& p, std::initializer_list<State> allowed, const char* step) {
  if (std::find(allowed.begin(), allowed.end(), p.state) != allowed.end()) return;
  throw sdk::InputError(std::string("cannot ") + step + " " + id_text(p.id) + ": it is " + label(p.state) +
                        " (" + to_string(p.state) + ")");
}

}  // namespace

std::vector<MissingPart> missing_parts(const Proposal& p) {
  std::vector<MissingPart> missing;
  if (p.gatherings.empty()) missing.push_back(MissingPart::Gathering);
  if (p.history.empty()) missing.push_back(MissingPart::History);
  if (p.actions.empty()) missing.push_back(MissingPart::Actions);
  if (!p.approved_meeting) missing.push_back(MissingPart::Approval);
  return missing;
}

std::vector<std::string> missing_for_submit(const Proposal& p) {
  std::vector<std::string> text;
  for (MissingPart m : missing_parts(p))
    text.push_back(m == MissingPart::Approval ? std::string("no approving minutes linked")
                                              : std::string(label(static_cast<Section>(m))) + " is empty");
  return text;
}

std::optional<std::string> issue_status_for(AnswerCategory c) {
  switch (c) {
    case AnswerCategory::WillDo:
      return st::kResolved;
    case AnswerCategory::WillConsider:
      return st::kToCity;
    case AnswerCategory::Difficult:
      return st::kConsidering;
    case AnswerCategory::Other:
      return std::nullopt;
  }
  return std::nullopt;
}

void approve(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id,
             sdk::MeetingDirectory* meetings, std::int64_t meeting_id) {
  sdk::Transaction tx(db, "proposals.approve", id_text(id) + " meeting " + std::to_string(meeting_id));
  Proposal p = locked_proposal(db, orgs, id);
  require_state(p, {State::Draft, State::Approved}, "approve");
  if (!meetings)
    throw sdk::InputError("linking the approving minutes needs the minutes plugin (議事録): enable it");
  auto m = meetings->meeting(db, meeting_id);
  if (!m) throw sdk::InputError("no meeting with id " + std::to_string(meeting_id));
  if (m->org != p.org)
    throw sdk::InputError("meeting " + std::to_string(meeting_id) + " is not a meeting of " + p.org_name);
  if (!m->start)
    throw sdk::InputError("meeting " + std::to_string(meeting_id) +
                          " has a stored date that is not a date (日付不明): set it in the minutes first");
  if (!approving_kind(m->kind))
    throw sdk::InputError("meeting " + std::to_string(meeting_id) + " is a " + m->kind +
                          ": a proposal is approved by a 役員会 or 総会");
  std::string meeting_label = m->kind + "「" + m->title + "」";
  sdk::Statement(db,
                 "UPDATE proposals_proposals SET approved_meeting_id = ?, approved_meeting_label = ?, "
                 "approved_on = ?, state = 'approved' WHERE id = ?")
      .bind_all(meeting_id, meeting_label, m->start->date, id)
      .run();
  tx.commit();
}

StepResult submit(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, const sdk::Date& on,
                  const std::string& to, sdk::IssueTracker* tracker) {
  if (!on.valid()) throw sdk::InputError("submit: date: not a date");
  sdk::check_date("submit: date", on);
  sdk::check_text(sdk::TextKind::Line, "submit: to", to);
  sdk::Transaction tx(db, "proposals.submit");
  Proposal p = locked_proposal(db, orgs, id);
  require_state(p, {State::Draft, State::Approved}, "submit");
  if (auto missing = missing_for_submit(p); !missing.empty())
    throw sdk::InputError("cannot submit " + id_text(id) + ": " + join(missing));
  if (p.approved_on && on < *p.approved_on)
    throw sdk::InputError("submit: " + on.iso() + " is before the approval on " + p.approved_on->iso());
  std::string receiver =
      sdk::trim(to).empty() ? addressee_title(db, orgs, p.addressee, p.addressee_org) : sdk::trim(to);
  tx.set_detail(id_text(id) + " " + on.iso() + " " + receiver);
  sdk::Statement(
      db,
      "UPDATE proposals_proposals SET state = 'submitted', submitted_on = ?, submitted_to = ? WHERE id = ?")
      .bind_all(on, receiver, id)
      .run();
  auto r = move_issues(db, p, tracker, st::kToCity,
                       "要望書「" + p.title + "」を" + receiver + "へ提出 (" + on.iso() + ")", on);
  tx.commit();
  return r;
}

StepResult record_answer(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, const Answer& a,
                         sdk::IssueTracker* tracker) {
  if (!a.on || !a.on->valid()) throw sdk::InputError("answer: 回答日: not a date");
  sdk::check_date("answer: 回答日", *a.on);
  sdk::check_text(sdk::TextKind::Note, "answer", a.text);
  sdk::check_text(sdk::TextKind::Name, "answer: 回答者", a.answered_by);
  sdk::Transaction tx(db, "proposals.answer", id_text(id) + " " + to_string(a.category));
  Proposal p = locked_proposal(db, orgs, id);
  require_state(p, {State::Submitted, State::Continuing}, "record an answer for");
  if (p.answer) throw sdk::InputError(id_text(id) + " already has an answer; add a 進捗回答 instead");
  if (p.submitted_on && *a.on < *p.submitted_on)
    throw sdk::InputError("answer: 回答日 " + a.on->iso() + " is before the submission on " +
                          p.submitted_on->iso());
  sdk::Statement(db,
                 "INSERT INTO proposals_answers(proposal_id, answered_on, category, text, answered_by) "
                 "VALUES(?,?,?,?,?)")
      .bind_all(id, a.on, to_string(a.category), sdk::trim(a.text), sdk::trim(a.answered_by))
      .run();
  set_state(db, id, State::Answered);
  std::string note =
      "市の回答（" + std::string(label(a.category)) + "、" + a.on->iso() + "）: " + sdk::trim(a.text);
  auto r = move_issues(db, p, tracker, issue_status_for(a.category), note, *a.on);
  tx.commit();
  return r;
}

std::int64_t add_progress(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id,
                          const Progress& g) {
  if (!g.on || !g.on->valid()) throw sdk::InputError("progress: date: not a date");
  sdk::check_date("progress: date", *g.on);
  sdk::check_text(sdk::TextKind::Note, "progress", g.text);
  if (sdk::trim(g.text).empty()) throw sdk::InputError("progress: the text is empty");
  sdk::Transaction tx(db, "proposals.progress", id_text(id));
  Proposal p = locked_proposal(db, orgs, id);
  require_state(p, {State::Submitted, State::Answered, State::Continuing}, "add progress to");
  sdk::Statement(db, "INSERT INTO proposals_progress(proposal_id, on_date, text) VALUES(?,?,?)")
      .bind_all(id, g.on, sdk::trim(g.text))
      .run();
  auto row = db.last_insert_id();
  tx.commit();
  return row;
}

void close(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, const sdk::Date& on,
           const std::string& note) {
  if (!on.valid()) throw sdk::InputError("close: date: not a date");
  sdk::check_date("close: date", on);
  sdk::check_text(sdk::TextKind::Note, "close: note", note);
  sdk::Transaction tx(db, "proposals.close", id_text(id));
  Proposal p = locked_proposal(db, orgs, id);
  require_state(p, {State::Answered, State::Continuing}, "close");
  std::string text = sdk::trim(note).empty() ? std::string("完了") : "完了: " + sdk::trim(note);
  sdk::Statement(db, "INSERT INTO proposals_progress(proposal_id, on_date, text) VALUES(?,?,?)")
      .bind_all(id, on, text)
      .run();
  set_state(db, id, State::Closed);
  tx.commit();
}

void carry_over(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id, int fiscal_year) {
  sdk::Transaction tx(db, "proposals.carry_over", id_text(id) + " into " + std::to_string(fiscal_year));
  Proposal p = locked_proposal(db, orgs, id);
  require_state(p, {State::Submitted, State::Answered, State::Continuing}, "carry over");
  int last = p.carried_into.empty() ? p.fiscal_year : p.carried_into.back();
  if (fiscal_year <= last)
    throw sdk::InputError("carry over: " + sdk::format_fiscal_year_ja(fiscal_year) + " is not after " +
                          sdk::format_fiscal_year_ja(last));
  sdk::Statement(db, "INSERT INTO proposals_carryovers(proposal_id, fiscal_year) VALUES(?,?)")
      .bind_all(id, fiscal_year)
      .run();
  set_state(db, id, State::Continuing);
  tx.commit();
}

}  // namespace wasshoi::proposals
