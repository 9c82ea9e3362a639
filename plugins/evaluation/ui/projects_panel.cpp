// 協働事業: the list, the chosen project's detail (partners, 形態, period, cost, goals with target
// and achieved values), the partners' 自主評価 side by side with the items that differ by two
// steps or more pointed out, and the ratings as a bar chart drawn with ImGui's draw list.
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/text.hpp>
#include <wasshoi/sdk/ui_document.hpp>
#include <wasshoi/sdk/ui_file.hpp>

#include "core/documents.hpp"
#include "ui/state.hpp"

namespace wasshoi::evaluation::ui {

namespace {

struct ProjectsState {
  ProjectPick pick;
  std::uint64_t loaded = 0;
  Id loaded_project = 0;
  std::vector<ComparisonRow> comparison;
  sdk::ui::PanelMessage message;
  std::vector<std::string> achieved;  // per goal, as typed
  std::string improvements;
  Id improvements_of = 0;
  sdk::ui::DocumentActions paper;  // the 評価報告書: 印刷… and PDFで保存…
};

sdk::ui::PerOrg<ProjectsState> projects_state;

double parse_value(const std::string& field, const std::string& text) {
  const std::string ascii = sdk::fold_for_search(sdk::trim(text));
  char* end = nullptr;
  const double v = std::strtod(ascii.c_str(), &end);
  if (ascii.empty() || end != ascii.c_str() + ascii.size() || !std::isfinite(v))
    throw sdk::InputError(field + ": 「" + text + "」は数値ではありません");
  return v;
}

void draw_list(sdk::Context& ctx, ProjectsState& s) {
  Selection& sel = selection(ctx);
  sdk::ui::section(tr("evaluation.projects.list"));
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("projects", 3, kFlags)) return;
  ImGui::TableSetupColumn(tr("evaluation.col.title"), ImGuiTableColumnFlags_WidthStretch);
  sdk::ui::fixed_column(tr("evaluation.col.form"), {"実行委員会", "アドプト"});
  std::string widest_period;
  for (const auto& p : s.pick.list)
    if (period_text(p).size() > widest_period.size()) widest_period = period_text(p);
  sdk::ui::fixed_column(tr("evaluation.col.period"), {widest_period});
  ImGui::TableHeadersRow();
  for (const auto& p : s.pick.list) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    if (sdk::ui::SelectableEllipsis(p.title + "##p" + std::to_string(p.id), p.id == sel.project,
                                    ImGuiSelectableFlags_SpanAllColumns))
      sel.project = p.id, sel.survey = 0;
    ImGui::TableNextColumn();
    sdk::ui::Text(form_label(p.form));
    ImGui::TableNextColumn();
    sdk::ui::Text(period_text(p));
  }
  ImGui::EndTable();
}

void field_line(const char* label, const std::string& value) {
  sdk::ui::TextDisabled(label);
  ImGui::SameLine();
  sdk::ui::TextWrapped(value);
}

void draw_goals(sdk::Context& ctx, ProjectsState& s, const Project& p, bool owner_writes) {
  sdk::ui::section(tr("evaluation.goals"));
  if (p.goals.empty()) {
    sdk::ui::TextDisabled(tr("evaluation.goals.none"));
    return;
  }
  s.achieved.resize(p.goals.size());
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  const int columns = owner_writes ? 6 : 5;
  if (!ImGui::BeginTable("goals", columns, kFlags)) return;
  ImGui::TableSetupColumn(tr("evaluation.col.goal"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("evaluation.col.indicator"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
  std::string widest = "000";
  for (const auto& g : p.goals) {
    for (const auto& v : {g.target, g.achieved})
      if (v && (format_number(*v) + g.unit).size() > widest.size()) widest = format_number(*v) + g.unit;
  }
  sdk::ui::fixed_column(tr("evaluation.col.target"), {widest});
  sdk::ui::fixed_column(tr("evaluation.col.achieved"), {widest});
  sdk::ui::fixed_column(tr("evaluation.col.rate"), {"100.0%"});
  if (owner_writes)
    ImGui::TableSetupColumn(
        "##record", ImGuiTableColumnFlags_WidthFixed | ImGuiTableColumnFlags_NoResize,
        em(4) + ImGui::GetStyle().ItemSpacing.x + sdk::ui::button_width(tr("evaluation.record")));
  ImGui::TableHeadersRow();
  for (std::size_t i = 0; i < p.goals.size(); ++i) {
    const Goal& g = p.goals[i];
    ImGui::PushID(static_cast<int>(i));
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(g.goal);
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(g.indicator);
    ImGui::TableNextColumn();
    sdk::ui::Text(g.target ? format_number(*g.target) + g.unit : "—");
    ImGui::TableNextColumn();
    sdk::ui::Text(g.achieved ? format_number(*g.achieved) + g.unit : "—");
    ImGui::TableNextColumn();
    if (g.target && g.achieved && *g.target > 0) {
      const double rate = 100.0 * *g.achieved / *g.target;
      if (rate < 100.0)
        sdk::ui::warning_text(format_percent(rate));
      else
        sdk::ui::Text(format_percent(rate));
    } else {
      sdk::ui::Text("—");
    }
    if (owner_writes) {
      ImGui::TableNextColumn();
      ImGui::SetNextItemWidth(em(4));
      sdk::ui::InputText("##achieved", s.achieved[i]);
      ImGui::SameLine();
      if (sdk::ui::Button(tr("evaluation.record"))) {
        const int number = static_cast<int>(g.id);  // the goal's position (目標1 …)
        const std::string text = s.achieved[i];
        if (sdk::ui::run_action(s.message, tr("evaluation.achieved_saved"), [&] {
              set_achieved(
                  ctx.db(), p.id, number,
                  parse_value(std::string(tr("evaluation.col.achieved")) + "（" + g.goal + "）", text));
              changed(ctx, "goal");
            }))
          s.achieved[i].clear();
      }
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

void draw_detail(sdk::Context& ctx, ProjectsState& s, const Project& p) {
  const bool writes = may_write(ctx);
  const bool owner_writes = writes && p.owner == ctx.current_org();
  sdk::ui::section(p.title);
  // The report is for the public (no personal data): every partner prints it.
  ImGui::AlignTextToFramePadding();
  sdk::ui::TextDisabled(tr("evaluation.report"));
  ImGui::SameLine();
  s.paper.draw(s.message, sdk::ui::document_file_name({"評価報告書", p.title}, ".pdf"),
               [&] { return report_document(ctx.db(), p); });
  field_line(tr("evaluation.owner"), p.owner_name);
  field_line(tr("evaluation.col.form"), form_label(p.form));
  field_line(tr("evaluation.col.period"), period_text(p));
  field_line(tr("evaluation.cost"), p.cost ? format_yen(*p.cost) : std::string(tr("evaluation.undecided")));
  if (!p.cost_note.empty()) field_line(tr("evaluation.cost_note"), p.cost_note);
  if (!p.purpose.empty()) field_line(tr("evaluation.purpose"), p.purpose);
  std::string partners;
  for (const auto& x : p.partners) partners += (partners.empty() ? "" : "、") + x.name;
  field_line(tr("evaluation.partners"), partners);
  for (const auto& l : p.links)
    field_line(l.kind == "meeting" ? tr("evaluation.link.meeting") : tr("evaluation.link.issue"), l.label);
  draw_goals(ctx, s, p, owner_writes);
  draw_comparison(p, s.comparison);
  draw_chart(p, s.comparison);

  sdk::ui::section(tr("evaluation.improvements"));
  if (owner_writes) {
    if (s.improvements_of != p.id) s.improvements = p.improvements, s.improvements_of = p.id;
    sdk::ui::InputTextMultiline("##improvements", s.improvements,
                                ImVec2(ImGui::GetContentRegionAvail().x, em(4)));
    if (sdk::ui::Button(tr("evaluation.improvements.save")))
      sdk::ui::run_action(s.message, tr("evaluation.saved"), [&] {
        set_improvements(ctx.db(), p.id, s.improvements);
        changed(ctx, "improvements");
      });
  } else {
    sdk::ui::TextWrapped(p.improvements.empty() ? std::string(tr("evaluation.improvements.none"))
                                                : p.improvements);
  }
  if (!writes) sdk::ui::TextDisabled(tr("evaluation.read_only"));
}

}  // namespace

void draw_comparison(const Project& p, const std::vector<ComparisonRow>& rows) {
  sdk::ui::section(tr("evaluation.comparison"));
  sdk::ui::TextWrapped(tr("evaluation.comparison.note"));
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  const int columns = static_cast<int>(p.partners.size()) + 2;
  if (columns > 64 || !ImGui::BeginTable("comparison", columns, kFlags)) return;
  ImGui::TableSetupColumn(tr("evaluation.col.item"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  for (const auto& partner : p.partners)
    ImGui::TableSetupColumn(partner.name.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableSetupColumn(tr("evaluation.col.spread"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();
  for (const auto& row : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(row.label);
    for (const auto& r : row.ratings) {
      ImGui::TableNextColumn();
      sdk::ui::Text(r.rating ? std::to_string(*r.rating) : std::string(tr("evaluation.not_rated")));
      if (!r.comment.empty() && ImGui::IsItemHovered()) {
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(em(24));
        sdk::ui::TextWrapped(r.comment);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
      }
    }
    ImGui::TableNextColumn();
    if (row.differs)
      sdk::ui::warning_text(std::to_string(row.spread) + " " + tr("evaluation.differs"));
    else
      sdk::ui::Text(std::to_string(row.spread));
  }
  ImGui::EndTable();
  std::vector<std::string> flagged;
  for (const auto& row : rows)
    if (row.differs) flagged.push_back(row.label);
  if (flagged.empty()) {
    sdk::ui::TextDisabled(tr("evaluation.comparison.none_differ"));
  } else {
    std::string text = tr("evaluation.comparison.differ_items");
    for (std::size_t i = 0; i < flagged.size(); ++i) text += (i ? "、" : "") + flagged[i];
    sdk::ui::warning_text(text);
  }
}

// The partners' ratings as bars: one row per item and partner (1–5 of 5), drawn with the
// window's draw list in a table cell.
void draw_chart(const Project& p, const std::vector<ComparisonRow>& rows) {
  sdk::ui::section(tr("evaluation.chart"));
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersOuter | ImGuiTableFlags_BordersInnerV;
  if (!ImGui::BeginTable("chart", 4, kFlags)) return;
  ImGui::TableSetupColumn(tr("evaluation.col.item"), ImGuiTableColumnFlags_WidthStretch, 2.0f);
  ImGui::TableSetupColumn(tr("evaluation.col.partner"), ImGuiTableColumnFlags_WidthStretch, 1.5f);
  ImGui::TableSetupColumn("##bar", ImGuiTableColumnFlags_WidthStretch, 2.0f);
  sdk::ui::fixed_column(tr("evaluation.col.rating"), {"5 / 5", tr("evaluation.not_rated")});
  ImGui::TableHeadersRow();
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.ratings.size(); ++i) {
      const auto& r = row.ratings[i];
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      if (i == 0) sdk::ui::TextEllipsis(row.label);
      ImGui::TableNextColumn();
      sdk::ui::TextEllipsis(r.partner);
      ImGui::TableNextColumn();
      bar(r.rating ? static_cast<float>(*r.rating) / 5.0f : 0.0f, ImGui::GetContentRegionAvail().x,
          bar_colour(static_cast<int>(i)));
      ImGui::TableNextColumn();
      sdk::ui::Text(r.rating ? std::to_string(*r.rating) + " / 5" : std::string(tr("evaluation.not_rated")));
    }
  }
  ImGui::EndTable();
  (void)p;
}

void draw_projects(sdk::Context& ctx) {
  ProjectsState& s = projects_state.get(ctx);
  ImGui::PushID("evaluation.projects");
  const Project* p = pick_project(ctx, s.pick, false);
  if (p) {
    draw_list(ctx, s);
    // The list may have changed the selection.
    for (const auto& q : s.pick.list)
      if (q.id == selection(ctx).project) p = &q;
    if (s.loaded != generation() || s.loaded_project != p->id) {
      s.loaded = generation(), s.loaded_project = p->id;
      s.comparison = compare(ctx.db(), *p);
    }
    draw_detail(ctx, s, *p);
  }
  sdk::ui::show(s.message);
  ImGui::PopID();
}

}  // namespace wasshoi::evaluation::ui
