// 議案書: the 総会's 議案 in order (↑/↓), each with the sections the plugins print for it or the text
// the officer types, the 年度 reported on, and 印刷… / PDFで保存… of the whole booklet (cover, 目次,
// page numbers). Works on the selected meeting when it is a 総会 or 臨時総会, else on the latest one.
#include <map>
#include <wasshoi/sdk/annual_report.hpp>
#include <wasshoi/sdk/ui_document.hpp>

#include "core/gikansho.hpp"
#include "core/meetings.hpp"
#include "ui/draw_panels.hpp"
#include "ui/widgets.hpp"

namespace wasshoi::minutes::ui {

namespace {

struct GikanshoItemEdit {
  std::string title, text;
};

struct GikanshoPanel {
  MeetingId loaded = 0;
  int open = 0;  // the 議案 being edited (第N号), 0 none
  GikanshoItemEdit edit;
  std::string new_title;
  int removing = 0;
  sdk::ui::Confirm remove;
  sdk::ui::DocumentActions paper;
  std::vector<GikanshoSection> problems;  // of the last booklet made
};

GikanshoPanel& gikansho_panel(const sdk::Context& ctx) {
  static sdk::ui::PerOrg<GikanshoPanel> p;
  return p.get(ctx);
}

// The selected meeting when it is a 総会 or 臨時総会, else the latest of those.
std::optional<Meeting> assembly_to_show(sdk::Context& ctx) {
  if (auto m = find_meeting(ctx.db(), selection(ctx).meeting); m && m->general_assembly && m->start) return m;
  std::optional<Meeting> latest;
  for (auto& m : list_meetings(ctx.db(), ctx.current_org()))
    if (m.general_assembly && m.start) latest = std::move(m);
  return latest;
}

void draw_year(sdk::Context& ctx, const Meeting& m) {
  const int year = gikansho_year(ctx.db(), m), usual = default_report_year(m.start_at().date);
  sdk::ui::Text(tr("minutes.gikansho.year"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(sdk::ui::text_width("令和10年度") + ImGui::GetFontSize() * 2.5f);
  if (ImGui::BeginCombo("##year", sdk::format_fiscal_year_ja(year).c_str())) {
    for (int y = usual - 2; y <= usual + 1; ++y)
      if (ImGui::Selectable(sdk::format_fiscal_year_ja(y).c_str(), y == year) && y != year)
        attempt(ctx, tr("minutes.gikansho.year_set"),
                [&] { set_gikansho_year(ctx, m.id, y == usual ? std::nullopt : std::optional(y)); });
    ImGui::EndCombo();
  }
}

void draw_editor(sdk::Context& ctx, const Meeting& m, int number) {
  GikanshoPanel& p = gikansho_panel(ctx);
  ImGui::SetNextItemWidth(-1);
  sdk::ui::InputText("##title", p.edit.title);
  sdk::ui::InputTextMultiline("##text", p.edit.text, ImVec2(-1, ImGui::GetFontSize() * 8));
  if (sdk::ui::Button(tr("minutes.save")) && attempt(ctx, tr("minutes.gikansho.saved"), [&] {
        edit_gikansho_item(ctx, m.id, number, p.edit.title, p.edit.text);
      }))
    p.open = 0;
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.gikansho.close")));
  if (sdk::ui::Button(tr("minutes.gikansho.close"))) p.open = 0;
}

void draw_item(sdk::Context& ctx, const Meeting& m, const GikanshoItem& item, int number, int count,
               const std::vector<sdk::ReportSection>& sections) {
  GikanshoPanel& p = gikansho_panel(ctx);
  ImGui::PushID(number);
  ImGui::BeginDisabled(number == 1);
  if (ImGui::ArrowButton("##up", ImGuiDir_Up))
    attempt(ctx, tr("minutes.gikansho.moved"), [&] { move_gikansho_item(ctx, m.id, number, -1); });
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(number == count);
  if (ImGui::ArrowButton("##down", ImGuiDir_Down))
    attempt(ctx, tr("minutes.gikansho.moved"), [&] { move_gikansho_item(ctx, m.id, number, +1); });
  ImGui::EndDisabled();
  ImGui::SameLine();
  sdk::ui::TextWrapped("第" + std::to_string(number) + "号議案　" + item.title);
  ImGui::Indent();
  int printed = 0;
  for (const auto& s : sections)
    if (item.part && s.part == *item.part)
      ++printed, sdk::ui::TextWrapped("・" + std::string(tr(s.title_key)));
  for (const auto& problem : p.problems)
    for (const auto& s : sections)
      if (item.part && s.part == *item.part && s.id == problem.id)
        sdk::ui::warning_text(fill("minutes.gikansho.section_failed", {{"section", problem.title}}) +
                              problem.error);
  if (printed == 0 && item.text.empty())
    sdk::ui::warning_text(tr("minutes.gikansho.type_it"));
  else if (!item.text.empty())
    ImGui::TextDisabled("%s", tr("minutes.gikansho.typed"));
  if (p.open == number) {
    draw_editor(ctx, m, number);
  } else {
    if (sdk::ui::Button(tr("minutes.gikansho.edit"))) p.open = number, p.edit = {item.title, item.text};
    if (!item.part) {
      sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.gikansho.remove")));
      if (sdk::ui::Button(tr("minutes.gikansho.remove"))) {
        p.removing = number;
        p.remove.open(tr("minutes.gikansho.remove_title"),
                      "第" + std::to_string(number) + "号議案　" + item.title);
      }
    }
  }
  ImGui::Unindent();
  ImGui::Separator();
  ImGui::PopID();
}

void draw_add(sdk::Context& ctx, const Meeting& m) {
  GikanshoPanel& p = gikansho_panel(ctx);
  sdk::ui::section(tr("minutes.gikansho.add_heading"));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  sdk::ui::InputText(tr("minutes.gikansho.new_title"), p.new_title);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("minutes.gikansho.add")));
  if (sdk::ui::Button(tr("minutes.gikansho.add")) &&
      attempt(ctx, tr("minutes.gikansho.added"), [&] { add_gikansho_item(ctx, m.id, p.new_title, ""); }))
    p.new_title.clear();
}

}  // namespace

void draw_gikansho_panel(sdk::Context& ctx) {
  if (!ready(ctx, false)) return;
  GikanshoPanel& p = gikansho_panel(ctx);
  const auto m = assembly_to_show(ctx);
  if (!m) {
    ImGui::PushTextWrapPos(0.0f);  // a long hint wraps at the panel's edge
    ImGui::TextDisabled("%s", tr("minutes.gikansho.no_assembly"));
    ImGui::PopTextWrapPos();
    return;
  }
  if (p.loaded != m->id) p = GikanshoPanel{}, p.loaded = m->id;
  sdk::ui::section(m->title + "　" + tr("minutes.gikansho.title"));
  show_message(ctx);
  draw_year(ctx, *m);
  p.paper.draw(selection(ctx).message, sdk::ui::document_file_name({"議案書", m->title}, ".pdf"),
               [&ctx, &p, id = m->id] {
                 Gikansho g = build_gikansho(ctx, id);
                 p.problems = g.problems();
                 return g.document;
               });
  std::vector<sdk::ReportSection> sections;
  if (auto report = ctx.services().find<sdk::AnnualReport>()) sections = report->sections(ctx.db(), m->org);
  const auto items = gikansho_items(ctx.db(), *m);
  sdk::ui::section(tr("minutes.gikansho.items"));
  for (std::size_t i = 0; i < items.size(); ++i)
    draw_item(ctx, *m, items[i], static_cast<int>(i) + 1, static_cast<int>(items.size()), sections);
  if (p.remove.draw())
    attempt(ctx, tr("minutes.gikansho.removed"), [&] { remove_gikansho_item(ctx, m->id, p.removing); });
  draw_add(ctx, *m);
}

}  // namespace wasshoi::minutes::ui
