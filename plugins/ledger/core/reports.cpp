// The 収支決算書, summaries, 財産目録 and 予算 (reports.hpp): a few grouped queries per report.
#include "core/reports.hpp"

#include <map>

#include "core/books.hpp"
#include "core/entries.hpp"

namespace wasshoi::ledger {

namespace {

std::map<Id, std::int64_t> budgets_of(sdk::Database& db, OrgId org, int year, Id fund) {
  sdk::Statement st(
      db, "SELECT category_id, amount FROM ledger_budgets WHERE org_id = ? AND year = ? AND fund_id = ?");
  st.bind_all(org, year, fund);
  std::map<Id, std::int64_t> out;
  while (st.step()) out[st.get_int(0)] = st.get_int(1);
  return out;
}

struct Actual {
  std::int64_t sum = 0;
  int count = 0;
};

// Per 科目: the sum of the fund's entries in the 年度 (signed as on the balance).
std::map<Id, Actual> actuals_of(sdk::Database& db, OrgId org, int year, std::optional<Id> fund) {
  sdk::Statement st(db,
                    "SELECT e.category_id, sum(e.amount), count(*) FROM ledger_entries e "
                    "JOIN ledger_accounts a ON a.id = e.account_id "
                    "WHERE e.org_id = ? AND e.fiscal_year = ? AND e.kind = 'entry' AND (CAST(? AS BIGINT) IS "
                    "NULL OR a.fund_id = ?) "
                    "GROUP BY e.category_id");
  st.bind_all(org, year, fund, fund);
  std::map<Id, Actual> out;
  while (st.step()) out[st.get_int(0)] = {st.get_int(1), static_cast<int>(st.get_int(2))};
  return out;
}

std::map<Id, std::string> officer_notes(sdk::Database& db, OrgId org, int year, Id fund) {
  sdk::Statement st(db,
                    "SELECT category_id, note FROM ledger_settlement_notes WHERE org_id = ? AND year = ? AND "
                    "fund_id = ?");
  st.bind_all(org, year, fund);
  std::map<Id, std::string> out;
  while (st.step()) out[st.get_int(0)] = st.get_text(1);
  return out;
}

// 「45世帯×3,000円」 per 科目, from the 会費 that came in from the members' register (one
// payment is one household's; payments taken back and their reversals left out).
std::map<Id, std::string> dues_notes(sdk::Database& db, OrgId org, int year, Id fund) {
  sdk::Statement st(
      db,
      "SELECT e.category_id, e.amount, count(DISTINCT e.summary) FROM ledger_entries e "
      "JOIN ledger_accounts a ON a.id = e.account_id WHERE e.org_id = ? AND e.fiscal_year = ? AND "
      "a.fund_id = ? AND e.kind = 'entry' AND e.source = '会費' AND e.reverses IS NULL AND e.amount > 0 "
      "AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses = e.id) "
      "GROUP BY e.category_id, e.amount ORDER BY e.category_id, count(DISTINCT e.summary) DESC, e.amount");
  st.bind_all(org, year, fund);
  std::map<Id, std::string> out;
  while (st.step()) {
    std::string& note = out[st.get_int(0)];
    note += (note.empty() ? "" : "、") + std::to_string(st.get_int(2)) + "世帯×" +
            sdk::group_thousands(st.get_int(1)) + "円";
  }
  return out;
}

std::string join_notes(std::initializer_list<std::string> parts) {
  std::string out;
  for (const auto& p : parts)
    if (!p.empty()) out += (out.empty() ? "" : "。") + p;
  return out;
}

}  // namespace

Settlement settlement(sdk::Database& db, OrgId org, int year, const std::string& fund_name) {
  Settlement s;
  s.year = year;
  s.fund = find_fund(db, org, fund_name);
  const auto budgets = budgets_of(db, org, year, s.fund.id);
  const auto actuals = actuals_of(db, org, year, s.fund.id);
  const auto notes = officer_notes(db, org, year, s.fund.id);
  const auto dues = dues_notes(db, org, year, s.fund.id);
  // Per account through the covering index (account, 年度, kind, amount): no table rows read.
  sdk::Statement carried(
      db,
      "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE account_id = ? AND (fiscal_year < ? "
      "OR (fiscal_year = ? AND kind = 'opening'))");
  for (const auto& a : accounts(db, org, true)) {
    if (a.fund != s.fund.id) continue;
    carried.reset();
    carried.bind_all(a.id, year, year);
    carried.step();
    s.carried_in += carried.get_int(0);
  }
  s.income.push_back({std::nullopt, "前年度繰越金", 0, s.carried_in, s.carried_in, 0, "", ""});
  const auto fund_list = funds(db, org);
  const bool general = fund_list.empty() || fund_list.front().id == s.fund.id;
  const auto all = categories(db, org, true);
  for (const auto& c : all) {
    SettlementLine line{c.id, c.name, c.depth, 0, 0, 0, "", ""};
    for (const auto& d : all)  // the 科目 and its sub-科目
      if (d.id == c.id || d.parent == c.id) {
        if (auto b = budgets.find(d.id); b != budgets.end()) line.budget += b->second;
        if (auto a = actuals.find(d.id); a != actuals.end())
          line.actual += a->second.sum, line.entries += a->second.count;
      }
    if (c.side == Side::Expense) line.actual = -line.actual;
    // A 特別会計 lists the 科目 it uses; the 一般会計 every 科目, as its 予算 has them.
    if ((c.retired || !general) && line.actual == 0 && line.budget == 0 && !notes.count(c.id)) continue;
    auto dues_note = dues.find(c.id);
    auto own = notes.find(c.id);
    line.note = join_notes({dues_note != dues.end() ? dues_note->second : std::string(),
                            c.side == Side::Expense && line.actual > line.budget ? "予算超過" : "",
                            own != notes.end() ? own->second : std::string()});
    if (own != notes.end()) line.own_note = own->second;
    (c.side == Side::Income ? s.income : s.expense).push_back(line);
  }
  // Money moved between this fund and another (一般会計 → 修繕積立金): 繰入金 / 繰出金.
  sdk::Statement st(
      db,
      "SELECT coalesce(sum(CASE WHEN e.amount > 0 THEN e.amount END), 0), "
      "coalesce(sum(CASE WHEN e.amount < 0 THEN -e.amount END), 0) "
      "FROM ledger_entries e JOIN ledger_accounts a ON a.id = e.account_id "
      "JOIN ledger_entries p ON p.id = e.transfer_pair JOIN ledger_accounts pa ON pa.id = p.account_id "
      "WHERE e.org_id = ? AND e.fiscal_year = ? AND e.kind = 'transfer' AND a.fund_id = ? AND "
      "pa.fund_id <> a.fund_id");
  st.bind_all(org, year, s.fund.id);
  st.step();
  if (st.get_int(0) != 0)
    s.income.push_back({std::nullopt, "他会計からの繰入金", 0, 0, st.get_int(0), 0, "", ""});
  if (st.get_int(1) != 0)
    s.expense.push_back({std::nullopt, "他会計への繰出金", 0, 0, st.get_int(1), 0, "", ""});
  for (const auto& l : s.income)
    if (l.depth == 0) s.income_budget += l.budget, s.income_total += l.actual;
  for (const auto& l : s.expense)
    if (l.depth == 0) s.expense_budget += l.budget, s.expense_total += l.actual;
  return s;
}

std::vector<MonthLine> monthly_summary(sdk::Database& db, OrgId org, int year) {
  const int start = start_month(db, org);
  std::vector<MonthLine> out;
  std::int64_t running = 0;
  {
    sdk::Statement st(
        db, "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE org_id = ? AND fiscal_year < ?");
    st.bind_all(org, year);
    st.step();
    running = st.get_int(0);
  }
  sdk::Statement st(
      db,
      "SELECT coalesce(sum(CASE WHEN kind = 'entry' AND category_id IN (SELECT id FROM ledger_categories "
      "WHERE side = 'income') THEN amount END), 0), "
      "coalesce(sum(CASE WHEN kind = 'entry' AND category_id IN (SELECT id FROM ledger_categories WHERE "
      "side = 'expense') THEN -amount END), 0), coalesce(sum(amount), 0) "
      "FROM ledger_entries WHERE org_id = ? AND fiscal_year = ? AND day >= ? AND day <= ?");
  for (int i = 0; i < 12; ++i) {
    const int month = (start - 1 + i) % 12 + 1;
    const int y = month >= start ? year : year + 1;
    const Date first{y, month, 1};
    const Date last = Date{month == 12 ? y + 1 : y, month % 12 + 1, 1}.add_days(-1);
    st.reset();
    st.bind_all(org, year, first, last);
    st.step();
    running += st.get_int(2);
    out.push_back({y, month, st.get_int(0), st.get_int(1), running});
  }
  return out;
}

Inventory inventory(sdk::Database& db, OrgId org, int year) {
  Inventory inv;
  inv.year = year;
  inv.as_of = year_end(year, start_month(db, org));
  for (const auto& a : accounts(db, org, true)) {
    sdk::Statement st(
        db, "SELECT coalesce(sum(amount), 0) FROM ledger_entries WHERE account_id = ? AND fiscal_year <= ?");
    st.bind_all(a.id, year);
    st.step();
    if (a.retired && st.get_int(0) == 0) continue;
    inv.lines.push_back({a, st.get_int(0)});
    inv.total += st.get_int(0);
  }
  return inv;
}

std::vector<BudgetLine> budget_lines(sdk::Database& db, OrgId org, int year, const std::string& fund_name) {
  const Fund fund = find_fund(db, org, fund_name);
  sdk::Statement st(
      db,
      "SELECT category_id, amount, draft, note FROM ledger_budgets WHERE org_id = ? AND year = ? "
      "AND fund_id = ?");
  st.bind_all(org, year, fund.id);
  std::map<Id, BudgetLine> set;
  while (st.step()) {
    BudgetLine& l = set[st.get_int(0)];
    l.budget = st.get_int(1);
    l.draft = st.get_int(2) != 0;
    l.note = st.get_text(3);
  }
  // Last year's figures are that year's 収支決算書's, line for line (a parent with its sub-科目).
  std::map<Id, std::int64_t> last;
  {
    const Settlement previous = settlement(db, org, year - 1, fund.name);
    for (const auto* part : {&previous.income, &previous.expense})
      for (const auto& l : *part)
        if (l.category) last[*l.category] = l.actual;
  }
  const auto all = categories(db, org, true);
  std::vector<BudgetLine> out;
  for (const auto& c : all) {
    BudgetLine l = set.count(c.id) ? set[c.id] : BudgetLine{};
    l.category = c;
    l.budget_total = l.budget.value_or(0);
    for (const auto& d : all)
      if (d.parent == c.id) {
        l.parent = true;
        if (auto b = set.find(d.id); b != set.end() && b->second.budget) l.budget_total += *b->second.budget;
      }
    if (auto a = last.find(c.id); a != last.end()) l.last_year_actual = a->second;
    if (c.retired && !l.budget && l.last_year_actual == 0) continue;
    out.push_back(std::move(l));
  }
  return out;
}

void set_budget(sdk::Database& db, OrgId org, int year, Id category, std::optional<std::int64_t> amount,
                bool draft, const std::string& note, const std::string& fund_name) {
  sdk::check_year("年度", year);
  if (amount) sdk::check_integer("予算額", *amount, kBudgetRange);
  sdk::check_text(sdk::TextKind::Line, "備考", note);
  sdk::Transaction tx(db, "ledger.budget.set");
  lock_books(db, org);
  std::string path;
  for (const auto& c : categories(db, org))
    if (c.id == category) path = c.path;
  if (path.empty())
    throw sdk::InputError("no 科目 " + std::to_string(category) + " in this organization's books");
  if (year_state(db, org, year) != "open")
    throw sdk::InputError(std::to_string(year) + "年度 is closed: its 予算 no longer changes");
  const Fund fund = find_fund(db, org, fund_name);
  tx.set_detail(
      std::to_string(year) + "年度 " + fund.name + " " + path + ": " +
      (amount ? sdk::group_thousands(*amount) + "円" + (draft ? " (案)" : "") : std::string("cleared")));
  if (amount)
    sdk::Statement(
        db,
        "INSERT INTO ledger_budgets(org_id, fund_id, year, category_id, amount, draft, note) "
        "VALUES(?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fund_id, year, category_id) DO UPDATE SET amount = "
        "excluded.amount, draft = excluded.draft, note = excluded.note")
        .bind_all(org, fund.id, year, category, *amount, draft ? 1 : 0, note)
        .run();
  else
    sdk::Statement(
        db, "DELETE FROM ledger_budgets WHERE org_id = ? AND fund_id = ? AND year = ? AND category_id = ?")
        .bind_all(org, fund.id, year, category)
        .run();
  tx.commit();
}

void set_settlement_note(sdk::Database& db, OrgId org, int year, Id category, const std::string& text,
                         const std::string& fund_name) {
  sdk::check_year("年度", year);
  const std::string note = sdk::trim(text);
  sdk::check_text(sdk::TextKind::Line, "備考", note);
  sdk::Transaction tx(db, "ledger.settlement.note");
  lock_books(db, org);
  std::string path;
  for (const auto& c : categories(db, org, true))
    if (c.id == category) path = c.path;
  if (path.empty())
    throw sdk::InputError("no 科目 " + std::to_string(category) + " in this organization's books");
  if (year_state(db, org, year) == "audited")
    throw sdk::InputError(std::to_string(year) + "年度 is audited: its 収支決算書 no longer changes");
  const Fund fund = find_fund(db, org, fund_name);
  tx.set_detail(std::to_string(year) + "年度 " + fund.name + " " + path +
                " 備考: " + (note.empty() ? std::string("cleared") : note));
  if (note.empty())
    sdk::Statement(db,
                   "DELETE FROM ledger_settlement_notes WHERE org_id = ? AND fund_id = ? AND year = ? AND "
                   "category_id = ?")
        .bind_all(org, fund.id, year, category)
        .run();
  else
    sdk::Statement(db,
                   "INSERT INTO ledger_settlement_notes(org_id, fund_id, year, category_id, note) "
                   "VALUES(?, ?, ?, ?, ?) ON CONFLICT(fund_id, year, category_id) DO UPDATE SET note = "
                   "excluded.note")
        .bind_all(org, fund.id, year, category, note)
        .run();
  tx.commit();
}

int approve_budget(sdk::Database& db, OrgId org, int year) {
  sdk::Transaction tx(db, "ledger.budget.approve", std::to_string(year) + "年度の予算 (総会で議決)");
  lock_books(db, org);
  sdk::Statement(db, "UPDATE ledger_budgets SET draft = 0 WHERE org_id = ? AND year = ? AND draft = 1")
      .bind_all(org, year)
      .run();
  const int n = db.changes();
  tx.commit();
  return n;
}

}  // namespace wasshoi::ledger
