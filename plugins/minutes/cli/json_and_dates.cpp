#include "cli/json_and_dates.hpp"

#include "core/actions.hpp"
#include "core/agenda.hpp"
#include "core/approval.hpp"
#include "core/attendance.hpp"
#include "core/meetings.hpp"
#include "core/quorum.hpp"

namespace wasshoi::minutes::cli {

sdk::MemberDirectory& members(sdk::Context& ctx) {
  auto dir = ctx.services().find<sdk::MemberDirectory>();
  if (!dir)
    throw sdk::InputError(
        "the members plugin (会員名簿) is not available: attendance is picked from its roster");
  return *dir;
}

json to_json(const Meeting& m) {
  return {{"id", m.id},
          {"org", m.org},
          {"kind", m.kind},
          {"general_assembly", m.general_assembly},
          {"title", m.title},
          {"start", m.start ? json(m.start->iso()) : json(nullptr)},  // null: 日付不明
          {"end", m.end ? json(m.end->iso()) : json(nullptr)},
          {"place", m.place},
          {"booking_id", m.booking_id ? json(*m.booking_id) : json(nullptr)},
          {"chair", m.chair},
          {"recorder", m.recorder},
          {"state", to_string(m.state)},
          {"approved_at", m.approved_at ? json(*m.approved_at) : json(nullptr)}};
}

json to_json(const QuorumStatus& q) {
  return {{"applies", q.applies}, {"base", q.base},          {"present", q.present}, {"unlisted", q.unlisted},
          {"proxies", q.proxies}, {"written", q.written},    {"counted", q.counted}, {"required", q.required},
          {"quorate", q.quorate}, {"rule", describe(q.rule)}};
}

json to_json(const AgendaItem& item) {
  json j{{"id", item.id},
         {"meeting", item.meeting},
         {"number", item.number},
         {"title", item.title},
         {"discussion", item.discussion},
         {"result", item.result ? json(to_string(*item.result)) : json(nullptr)}};
  if (item.votes)
    j["votes"] = {
        {"for", item.votes->in_favour}, {"against", item.votes->against}, {"abstain", item.votes->abstain}};
  else
    j["votes"] = nullptr;
  return j;
}

json to_json(const ActionItem& a) {
  return {{"id", a.id},
          {"meeting", a.meeting},
          {"meeting_title", a.meeting_title},
          {"title", a.title},
          {"assignee", a.assignee},
          {"due", a.due ? json(a.due->iso()) : json(nullptr)},
          {"status", a.status == ActionStatus::Done ? "done" : "open"},
          {"done_on", a.done_on ? json(a.done_on->iso()) : json(nullptr)}};
}

json meeting_details(sdk::Context& ctx, MeetingId id) {
  const Meeting m = get_meeting(ctx.db(), id);
  json j = to_json(m);
  j["attendees"] = json::array();
  for (const auto& a : attendees(ctx.db(), id))
    j["attendees"].push_back({{"id", a.id},
                              {"kind", a.kind == AttendeeKind::Guest ? "guest" : "member"},
                              {"name", a.name},
                              {"affiliation", a.affiliation},
                              {"person_id", a.person_id ? json(*a.person_id) : json(nullptr)},
                              {"household_id", a.household_id ? json(*a.household_id) : json(nullptr)}});
  j["absent_votes"] = json::array();
  for (const auto& v : absent_votes(ctx.db(), id))
    j["absent_votes"].push_back({{"household_id", v.household_id},
                                 {"kind", v.kind == AbsentVoteKind::Proxy ? "proxy" : "written"},
                                 {"name", v.name},
                                 {"holder", v.holder}});
  auto dir = ctx.services().find<sdk::MemberDirectory>();
  // The quorum counts the member households on the meeting's date: unknown without one.
  j["quorum"] = dir && m.start ? to_json(quorum(ctx.db(), *dir, m)) : json(nullptr);
  j["voters"] = voters(ctx.db(), m);
  j["agenda"] = json::array();
  for (const auto& item : agenda(ctx.db(), id)) j["agenda"].push_back(to_json(item));
  j["carried_actions"] = json::array();
  for (const auto& a : carried_actions(ctx.db(), id)) j["carried_actions"].push_back(to_json(a));
  j["actions"] = json::array();
  for (const auto& a : actions_of(ctx.db(), id)) j["actions"].push_back(to_json(a));
  j["signatories"] = json::array();
  for (const auto& s : signatories(ctx.db(), id)) j["signatories"].push_back(s.name);
  return j;
}

}  // namespace wasshoi::minutes::cli
