#pragma once
// The ledger's papers through sdk::Document (print and PDF): 出納帳, 予算案, 収支決算書, 財産目録,
// 監査報告, 実績報告; and the 出納帳 as CSV for Excel in UTF-8 (with BOM) or CP932.
#include <string>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/document.hpp>

#include "core/model.hpp"
#include "core/reports.hpp"

namespace wasshoi::ledger {

// `org_name` goes in each page's footer and the headings.
sdk::Document cash_book_document(sdk::Database& db, OrgId org, const std::string& org_name, int year,
                                 std::optional<Id> account = {});
// The 予算案 of every fund (a heading per fund when there is more than one).
sdk::Document budget_document(sdk::Database& db, OrgId org, const std::string& org_name, int year);
sdk::Document settlement_document(sdk::Database& db, OrgId org, const std::string& org_name, int year,
                                  const std::string& fund = {});
sdk::Document inventory_document(sdk::Database& db, OrgId org, const std::string& org_name, int year);
sdk::Document audit_document(sdk::Database& db, OrgId org, const std::string& org_name, int year);
sdk::Document grant_document(sdk::Database& db, OrgId org, const std::string& org_name, Id grant);

// The same papers written into a document another assembles (the 総会's 議案書): no title or
// footer; `subheadings` puts 収入の部 / 支出の部 below the assembler's heading.
void add_settlement_tables(sdk::Document& doc, const Settlement& s, bool subheadings);
struct BudgetTotals {
  std::int64_t income = 0, expense = 0;  // 収入合計, 支出合計 as the 予算案 prints them
  // Its 前年度決算額 column: the same figures as last year's 収支決算書 of the fund.
  std::int64_t last_income = 0, last_expense = 0;
};
// The 予算案 of one fund (empty: the 一般会計). A parent 科目 shows itself with its sub-科目;
// money moved to or from another fund has its own line (繰入金 / 繰出金), as on the 決算書.
BudgetTotals add_budget_tables(sdk::Document& doc, sdk::Database& db, OrgId org, int year, bool subheadings,
                               const std::string& fund = {});
void add_audit_report(sdk::Document& doc, sdk::Database& db, OrgId org, const std::string& org_name,
                      int year);
// The 出納帳 of a 年度 as CSV. `cp932`: Shift_JIS for older Excel; InputError naming the first
// character CP932 cannot hold (𠮷) and the entry it is in — use UTF-8 then.
std::string cash_book_csv(sdk::Database& db, OrgId org, int year, bool cp932);

// 12,345 (negative: △12,345, as 決算書 write a decrease).
std::string yen_text(std::int64_t amount);

}  // namespace wasshoi::ledger
