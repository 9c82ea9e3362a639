#include "cli/cli_support.hpp"

#include <wasshoi/sdk/organization_directory.hpp>

#include "core/books.hpp"
#include "core/front.hpp"

namespace wasshoi::ledger::cli {

OrgId books_org(sdk::CliContext& ctx) {
  const OrgId org = ctx.require_org();
  bring_in_money(ctx, org);
  return org;
}

int year_arg(sdk::CliContext& ctx, OrgId org, const std::string& text) {
  const int start = start_month(ctx.db(), org);
  return sdk::cli::parse_fiscal_year_option("--year", text, fiscal_year_of(sdk::today(), start));
}

std::string org_name(sdk::CliContext& ctx, OrgId org) {
  return sdk::organizations(ctx).name(ctx.db(), org);
}

void save_document(const sdk::Document& doc, const std::string& path) {
  if (path.ends_with(".md"))
    doc.save_markdown(path);
  else
    doc.save_pdf(path);
}

nlohmann::json to_json(const Entry& e) {
  nlohmann::json j = {{"id", e.id},
                      {"year", e.fiscal_year},
                      {"date", sdk::iso_or_unknown(e.day)},
                      {"account", e.account_name},
                      {"category", e.category_path},
                      {"kind", kind_key(e.kind)},
                      {"amount", e.amount},
                      {"summary", e.summary},
                      {"receipt_no", e.receipt_no},
                      {"entered_by", e.entered_by},
                      {"balance", e.balance},
                      {"source", e.source},
                      {"reversed", e.reversed},
                      {"has_receipt", e.has_receipt}};
  j["reverses"] = e.reverses ? nlohmann::json(*e.reverses) : nlohmann::json();
  j["reason"] = e.reason;
  j["grant"] = e.grant ? nlohmann::json(*e.grant) : nlohmann::json();
  return j;
}

nlohmann::json to_json(const Settlement& s) {
  auto lines = [](const std::vector<SettlementLine>& ls) {
    nlohmann::json a = nlohmann::json::array();
    for (const auto& l : ls)
      a.push_back({{"name", l.name},
                   {"depth", l.depth},
                   {"budget", l.budget},
                   {"actual", l.actual},
                   {"difference", l.difference()},
                   {"entries", l.entries},
                   {"note", l.note}});
    return a;
  };
  return {{"year", s.year},
          {"fund", s.fund.name},
          {"income", lines(s.income)},
          {"expense", lines(s.expense)},
          {"carried_in", s.carried_in},
          {"income_budget", s.income_budget},
          {"income_total", s.income_total},
          {"expense_budget", s.expense_budget},
          {"expense_total", s.expense_total},
          {"carry_out", s.carry_out()}};
}

}  // namespace wasshoi::ledger::cli
