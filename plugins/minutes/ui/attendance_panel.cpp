// 出席簿: members picked from the roster (by household at a 総会), 委任状 and 議決権行使書, guests,
// and the quorum in large type, recomputed every frame from what is recorded. Someone taken off
// by mistake comes back with 元に戻す; a 総会 household's 出席/委任状/議決権行使書/欠席 is corrected
// with a reason; approved minutes say why they are locked and offer 再開する.
#include <algorithm>
#include <wasshoi/sdk/events.hpp>

#include "core/attendance.hpp"
#include "core/meetings.hpp"
#include "ui/draw_panels.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::minutes::ui {

namespace {

struct AttendancePanel {
  std::string query, searched = "\x01";
  std::vector<sdk::PersonRef> persons;
  std::vector<sdk::HouseholdRef> households;
  std::string guest, affiliation = "市職員";
  MeetingId shown = 0;          // the meeting drawn last: another one drops the undo and correction
  sdk::ui::UndoOffer undo;      // the attendee last taken off
  std::int64_t correcting = 0;  // the 総会 household whose attendance is being corrected
  int correct_to = 0;           // index into kCorrections
  sdk::ui::ReasonPrompt correction, reopen;
};

constexpr Presence kCorrections[] = {Presence::Present, Presence::Proxy, Presence::Written, Presence::Absent};
// The search and the guest form; fresh for every organization and sign-in, so the roster
// search of one 自治会 is never shown in another.
AttendancePanel& attendance_panel(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<AttendancePanel> p;
  return p.get(ctx);
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
  AttendancePanel& p = attendance_panel(ctx);
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
  AttendancePanel& p = attendance_panel(ctx);
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

// Takes `a` off and offers to put them back.
void take_off(sdk::Context& ctx, const Meeting& m, const Attendee& a) {
  AttendancePanel& p = attendance_panel(ctx);
  if (attempt(ctx, {}, [&] { remove_attendee(ctx.db(), m.id, a.id); }))
    p.undo.offer(fill("minutes.taken_off", {{"name", a.name}}),
                 [&ctx, id = m.id, a] { restore_attendee(ctx.db(), id, a); });
}

void take_off(sdk::Context& ctx, const Meeting& m, const AbsentVote& v) {
  AttendancePanel& p = attendance_panel(ctx);
  if (attempt(ctx, {}, [&] { remove_absent_vote(ctx.db(), m.id, v.household_id); }))
    p.undo.offer(fill("minutes.taken_off", {{"name", v.name}}),
                 [&ctx, id = m.id, v] { restore_absent_vote(ctx.db(), id, v); });
}

// The row's last cell: 外す, and at a 総会 訂正… for the household.
void row_buttons(sdk::Context& ctx, const Meeting& m, std::optional<std::int64_t> household,
                 const std::function<void()>& remove) {
  AttendancePanel& p = attendance_panel(ctx);
  if (ImGui::SmallButton(tr("minutes.remove"))) remove();
  if (m.general_assembly && household) {
    ImGui::SameLine();
    if (ImGui::SmallButton(tr("minutes.correct"))) p.correcting = *household, p.correct_to = 0;
  }
}

// A 総会 household's attendance corrected: the presence it should have, then the reason.
void draw_correction(sdk::Context& ctx, sdk::MemberDirectory& members, const Meeting& m) {
  AttendancePanel& p = attendance_panel(ctx);
  if (auto reason = p.correction.draw()) {
    const Presence to = kCorrections[p.correct_to];
    if (attempt(ctx, tr("minutes.corrected"),
                [&] { correct_presence(ctx.db(), members, m.id, p.correcting, to, *reason); }))
      p.correcting = 0;
  }
  if (p.correcting == 0) return;
  auto h = members.household(ctx.db(), p.correcting);
  if (!h) return void(p.correcting = 0);
  const Presence from = presence_of(ctx.db(), m.id, p.correcting);
  sdk::ui::TextWrapped(fill("minutes.correct_line", {{"name", h->head_name}, {"now", presence_label(from)}}));
  for (int i = 0; i < 4; ++i) {
    if (i) sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(presence_label(kCorrections[i])));
    ImGui::RadioButton(presence_label(kCorrections[i]), &p.correct_to, i);
  }
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.correct_do")));
  ImGui::BeginDisabled(kCorrections[p.correct_to] == from);
  if (sdk::ui::Button(tr("minutes.correct_do")))
    p.correction.open(tr("minutes.correct_title"), h->head_name + "：" + presence_label(from) + " → " +
                                                       presence_label(kCorrections[p.correct_to]));
  ImGui::EndDisabled();
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.cancel")));
  if (sdk::ui::Button(tr("minutes.cancel"))) p.correcting = 0;
}

void draw_recorded(sdk::Context& ctx, const Meeting& m) {
  auto people = attendees(ctx.db(), m.id);
  auto absent = absent_votes(ctx.db(), m.id);
  sdk::ui::section(
      (std::string(tr("minutes.recorded")) + "（" + std::to_string(people.size() + absent.size()) + "）")
          .c_str());
  if (sdk::ui::show_undo(attendance_panel(ctx).undo, selection(ctx).message))
    ctx.events().publish(sdk::events::DataChanged{"minutes", tr("sdk.ui.undone")});
  if (auto members = ctx.services().find<sdk::MemberDirectory>()) draw_correction(ctx, *members, m);
  if (!ImGui::BeginTable("##recorded", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY,
                         ImVec2(0, ImGui::GetContentRegionAvail().y)))
    return;
  sdk::ui::fixed_column(tr("minutes.col.kind"), {tr("minutes.guest"), tr("minutes.present"),
                                                 tr("minutes.proxy"), tr("minutes.written")});
  ImGui::TableSetupColumn(tr("minutes.col.name"), ImGuiTableColumnFlags_WidthStretch);
  const float buttons =
      ImGui::CalcTextSize(tr("minutes.remove")).x +
      (m.general_assembly ? ImGui::CalcTextSize(tr("minutes.correct")).x + ImGui::GetStyle().ItemSpacing.x
                          : 0.0f) +
      ImGui::GetStyle().FramePadding.x * (m.general_assembly ? 4 : 2);
  ImGui::TableSetupColumn("##remove", ImGuiTableColumnFlags_WidthFixed, buttons);
  for (const auto& a : people) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(a.kind == AttendeeKind::Guest ? tr("minutes.guest") : tr("minutes.present"));
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(a.affiliation.empty() ? a.name : a.name + "（" + a.affiliation + "）");
    ImGui::TableNextColumn();
    ImGui::PushID(static_cast<int>(a.id));
    row_buttons(ctx, m, a.kind == AttendeeKind::Member ? a.household_id : std::nullopt,
                [&] { take_off(ctx, m, a); });
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
    row_buttons(ctx, m, v.household_id, [&] { take_off(ctx, m, v); });
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace

void draw_attendance_panel(sdk::Context& ctx) {
  if (!ready(ctx, true)) return;
  const Meeting m = get_meeting(ctx.db(), selection(ctx).meeting);
  meeting_header(ctx, m);
  AttendancePanel& p = attendance_panel(ctx);
  if (p.shown != m.id) p.undo.clear(), p.correcting = 0, p.shown = m.id;
  lock_notice(ctx, m, p.reopen);
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
  ImGui::BeginDisabled(locked(m));  // lock_notice says why and offers 再開する
  draw_search(ctx, *members, m);
  draw_guest_form(ctx, m);
  draw_recorded(ctx, m);
  ImGui::EndDisabled();
}

}  // namespace wasshoi::minutes::ui
