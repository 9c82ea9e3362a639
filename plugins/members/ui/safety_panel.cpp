#include "ui/safety_panel.hpp"

#include <algorithm>
#include <set>

#include "core/documents.hpp"
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
  Paper paper = ui::paper();
  sdk::ui::PanelMessage message;
};

sdk::ui::PerOrg<SafetyPanelState> safety_state;

void reload(sdk::Context& ctx, SafetyPanelState& s) {
  if (s.generation == generation() && s.loaded_han == s.han) return;
  s.han_list = sdk::organizations(ctx).han(ctx.db(), ctx.current_org());
  s.entries = safety_list(ctx.db(), ctx.current_org(), s.han);
  s.generation = generation();
  s.loaded_han = s.han;
}

// A row naming the 班, so the list reads 班 by 班 as the helpers go out.
void draw_han_row(const std::string& han) {
  ImGui::TableNextRow();
  ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, ImGui::GetColorU32(ImGuiCol_TableHeaderBg));
  ImGui::TableNextColumn();
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(han.empty() ? tr("members.no_han") : han);
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
  sdk::ui::TextEllipsis(e.name + age);
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(e.address);
  ImGui::TableNextColumn();
  sdk::ui::Text(e.phone);
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(e.note);
  ImGui::TableNextColumn();
  if (e.helper_name.empty()) {
    ImGui::TextDisabled("%s", tr("members.no_helper"));
  } else {
    // The helper and their telephone, one line; cut with "…" and whole on hover when narrow.
    sdk::ui::TextEllipsis(e.helper_name + (e.helper_phone.empty() ? "" : "　" + e.helper_phone));
  }
}

}  // namespace

void draw_safety_panel(sdk::Context& ctx) {
  if (!may_show_roster(ctx)) return;
  SafetyPanelState& s = safety_state.get(ctx);
  if (auto scope = han_scope(ctx)) s.han = scope;
  reload(ctx, s);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 7);
  han_filter(ctx, "##safety_han", s.han_list, s.han);
  const std::string count = std::string(tr("members.confirmed")) + " " + std::to_string(s.confirmed.size()) +
                            " / " + std::to_string(s.entries.size());
  sdk::ui::same_line_if_fits(sdk::ui::text_width(count));
  sdk::ui::Text(count);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("members.reset_checks")));
  if (ImGui::Button(tr("members.reset_checks"))) s.confirmed.clear();
  // The list on paper, for the drawer when the power is out: large type, a 確認 column to tick.
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("sdk.ui.document.save_pdf")));
  s.paper->draw(s.message, sdk::ui::document_file_name({"安否確認", han_name(s.han_list, s.han)}, ".pdf"),
                [&] {
                  return safety_document(ctx.db(), sdk::organizations(ctx), ctx.access(),
                                         {ctx.current_org(), s.han}, sdk::today());
                },
                {.personal_data = true});
  sdk::ui::show(s.message);
  constexpr ImGuiTableFlags kFlags =
      ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_ScrollY;
  // Scrolls sideways below 50 em (large text) rather than cutting names to a character.
  const float inner = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 50);
  if (!ImGui::BeginTable("safety", 6, kFlags | ImGuiTableFlags_ScrollX, ImVec2(0, 0), inner)) return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // The tick and the telephone (called in a drill) always whole; the rest stretch, their text
  // cut with "…" when narrow (whole on hover).
  sdk::ui::fixed_column(tr("members.col.check"), {});
  ImGui::TableSetupColumn(tr("members.col.name"), ImGuiTableColumnFlags_WidthStretch, 9.5f);
  ImGui::TableSetupColumn(tr("members.col.address"), ImGuiTableColumnFlags_WidthStretch, 10);
  sdk::ui::fixed_column(tr("members.col.phone"), {"0000-00-0000", "000-0000-0000"});
  ImGui::TableSetupColumn(tr("members.col.support_note"), ImGuiTableColumnFlags_WidthStretch, 6);
  ImGui::TableSetupColumn(tr("members.col.helper"), ImGuiTableColumnFlags_WidthStretch, 12);
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
