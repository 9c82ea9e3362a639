#include "core/elections.hpp"

#include <algorithm>
#include <wasshoi/sdk/input.hpp>

#include "core/agenda.hpp"
#include "core/meetings.hpp"

namespace wasshoi::minutes {

bool elects_officers(const std::string& title) {
  return title.find("役員") != std::string::npos &&
         (title.find("選任") != std::string::npos || title.find("改選") != std::string::npos ||
          title.find("選出") != std::string::npos);
}

int term_year(const Meeting& m) {
  const sdk::Date d = m.start_at().date;
  return sdk::fiscal_year(d) + (d.month >= 4 && d.month <= 6 ? 0 : 1);
}

std::vector<OfficerProposal> proposals(sdk::Database& db, MeetingId meeting, int number) {
  sdk::Statement st(
      db,
      "SELECT p.id, p.item_id, p.person_id, p.name, p.role, p.han, p.fiscal_year, p.assignment_id "
      "FROM minutes_officer_proposals p JOIN minutes_items i ON i.id = p.item_id "
      "WHERE i.meeting_id = ? AND i.number = ? ORDER BY p.id");
  st.bind_all(meeting, number);
  std::vector<OfficerProposal> out;
  while (st.step())
    out.push_back({st.get_int(0), st.get_int(1), st.get_int(2), st.get_text(3), st.get_text(4),
                   st.get_text(5), static_cast<int>(st.get_int(6)), st.get_optional_int(7)});
  return out;
}

std::int64_t propose_officer(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting, int number,
                             std::int64_t person, const std::string& role) {
  sdk::Transaction tx(db, "minutes.officer_propose");
  const Meeting m = begin_edit(db, meeting);
  const AgendaItem item = get_item(db, meeting, number);
  if (!elects_officers(item.title))
    throw sdk::InputError(item_name(meeting, number) + "「" + item.title +
                          "」 does not elect officers (its title names 役員の選任, 改選 or 選出)");
  if (item.result)
    throw sdk::InputError("the 議決 of " + item_name(meeting, number) +
                          " is recorded: the proposed officers can no longer change");
  const auto p = members.person(db, person);
  if (!p || p->org != m.org)
    throw sdk::InputError("person " + std::to_string(person) + " is not a member of this 自治会");
  const auto roles = members.role_names(db, m.org);
  const std::string r = sdk::trim(role);
  if (std::find(roles.begin(), roles.end(), r) == roles.end()) {
    std::string list;
    for (const auto& n : roles) list += (list.empty() ? "" : ", ") + n;
    throw sdk::InputError("unknown role '" + r + "'; the roles are: " + list);
  }
  for (const auto& q : proposals(db, meeting, number))
    if (q.person_id == person && q.role == r)
      throw sdk::InputError(p->name + " is proposed as " + r + " already");
  const int year = term_year(m);
  sdk::Statement(db,
                 "INSERT INTO minutes_officer_proposals(item_id, person_id, name, role, han, fiscal_year) "
                 "VALUES(?, ?, ?, ?, ?, ?)")
      .bind_all(item.id, person, p->name, r, p->han, year)
      .run();
  const auto id = db.last_insert_id();
  tx.set_detail(item_name(meeting, number) + ": " + r + " " + p->name + " (" +
                sdk::format_fiscal_year_ja(year) + ")");
  tx.commit();
  return id;
}

void remove_proposal(sdk::Database& db, MeetingId meeting, int number, std::int64_t proposal) {
  sdk::Transaction tx(db, "minutes.officer_unpropose");
  begin_edit(db, meeting);
  const AgendaItem item = get_item(db, meeting, number);
  if (item.result)
    throw sdk::InputError("the 議決 of " + item_name(meeting, number) +
                          " is recorded: the proposed officers can no longer change");
  for (const auto& q : proposals(db, meeting, number))
    if (q.id == proposal) {
      sdk::Statement(db, "DELETE FROM minutes_officer_proposals WHERE id = ?").bind(1, proposal).run();
      tx.set_detail(item_name(meeting, number) + ": " + q.role + " " + q.name);
      tx.commit();
      return;
    }
  throw sdk::InputError("no proposed officer " + std::to_string(proposal) + " in " +
                        item_name(meeting, number));
}

std::string apply_election(sdk::Database& db, sdk::MemberDirectory* members, MeetingId meeting, int number) {
  const auto list = proposals(db, meeting, number);
  if (list.empty()) return {};
  const AgendaItem item = get_item(db, meeting, number);
  const bool approved = item.result == VoteResult::Approved;
  const bool written = list.front().assignment.has_value();
  if (written && !approved)
    throw sdk::InputError("the roles of " + item_name(meeting, number) + " were written into the roster (" +
                          sdk::format_fiscal_year_ja(list.front().fiscal_year) +
                          ") when it was approved; the 議決 cannot be undone here: change those roles "
                          "in the roster's 役職 first if the election is void");
  if (written || !approved) return {};
  if (!members) throw sdk::InputError("the roster is not enabled: the elected officers cannot be written");
  const Meeting m = get_meeting(db, meeting);
  std::string detail;
  for (const auto& q : list) {
    const auto id = members->assign_role(db, m.org, q.person_id, q.role, std::nullopt, q.fiscal_year);
    sdk::Statement(db, "UPDATE minutes_officer_proposals SET assignment_id = ? WHERE id = ?")
        .bind_all(id, q.id)
        .run();
    detail += (detail.empty() ? "" : ", ") + q.role + " " + q.name;
  }
  return "roles " + sdk::format_fiscal_year_ja(list.front().fiscal_year) + ": " + detail;
}

}  // namespace wasshoi::minutes
