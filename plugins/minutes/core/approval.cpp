#include "core/approval.hpp"

#include <wasshoi/sdk/input.hpp>

#include "core/meetings.hpp"

namespace wasshoi::minutes {

namespace {

std::string meeting_text(const Meeting& m) {
  return "meeting " + std::to_string(m.id) + " (" + m.title + ")";
}

void check_signatories(const std::vector<std::string>& names) {
  if (names.size() != 2)
    throw sdk::InputError("the minutes are signed by two 議事録署名人; " + std::to_string(names.size()) +
                          (names.size() == 1 ? " was given" : " were given"));
  for (const auto& n : names)
    if (sdk::trim(n).empty()) throw sdk::InputError("a 議事録署名人 needs a name");
  if (sdk::fold_for_search(names[0]) == sdk::fold_for_search(names[1]))
    throw sdk::InputError("the two 議事録署名人 must be two different people; both are " + names[0]);
}

void set_state(sdk::Database& db, MeetingId id, const char* state, std::optional<MeetingId> at) {
  sdk::Statement(db, "UPDATE minutes_meetings SET state = ?, approved_at = ? WHERE id = ?")
      .bind_all(state, at, id)
      .run();
}

}  // namespace

void sign(sdk::Database& db, MeetingId meeting, const std::vector<std::string>& names, const Date& on) {
  check_signatories(names);
  sdk::Transaction tx(db, "minutes.sign",
                      "meeting " + std::to_string(meeting) + ": " + names[0] + ", " + names[1]);
  const Meeting m = get_meeting(db, meeting);
  if (m.state == MinutesState::Approved)
    throw sdk::InputError("the minutes of " + meeting_text(m) + " are approved already");
  if (m.state == MinutesState::Signed)
    throw sdk::InputError("the minutes of " + meeting_text(m) + " are signed already");
  if (on < m.start_at().date)
    throw sdk::InputError("the minutes cannot be signed before the meeting took place (" +
                          m.start_at().date.iso() + ")");
  for (int i = 0; i < 2; ++i)
    sdk::Statement(
        db, "INSERT INTO minutes_signatories(meeting_id, position, name, signed_on) VALUES(?, ?, ?, ?)")
        .bind_all(meeting, i + 1, sdk::trim(names[static_cast<std::size_t>(i)]), on)
        .run();
  set_state(db, meeting, "signed", std::nullopt);
  tx.commit();
}

void approve(sdk::Database& db, MeetingId meeting, MeetingId at) {
  sdk::Transaction tx(db, "minutes.approve",
                      "meeting " + std::to_string(meeting) + " at meeting " + std::to_string(at));
  const Meeting m = get_meeting(db, meeting);
  if (m.state == MinutesState::Approved)
    throw sdk::InputError("the minutes of " + meeting_text(m) + " were approved already, at meeting " +
                          std::to_string(m.approved_at.value_or(0)));
  if (m.state != MinutesState::Signed)
    throw sdk::InputError("the minutes of " + meeting_text(m) +
                          " are not signed yet: two 議事録署名人 sign first (`minutes sign`)");
  const Meeting later = get_meeting(db, at);
  if (later.org != m.org)
    throw sdk::InputError("meeting " + std::to_string(at) + " belongs to another organization");
  if (later.start_at() <= m.start_at())
    throw sdk::InputError("minutes are approved at a later meeting; " + meeting_text(later) +
                          " is not after " + meeting_text(m));
  set_state(db, meeting, "approved", at);
  tx.commit();
}

void reopen(sdk::Database& db, MeetingId meeting, const std::string& reason) {
  const std::string why = sdk::trim(reason);
  if (why.empty())
    throw sdk::InputError("re-opening minutes needs a reason (--reason), which is kept in the log");
  sdk::check_text(sdk::TextKind::Note, "reason", why);
  sdk::Transaction tx(db, "minutes.reopen", "meeting " + std::to_string(meeting) + ": " + why);
  const Meeting m = get_meeting(db, meeting);
  if (m.state == MinutesState::Draft)
    throw sdk::InputError("the minutes of " + meeting_text(m) +
                          " are not signed or approved: nothing to re-open");
  sdk::Statement(db, "DELETE FROM minutes_signatories WHERE meeting_id = ?").bind(1, meeting).run();
  set_state(db, meeting, "draft", std::nullopt);
  sdk::Statement(db,
                 "INSERT INTO minutes_reopenings(meeting_id, reopened_at, actor, reason) VALUES(?, ?, ?, ?)")
      .bind_all(meeting, sdk::now_local(), db.actor(), why)
      .run();
  tx.commit();
}

std::vector<Signatory> signatories(sdk::Database& db, MeetingId meeting) {
  sdk::Statement st(
      db, "SELECT position, name, signed_on FROM minutes_signatories WHERE meeting_id = ? ORDER BY position");
  st.bind(1, meeting);
  std::vector<Signatory> out;
  while (st.step()) out.push_back({static_cast<int>(st.get_int(0)), st.get_text(1), st.get_date(2)});
  return out;
}

std::vector<Reopening> reopenings(sdk::Database& db, MeetingId meeting) {
  sdk::Statement st(
      db, "SELECT reopened_at, actor, reason FROM minutes_reopenings WHERE meeting_id = ? ORDER BY id");
  st.bind(1, meeting);
  std::vector<Reopening> out;
  while (st.step()) out.push_back({st.get_text(0), st.get_text(1), st.get_text(2)});
  return out;
}

namespace {
OrgId meeting_org(sdk::Database& db, MeetingId meeting) {
  auto org = sdk::query_int(db, "SELECT org_id FROM minutes_meetings WHERE id = " + std::to_string(meeting));
  if (!org) throw sdk::InputError("no meeting " + std::to_string(meeting));
  return *org;
}
}  // namespace

void approve(sdk::Context& ctx, MeetingId meeting, MeetingId at) {
  ctx.require(sdk::Act::ApproveMinutes, meeting_org(ctx.db(), meeting));
  approve(ctx.db(), meeting, at);
}

void reopen(sdk::Context& ctx, MeetingId meeting, const std::string& reason) {
  ctx.require(sdk::Act::ReopenMinutes, meeting_org(ctx.db(), meeting));
  reopen(ctx.db(), meeting, reason);
}

}  // namespace wasshoi::minutes
