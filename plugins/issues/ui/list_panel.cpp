// 課題一覧: filters, a bar chart of counts by category, the table; ticks feed the merge dialog.
#include "ui/list_panel.hpp"

#include <algorithm>
#include <wasshoi/sdk/ui.hpp>

#include "core/categories.hpp"
#include "core/issues.hpp"
#include "core/workflow.hpp"
#include "ui/state.hpp"

namespace wasshoi::issues::ui {

namespace {

void status_filter(PanelState& s) {
  std::string preview =
      s.filter.statuses.empty() ? tr("issues.all_statuses") : status_label(s.filter.statuses.front());
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (sdk::ui::BeginCombo("##status", preview)) {
    if (ImGui::Selectable(tr("issues.all_statuses"), s.filter.statuses.empty()))
      s.filter.statuses.clear(), s.dirty = true;
    for (const auto& st : statuses())
      if (ImGui::Selectable(status_label(st), !s.filter.statuses.empty() && s.filter.statuses.front() == st))
        s.filter.statuses = {st}, s.dirty = true;
    ImGui::EndCombo();
  }
}

void draw_filters(sdk::Context& ctx, PanelState& s) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (sdk::ui::InputText(tr("issues.search"), s.filter.query)) s.dirty = true;
  // Filters and buttons go on to the next line when the line is full (large text).
  sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 8);
  status_filter(s);
  sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 8);
  std::string cat = s.filter.categories.empty() ? tr("issues.all_categories") : s.filter.categories.front();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  if (sdk::ui::BeginCombo("##category", cat)) {
    if (ImGui::Selectable(tr("issues.all_categories"), s.filter.categories.empty()))
      s.filter.categories.clear(), s.dirty = true;
    for (const auto& c : categories(ctx.db(), sdk::organizations(ctx), s.org))
      if (sdk::ui::Selectable(c.name, cat == c.name)) s.filter.categories = {c.name}, s.dirty = true;
    ImGui::EndCombo();
  }
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("issues.new")));
  if (ImGui::Button(tr("issues.new"))) s.selected = 0;
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("issues.merge_button")));
  ImGui::BeginDisabled(s.checked.size() < 2);
  if (ImGui::Button(tr("issues.merge_button"))) s.open_merge = true;
  ImGui::EndDisabled();
}

void draw_bar(PanelState& s, const std::string& name, int n, int most, float bar_w) {
  ImGui::PushID(name.c_str());
  if (sdk::ui::Selectable(name, false, 0, ImVec2(ImGui::GetFontSize() * 6, 0)))
    s.filter.categories = {name}, s.dirty = true;
  ImGui::SameLine();
  ImVec2 p = ImGui::GetCursorScreenPos();
  float h = ImGui::GetTextLineHeight(),
        w = std::max(2.0f, bar_w * static_cast<float>(n) / static_cast<float>(most));
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + w, p.y + h - 2),
                                            IM_COL32(70, 130, 190, 255), 3.0f);
  ImGui::Dummy(ImVec2(w, h));
  ImGui::SameLine();
  ImGui::Text("%d", n);
  ImGui::PopID();
}

// Counts by category as bars in three columns; clicking one filters the list by that category.
void draw_chart(sdk::Context& ctx, PanelState& s) {
  auto counts = counts_by_category(ctx, s.issues);
  std::erase_if(counts, [](const auto& c) { return c.second == 0; });
  int most = 1;
  for (const auto& c : counts) most = std::max(most, c.second);
  if (counts.empty() || !ImGui::BeginTable("chart", 3, ImGuiTableFlags_SizingStretchSame)) return;
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(ImGui::GetStyle().ItemSpacing.x, 1));
  for (const auto& [name, n] : counts) {
    ImGui::TableNextColumn();
    draw_bar(s, name, n, most, ImGui::GetContentRegionAvail().x - ImGui::GetFontSize() * 8);
  }
  ImGui::PopStyleVar();
  ImGui::EndTable();
}

void draw_row(PanelState& s, const Issue& i, bool rollup) {
  ImGui::TableNextRow();
  ImGui::TableNextColumn();
  bool ticked = std::find(s.checked.begin(), s.checked.end(), i.id) != s.checked.end();
  ImGui::PushID(static_cast<int>(i.id));
  if (ImGui::Checkbox("##pick", &ticked)) {
    if (ticked)
      s.checked.push_back(i.id);
    else
      std::erase(s.checked, i.id);
  }
  ImGui::TableNextColumn();
  // The title cut with "…" in a narrow column, whole on hover.
  if (sdk::ui::SelectableEllipsis(i.title, s.selected == i.id, ImGuiSelectableFlags_SpanAllColumns))
    s.selected = i.id;
  ImGui::PopID();
  ImGui::TableNextColumn();
  sdk::ui::TextEllipsis(i.category);
  if (rollup) ImGui::TableNextColumn(), sdk::ui::TextEllipsis(i.org_name);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(status_label(i.status));
  ImGui::TableNextColumn();
  ImGui::Text("%d", i.supporters);
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(priority_label(i.priority));
  ImGui::TableNextColumn();
  ImGui::TextUnformatted(i.reported_on ? i.reported_on->iso().c_str() : tr("date.unknown"));
}

void draw_table(sdk::Context& ctx, PanelState& s) {
  bool rollup = is_kyodotai(ctx.db(), sdk::organizations(ctx), s.org);
  const ImGuiTableFlags flags = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH |
                                ImGuiTableFlags_ScrollY | ImGuiTableFlags_Resizable;
  // Scrolls sideways below 40 em (large text) rather than cutting titles to a character.
  const float inner = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 40);
  if (!ImGui::BeginTable("issues", rollup ? 8 : 7, flags | ImGuiTableFlags_ScrollX, ImVec2(0, 0), inner))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // Short values in columns as wide as their longest value at this font size; title, 分野 and
  // 自治会 stretch and are cut with "…" (whole on hover).
  ImGui::TableSetupColumn("", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFrameHeight());
  ImGui::TableSetupColumn(tr("issues.col.title"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("issues.col.category"), ImGuiTableColumnFlags_WidthStretch, 0.8f);
  if (rollup) ImGui::TableSetupColumn(tr("issues.col.org"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  std::string widest_status;
  for (const auto& st : statuses())
    if (sdk::ui::text_width(status_label(st)) > sdk::ui::text_width(widest_status))
      widest_status = status_label(st);
  for (const auto& i : s.issues)
    if (sdk::ui::text_width(status_label(i.status)) > sdk::ui::text_width(widest_status))
      widest_status = status_label(i.status);
  sdk::ui::fixed_column(tr("issues.col.status"), {widest_status});
  sdk::ui::fixed_column(tr("issues.col.support"), {"000"});
  sdk::ui::fixed_column(tr("issues.col.priority"), {priority_label(1), priority_label(2), priority_label(3)});
  sdk::ui::fixed_column(tr("issues.col.date"), {"0000-00-00"});
  ImGui::TableHeadersRow();
  for (const auto& i : s.issues) draw_row(s, i, rollup);
  ImGui::EndTable();
}

}  // namespace

void draw_list_panel(sdk::Context& ctx) {
  refresh(ctx);
  PanelState& s = state(ctx);
  if (s.org == 0) return ImGui::TextUnformatted(tr("issues.choose_org"));
  draw_filters(ctx, s);
  sdk::ui::show(s.message);
  ImGui::Text(tr("issues.count_fmt"), static_cast<int>(s.issues.size()));
  draw_chart(ctx, s);
  ImGui::Separator();
  draw_table(ctx, s);
  draw_merge_dialog(ctx);
}

}  // namespace wasshoi::issues::ui
