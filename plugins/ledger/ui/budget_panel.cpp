// 予算: the 予算額 of each 科目 with last year's 決算 beside it; drafts approved by the 総会; the 予算案.
#include <map>
#include <memory>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/ui_document.hpp>

#include "core/books.hpp"
#include "core/documents.hpp"
#include "core/entries.hpp"
#include "core/reports.hpp"
#include "ui/common.hpp"
#include "ui/panels_list.hpp"

namespace wasshoi::ledger::ui {

namespace {

struct BudgetState {
  int year = 0;
  std::string fund;  // empty: the 一般会計
  std::uint64_t loaded_generation = 0;
  int loaded_year = 0;
  std::string loaded_fund = "-";
  std::vector<Fund> funds;
  Fund shown;
  std::vector<BudgetLine> lines;
  std::map<Id, std::string> edits;
  sdk::ui::PanelMessage message;
  std::shared_ptr<sdk::ui::DocumentActions> paper = std::make_shared<sdk::ui::DocumentActions>();
};

sdk::ui::PerOrg<BudgetState> budget_state;

void reload(sdk::Context& ctx, BudgetState& s) {
  if (s.loaded_generation == generation() && s.loaded_year == s.year && s.loaded_fund == s.fund) return;
  s.funds = funds(ctx.db(), ctx.current_org());
  s.shown = find_fund(ctx.db(), ctx.current_org(), s.fund);
  s.lines = budget_lines(ctx.db(), ctx.current_org(), s.year, s.fund);
  s.edits.clear();
  for (const auto& l : s.lines) s.edits[l.category.id] = l.budget ? std::to_string(*l.budget) : std::string();
  s.loaded_generation = generation(), s.loaded_year = s.year, s.loaded_fund = s.fund;
}

// The 予算額 of a 科目 as typed in its cell, set when the field is left.
void budget_input(sdk::Context& ctx, BudgetState& s, const BudgetLine& l) {
  ImGui::SetNextItemWidth(-1);
  std::string& text = s.edits[l.category.id];
  sdk::ui::InputText("##b", text, ImGuiInputTextFlags_CharsNoBlank);
  if (ImGui::IsItemDeactivatedAfterEdit())
    sdk::ui::run_action(s.message, {}, [&] {
      std::optional<std::int64_t> value;
      if (!sdk::trim(text).empty()) value = sdk::parse_integer(l.category.path, text, kBudgetRange);
      set_budget(ctx.db(), ctx.current_org(), s.year, l.category.id, value, l.draft, l.note, s.shown.name);
      changed(ctx, "budget");
    });
}

}  // namespace

void draw_budget_panel(sdk::Context& ctx) {
  if (ctx.current_org() == 0) return sdk::ui::TextDisabled(tr("ledger.no_org"));
  if (!prepare(ctx)) return note(tr("ledger.no_books"));
  BudgetState& s = budget_state.get(ctx);
  if (s.year == 0) s.year = current_year(ctx);
  year_combo("##year", ctx, s.year);
  reload(ctx, s);
  if (s.funds.size() > 1) {  // each fund has its own 予算
    sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 10);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (sdk::ui::BeginCombo("##fund", s.shown.name)) {
      for (const auto& f : s.funds)
        if (sdk::ui::Selectable(f.name, f.id == s.shown.id)) s.fund = f.name;
      ImGui::EndCombo();
    }
    reload(ctx, s);
  }
  const OrgId org = ctx.current_org();
  const bool write = writes(ctx) && year_state(ctx.db(), org, s.year) == "open";
  bool drafts = false;
  for (const auto& l : s.lines) drafts |= l.draft;
  if (write && drafts) {
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("ledger.budget.approve")));
    if (sdk::ui::Button(tr("ledger.budget.approve")))
      sdk::ui::run_action(s.message, tr("ledger.budget.approved"), [&] {
        approve_budget(ctx.db(), org, s.year);
        changed(ctx, "budget");
      });
  }
  const std::string org_name = sdk::organizations(ctx).name(ctx.db(), org);
  s.paper->draw(s.message,
                sdk::ui::document_file_name({"予算案", sdk::format_fiscal_year_ja(s.year)}, ".pdf"),
                [&] { return budget_document(ctx.db(), org, org_name, s.year); });
  sdk::ui::show(s.message);
  if (write) note(tr("ledger.budget.keys"));
  if (!ImGui::BeginTable("budget", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  const std::string amount = "△" + yen(99'999'999);
  ImGui::TableSetupColumn(tr("ledger.col.category"), ImGuiTableColumnFlags_WidthStretch);
  sdk::ui::fixed_column(tr("ledger.col.last_year"), {amount});
  sdk::ui::fixed_column(tr("ledger.col.budget"), {amount, "0000000000"});
  sdk::ui::fixed_column("##draft", {tr("ledger.budget.draft")});
  ImGui::TableHeadersRow();
  Side side = Side::Income;
  bool first = true;
  for (const auto& l : s.lines) {
    if (first || l.category.side != side) {
      side = l.category.side, first = false;
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      sdk::ui::TextDisabled(side == Side::Income ? tr("ledger.settlement.income")
                                                 : tr("ledger.settlement.expense"));
    }
    ImGui::PushID(static_cast<int>(l.category.id));
    const bool editable = write && !l.category.retired;
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis((l.category.depth ? "　" : "") + l.category.name);
    ImGui::TableNextColumn();
    amount_cell(l.last_year_actual);  // a parent's with its sub-科目, as the 決算書 has it
    ImGui::TableNextColumn();
    if (l.parent) {
      amount_cell(l.budget_total);  // its sub-科目 and its own line below
    } else if (editable) {
      budget_input(ctx, s, l);
    } else if (l.budget) {
      amount_cell(*l.budget);
    }
    ImGui::TableNextColumn();
    if (l.draft) sdk::ui::TextDisabled(tr("ledger.budget.draft"));
    if (l.parent && (editable || l.budget)) {  // the parent's own 予算額, not in a sub-科目
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      std::string own = tr("ledger.budget.own");
      if (auto at = own.find("{}"); at != std::string::npos) own.replace(at, 2, l.category.name);
      sdk::ui::TextEllipsis("　" + own);
      ImGui::TableNextColumn();
      ImGui::TableNextColumn();
      if (editable)
        budget_input(ctx, s, l);
      else
        amount_cell(*l.budget);
    }
    ImGui::PopID();
  }
  ImGui::EndTable();
}

}  // namespace wasshoi::ledger::ui
