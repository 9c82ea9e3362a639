#include "core/report_sections.hpp"

#include <initializer_list>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/books.hpp"
#include "core/documents.hpp"
#include "core/front.hpp"
#include "core/reports.hpp"
#include "core/year_end.hpp"

namespace wasshoi::ledger {

namespace {

// The catalog's text with each "{}" replaced by the next of `values`.
std::string fill(const char* key, const std::string& value) {
  return sdk::tr_fill(key, {value});
}

// The books as the ledger's own screens show them: 会費 and 使用料 recorded elsewhere brought in
// first (when the officer may write the books; a read otherwise).
std::vector<Fund> books(sdk::Context& ctx, OrgId org) {
  bring_in_money(ctx, org);
  auto list = funds(ctx.db(), org);
  if (list.empty()) throw sdk::InputError(sdk::tr("ledger.report.no_books"));
  return list;
}

void write_settlement(sdk::Context& ctx, const sdk::ReportPeriod& p, sdk::Document& doc) {
  const auto all = books(ctx, p.org);
  const int start = start_month(ctx.db(), p.org);
  doc.paragraph(
      sdk::tr_fill("ledger.report.period", {sdk::format_print_date(year_start(p.fiscal_year, start)),
                                            sdk::format_print_date(year_end(p.fiscal_year, start))}),
      sdk::Align::Center);
  for (const auto& f : all) {
    // Each fund its own 収支決算書; a 特別会計 starts a page of its own, as printed 決算書 do.
    if (&f != &all.front()) doc.page_break();
    if (all.size() > 1) doc.subheading(f.name);
    add_settlement_tables(doc, settlement(ctx.db(), p.org, p.fiscal_year, f.name), true);
  }
}

std::vector<sdk::ReportFigure> settlement_figures(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  books(ctx, p.org);
  const Settlement s = settlement(ctx.db(), p.org, p.fiscal_year);  // 一般会計
  return {{"income_total", s.income_total},
          {"expense_total", s.expense_total},
          {"carried_forward", s.carry_out()}};
}

void write_audit(sdk::Context& ctx, const sdk::ReportPeriod& p, sdk::Document& doc) {
  books(ctx, p.org);
  const YearInfo y = year_info(ctx.db(), p.org, p.fiscal_year);
  if (!y.audited_on) doc.paragraph(sdk::tr("ledger.report.audit_form"));
  add_audit_report(doc, ctx.db(), p.org, sdk::organizations(ctx).name(ctx.db(), p.org), p.fiscal_year);
}

std::vector<sdk::ReportFigure> audit_figures(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  books(ctx, p.org);
  return {{"audited", year_info(ctx.db(), p.org, p.fiscal_year).audited_on ? 1 : 0}};
}

// The 年度 whose budget the section prints: the next one when any of its lines is entered, else
// this one as the base.
int budget_year(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  for (const auto& l : budget_lines(ctx.db(), p.org, p.plan_year()))
    if (l.budget) return p.plan_year();
  return p.fiscal_year;
}

void write_budget(sdk::Context& ctx, const sdk::ReportPeriod& p, sdk::Document& doc) {
  books(ctx, p.org);
  const int year = budget_year(ctx, p);
  if (year == p.plan_year())
    doc.paragraph(fill("ledger.report.budget_of", sdk::format_fiscal_year_ja(year)));
  else
    doc.paragraph(fill("ledger.report.budget_base", sdk::format_fiscal_year_ja(year)));
  add_budget_tables(doc, ctx.db(), p.org, year, true);
}

std::vector<sdk::ReportFigure> budget_figures(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  books(ctx, p.org);
  const int year = budget_year(ctx, p);
  sdk::Document scratch("");
  const BudgetTotals t = add_budget_tables(scratch, ctx.db(), p.org, year, true);
  return {{"budget_total", t.expense}, {"budget_income_total", t.income}, {"budget_year", year}};
}

}  // namespace

std::vector<sdk::ReportSection> report_sections() {
  return {{.id = "ledger.settlement",
           .title_key = "ledger.report.settlement",
           .part = sdk::ReportPart::Settlement,
           .order = 10,
           .write = write_settlement,
           .figures = settlement_figures},
          {.id = "ledger.audit",
           .title_key = "ledger.report.audit",
           .part = sdk::ReportPart::Audit,
           .order = 10,
           .write = write_audit,
           .figures = audit_figures},
          {.id = "ledger.budget",
           .title_key = "ledger.report.budget",
           .part = sdk::ReportPart::Budget,
           .order = 10,
           .write = write_budget,
           .figures = budget_figures}};
}

}  // namespace wasshoi::ledger
