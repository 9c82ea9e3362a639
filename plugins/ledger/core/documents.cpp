// The ledger's documents and CSV (documents.hpp).
#include "core/documents.hpp"

#include <wasshoi/sdk/csv.hpp>

#include "core/books.hpp"
#include "core/entries.hpp"
#include "core/grants.hpp"
#include "core/reports.hpp"
#include "core/year_end.hpp"

namespace wasshoi::ledger {

namespace {

std::string year_title(int year) {
  return sdk::format_fiscal_year_ja(year);
}

std::string day_text(const std::optional<Date>& d) {
  return d ? sdk::format_wareki(*d) : std::string(sdk::kDateUnknown);
}

std::vector<sdk::TableColumn> settlement_columns() {
  return {{"科目", 2.6},
          {"予算額", 1.3, sdk::Align::Right},
          {"決算額", 1.3, sdk::Align::Right},
          {"増減", 1.2, sdk::Align::Right},
          {"備考", 2.0}};
}

std::vector<std::vector<std::string>> settlement_rows(const std::vector<SettlementLine>& lines,
                                                      const char* total_name, std::int64_t budget,
                                                      std::int64_t actual) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : lines)
    rows.push_back({(l.depth ? "　" : "") + l.name, yen_text(l.budget), yen_text(l.actual),
                    yen_text(l.difference()), l.note});
  rows.push_back({total_name, yen_text(budget), yen_text(actual), yen_text(actual - budget), ""});
  return rows;
}

}  // namespace

void add_settlement_tables(sdk::Document& doc, const Settlement& s, bool subheadings) {
  auto head = [&](const char* text) { subheadings ? doc.subheading(text) : doc.heading(text); };
  head("収入の部");
  doc.table(settlement_columns(), settlement_rows(s.income, "収入合計", s.income_budget, s.income_total));
  head("支出の部");
  doc.table(settlement_columns(), settlement_rows(s.expense, "支出合計", s.expense_budget, s.expense_total));
  doc.fields({{"収入合計", yen_text(s.income_total) + "円"},
              {"支出合計", yen_text(s.expense_total) + "円"},
              {"次年度繰越金", yen_text(s.income_total) + "円 − " + yen_text(s.expense_total) +
                                   "円 = " + yen_text(s.carry_out()) + "円"}});
}

std::string yen_text(std::int64_t amount) {
  return amount < 0 ? "△" + sdk::group_thousands(-amount) : sdk::group_thousands(amount);
}

sdk::Document cash_book_document(sdk::Database& db, OrgId org, const std::string& org_name, int year,
                                 std::optional<Id> account) {
  sdk::Document doc(org_name + " " + year_title(year) + " 出納帳");
  doc.landscape().footer(org_name).title(year_title(year) + " 出納帳");
  for (const auto& a : accounts(db, org, true)) {
    if (account && a.id != *account) continue;
    auto entries = book(db, org, {.year = year, .account = a.id});
    if (entries.empty() && a.retired) continue;
    doc.heading(a.fund_name + " " + a.name);
    std::vector<std::vector<std::string>> rows;
    std::int64_t in = 0, out = 0;
    for (const auto& e : entries) {
      // A corrected entry stays, marked; its reversal says why (the reason the 会計 gave).
      std::string summary = (e.reversed ? "【訂正済】" : "") + e.summary +
                            (e.source.empty() ? "" : "〔" + e.source + "〕") +
                            (e.reverses && !e.reason.empty() ? "（" + e.reason + "）" : "");
      rows.push_back({day_text(e.day),
                      e.kind == EntryKind::Transfer  ? "振替"
                      : e.kind == EntryKind::Opening ? "繰越"
                                                     : e.category_path,
                      summary, e.receipt_no, e.amount > 0 ? sdk::group_thousands(e.amount) : "",
                      e.amount < 0 ? sdk::group_thousands(-e.amount) : "", yen_text(e.balance)});
      (e.amount > 0 ? in : out) += e.amount > 0 ? e.amount : -e.amount;
    }
    rows.push_back({"", "合計", "", "", sdk::group_thousands(in), sdk::group_thousands(out),
                    yen_text(entries.empty() ? 0 : entries.back().balance)});
    // The header repeats on every page: it names the account, so a page on its own says whose it is.
    doc.table({{"日付", 1.5},
               {"科目", 1.6},
               {"摘要（" + a.name + "）", 3.4},
               {"領収書", 0.9},
               {"収入", 1.1, sdk::Align::Right},
               {"支出", 1.1, sdk::Align::Right},
               {"残高", 1.2, sdk::Align::Right}},
              rows);
  }
  return doc;
}

sdk::Document budget_document(sdk::Database& db, OrgId org, const std::string& org_name, int year) {
  sdk::Document doc(org_name + " " + year_title(year) + " 予算案");
  doc.footer(org_name).title(year_title(year) + " 収支予算（案）");
  const auto all = funds(db, org);
  if (all.size() <= 1) {
    add_budget_tables(doc, db, org, year, false);
    return doc;
  }
  for (const auto& f : all) {
    doc.heading(f.name);
    add_budget_tables(doc, db, org, year, true, f.name);
  }
  return doc;
}

BudgetTotals add_budget_tables(sdk::Document& doc, sdk::Database& db, OrgId org, int year, bool subheadings,
                               const std::string& fund) {
  BudgetTotals totals;
  const bool books = !funds(db, org).empty();
  // Last year's 収支決算書 of the fund gives the 前年度決算額 of every line, 繰越金 and 繰入金 /
  // 繰出金 included, so both papers add up to the same totals.
  std::optional<Settlement> last;
  if (books) last = settlement(db, org, year - 1, fund);
  const auto lines = books ? budget_lines(db, org, year, fund) : std::vector<BudgetLine>{};
  const bool general = !books || find_fund(db, org, fund).id == funds(db, org).front().id;
  for (Side side : {Side::Income, Side::Expense}) {
    const char* part = side == Side::Income ? "収入の部" : "支出の部";
    subheadings ? doc.subheading(part) : doc.heading(part);
    std::vector<std::vector<std::string>> rows;
    std::int64_t total = 0, last_total = 0;
    if (side == Side::Income && books) {
      // What the fund brings into the year (its money at the start), beside last year's.
      const std::int64_t carry = settlement(db, org, year, fund).carried_in, last_carry = last->carried_in;
      rows.push_back(
          {"前年度繰越金", yen_text(carry), yen_text(last_carry), yen_text(carry - last_carry), ""});
      total += carry, last_total += last_carry;
    }
    for (const auto& l : lines) {
      if (l.category.side != side) continue;
      const std::int64_t b = l.budget_total;
      if (!general && b == 0 && l.last_year_actual == 0) continue;  // a 特別会計: the 科目 it uses
      if (l.category.depth == 0) total += b, last_total += l.last_year_actual;  // parents hold the rest
      rows.push_back({(l.category.depth ? "　" : "") + l.category.name, yen_text(b),
                      yen_text(l.last_year_actual), yen_text(b - l.last_year_actual), l.note});
    }
    if (last)  // 他会計からの繰入金 / 他会計への繰出金: not a 科目, no 予算額
      for (const auto& l : side == Side::Income ? last->income : last->expense)
        if (!l.category && l.name != "前年度繰越金") {
          rows.push_back({l.name, yen_text(0), yen_text(l.actual), yen_text(-l.actual), ""});
          last_total += l.actual;
        }
    rows.push_back({side == Side::Income ? "収入合計" : "支出合計", yen_text(total), yen_text(last_total),
                    yen_text(total - last_total), ""});
    doc.table({{"科目", 2.6},
               {"本年度予算額", 1.4, sdk::Align::Right},
               {"前年度決算額", 1.4, sdk::Align::Right},
               {"増減", 1.2, sdk::Align::Right},
               {"備考", 2.0}},
              rows);
    (side == Side::Income ? totals.income : totals.expense) = total;
    (side == Side::Income ? totals.last_income : totals.last_expense) = last_total;
  }
  return totals;
}

sdk::Document settlement_document(sdk::Database& db, OrgId org, const std::string& org_name, int year,
                                  const std::string& fund) {
  const Settlement s = settlement(db, org, year, fund);
  sdk::Document doc(org_name + " " + year_title(year) + " 収支決算書 " + s.fund.name);
  doc.footer(org_name).title(year_title(year) + " " + s.fund.name + " 収支決算書");
  const int start = start_month(db, org);
  doc.paragraph(sdk::format_wareki(year_start(year, start)) + "から" +
                    sdk::format_wareki(year_end(year, start)) + "まで",
                sdk::Align::Center);
  add_settlement_tables(doc, s, false);
  return doc;
}

sdk::Document inventory_document(sdk::Database& db, OrgId org, const std::string& org_name, int year) {
  const Inventory inv = inventory(db, org, year);
  sdk::Document doc(org_name + " " + year_title(year) + " 財産目録");
  doc.footer(org_name).title(year_title(year) + " 財産目録");
  doc.paragraph(sdk::format_wareki(inv.as_of) + "現在", sdk::Align::Center);
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : inv.lines)
    rows.push_back(
        {l.account.fund_name, l.account.name, account_kind_ja(l.account.kind), yen_text(l.balance)});
  rows.push_back({"合計", "", "", yen_text(inv.total)});
  doc.table({{"会計", 1.6}, {"口座", 2.0}, {"種類", 1.2}, {"金額（円）", 1.4, sdk::Align::Right}}, rows);
  return doc;
}

sdk::Document audit_document(sdk::Database& db, OrgId org, const std::string& org_name, int year) {
  sdk::Document doc(org_name + " " + year_title(year) + " 監査報告");
  doc.footer(org_name).title("監査報告書");
  add_audit_report(doc, db, org, org_name, year);
  return doc;
}

void add_audit_report(sdk::Document& doc, sdk::Database& db, OrgId org, const std::string& org_name,
                      int year) {
  const YearInfo y = year_info(db, org, year);
  doc.paragraph(org_name + " 会長 様");
  doc.paragraph(year_title(year) + "の会計について、" +
                (y.audited_on ? sdk::format_wareki(*y.audited_on) : std::string("　　年　　月　　日")) +
                "に監査を行いました。");
  doc.paragraph(y.opinion.empty() ? kDefaultOpinion : y.opinion);
  doc.space(6);
  std::vector<std::vector<std::string>> rows;
  for (const auto& f : funds(db, org)) {
    const Settlement s = settlement(db, org, year, f.name);
    rows.push_back({f.name, yen_text(s.income_total), yen_text(s.expense_total), yen_text(s.carry_out())});
  }
  doc.table({{"会計", 2.0},
             {"収入合計（円）", 1.4, sdk::Align::Right},
             {"支出合計（円）", 1.4, sdk::Align::Right},
             {"次年度繰越金（円）", 1.6, sdk::Align::Right}},
            rows);
  doc.space(6);
  doc.paragraph(y.audited_on ? sdk::format_wareki(*y.audited_on) : std::string("令和　　年　　月　　日"),
                sdk::Align::Right);
  doc.space(10);
  doc.signatures({"監事 " + (y.auditor1.empty() ? std::string("　　　　") : y.auditor1),
                  "監事 " + (y.auditor2.empty() ? std::string("　　　　") : y.auditor2)});
}

sdk::Document grant_document(sdk::Database& db, OrgId org, const std::string& org_name, Id grant) {
  const GrantReport r = grant_report(db, org, grant);
  sdk::Document doc(org_name + " " + r.grant.name + " 実績報告");
  doc.landscape().footer(org_name).title(r.grant.name + " 実績報告書");
  doc.fields({{"補助金の名称", r.grant.name},
              {"交付元", r.grant.body},
              {"交付額", yen_text(r.grant.amount) + "円"},
              {"目的", r.grant.purpose},
              {"期間", (r.grant.from ? sdk::format_wareki(*r.grant.from) : std::string()) + "〜" +
                           (r.grant.to ? sdk::format_wareki(*r.grant.to) : std::string())},
              {"交付条件", r.grant.conditions},
              {"団体名", org_name}});
  doc.heading("収支");
  doc.fields({{"収入", yen_text(r.income) + "円"},
              {"支出", yen_text(r.expense) + "円"},
              {"差引", yen_text(r.balance()) + "円"}});
  doc.heading("内訳（領収書）");
  std::vector<std::vector<std::string>> rows;
  for (const auto& e : r.entries)
    rows.push_back({day_text(e.day), e.category_path, e.summary, e.receipt_no.empty() ? "—" : e.receipt_no,
                    e.has_receipt ? "添付" : "", yen_text(e.amount < 0 ? -e.amount : e.amount)});
  doc.table({{"日付", 1.5},
             {"科目", 1.5},
             {"摘要", 3.0},
             {"領収書番号", 1.1},
             {"証憑", 0.7},
             {"金額", 1.1, sdk::Align::Right}},
            rows);
  return doc;
}

std::string cash_book_csv(sdk::Database& db, OrgId org, int year, bool cp932) {
  sdk::CsvWriter w;
  w.write_row({"番号", "日付", "口座", "科目", "摘要", "領収書番号", "収入", "支出", "残高", "入力者", "由来",
               "訂正理由"});
  for (const auto& e : book(db, org, {.year = year}))
    w.write_row({std::to_string(e.id), sdk::iso_or_unknown(e.day), e.account_name,
                 e.kind == EntryKind::Transfer  ? "振替"
                 : e.kind == EntryKind::Opening ? "繰越"
                                                : e.category_path,
                 e.summary, e.receipt_no, e.amount > 0 ? std::to_string(e.amount) : "",
                 e.amount < 0 ? std::to_string(-e.amount) : "", std::to_string(e.balance), e.entered_by,
                 e.source, e.reason});
  if (!cp932) return w.to_utf8_bom();
  sdk::Unencodable problem{};
  auto out = sdk::utf8_to_cp932(w.utf8(), &problem);
  if (!out)
    throw sdk::InputError("'" + problem.character +
                          "' cannot be written in Shift_JIS (CP932): save the 出納帳 as UTF-8 instead");
  return *out;
}

}  // namespace wasshoi::ledger
