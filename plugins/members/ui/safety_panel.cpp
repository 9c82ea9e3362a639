#include "ui/safety_panel.hpp"

#include <set>

#include "core/safety.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::members::ui {

namespace {

struct SafetyPanelState {
  std::optional<HanId> han;
  std::optional<HanId> loaded_han;
  std::vector<sdk::HanRef> han_list;
  std::vector<SafetyEntry> entries;
  std::set<PersonId> confirmed;  // ticked during this session only: a drill leaves no trace
  std::uint64_t generation = 0;
};

SafetyPanelState& state() {
  static SafetyPanelState s;
  return s;
}

void reload(sdk::Context& ctx, SafetyPanelState& s) {
  if (s.generation == selection().generation && s.loaded_han == s.han) return;
  s.han_list = sdk::organizations(ctx).han(ctx.db(), ctx.current_org());
  s.entries = safety_list(ctx.db(), ctx.current_org(), s.han);
  s.generation = selection().generation;
  s.loaded_han = s.han;
}

// A row naming the 班, so the list reads 班 by 班 as the helpers go out.
void draw_han_row(const std::string& han) {
  ImGui::TableNextRow();
  ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  sdk::ui::Text(han.empty() ? tr("members.no_han") : han);
}

void draw_entry(SafetyPanelState& s, const SafetyEntry& e, int this_year) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  bool done = s.confirmed.count(e.person) > 0;
  ImGui::PushID(static_cast<int>(e.person));
  if (ImGui::Checkbox("##ok", &done)) {
    if (done)
      s.confirmed.insert(e.person);
    else
      s.confirmed.erase(e.person);
  }
  ImGui::PopID();
  ImGui::TableNextColumn();
  std::string age =
      e.birth_year ? "（" + std::to_string(this_year - *e.birth_year) + tr("members.age_suffix") + "）" : "";
  sdk::ui::Text(e.name + age);
  ImGui::TableNextColumn();
  sdk::ui::Text(e.address);
  ImGui::TableNextColumn();
  sdk::ui::Text(e.phone);
  ImGui::TableNextColumn();
  sdk::ui::Text(e.note);
  ImGui::TableNextColumn();
  if (e.helper_name.empty()) {
    ImGui::TextDisabled("%s", tr("members.no_helper"));
  } else {
    sdk::ui::Text(e.helper_name);
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", e.helper_phone.c_str());
    ImGui::SameLine();
    ImGui::TextDisabled("%s", e.helper_phone.c_str());
  }
}

}  // namespace

void draw_safety_panel(sdk::Context& ctx) {
  if (!sync_org(ctx)) return;
  SafetyPanelState& s = state();
  if (auto scope = han_scope(ctx)) s.han = scope;
  reload(ctx, s);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  han_filter(ctx, "##safety_han", s.han_list, s.han);
  ImGui::SameLine();
  ImGui::Text("%s %zu / %zu", tr("members.confirmed"), s.confirmed.size(), s.entries.size());
  ImGui::SameLine();
  if (ImGui::Button(tr("members.reset_checks"))) s.confirmed.clear();
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
  if (!ImGui::BeginTable("safety", 6, kFlags)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  const std::pair<const char*, float> columns[] = {
      {"members.col.check", 2.2f}, {"members.col.name", 9.5f},      {"members.col.address", 10},
      {"members.col.phone", 7.5f}, {"members.col.support_note", 6}, {"members.col.helper", 12}};
  for (const auto& [key, weight] : columns)
    ImGui::TableSetupColumn(tr(key), ImGuiTableColumnFlags_WidthStretch, weight);
  ImGui::TableHeadersRow();
  const int this_year = sdk::today().year;
  std::optional<std::string> han;
  for (const auto& e : s.entries) {
    if (han != e.han) draw_han_row(*(han = e.han));
    draw_entry(s, e, this_year);
  }
  ImGui::EndTable();
}

}  // namespace wasshoi::members::ui
