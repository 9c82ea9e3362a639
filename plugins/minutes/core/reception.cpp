#include "core/reception.hpp"

#include <map>

#include "core/meetings.hpp"

namespace wasshoi::minutes {

namespace {

std::string id_text(std::int64_t id) {
  return std::to_string(id);
}

void require_general_assembly(const Meeting& m, const char* what) {
  if (!m.general_assembly)
    throw sdk::InputError(std::string(what) + " is kept at a 総会 only; meeting " + id_text(m.id) + " is a " +
                          m.kind);
}

}  // namespace

int ReceptionHan::count(Presence p) const {
  int n = 0;
  for (const auto& r : rows) n += r.presence == p ? 1 : 0;
  return n;
}

std::vector<ReceptionHan> reception_sheet(sdk::Database& db, sdk::MemberDirectory& members,
                                          sdk::OrganizationDirectory& orgs, const Meeting& m) {
  require_general_assembly(m, "the reception by 班");
  const Date day = m.start_at().date;
  std::map<std::int64_t, Presence> recorded;
  for (const auto& a : attendees(db, m.id))
    if (a.kind == AttendeeKind::Member && a.household_id) recorded[*a.household_id] = Presence::Present;
  for (const auto& v : absent_votes(db, m.id))
    recorded[v.household_id] = v.kind == AbsentVoteKind::Proxy ? Presence::Proxy : Presence::Written;

  std::vector<ReceptionHan> out;
  for (const auto& h : orgs.han(db, m.org)) out.push_back({h.id, h.name, {}});
  ReceptionHan none{std::nullopt, "班なし", {}};
  for (auto& h : members.member_households(db, m.org, day)) {
    auto it = recorded.find(h.id);
    ReceptionRow row{std::move(h), it == recorded.end() ? Presence::Absent : it->second};
    ReceptionHan* target = &none;
    for (auto& g : out)
      if (row.household.han_id && g.han_id == row.household.han_id) target = &g;
    target->rows.push_back(std::move(row));
  }
  std::erase_if(out, [](const ReceptionHan& g) { return g.rows.empty(); });
  if (!none.rows.empty()) out.push_back(std::move(none));
  return out;
}

void mark_household(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                    std::int64_t household_id, Presence to) {
  auto h = members.household(db, household_id);
  if (!h) throw sdk::InputError("no household with id " + id_text(household_id) + " in the roster");
  sdk::Transaction tx(db, "minutes.reception");
  const Meeting m = get_meeting(db, meeting);
  require_general_assembly(m, "the reception by 班");
  if (h->org != m.org) throw sdk::InputError(h->head_name + " is not a member of the meeting's organization");
  const Presence from = presence_of(db, meeting, household_id);
  if (from == to) return;  // nothing to write; the transaction rolls back empty
  begin_edit(db, meeting);
  tx.set_detail("meeting " + id_text(meeting) + ": " + h->head_name + " " + label_ja(from) + " → " +
                label_ja(to));
  write_presence(db, members, meeting, household_id, to);
  tx.commit();
}

int unlisted_count(sdk::Database& db, MeetingId meeting) {
  sdk::Statement st(db, "SELECT count FROM minutes_unlisted WHERE meeting_id = ?");
  st.bind(1, meeting);
  return st.step() ? static_cast<int>(st.get_int(0)) : 0;
}

void set_unlisted_count(sdk::Database& db, MeetingId meeting, int count) {
  if (count < 0 || count > 9999)
    throw sdk::InputError("the head count of those not on the list is 0 to 9999; got " +
                          std::to_string(count));
  sdk::Transaction tx(db, "minutes.unlisted");
  const Meeting m = begin_edit(db, meeting);
  require_general_assembly(m, "a head count of those not on the list");
  const int before = unlisted_count(db, meeting);
  tx.set_detail("meeting " + id_text(meeting) + ": " + std::to_string(before) + " → " +
                std::to_string(count));
  sdk::Statement(db,
                 "INSERT INTO minutes_unlisted(meeting_id, count) VALUES(?, ?) "
                 "ON CONFLICT(meeting_id) DO UPDATE SET count = excluded.count")
      .bind_all(meeting, count)
      .run();
  tx.commit();
}

}  // namespace wasshoi::minutes
