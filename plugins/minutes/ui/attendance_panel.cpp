// 出席簿: members picked from the roster (by household at a 総会), 委任状 and 議決権行使書, guests,
// and the quorum in large type, recomputed every frame from what is recorded.
#include <algorithm>

#include "core/attendance.hpp"
#include "core/meetings.hpp"
#include "core/quorum.hpp"
#include "ui/draw_panels.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::minutes::ui {

namespace {

struct AttendancePanel {
  std::string query, searched = "\x01";
  std::vector<sdk::PersonRef> persons;
  std::vector<sdk::HouseholdRef> households;
  std::string guest, affiliation = "市職員";
};

// The search and the guest form; fresh for every organization and sign-in, so the roster
// search of one 自治会 is never shown in another.
AttendancePanel& panel(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<AttendancePanel> p;
  return p.get(ctx);
}

void draw_quorum(sdk::Database& db, sdk::MemberDirectory& members, const Meeting& m) {
  const QuorumStatus q = quorum(db, members, m);
  const ImVec4 ok(0.05f, 0.5f, 0.15f, 1), short_of(0.75f, 0.1f, 0.1f, 1);
  ImGui::PushStyleColor(ImGuiCol_ChildBg,
                        q.quorate ? ImVec4(0.9f, 0.97f, 0.9f, 1) : ImVec4(1, 0.93f, 0.93f, 1));
  ImGui::BeginChild("##quorum", ImVec2(0, ImGui::GetFontSize() * 7.5f), true);
  std::string head = std::string(tr("minutes.quorum.counted")) + " " + std::to_string(q.counted) + " / " +
                     tr("minutes.quorum.required") + " " + std::to_string(q.required) + "　";
  head += q.quorate ? tr("minutes.quorum.ok")
                    : std::string(tr("minutes.quorum.short")) + " " + std::to_string(q.required - q.counted) +
                          tr("minutes.households");
  big_text(head, 1.9f, q.quorate ? ok : short_of);
  sdk::ui::TextWrapped(std::string(tr("minutes.quorum.breakdown")) + "：" + tr("minutes.present") + " " +
                       std::to_string(q.present) + "　" + tr("minutes.proxy") + " " +
                       std::to_string(q.proxies) + "　" + tr("minutes.written") + " " +
                       std::to_string(q.written) + "　／　" + tr("minutes.quorum.base") + " " +
                       std::to_string(q.base) + tr("minutes.households"));
  sdk::ui::TextDisabled(describe(q.rule));
  ImGui::EndChild();
  ImGui::PopStyleColor();
}

void refresh_search(sdk::Context& ctx, sdk::MemberDirectory& members, AttendancePanel& p, bool by_household) {
  if (p.query == p.searched) return;
  p.searched = p.query;
  p.persons.clear();
  p.households.clear();
  if (sdk::trim(p.query).empty()) return;
  const auto han = ctx.access().han_scope(ctx.current_org());  // a 班長 finds their 班 only
  if (by_household)
    p.households = members.search_households(ctx.db(), ctx.current_org(), p.query, 30, han);
  else
    p.persons = members.search_persons(ctx.db(), ctx.current_org(), p.query, 30, han);
}

void draw_search(sdk::Context& ctx, sdk::MemberDirectory& members, const Meeting& m) {
  AttendancePanel& p = panel(ctx);
  sdk::ui::section(tr("minutes.pick_from_roster"));
  ImGui::SetNextItemWidth(std::min(ImGui::GetFontSize() * 14, ImGui::GetContentRegionAvail().x * 0.5f));
  sdk::ui::InputText(tr("minutes.search_hint"), p.query);
  refresh_search(ctx, members, p, m.general_assembly);
  ImGui::BeginChild("##hits", ImVec2(0, ImGui::GetFontSize() * 9), true);
  if (p.query.empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    sdk::ui::TextWrapped(tr(m.general_assembly ? "minutes.search_help_households" : "minutes.search_help"));
    ImGui::PopStyleColor();
  }
  for (const auto& h : p.households) {
    ImGui::PushID(static_cast<int>(h.id));
    if (sdk::ui::Button(tr("minutes.present")))
      attempt(ctx, h.head_name, [&] { add_household(ctx.db(), members, m.id, h.id); });
    ImGui::SameLine();
    if (sdk::ui::Button(tr("minutes.proxy")))
      attempt(ctx, h.head_name,
              [&] { add_absent_vote(ctx.db(), members, m.id, h.id, AbsentVoteKind::Proxy, "議長"); });
    ImGui::SameLine();
    if (sdk::ui::Button(tr("minutes.written")))
      attempt(ctx, h.head_name,
              [&] { add_absent_vote(ctx.db(), members, m.id, h.id, AbsentVoteKind::Written); });
    ImGui::SameLine();
    sdk::ui::TextEllipsis(h.head_name + "　" + h.han + "　" + h.address);
    ImGui::PopID();
  }
  for (const auto& person : p.persons) {
    ImGui::PushID(static_cast<int>(person.id));
    if (sdk::ui::Button(tr("minutes.present")))
      attempt(ctx, person.name, [&] { add_member(ctx.db(), members, m.id, person.id); });
    ImGui::SameLine();
    sdk::ui::TextEllipsis(person.name + "（" + person.reading + "）　" + person.han);
    ImGui::PopID();
  }
  ImGui::EndChild();
}

void draw_guest_form(sdk::Context& ctx, const Meeting& m) {
  AttendancePanel& p = panel(ctx);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  sdk::ui::InputText(tr("minutes.guest_name"), p.guest);
  const float inner = ImGui::GetStyle().ItemInnerSpacing.x;
  sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 10 + inner +
                             sdk::ui::text_width(tr("minutes.affiliation")));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  sdk::ui::InputText(tr("minutes.affiliation"), p.affiliation);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.add_guest")));
  if (sdk::ui::Button(tr("minutes.add_guest")) &&
      attempt(ctx, p.guest, [&] { add_guest(ctx.db(), m.id, p.guest, p.affiliation); }))
    p.guest.clear();
}

void draw_recorded(sdk::Context& ctx, const Meeting& m) {
  auto people = attendees(ctx.db(), m.id);
  auto absent = absent_votes(ctx.db(), m.id);
  sdk::ui::section(
      (std::string(tr("minutes.recorded")) + "（" + std::to_string(people.size() + absent.size()) + "）")
          .c_str());
  if (!ImGui::BeginTable("##recorded", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                         ImVec2(0, ImGui::GetContentRegionAvail().y)))
    return;
  sdk::ui::fixed_column(tr("minutes.col.kind"), {tr("minutes.guest"), tr("minutes.present"),
                                                 tr("minutes.proxy"), tr("minutes.written")});
  ImGui::TableSetupColumn(tr("minutes.col.name"), ImGuiTableColumnFlags_WidthStretch);
  ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed,
                          sdk::ui::button_width(tr("minutes.remove")));
  for (const auto& a : people) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(a.kind == AttendeeKind::Guest ? tr("minutes.guest") : tr("minutes.present"));
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(a.affiliation.empty() ? a.name : a.name + "（" + a.affiliation + "）");
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(a.id));
    if (ImGui::SmallButton(tr("minutes.remove")))
      attempt(ctx, a.name, [&] { remove_attendee(ctx.db(), m.id, a.id); });
    ImGui::PopID();
  }
  for (const auto& v : absent) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(v.kind == AbsentVoteKind::Proxy ? tr("minutes.proxy") : tr("minutes.written"));
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(v.holder.empty() ? v.name : v.name + "（→ " + v.holder + "）");
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(-v.household_id));
    if (ImGui::SmallButton(tr("minutes.remove")))
      attempt(ctx, v.name, [&] { remove_absent_vote(ctx.db(), m.id, v.household_id); });
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_attendance_panel(sdk::Context& ctx) {
  if (!ready(ctx, true)) return;
  const Meeting m = get_meeting(ctx.db(), selection(ctx).meeting);
  meeting_header(ctx, m);
  auto members = ctx.services().find<sdk::MemberDirectory>();
  if (!members) {
    ImGui::TextDisabled("%s", tr("minutes.no_roster"));
    return;
  }
  if (m.general_assembly && !m.start)  // the member households are counted on the meeting's date
    ImGui::TextDisabled("%s", tr("date.unknown"));
  else if (m.general_assembly)
    draw_quorum(ctx.db(), *members, m);
  else
    big_text(std::string(tr("minutes.present")) + " " + std::to_string(members_present(ctx.db(), m.id)) +
                 tr("minutes.persons"),
             1.6f, ImVec4(0.1f, 0.2f, 0.45f, 1));
  if (m.state == MinutesState::Approved) ImGui::TextDisabled("%s", tr("minutes.locked"));
  draw_search(ctx, *members, m);
  draw_guest_form(ctx, m);
  draw_recorded(ctx, m);
}

}  // namespace wasshoi::minutes::ui
