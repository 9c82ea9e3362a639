#pragma once
// What the books add up to: the 収支決算書 of a fund and 年度 (収入の部 / 支出の部; 収入合計 −
// 支出合計 = 次年度繰越金, exactly the fund's money at the end of the 年度), the 科目別 and monthly
// summaries, the 財産目録, and the 予算 with last year's 決算 beside it.
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::ledger {

struct SettlementLine {
  std::optional<Id> category;  // none: 前年度繰越金, 他会計からの繰入金 / 他会計への繰出金
  std::string name;
  int depth = 0;  // 1: a sub-科目, inside its parent's figures
  std::int64_t budget = 0;
  std::int64_t actual = 0;
  int entries = 0;
  std::string note;      // 備考: what the books show, then the officer's own
  std::string own_note;  // the officer's alone (set_settlement_note)
  std::int64_t difference() const { return actual - budget; }  // 増減
};

struct Settlement {
  int year = 0;
  Fund fund;
  std::vector<SettlementLine> income, expense;  // in 科目 order, sub-科目 after their parent
  std::int64_t carried_in = 0;                  // 前年度繰越金 (and opening balances of the 年度)
  std::int64_t income_budget = 0, income_total = 0;  // top-level lines only
  std::int64_t expense_budget = 0, expense_total = 0;
  std::int64_t carry_out() const { return income_total - expense_total; }  // 次年度繰越金
};
// The fund by name (empty: 一般会計, the first). Each line's 備考 says what the books show (会費:
// 「N世帯×3,000円」 from the 会費 that came in from the members' register; an expense over its
// 予算: 「予算超過」) and then the officer's own note of that 科目, 年度 and fund.
Settlement settlement(sdk::Database& db, OrgId org, int year, const std::string& fund = {});

struct MonthLine {
  int year = 0, month = 0;
  std::int64_t income = 0, expense = 0;  // transfers excluded
  std::int64_t closing = 0;              // money of every account at the month's end
};
std::vector<MonthLine> monthly_summary(sdk::Database& db, OrgId org, int year);

struct InventoryLine {  // 財産目録
  Account account;
  std::int64_t balance = 0;
};
struct Inventory {
  int year = 0;
  Date as_of;
  std::vector<InventoryLine> lines;
  std::int64_t total = 0;
};
Inventory inventory(sdk::Database& db, OrgId org, int year);

// The officer's 備考 of a 科目 on the 収支決算書 of a fund and 年度 (empty clears it). Open and
// closed 年度 take it (the 決算書 is written after closing); an audited one is final.
void set_settlement_note(sdk::Database& db, OrgId org, int year, Id category, const std::string& note,
                         const std::string& fund = {});

// The 予算 of one fund (each fund has its own: a 特別会計's 予算 is not the 一般会計's).
struct BudgetLine {
  Category category;
  std::optional<std::int64_t> budget;  // the 科目's own; none: not set
  bool draft = false;
  std::string note;
  bool parent = false;            // has sub-科目: its figures below include theirs
  std::int64_t budget_total = 0;  // own 予算額 + its sub-科目's
  std::int64_t last_year_actual = 0;  // 前年度の決算額 as that 収支決算書 prints it (parents: with sub-科目)
};
std::vector<BudgetLine> budget_lines(sdk::Database& db, OrgId org, int year, const std::string& fund = {});
// Sets (or with nullopt clears) the 予算額 of a 科目 in a fund; `draft` until the 総会 votes it.
void set_budget(sdk::Database& db, OrgId org, int year, Id category, std::optional<std::int64_t> amount,
                bool draft = false, const std::string& note = {}, const std::string& fund = {});
// The 総会 voted it: every draft line of the 年度 (every fund) becomes the budget. Returns how many.
int approve_budget(sdk::Database& db, OrgId org, int year);

}  // namespace wasshoi::ledger
