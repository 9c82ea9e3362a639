#include "core/actions.hpp"

#include <wasshoi/sdk/input.hpp>

#include "core/agenda.hpp"
#include "core/meetings.hpp"

namespace wasshoi::minutes {

namespace {

constexpr const char* kSelectAction =
    "SELECT a.id, a.meeting_id, a.item_id, a.title, a.assignee, a.due, a.status, a.done_on, m.title, "
    "m.start_at "
    "FROM minutes_actions a JOIN minutes_meetings m ON m.id = a.meeting_id ";

ActionItem read_action(const sdk::Statement& st) {
  ActionItem a;
  a.id = st.get_int(0);
  a.meeting = st.get_int(1);
  a.item = st.get_optional_int(2);
  a.title = st.get_text(3);
  a.assignee = st.get_text(4);
  a.due = st.get_date(5);  // empty for NULL and for a stored date that is not one (db.hpp)
  a.status = st.get_text(6) == "done" ? ActionStatus::Done : ActionStatus::Open;
  a.done_on = st.get_date(7);
  a.meeting_title = st.get_text(8);
  a.meeting_start = st.get_datetime(9);
  return a;
}

std::vector<ActionItem> read_all(sdk::Statement& st) {
  std::vector<ActionItem> out;
  while (st.step()) out.push_back(read_action(st));
  return out;
}

}  // namespace

ActionId add_action(sdk::Database& db, const ActionInput& in) {
  const std::string title = sdk::trim(in.title);
  if (title.empty()) throw sdk::InputError("an action item needs a description of what is to be done");
  sdk::check_text(sdk::TextKind::Line, "action", title);
  sdk::check_text(sdk::TextKind::Name, "assignee", in.assignee);
  if (in.due) sdk::check_date("due date", *in.due);
  sdk::Transaction tx(db, "minutes.action_add", "meeting " + std::to_string(in.meeting) + ": " + title);
  begin_edit(db, in.meeting);
  std::optional<ItemId> item;
  if (in.item_number) item = get_item(db, in.meeting, *in.item_number).id;
  sdk::Statement(
      db, "INSERT INTO minutes_actions(meeting_id, item_id, title, assignee, due) VALUES(?, ?, ?, ?, ?)")
      .bind_all(in.meeting, item, title, sdk::trim(in.assignee), in.due)
      .run();
  const ActionId id = db.last_insert_id();
  tx.commit();
  return id;
}

ActionItem get_action(sdk::Database& db, ActionId id) {
  sdk::Statement st(db, std::string(kSelectAction) + "WHERE a.id = ?");
  st.bind(1, id);
  if (!st.step()) throw sdk::InputError("no action item with id " + std::to_string(id));
  return read_action(st);
}

void set_action_done(sdk::Database& db, ActionId id, bool done, const Date& on) {
  const ActionItem a = get_action(db, id);
  sdk::Transaction tx(db, done ? "minutes.action_done" : "minutes.action_reopen", a.title);
  sdk::Statement(db, "UPDATE minutes_actions SET status = ?, done_on = ? WHERE id = ?")
      .bind_all(done ? "done" : "open", done ? std::optional(on) : std::nullopt, id)
      .run();
  tx.commit();
}

std::vector<ActionItem> actions_of(sdk::Database& db, MeetingId meeting) {
  sdk::Statement st(db, std::string(kSelectAction) + "WHERE a.meeting_id = ? ORDER BY a.id");
  st.bind(1, meeting);
  return read_all(st);
}

std::vector<ActionItem> carried_actions(sdk::Database& db, MeetingId meeting) {
  const Meeting m = get_meeting(db, meeting);
  if (!m.start) return {};  // which came before a meeting whose date is unknown cannot be said
  sdk::Statement st(db, std::string(kSelectAction) +
                            "WHERE m.org_id = ? AND m.start_at < ? AND (a.status = 'open' OR a.done_on >= ?) "
                            "ORDER BY m.start_at, a.id");
  st.bind_all(m.org, *m.start, m.start->date);
  return read_all(st);
}

std::vector<ActionItem> org_actions(sdk::Database& db, OrgId org, bool open_only) {
  sdk::Statement st(db, std::string(kSelectAction) + "WHERE m.org_id = ? AND (? = 0 OR a.status = 'open') " +
                            "ORDER BY a.status = 'done', a.due IS NULL, a.due, m.start_at, a.id");
  st.bind_all(org, open_only ? 1 : 0);
  return read_all(st);
}

std::vector<ActionItem> overdue_actions(sdk::Database& db, OrgId org, const Date& today) {
  sdk::Statement st(db, std::string(kSelectAction) +
                            "WHERE m.org_id = ? AND a.status = 'open' AND a.due IS NOT NULL AND a.due < ? "
                            "ORDER BY a.due, a.id");
  st.bind_all(org, today);
  auto out = read_all(st);
  std::erase_if(out, [](const ActionItem& a) { return !a.due; });  // a 期限 that is not a date is not past
  return out;
}

}  // namespace wasshoi::minutes
