// 決算: the 収支決算書 of a fund, the monthly summary, the 財産目録; closing the 年度 and the 監査;
// the documents.
#include <memory>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/ui_date.hpp>
#include <wasshoi/sdk/ui_document.hpp>

#include "core/books.hpp"
#include "core/documents.hpp"
#include "core/entries.hpp"
#include "core/front.hpp"
#include "core/reports.hpp"
#include "core/year_end.hpp"
#include "ui/common.hpp"
#include "ui/panels_list.hpp"

namespace wasshoi::ledger::ui {

namespace {

struct SettlementState {
  int year = 0;
  std::string fund;
  std::uint64_t loaded_generation = 0;
  int loaded_year = 0;
  std::string loaded_fund = "-";
  std::vector<Fund> funds;
  Settlement settlement;
  std::vector<MonthLine> months;
  Inventory inventory;
  YearInfo info;
  std::string auditor1, auditor2, audit_date;
  Id note_category = 0;  // the 科目 whose 備考 is being written
  std::string note_text;
  sdk::ui::Confirm close;
  sdk::ui::PanelMessage message;
  std::shared_ptr<sdk::ui::FileChooser> handover_out = std::make_shared<sdk::ui::FileChooser>(),
                                        handover_in = std::make_shared<sdk::ui::FileChooser>();
  std::string handover_path;
  using Paper = std::shared_ptr<sdk::ui::DocumentActions>;
  Paper settlement_doc = std::make_shared<sdk::ui::DocumentActions>(),
        inventory_doc = std::make_shared<sdk::ui::DocumentActions>(),
        audit_doc = std::make_shared<sdk::ui::DocumentActions>(),
        book_doc = std::make_shared<sdk::ui::DocumentActions>();
};

sdk::ui::PerOrg<SettlementState> settlement_state;

void reload(sdk::Context& ctx, SettlementState& s) {
  if (s.loaded_generation == generation() && s.loaded_year == s.year && s.loaded_fund == s.fund) return;
  const OrgId org = ctx.current_org();
  s.funds = funds(ctx.db(), org);
  s.settlement = settlement(ctx.db(), org, s.year, s.fund);
  s.months = monthly_summary(ctx.db(), org, s.year);
  s.inventory = inventory(ctx.db(), org, s.year);
  s.info = year_info(ctx.db(), org, s.year);
  if (s.audit_date.empty()) s.audit_date = sdk::ui::date_field_text(sdk::today());
  s.loaded_generation = generation(), s.loaded_year = s.year, s.loaded_fund = s.fund;
}

std::string widest(const Settlement& s) {
  std::int64_t most = 9'999'999;
  for (const auto* side : {&s.income, &s.expense})
    for (const auto& l : *side)
      most = std::max({most, std::abs(l.budget), std::abs(l.actual), std::abs(l.difference())});
  most = std::max({most, s.income_total, s.income_budget, s.expense_total, s.expense_budget});
  return "△" + yen(most);
}

void draw_part(const char* id, const char* title, const std::vector<SettlementLine>& lines,
               const char* total_label, std::int64_t budget, std::int64_t actual, const std::string& amount) {
  sdk::ui::section(title, sdk::ui::Heading::Muted);
  // 備考 as a column when there is room; with large text, under the table, one line per 科目.
  const bool notes_column = ImGui::GetContentRegionAvail().x > ImGui::GetFontSize() * 40;
  if (!ImGui::BeginTable(id, notes_column ? 5 : 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) return;
  ImGui::TableSetupColumn(tr("ledger.col.category"), ImGuiTableColumnFlags_WidthStretch, 1.2f);
  sdk::ui::fixed_column(tr("ledger.col.budget"), {amount});
  sdk::ui::fixed_column(tr("ledger.col.actual"), {amount});
  sdk::ui::fixed_column(tr("ledger.col.difference"), {amount});
  if (notes_column) ImGui::TableSetupColumn(tr("ledger.col.note"), ImGuiTableColumnFlags_WidthStretch, 1.0f);
  ImGui::TableHeadersRow();
  auto row = [&](const std::string& name, std::int64_t b, std::int64_t a, const std::string& note) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(name);
    ImGui::TableNextColumn();
    amount_cell(b);
    ImGui::TableNextColumn();
    amount_cell(a);
    ImGui::TableNextColumn();
    amount_cell(a - b);
    if (!notes_column) return;
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(note);
  };
  for (const auto& l : lines) row((l.depth ? "　" : "") + l.name, l.budget, l.actual, l.note);
  row(total_label, budget, actual, "");
  ImGui::EndTable();
  if (notes_column) return;
  for (const auto& l : lines)
    if (!l.note.empty()) note(l.name + "：" + l.note);
}

void draw_note_editor(sdk::Context& ctx, SettlementState& s) {
  if (s.info.state == "audited") return;
  const float em = ImGui::GetFontSize();
  const SettlementLine* chosen = nullptr;
  for (const auto* part : {&s.settlement.income, &s.settlement.expense})
    for (const auto& l : *part)
      if (l.category && *l.category == s.note_category) chosen = &l;
  sdk::ui::TextDisabled(tr("ledger.col.note"));
  ImGui::SameLine();
  ImGui::SetNextItemWidth(em * 9);
  if (sdk::ui::BeginCombo("##note_category",
                          chosen ? chosen->name : std::string(tr("ledger.settlement.note_choose")))) {
    for (const auto* part : {&s.settlement.income, &s.settlement.expense})
      for (const auto& l : *part)
        if (l.category && sdk::ui::Selectable((l.depth ? "　" : "") + l.name, chosen == &l))
          s.note_category = *l.category, s.note_text = l.own_note;
    ImGui::EndCombo();
  }
  if (!chosen) {
    note(tr("ledger.settlement.note_keys"));
    return;
  }
  sdk::ui::same_line_if_fits(em * 12);
  ImGui::SetNextItemWidth(std::max(
      em * 12,
      ImGui::GetContentRegionAvail().x - sdk::ui::button_width(tr("ledger.settlement.note_save")) - em));
  sdk::ui::InputText("##note_text", s.note_text);
  const bool enter = ImGui::IsItemDeactivatedAfterEdit() && ImGui::IsKeyPressed(ImGuiKey_Enter);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("ledger.settlement.note_save")));
  if (sdk::ui::Button(tr("ledger.settlement.note_save")) || enter)
    sdk::ui::run_action(s.message, tr("ledger.settlement.note_saved"), [&] {
      set_settlement_note(ctx.db(), ctx.current_org(), s.year, s.note_category, s.note_text,
                          s.settlement.fund.name);
      changed(ctx, "settlement");
    });
}

void draw_year_end(sdk::Context& ctx, SettlementState& s) {
  const OrgId org = ctx.current_org();
  if (s.info.state == "open") {
    if (sdk::ui::Button(tr("ledger.settlement.close")))
      s.close.open(tr("ledger.settlement.close"), tr("ledger.settlement.close_text"));
    if (s.close.draw())
      sdk::ui::run_action(s.message, tr("ledger.settlement.closed_done"), [&] {
        close_year(ctx.db(), org, s.year, sdk::today());
        changed(ctx, "year");
      });
  } else if (s.info.state == "closed") {
    sdk::ui::section(tr("ledger.settlement.audit"), sdk::ui::Heading::Muted);
    const float em = ImGui::GetFontSize();
    sdk::ui::TextDisabled(tr("ledger.settlement.auditor"));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(em * 8);
    sdk::ui::InputText("##a1", s.auditor1);
    sdk::ui::same_line_if_fits(em * 8);
    ImGui::SetNextItemWidth(em * 8);
    sdk::ui::InputText("##a2", s.auditor2);
    const auto on = sdk::ui::DateInput("##audit_date", s.audit_date);
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("ledger.settlement.record_audit")));
    ImGui::BeginDisabled(!on.has_date());
    if (sdk::ui::Button(tr("ledger.settlement.record_audit")))
      sdk::ui::run_action(s.message, tr("ledger.settlement.audited_done"), [&] {
        record_audit(ctx.db(), org, s.year, {s.auditor1, s.auditor2, *on.date, ""});
        changed(ctx, "audit");
      });
    ImGui::EndDisabled();
  }
}

// The year's books to one file for the next 会計, and such a file opened here.
void draw_handover(sdk::Context& ctx, SettlementState& s, const std::string& org_name) {
  sdk::ui::section(tr("ledger.settlement.handover"));
  note(tr("ledger.settlement.handover_text"));
  const sdk::ui::FileRequest out{.mode = sdk::ui::FileMode::Save,
                                 .title = tr("ledger.settlement.handover_save"),
                                 .suggested_name = sdk::ui::document_file_name(
                                     {"会計引継ぎ", org_name, sdk::format_fiscal_year_ja(s.year)}, ".json"),
                                 .filters = {sdk::ui::json_files()}};
  if (auto path = sdk::ui::save_button(tr("ledger.settlement.handover_save"), *s.handover_out, out))
    sdk::ui::run_action(s.message, tr("ledger.settlement.handover_saved"),
                        [&] { sdk::write_file(*path, export_handover(ctx, ctx.current_org(), s.year)); });
  sdk::ui::TextDisabled(tr("ledger.settlement.handover_open"));
  if (sdk::ui::file_field("handover", *s.handover_in,
                          {.mode = sdk::ui::FileMode::Open,
                           .title = tr("ledger.settlement.handover_open"),
                           .filters = {sdk::ui::json_files()}},
                          s.handover_path))
    sdk::ui::run_action(s.message, {}, [&] {
      const auto r = open_handover(ctx, ctx.current_org(),
                                   sdk::read_input_file(s.handover_path, sdk::FileKind::Bundle, "hand-over"));
      s.message.done(std::to_string(r.year) + tr("ledger.settlement.handover_added") +
                     std::to_string(r.entries_added) + tr("ledger.settlement.handover_present") +
                     std::to_string(r.entries_present));
      changed(ctx, "handover");
    });
}

}  // namespace

void draw_settlement_panel(sdk::Context& ctx) {
  if (ctx.current_org() == 0) return sdk::ui::TextDisabled(tr("ledger.no_org"));
  if (!prepare(ctx)) return note(tr("ledger.no_books"));
  SettlementState& s = settlement_state.get(ctx);
  if (s.year == 0) s.year = current_year(ctx) - 1;
  year_combo("##year", ctx, s.year);
  reload(ctx, s);
  if (s.funds.size() > 1) {
    sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 10);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
    if (sdk::ui::BeginCombo("##fund", s.settlement.fund.name)) {
      for (const auto& f : s.funds)
        if (sdk::ui::Selectable(f.name, f.id == s.settlement.fund.id)) s.fund = f.name;
      ImGui::EndCombo();
    }
  }
  const std::string state = s.info.state == "audited" ? std::string(tr("ledger.state.audited")) + " " +
                                                            s.info.auditor1 + "・" + s.info.auditor2
                            : s.info.state == "closed" ? tr("ledger.state.closed")
                                                       : tr("ledger.state.open");
  sdk::ui::same_line_if_fits(sdk::ui::text_width(state));
  sdk::ui::TextDisabled(state);
  const OrgId org = ctx.current_org();
  const std::string org_name = sdk::organizations(ctx).name(ctx.db(), org);
  const std::string fy = sdk::format_fiscal_year_ja(s.year);
  sdk::ui::section(tr("ledger.settlement.statement"));
  s.settlement_doc->draw(s.message,
                         sdk::ui::document_file_name({"収支決算書", fy, s.settlement.fund.name}, ".pdf"),
                         [&] { return settlement_document(ctx.db(), org, org_name, s.year, s.fund); });
  const std::string amount = widest(s.settlement);
  draw_part("income", tr("ledger.settlement.income"), s.settlement.income,
            tr("ledger.settlement.income_total"), s.settlement.income_budget, s.settlement.income_total,
            amount);
  draw_part("expense", tr("ledger.settlement.expense"), s.settlement.expense,
            tr("ledger.settlement.expense_total"), s.settlement.expense_budget, s.settlement.expense_total,
            amount);
  const std::string carry =
      std::string(tr("ledger.settlement.carry_out")) + " " + yen(s.settlement.carry_out()) + "円";
  sdk::ui::Text(carry);
  if (writes(ctx)) draw_note_editor(ctx, s);
  if (writes(ctx)) draw_year_end(ctx, s);
  sdk::ui::show(s.message);
  sdk::ui::section(tr("ledger.settlement.monthly"));
  if (ImGui::BeginTable("months", 4, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
    sdk::ui::fixed_column(tr("ledger.col.month"), {"2026-12"});
    sdk::ui::fixed_column(tr("ledger.col.income"), {amount});
    sdk::ui::fixed_column(tr("ledger.col.expense"), {amount});
    sdk::ui::fixed_column(tr("ledger.col.closing"), {amount});
    ImGui::TableHeadersRow();
    for (const auto& m : s.months) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::Text("%d-%02d", m.year, m.month);
      ImGui::TableNextColumn();
      amount_cell(m.income);
      ImGui::TableNextColumn();
      amount_cell(m.expense);
      ImGui::TableNextColumn();
      amount_cell(m.closing);
    }
    ImGui::EndTable();
  }
  sdk::ui::section(tr("ledger.settlement.inventory"));
  s.inventory_doc->draw(s.message, sdk::ui::document_file_name({"財産目録", fy}, ".pdf"),
                        [&] { return inventory_document(ctx.db(), org, org_name, s.year); });
  if (ImGui::BeginTable("inventory", 3, ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg)) {
    ImGui::TableSetupColumn(tr("ledger.col.fund"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn(tr("ledger.col.account"), ImGuiTableColumnFlags_WidthStretch);
    sdk::ui::fixed_column(tr("ledger.col.balance"), {amount});
    ImGui::TableHeadersRow();
    for (const auto& l : s.inventory.lines) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      sdk::ui::TextEllipsis(l.account.fund_name);
      ImGui::TableNextColumn();
      sdk::ui::TextEllipsis(l.account.name);
      ImGui::TableNextColumn();
      amount_cell(l.balance);
    }
    ImGui::EndTable();
  }
  sdk::ui::section(tr("ledger.settlement.papers"));
  sdk::ui::TextDisabled(tr("ledger.settlement.audit_report"));
  s.audit_doc->draw(s.message, sdk::ui::document_file_name({"監査報告", fy}, ".pdf"),
                    [&] { return audit_document(ctx.db(), org, org_name, s.year); });
  sdk::ui::TextDisabled(tr("ledger.settlement.cash_book"));
  s.book_doc->draw(s.message, sdk::ui::document_file_name({"出納帳", fy}, ".pdf"),
                   [&] { return cash_book_document(ctx.db(), org, org_name, s.year); });
  if (writes(ctx)) draw_handover(ctx, s, org_name);
}

}  // namespace wasshoi::ledger::ui
