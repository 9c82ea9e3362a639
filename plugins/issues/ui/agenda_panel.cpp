// 懇談会資料: choose statuses, categories and a period; the list previews live as it will print;
// save as PDF or CSV.
#include <algorithm>
#include <memory>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_document.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "core/agenda.hpp"
#include "core/categories.hpp"
#include "core/workflow.hpp"
#include "ui/list_panel.hpp"
#include "ui/state.hpp"

namespace wasshoi::issues::ui {

namespace {

struct AgendaState {
  OrgId org = 0;
  std::vector<std::string> statuses = default_agenda_statuses();
  std::vector<std::string> categories;  // empty: all
  std::string from, to, title;
  sdk::ui::DocumentActions paper;  // 印刷… and PDFで保存… of the list
  std::unique_ptr<sdk::ui::FileChooser> csv = std::make_unique<sdk::ui::FileChooser>();  // its CSV
  Agenda preview;
  bool dirty = true;
};

AgendaState& agenda_state(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<AgendaState> a;
  return a.get(ctx);
}

bool toggle(std::vector<std::string>& set, const std::string& value, const char* label) {
  bool on = std::find(set.begin(), set.end(), value) != set.end();
  if (!ImGui::Checkbox(label, &on)) return false;
  if (on)
    set.push_back(value);
  else
    std::erase(set, value);
  return true;
}

void draw_choices(sdk::Context& ctx, AgendaState& a) {
  ImGui::TextUnformatted(tr("issues.col.status"));
  for (const auto& st : statuses()) {
    sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(status_label(st)));
    a.dirty |= toggle(a.statuses, st, status_label(st));
  }
  ImGui::TextUnformatted(tr("issues.col.category"));
  int k = 0;
  for (const auto& c : issues::categories(ctx.db(), sdk::organizations(ctx), a.org)) {
    if (k++ != 0) sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(c.name));
    a.dirty |= toggle(a.categories, c.name, c.name.c_str());
  }
  a.dirty |= sdk::ui::DateInput(tr("issues.from"), a.from).changed;
  a.dirty |= sdk::ui::DateInput(tr("issues.to"), a.to).changed;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
  a.dirty |= sdk::ui::InputText(tr("issues.agenda_title"), a.title);
}

void rebuild(sdk::Context& ctx, AgendaState& a) {
  IssueFilter f;
  f.statuses = a.statuses;
  f.categories = a.categories;
  f.from = sdk::parse_date(a.from);
  f.to = sdk::parse_date(a.to);
  f.han = ctx.access().han_scope(a.org);  // a 班長 compiles their 班's list, as in the CLI
  a.preview = build_agenda(ctx.db(), sdk::organizations(ctx), a.org, f, a.title);
  if (f.statuses.empty()) a.preview.filter.statuses.clear();
  a.dirty = false;
}

void draw_preview(const Agenda& p) {
  ImGui::BeginChild("preview", ImVec2(0, -ImGui::GetFrameHeightWithSpacing() * 1.5f), true);
  sdk::ui::Text(p.title);
  ImGui::TextDisabled(tr("issues.preview_fmt"), p.issue_count(), static_cast<int>(p.groups.size()));
  int no = 0;
  for (const auto& g : p.groups) {
    sdk::ui::section(g.category + "（" + std::to_string(g.rows.size()) + "件）");
    if (!ImGui::BeginTable(g.category.c_str(), p.rollup ? 5 : 4,
                           ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH))
      continue;
    // No, 賛同 and 優先度 as wide as their values; title and 自治会 wrap in what is left.
    sdk::ui::fixed_column("No", {"000"});
    ImGui::TableSetupColumn(tr("issues.col.title"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
    if (p.rollup) ImGui::TableSetupColumn(tr("issues.col.org"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
    sdk::ui::fixed_column(tr("issues.col.support"), {"000"});
    sdk::ui::fixed_column(tr("issues.col.priority"),
                          {priority_label(1), priority_label(2), priority_label(3)});
    ImGui::TableHeadersRow();
    for (const auto& r : g.rows) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d", ++no);
      ImGui::TableNextColumn();
      sdk::ui::TextWrapped(r.title);
      if (p.rollup) ImGui::TableNextColumn(), sdk::ui::TextWrapped(r.raised_in);
      ImGui::TableNextColumn();
      ImGui::Text("%d", r.supporters);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(priority_label(r.priority));
    }
    ImGui::EndTable();
  }
  ImGui::EndChild();
}

}  // namespace

void draw_agenda_panel(sdk::Context& ctx) {
  AgendaState& a = agenda_state(ctx);
  if (ctx.current_org() == 0) return ImGui::TextUnformatted(tr("issues.choose_org"));
  if (a.org != ctx.current_org() || state(ctx).dirty) a.org = ctx.current_org(), a.dirty = true;
  draw_choices(ctx, a);
  if (a.dirty) rebuild(ctx, a);
  sdk::ui::show(state(ctx).message);
  draw_preview(a.preview);
  a.paper.draw(state(ctx).message,
               sdk::ui::document_file_name({tr("issues.agenda_file"), a.from, a.to}, ".pdf"),
               [&] { return agenda_document(a.preview); });
  const std::string csv_label = tr("issues.agenda_csv");
  sdk::ui::same_line_if_fits(sdk::ui::button_width(csv_label));
  if (auto out = sdk::ui::save_button(
          csv_label, *a.csv,
          {.title = csv_label,
           .suggested_name = sdk::ui::document_file_name({tr("issues.agenda_file"), a.from, a.to}, ".csv"),
           .filters = {sdk::ui::csv_files()}}))
    write(ctx, std::string(tr("sdk.ui.document.saved")) + out->string(),
          [&] { save_agenda(a.preview, *out); });
}

}  // namespace wasshoi::issues::ui
