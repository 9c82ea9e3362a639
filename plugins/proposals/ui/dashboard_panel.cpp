// The dashboard: proposals by 年度 and state, days from submission to answer, the share answered,
// the 継続案件 and those still waiting for an answer, and the yearly 総括表 / 処理簿 to print.
// A 地域協働体 sees its 自治会 together.
#include <cstdio>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "core/dashboard.hpp"
#include "core/documents.hpp"
#include "ui/state.hpp"

namespace wasshoi::proposals::ui {

using sdk::tr;

namespace {

struct DashboardState {
  int year = 0;  // the 年度 whose 総括表 / 処理簿 is printed
  sdk::ui::PanelMessage message;
  sdk::ui::DocumentActions summary, ledger;  // 印刷… and PDFで保存… of each
  std::unique_ptr<sdk::ui::FileChooser> csv = std::make_unique<sdk::ui::FileChooser>();
};

void centered_number(int n) {
  std::string text = std::to_string(n);
  float pad = ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize(text.c_str()).x;
  if (pad > 0) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + pad * 0.5f);
  if (n == 0)
    ImGui::TextDisabled("%s", text.c_str());
  else
    ImGui::TextUnformatted(text.c_str());
}

void by_year_table(const Dashboard& d) {
  const auto& states = all_states();
  auto flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  if (!ImGui::BeginTable("by_year", static_cast<int>(states.size()) + 2, flags)) return;
  std::string widest_year;
  for (const auto& [fy, counts] : d.by_year)
    if (sdk::ui::text_width(sdk::format_fiscal_year_ja(fy)) > sdk::ui::text_width(widest_year))
      widest_year = sdk::format_fiscal_year_ja(fy);
  sdk::ui::fixed_column(tr("proposals.year"), {widest_year});  // 令和10年度 never cut
  for (State s : states) ImGui::TableSetupColumn(tr_enum("state", s));
  ImGui::TableSetupColumn(tr("proposals.total"));
  ImGui::TableHeadersRow();
  for (auto it = d.by_year.rbegin(); it != d.by_year.rend(); ++it) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(sdk::format_fiscal_year_ja(it->first).c_str());
    int total = 0;
    for (State s : states) {
      ImGui::TableNextColumn();
      auto n = it->second.find(s);
      int count = n == it->second.end() ? 0 : n->second;
      total += count;
      centered_number(count);
    }
    ImGui::TableNextColumn();
    centered_number(total);
  }
  ImGui::EndTable();
}

void figures(const Dashboard& d) {
  ImGui::Spacing();
  ImGui::Text("%s　%d / %d", tr("proposals.answered_of_submitted"), d.answered, d.submitted);
  char pct[16];
  std::snprintf(pct, sizeof pct, "%.0f%%", d.share_answered * 100);
  ImGui::ProgressBar(static_cast<float>(d.share_answered), ImVec2(em(16), 0), pct);
  if (d.mean_days_to_answer)
    ImGui::Text("%s　%.0f %s（%s %d %s）", tr("proposals.days_to_answer"), *d.mean_days_to_answer,
                tr("proposals.days"), tr("proposals.longest"), d.max_days_to_answer.value_or(0),
                tr("proposals.days"));
}

void item_list(const char* title, const std::vector<ProposalSummary>& items) {
  ImGui::Spacing();
  sdk::ui::section(std::string(title) + "（" + std::to_string(items.size()) + "）");
  if (items.empty()) ImGui::TextDisabled("%s", tr("proposals.none"));
  for (const auto& s : items) {
    ImGui::Bullet();
    sdk::ui::TextWrapped(s.org_name + "　" + s.title + "　→ " + s.addressee +
                         (s.submitted_on ? "　" + std::string(tr("proposals.submitted")) + " " +
                                               sdk::format_wareki(*s.submitted_on)
                                         : ""));
  }
}

void print_buttons(sdk::Context& ctx, DashboardState& st, const Dashboard& d) {
  ImGui::Spacing();
  sdk::ui::section(tr("proposals.print_yearly"));
  std::vector<std::string> years;
  std::vector<int> fys;
  for (auto it = d.by_year.rbegin(); it != d.by_year.rend(); ++it)
    fys.push_back(it->first), years.push_back(sdk::format_fiscal_year_ja(it->first));
  if (fys.empty()) return;
  int index = 0;
  for (std::size_t i = 0; i < fys.size(); ++i)
    if (fys[i] == st.year) index = static_cast<int>(i);
  ImGui::SetNextItemWidth(em(8));
  combo("##year", index, years);
  st.year = fys[index];
  const std::string year = sdk::format_fiscal_year_ja(st.year);
  const OrgId org = ctx.current_org();
  sdk::ui::Text(tr("proposals.export_summary"));
  st.summary.draw(st.message, sdk::ui::document_file_name({tr("proposals.summary_file"), year}, ".pdf"),
                  [&] { return summary_document(ctx.db(), sdk::organizations(ctx), org, st.year); });
  const std::string csv_label = tr("proposals.summary_csv");
  sdk::ui::same_line_if_fits(sdk::ui::button_width(csv_label));
  if (auto out = sdk::ui::save_button(
          csv_label, *st.csv,
          {.title = csv_label,
           .suggested_name = sdk::ui::document_file_name({tr("proposals.summary_file"), year}, ".csv"),
           .filters = {sdk::ui::csv_files()}}))
    sdk::ui::run_action(st.message, std::string(tr("sdk.ui.document.saved")) + out->string(), [&] {
      export_yearly(ctx.db(), sdk::organizations(ctx), YearlyReport::Summary, org, st.year, *out);
    });
  sdk::ui::Text(tr("proposals.export_ledger"));
  st.ledger.draw(st.message, sdk::ui::document_file_name({tr("proposals.ledger_file"), year}, ".pdf"),
                 [&] { return ledger_document(ctx.db(), sdk::organizations(ctx), org, st.year); });
  sdk::ui::show(st.message);
}

}  // namespace

void draw_dashboard(sdk::Context& ctx) {
  static sdk::ui::PerOrg<DashboardState> per_org;
  if (ctx.current_org() == 0) {
    ImGui::TextUnformatted(tr("proposals.choose_org"));
    return;
  }
  DashboardState& state = per_org.get(ctx);
  Dashboard d = dashboard(ctx.db(), sdk::organizations(ctx), ctx.current_org());
  by_year_table(d);
  figures(d);
  item_list(tr("proposals.continuing"), d.continuing);
  item_list(tr("proposals.awaiting"), d.awaiting);
  print_buttons(ctx, state, d);
}

}  // namespace wasshoi::proposals::ui
