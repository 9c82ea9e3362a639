#include "core/attendance.hpp"

#include <wasshoi/sdk/input.hpp>

#include "core/meetings.hpp"
#include "core/reception.hpp"

namespace wasshoi::minutes {

namespace {

std::string id_text(std::int64_t id) {
  return std::to_string(id);
}

void check_org(const Meeting& m, OrgId org, const std::string& what) {
  if (org != m.org) throw sdk::InputError(what + " is not a member of the meeting's organization");
}

bool has_absent_vote(sdk::Database& db, MeetingId meeting, std::int64_t household) {
  sdk::Statement st(db, "SELECT 1 FROM minutes_absent_votes WHERE meeting_id = ? AND household_id = ?");
  st.bind_all(meeting, household);
  return st.step();
}

bool household_present(sdk::Database& db, MeetingId meeting, std::int64_t household) {
  sdk::Statement st(db, "SELECT 1 FROM minutes_attendees WHERE meeting_id = ? AND household_id = ?");
  st.bind_all(meeting, household);
  return st.step();
}

std::int64_t insert_member(sdk::Database& db, MeetingId meeting, const sdk::PersonRef& p) {
  sdk::Statement(db,
                 "INSERT INTO minutes_attendees(meeting_id, kind, person_id, household_id, name) "
                 "VALUES(?, 'member', ?, ?, ?)")
      .bind_all(meeting, p.id, p.household_id, p.name)
      .run();
  return db.last_insert_id();
}

void check_not_present(sdk::Database& db, MeetingId meeting, std::int64_t person_id,
                       const std::string& name) {
  sdk::Statement st(db, "SELECT 1 FROM minutes_attendees WHERE meeting_id = ? AND person_id = ?");
  st.bind_all(meeting, person_id);
  if (st.step())
    throw sdk::InputError(name + " (person " + id_text(person_id) + ") is already recorded as present");
}

}  // namespace

std::int64_t add_member(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                        std::int64_t person_id) {
  auto p = members.person(db, person_id);
  if (!p) throw sdk::InputError("no person with id " + id_text(person_id) + " in the roster");
  sdk::Transaction tx(db, "minutes.attend", "meeting " + id_text(meeting) + ": " + p->name);
  Meeting m = begin_edit(db, meeting);
  check_org(m, p->org, p->name);
  check_not_present(db, meeting, person_id, p->name);
  if (m.general_assembly && has_absent_vote(db, meeting, p->household_id))
    throw sdk::InputError("the household of " + p->name +
                          " sent a 委任状/議決権行使書: remove it before recording them present");
  const auto id = insert_member(db, meeting, *p);
  tx.commit();
  return id;
}

std::int64_t add_household(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                           std::int64_t household_id) {
  auto h = members.household(db, household_id);
  if (!h) throw sdk::InputError("no household with id " + id_text(household_id) + " in the roster");
  auto persons = members.household_members(db, household_id);
  sdk::PersonRef head = persons.empty() ? sdk::PersonRef{} : persons.front();
  if (persons.empty()) {
    head.household_id = household_id;
    head.org = h->org;
    head.name = h->head_name;
  }
  sdk::Transaction tx(db, "minutes.attend", "meeting " + id_text(meeting) + ": household " + h->head_name);
  Meeting m = begin_edit(db, meeting);
  check_org(m, h->org, h->head_name);
  if (household_present(db, meeting, household_id))
    throw sdk::InputError("the household of " + h->head_name + " (" + id_text(household_id) +
                          ") is already present");
  if (has_absent_vote(db, meeting, household_id))
    throw sdk::InputError("the household of " + h->head_name +
                          " sent a 委任状/議決権行使書: remove it first");
  if (head.id == 0) {
    sdk::Statement(
        db, "INSERT INTO minutes_attendees(meeting_id, kind, household_id, name) VALUES(?, 'member', ?, ?)")
        .bind_all(meeting, household_id, head.name)
        .run();
  } else {
    insert_member(db, meeting, head);
  }
  const auto id = db.last_insert_id();
  tx.commit();
  return id;
}

std::int64_t add_guest(sdk::Database& db, MeetingId meeting, const std::string& name,
                       const std::string& affiliation) {
  const std::string n = sdk::trim(name);
  if (n.empty()) throw sdk::InputError("a guest needs a name");
  sdk::check_text(sdk::TextKind::Name, "guest", n);
  sdk::check_text(sdk::TextKind::Line, "affiliation", affiliation);
  sdk::Transaction tx(db, "minutes.guest", "meeting " + id_text(meeting) + ": " + n);
  begin_edit(db, meeting);
  sdk::Statement(
      db, "INSERT INTO minutes_attendees(meeting_id, kind, name, affiliation) VALUES(?, 'guest', ?, ?)")
      .bind_all(meeting, n, sdk::trim(affiliation))
      .run();
  const auto id = db.last_insert_id();
  tx.commit();
  return id;
}

void add_absent_vote(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                     std::int64_t household_id, AbsentVoteKind kind, const std::string& holder) {
  const char* what = kind == AbsentVoteKind::Proxy ? "委任状" : "議決権行使書";
  sdk::check_text(sdk::TextKind::Name, "holder", holder);
  auto h = members.household(db, household_id);
  if (!h) throw sdk::InputError("no household with id " + id_text(household_id) + " in the roster");
  sdk::Transaction tx(db, "minutes.absent_vote",
                      std::string(what) + " meeting " + id_text(meeting) + ": " + h->head_name);
  Meeting m = begin_edit(db, meeting);
  if (!m.general_assembly)
    throw sdk::InputError(std::string(what) + " are taken at a 総会 only; meeting " + id_text(meeting) +
                          " is a " + m.kind);
  check_org(m, h->org, h->head_name);
  if (household_present(db, meeting, household_id))
    throw sdk::InputError("the household of " + h->head_name + " is present; it cannot also send a " + what);
  if (has_absent_vote(db, meeting, household_id))
    throw sdk::InputError("the household of " + h->head_name + " already sent a 委任状 or 議決権行使書");
  sdk::Statement(db,
                 "INSERT INTO minutes_absent_votes(meeting_id, household_id, kind, name, holder, entered) "
                 "VALUES(?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(entered), 0) + 1 FROM minutes_absent_votes "
                 "WHERE meeting_id = ?1))")
      .bind_all(meeting, household_id, kind == AbsentVoteKind::Proxy ? "proxy" : "written", h->head_name,
                sdk::trim(holder))
      .run();
  tx.commit();
}

void record_attendance(sdk::Database& db, sdk::MemberDirectory* members, const AttendanceChange& c) {
  sdk::Transaction tx(db, "minutes.attend", "meeting " + id_text(c.meeting));
  get_meeting(db, c.meeting);
  for (auto id : c.remove) remove_attendee(db, c.meeting, id);
  if (!c.persons.empty() || !c.households.empty() || !c.proxies.empty() || !c.written.empty()) {
    if (!members)
      throw sdk::InputError(
          "the members plugin (会員名簿) is not available: attendance is picked from its roster");
    for (auto id : c.persons) add_member(db, *members, c.meeting, id);
    for (auto id : c.households) add_household(db, *members, c.meeting, id);
    for (auto id : c.proxies) add_absent_vote(db, *members, c.meeting, id, AbsentVoteKind::Proxy, c.holder);
    for (auto id : c.written) add_absent_vote(db, *members, c.meeting, id, AbsentVoteKind::Written);
  }
  if (!c.guest.empty()) add_guest(db, c.meeting, c.guest, c.affiliation);
  tx.commit();
}

void remove_attendee(sdk::Database& db, MeetingId meeting, std::int64_t attendee_id) {
  sdk::Transaction tx(db, "minutes.attend_remove", "meeting " + id_text(meeting));
  begin_edit(db, meeting);
  if (sdk::Statement(db, "DELETE FROM minutes_attendees WHERE meeting_id = ? AND id = ?")
          .bind_all(meeting, attendee_id)
          .run() == 0)
    throw sdk::InputError("no attendee " + id_text(attendee_id) + " at meeting " + id_text(meeting));
  tx.commit();
}

void remove_absent_vote(sdk::Database& db, MeetingId meeting, std::int64_t household_id) {
  sdk::Transaction tx(db, "minutes.absent_vote_remove", "meeting " + id_text(meeting));
  begin_edit(db, meeting);
  if (sdk::Statement(db, "DELETE FROM minutes_absent_votes WHERE meeting_id = ? AND household_id = ?")
          .bind_all(meeting, household_id)
          .run() == 0)
    throw sdk::InputError("household " + id_text(household_id) + " sent no 委任状/行使書 to meeting " +
                          id_text(meeting));
  tx.commit();
}

std::int64_t restore_attendee(sdk::Database& db, MeetingId meeting, const Attendee& a) {
  sdk::Transaction tx(db, "minutes.attend_restore", "meeting " + id_text(meeting) + ": " + a.name);
  const Meeting m = begin_edit(db, meeting);
  if (a.person_id) check_not_present(db, meeting, *a.person_id, a.name);
  if (a.household_id && m.general_assembly && has_absent_vote(db, meeting, *a.household_id))
    throw sdk::InputError("the household of " + a.name +
                          " sent a 委任状/議決権行使書 since: remove it first");
  sdk::Statement(
      db,
      "INSERT INTO minutes_attendees(meeting_id, kind, person_id, household_id, name, affiliation) "
      "VALUES(?, ?, ?, ?, ?, ?)")
      .bind_all(meeting, a.kind == AttendeeKind::Guest ? "guest" : "member", a.person_id, a.household_id,
                a.name, a.affiliation)
      .run();
  const auto id = db.last_insert_id();
  tx.commit();
  return id;
}

void restore_absent_vote(sdk::Database& db, MeetingId meeting, const AbsentVote& v) {
  sdk::Transaction tx(db, "minutes.attend_restore", "meeting " + id_text(meeting) + ": " + v.name);
  begin_edit(db, meeting);
  if (household_present(db, meeting, v.household_id) || has_absent_vote(db, meeting, v.household_id))
    throw sdk::InputError("the household of " + v.name + " is recorded again since");
  sdk::Statement(db,
                 "INSERT INTO minutes_absent_votes(meeting_id, household_id, kind, name, holder, entered) "
                 "VALUES(?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(entered), 0) + 1 FROM minutes_absent_votes "
                 "WHERE meeting_id = ?1))")
      .bind_all(meeting, v.household_id, v.kind == AbsentVoteKind::Proxy ? "proxy" : "written", v.name,
                v.holder)
      .run();
  tx.commit();
}

const char* label_ja(Presence p) {
  switch (p) {
    case Presence::Present:
      return "出席";
    case Presence::Proxy:
      return "委任状";
    case Presence::Written:
      return "議決権行使書";
    default:
      return "欠席";
  }
}

std::optional<Presence> parse_presence(std::string_view t) {
  for (Presence p : {Presence::Present, Presence::Proxy, Presence::Written, Presence::Absent})
    if (t == label_ja(p)) return p;
  if (t == "present") return Presence::Present;
  if (t == "proxy") return Presence::Proxy;
  if (t == "written") return Presence::Written;
  if (t == "absent") return Presence::Absent;
  return std::nullopt;
}

Presence presence_of(sdk::Database& db, MeetingId meeting, std::int64_t household_id) {
  if (household_present(db, meeting, household_id)) return Presence::Present;
  sdk::Statement st(db, "SELECT kind FROM minutes_absent_votes WHERE meeting_id = ? AND household_id = ?");
  st.bind_all(meeting, household_id);
  if (!st.step()) return Presence::Absent;
  return st.get_text(0) == "written" ? Presence::Written : Presence::Proxy;
}

void correct_presence(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                      std::int64_t household_id, Presence to, const std::string& reason) {
  const std::string why = sdk::trim(reason);
  if (why.empty()) throw sdk::InputError("correcting attendance needs a reason, which is kept in the log");
  sdk::check_text(sdk::TextKind::Note, "reason", why);
  auto h = members.household(db, household_id);
  if (!h) throw sdk::InputError("no household with id " + id_text(household_id) + " in the roster");
  sdk::Transaction tx(db, "minutes.attend_correct");
  const Meeting m = begin_edit(db, meeting);
  if (!m.general_assembly)
    throw sdk::InputError("meeting " + id_text(meeting) + " is a " + m.kind +
                          ": attendance is corrected by household at a 総会 only; remove or add the person");
  check_org(m, h->org, h->head_name);
  const Presence from = presence_of(db, meeting, household_id);
  if (from == to)
    throw sdk::InputError("the household of " + h->head_name + " is recorded as " + label_ja(to) +
                          " already");
  tx.set_detail("meeting " + id_text(meeting) + ": " + h->head_name + " " + label_ja(from) + " → " +
                label_ja(to) + ": " + why);
  write_presence(db, members, meeting, household_id, to);
  tx.commit();
}

std::vector<Attendee> attendees(sdk::Database& db, MeetingId meeting) {
  sdk::Statement st(db,
                    "SELECT id, kind, person_id, household_id, name, affiliation FROM minutes_attendees "
                    "WHERE meeting_id = ? ORDER BY kind DESC, id");
  st.bind(1, meeting);
  std::vector<Attendee> out;
  while (st.step())
    out.push_back({st.get_int(0), st.get_text(1) == "guest" ? AttendeeKind::Guest : AttendeeKind::Member,
                   st.get_optional_int(2), st.get_optional_int(3), st.get_text(4), st.get_text(5)});
  return out;
}

std::vector<AbsentVote> absent_votes(sdk::Database& db, MeetingId meeting) {
  sdk::Statement st(db,
                    "SELECT household_id, kind, name, holder FROM minutes_absent_votes WHERE meeting_id = ? "
                    "ORDER BY kind, entered");
  st.bind(1, meeting);
  std::vector<AbsentVote> out;
  while (st.step())
    out.push_back({st.get_int(0),
                   st.get_text(1) == "written" ? AbsentVoteKind::Written : AbsentVoteKind::Proxy,
                   st.get_text(2), st.get_text(3)});
  return out;
}

int households_present(sdk::Database& db, MeetingId meeting) {
  sdk::Statement st(
      db,
      "SELECT count(DISTINCT household_id) FROM minutes_attendees WHERE meeting_id = ? AND kind = 'member'");
  st.bind(1, meeting);
  st.step();
  return static_cast<int>(st.get_int(0));
}

int members_present(sdk::Database& db, MeetingId meeting) {
  sdk::Statement st(db, "SELECT count(*) FROM minutes_attendees WHERE meeting_id = ? AND kind = 'member'");
  st.bind(1, meeting);
  st.step();
  return static_cast<int>(st.get_int(0));
}

int voters(sdk::Database& db, const Meeting& meeting) {
  if (!meeting.general_assembly) return members_present(db, meeting.id);
  return households_present(db, meeting.id) + unlisted_count(db, meeting.id) +
         static_cast<int>(absent_votes(db, meeting.id).size());
}

void write_presence(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                    std::int64_t household_id, Presence to) {
  sdk::Statement(db, "DELETE FROM minutes_attendees WHERE meeting_id = ? AND household_id = ?")
      .bind_all(meeting, household_id)
      .run();
  sdk::Statement(db, "DELETE FROM minutes_absent_votes WHERE meeting_id = ? AND household_id = ?")
      .bind_all(meeting, household_id)
      .run();
  if (to == Presence::Present) add_household(db, members, meeting, household_id);
  if (to == Presence::Proxy)
    add_absent_vote(db, members, meeting, household_id, AbsentVoteKind::Proxy, "議長");
  if (to == Presence::Written) add_absent_vote(db, members, meeting, household_id, AbsentVoteKind::Written);
}

}  // namespace wasshoi::minutes
