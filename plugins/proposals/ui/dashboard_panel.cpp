// The dashboard: proposals by 年度 and state, days from submission to answer, the share answered,
// the 継続案件 and those still waiting for an answer. A 地域協働体 sees its 自治会 together.
#include "core/dashboard.hpp"
#include "ui/state.hpp"

#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include <cstdio>

namespace wasshoi::proposals::ui {

using sdk::tr;

namespace {

void by_year_table(const Dashboard& d) {
  const auto& states = all_states();
  if (!ImGui::BeginTable("by_year", static_cast<int>(states.size()) + 1, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg))
    return;
  ImGui::TableSetupColumn(tr("proposals.year"));
  for (State s : states) ImGui::TableSetupColumn(label(s));
  ImGui::TableHeadersRow();
  for (auto it = d.by_year.rbegin(); it != d.by_year.rend(); ++it) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(sdk::format_fiscal_year_ja(it->first).c_str());
    for (State s : states) {
      ImGui::TableNextColumn();
      auto n = it->second.find(s);
      ImGui::Text("%d", n == it->second.end() ? 0 : n->second);
    }
  }
  ImGui::EndTable();
}

void figures(const Dashboard& d) {
  ImGui::Text("%s %d / %d", tr("proposals.answered_of_submitted"), d.answered, d.submitted);
  ImGui::ProgressBar(static_cast<float>(d.share_answered), ImVec2(240, 0));
  if (d.mean_days_to_answer)
    ImGui::Text("%s %.0f (%s %d)", tr("proposals.days_to_answer"), *d.mean_days_to_answer, tr("proposals.longest"),
                d.max_days_to_answer.value_or(0));
}

void item_list(const char* title, const std::vector<ProposalSummary>& items) {
  ImGui::Spacing();
  ImGui::TextUnformatted(title);
  ImGui::Separator();
  if (items.empty()) ImGui::TextDisabled("-");
  for (const auto& s : items)
    sdk::ui::BulletText(s.org_name + "　" + s.title + (s.submitted_on ? "　" + sdk::format_wareki(*s.submitted_on) : ""));
}

}  // namespace

void draw_dashboard(sdk::Context& ctx) {
  if (ctx.current_org() == 0) {
    ImGui::TextUnformatted(tr("proposals.choose_org"));
    return;
  }
  Dashboard d = dashboard(ctx.db(), ctx.current_org());
  by_year_table(d);
  figures(d);
  item_list(tr("proposals.continuing"), d.continuing);
  item_list(tr("proposals.awaiting"), d.awaiting);
}

}  // namespace wasshoi::proposals::ui
