// The books of one 自治会 as its 会計 keeps them: the template, entries, transfers, corrections,
// the 収支決算書 adding up, 科目 found by typing.
#include "core/books.hpp"

#include <catch2/catch.hpp>

#include "core/documents.hpp"
#include "core/entries.hpp"
#include "core/reports.hpp"
#include "core/year_end.hpp"
#include "ledger_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::ledger;

namespace {

NewEntry entry(const char* category, std::int64_t amount, const char* account = "現金",
               sdk::Date day = test::kDay) {
  return {day, account, category, amount, std::string(category) + "の摘要", "", "会計"};
}

}  // namespace

TEST_CASE_METHOD(test::LedgerDb,
                 "new books get the 自治会 template with 事業費 sub-科目 and April as the start") {
  CHECK(ensure_books(db(), org));
  CHECK_FALSE(ensure_books(db(), org));
  CHECK(start_month(db(), org) == 4);
  std::vector<std::string> paths;
  for (const auto& c : categories(db(), org)) paths.push_back(c.path);
  for (const char* p :
       {"会費", "補助金・交付金", "事業収入", "寄付金", "雑収入", "会議費", "事務費", "事業費／防災",
        "事業費／環境美化", "事業費／敬老", "事業費／夏祭り", "慶弔費", "負担金", "予備費"})
    CHECK(std::find(paths.begin(), paths.end(), p) != paths.end());
  CHECK(accounts(db(), org).size() == 2);
  CHECK(fiscal_year_of({2031, 3, 31}, 4) == 2030);
  CHECK(fiscal_year_of({2031, 1, 5}, 1) == 2031);
  CHECK(year_end(2030, 4) == sdk::Date{2031, 3, 31});
  CHECK(year_end(2030, 1) == sdk::Date{2030, 12, 31});
}

TEST_CASE_METHOD(test::LedgerDb, "a 科目 is found by part of its name or its reading in kana of any width") {
  ensure_books(db(), org);
  CHECK(find_category(db(), org, "夏祭").path == "事業費／夏祭り");
  CHECK(find_category(db(), org, "なつまつり").path == "事業費／夏祭り");
  CHECK(find_category(db(), org, "ｶｲﾋ").name == "会費");
  CHECK(find_category(db(), org, "ケイチョウ").name == "慶弔費");
  CHECK_THROWS_WITH(find_category(db(), org, "費"), Catch::Contains("more than one"));
  CHECK_THROWS_WITH(find_category(db(), org, "競馬"), Catch::Contains("matches no"));
}

TEST_CASE_METHOD(test::LedgerDb, "income and expense move the running balance and a transfer is not income") {
  add_entry(db(), org, entry("会費", 3'600));
  add_entry(db(), org, entry("夏祭", 1'200));
  add_transfer(db(), org, {test::kDay, "現金", "普通預金", 2'000, "", "会計"});
  const auto entries = book(db(), org, {.year = 2030});
  REQUIRE(entries.size() == 4);
  CHECK(entries[0].balance == 3'600);
  CHECK(entries[1].balance == 2'400);
  CHECK(entries[2].balance == 400);    // 現金 after the transfer out
  CHECK(entries[3].balance == 2'000);  // 普通預金
  const Settlement s = settlement(db(), org, 2030);
  CHECK(s.income_total == 3'600);
  CHECK(s.expense_total == 1'200);
  CHECK(s.carry_out() == 2'400);
  CHECK(balance(db(), find_account(db(), org, "現金").id) +
            balance(db(), find_account(db(), org, "普通預金").id) ==
        s.carry_out());
  CHECK_THAT(last_detail("ledger.transfer"), Catch::Contains("現金 → 普通預金"));
}

TEST_CASE_METHOD(test::LedgerDb, "a correction reverses the entry with its reason and never edits it") {
  const Id id = add_entry(db(), org, entry("事務費", 5'830));
  CHECK_THROWS_WITH(reverse_entry(db(), org, id, "  ", test::kDay, "会計"), Catch::Contains("reason"));
  const Id back = reverse_entry(db(), org, id, "二重入力", test::kDay, "会計");
  CHECK(get_entry(db(), org, id).amount == -5'830);
  CHECK(get_entry(db(), org, id).reversed);
  CHECK(get_entry(db(), org, back).amount == 5'830);
  CHECK_THAT(last_detail("ledger.entry.reverse"), Catch::Contains("二重入力"));
  CHECK_THROWS_WITH(reverse_entry(db(), org, id, "again", test::kDay, "会計"),
                    Catch::Contains("reversed already"));
  CHECK_THROWS_WITH(reverse_entry(db(), org, back, "again", test::kDay, "会計"),
                    Catch::Contains("itself a correction"));
  CHECK(settlement(db(), org, 2030).expense_total == 0);
}

TEST_CASE_METHOD(test::LedgerDb,
                 "amounts out of range and unknown accounts are refused and nothing is written") {
  ensure_books(db(), org);
  const auto before = count("SELECT count(*) FROM ledger_entries");
  CHECK_THROWS_WITH(add_entry(db(), org, entry("会費", 0)), Catch::Contains("amount"));
  CHECK_THROWS_WITH(add_entry(db(), org, entry("会費", kAmountCeiling + 1)), Catch::Contains("ceiling"));
  CHECK_THROWS_WITH(add_entry(db(), org, entry("会費", 100, "金庫")),
                    Catch::Contains("no money account named '金庫'"));
  CHECK_THROWS_WITH(add_transfer(db(), org, {test::kDay, "現金", "現金", 5, "", ""}),
                    Catch::Contains("two different"));
  CHECK(count("SELECT count(*) FROM ledger_entries") == before);
}

TEST_CASE_METHOD(test::LedgerDb, "the 収支決算書 lists budgets and 増減 and a sub-科目 adds to its parent") {
  ensure_books(db(), org);
  set_budget(db(), org, 2030, find_category(db(), org, "夏祭り").id, 100'000);
  set_budget(db(), org, 2030, find_category(db(), org, "会費").id, 50'000);
  add_entry(db(), org, entry("会費", 60'000));
  add_entry(db(), org, entry("夏祭り", 80'000));
  const Settlement s = settlement(db(), org, 2030);
  auto line = [&](const std::vector<SettlementLine>& ls, const std::string& name) {
    for (const auto& l : ls)
      if (l.name == name) return l;
    FAIL("no line " << name);
    return SettlementLine{};
  };
  CHECK(line(s.income, "会費").difference() == 10'000);
  CHECK(line(s.expense, "夏祭り").difference() == -20'000);
  CHECK(line(s.expense, "事業費").actual == 80'000);
  CHECK(line(s.expense, "事業費").budget == 100'000);
  CHECK(s.expense_total == 80'000);  // the parent counts once
  CHECK(yen_text(-20'000) == "△20,000");
}

TEST_CASE_METHOD(test::LedgerDb, "a 特別会計 has its own 決算 and money moved to it is a 繰出金") {
  ensure_books(db(), org);
  add_fund(db(), org, "修繕積立金会計");
  add_account(db(), org, "修繕積立金会計", "積立金（定期）", AccountKind::Deposit);
  add_entry(db(), org, entry("会費", 500'000, "普通預金"));
  add_transfer(db(), org, {test::kDay, "普通預金", "積立金（定期）", 100'000, "", ""});
  const Settlement general = settlement(db(), org, 2030),
                   reserve = settlement(db(), org, 2030, "修繕積立金会計");
  CHECK(general.carry_out() == 400'000);
  CHECK(general.expense.back().name == "他会計への繰出金");
  CHECK(reserve.carry_out() == 100'000);
  CHECK(reserve.income.back().name == "他会計からの繰入金");
}

TEST_CASE_METHOD(test::LedgerDb, "the start month is a setting until the books have entries") {
  set_start_month(db(), org, 1);
  add_entry(db(), org, entry("会費", 100, "現金", {2030, 2, 1}));
  CHECK(book(db(), org, {.year = 2030}).size() == 1);
  CHECK_THROWS_WITH(set_start_month(db(), org, 4), Catch::Contains("can no longer change"));
  CHECK_THROWS_WITH(set_start_month(db(), org, 13), Catch::Contains("not a month"));
}

TEST_CASE_METHOD(test::LedgerDb, "a receipt is kept as PNG JPEG or PDF and anything else is refused") {
  const Id id = add_entry(db(), org, entry("事務費", 500));
  CHECK_THROWS_WITH(attach_receipt(db(), org, id, "memo.txt", "hello"),
                    Catch::Contains("not a PNG, JPEG or PDF"));
  attach_receipt(db(), org, id, "領収書𠮷.pdf", "%PDF-1.4 fake");
  CHECK(receipt(db(), org, id)->mime == "application/pdf");
  CHECK(get_entry(db(), org, id).has_receipt);
  CHECK_THROWS_WITH(attach_receipt(db(), org, id, "again.pdf", "%PDF-1.4"), Catch::Contains("already"));
}

TEST_CASE_METHOD(test::LedgerDb,
                 "the 出納帳 CSV opens in Excel in UTF-8 and CP932 and 𠮷 is refused in CP932") {
  add_entry(db(), org, {test::kDay, "現金", "会費", 3'600, "会費 髙橋ｶﾀｶﾅ", "R-1", "会計"});
  const std::string utf8 = cash_book_csv(db(), org, 2030, false);
  CHECK(utf8.starts_with(sdk::kUtf8Bom));
  CHECK_THAT(utf8, Catch::Contains("会費 髙橋ｶﾀｶﾅ"));
  const std::string sjis = cash_book_csv(db(), org, 2030, true);
  CHECK(sdk::cp932_to_utf8(sjis).find("会費 髙橋ｶﾀｶﾅ") != std::string::npos);
  add_entry(db(), org, {test::kDay, "現金", "会費", 3'600, "𠮷田", "", "会計"});
  CHECK_THROWS_WITH(cash_book_csv(db(), org, 2030, true), Catch::Contains("𠮷"));
}

TEST_CASE_METHOD(
    test::LedgerDb,
    "an entry with its receipt is one write and a receipt that is no picture or PDF writes nothing") {
  NewEntry with_receipt = entry("事務費", 880);
  with_receipt.receipt_name = "領収書.jpg";
  with_receipt.receipt_bytes = std::string("\xFF\xD8\xFF\xE0", 4) + "JFIF";
  const Id id = add_entry(db(), org, with_receipt);
  CHECK(receipt(db(), org, id)->mime == "image/jpeg");
  const auto before = count("SELECT count(*) FROM ledger_entries");
  with_receipt.receipt_name = "memo.docx";
  with_receipt.receipt_bytes = "PK\x03\x04";
  CHECK_THROWS_WITH(add_entry(db(), org, with_receipt), Catch::Contains("not a PNG, JPEG or PDF"));
  CHECK(count("SELECT count(*) FROM ledger_entries") == before);
}

TEST_CASE_METHOD(test::LedgerDb, "each fund keeps its own 予算 and its 収支決算書 compares with it alone") {
  ensure_books(db(), org);
  add_fund(db(), org, "修繕積立金会計");
  add_account(db(), org, "修繕積立金会計", "積立金（定期）", AccountKind::Deposit);
  const Id repairs = find_category(db(), org, "負担金").id;
  set_budget(db(), org, 2030, repairs, 60'000);                                          // 一般会計
  set_budget(db(), org, 2030, repairs, 400'000, false, "屋根の修繕", "修繕積立金会計");  // its own
  add_entry(db(), org, entry("負担金", 60'000));
  add_entry(db(), org, entry("負担金", 380'000, "積立金（定期）"));
  auto line = [](const Settlement& s, const std::string& name) {
    for (const auto& l : s.expense)
      if (l.name == name) return l;
    FAIL("no line " << name);
    return SettlementLine{};
  };
  const Settlement general = settlement(db(), org, 2030),
                   reserve = settlement(db(), org, 2030, "修繕積立金会計");
  CHECK(line(general, "負担金").budget == 60'000);
  CHECK(line(reserve, "負担金").budget == 400'000);
  CHECK(line(reserve, "負担金").difference() == -20'000);
  CHECK(reserve.expense_budget == 400'000);
  CHECK(general.expense_budget == 60'000);
  // The 予算 panel and `ledger budget list --fund` read the fund's own lines.
  for (const auto& l : budget_lines(db(), org, 2030, "修繕積立金会計"))
    if (l.category.id == repairs) CHECK(l.budget == 400'000);
  CHECK_THAT(last_detail("ledger.budget.set"), Catch::Contains("修繕積立金会計"));
  // Cleared in one fund, kept in the other.
  set_budget(db(), org, 2030, repairs, std::nullopt, false, "", "修繕積立金会計");
  CHECK(settlement(db(), org, 2030, "修繕積立金会計").expense_budget == 0);
  CHECK(settlement(db(), org, 2030).expense_budget == 60'000);
  CHECK_THROWS_WITH(set_budget(db(), org, 2030, repairs, 1, false, "", "裏金会計"),
                    Catch::Contains("no fund named"));
}

TEST_CASE_METHOD(test::LedgerDb, "closing a 年度 copies each fund's 予算 into the same fund's draft") {
  ensure_books(db(), org);
  add_fund(db(), org, "修繕積立金会計");
  const Id c = find_category(db(), org, "負担金").id;
  set_budget(db(), org, 2030, c, 10'000);
  set_budget(db(), org, 2030, c, 70'000, false, "", "修繕積立金会計");
  close_year(db(), org, 2030, {2031, 4, 10});
  for (const auto& l : budget_lines(db(), org, 2031, "修繕積立金会計"))
    if (l.category.id == c) CHECK((l.budget == 70'000 && l.draft));
  for (const auto& l : budget_lines(db(), org, 2031))
    if (l.category.id == c) CHECK(l.budget == 10'000);
}

TEST_CASE_METHOD(test::LedgerDb,
                 "the 予算案 sums sub-科目 into their parent and its totals match last year's 決算書") {
  ensure_books(db(), org);
  add_fund(db(), org, "修繕積立金会計");
  add_account(db(), org, "修繕積立金会計", "積立金（定期）", AccountKind::Deposit);
  add_entry(db(), org, entry("会費", 300'000, "普通預金"));
  add_entry(db(), org, entry("夏祭り", 80'000));
  add_entry(db(), org, entry("敬老", 20'000));
  add_entry(db(), org, entry("事業費", 5'000));
  add_transfer(db(), org, {test::kDay, "普通預金", "積立金（定期）", 100'000, "", ""});
  set_budget(db(), org, 2031, find_category(db(), org, "夏祭り").id, 90'000);
  set_budget(db(), org, 2031, find_category(db(), org, "事業費").id, 10'000);
  for (const auto& l : budget_lines(db(), org, 2031))
    if (l.category.name == "事業費") {
      CHECK(l.parent);
      CHECK(l.last_year_actual == 105'000);
      CHECK(l.budget_total == 100'000);
    }
  for (const char* fund : {"", "修繕積立金会計"}) {
    INFO(fund);
    sdk::Document doc("予算案");
    const BudgetTotals t = add_budget_tables(doc, db(), org, 2031, false, fund);
    const Settlement s = settlement(db(), org, 2030, fund);
    CHECK(t.last_income == s.income_total);
    CHECK(t.last_expense == s.expense_total);
  }
  sdk::Document doc("予算案");
  CHECK(add_budget_tables(doc, db(), org, 2031, false).expense == 100'000);
  CHECK_THAT(doc.to_markdown(), Catch::Contains("他会計への繰出金"));
}

TEST_CASE_METHOD(test::LedgerDb,
                 "the 備考 of the 収支決算書 says 予算超過 and keeps the 会計's own note per 年度") {
  ensure_books(db(), org);
  set_budget(db(), org, 2030, find_category(db(), org, "会議費").id, 1'000);
  add_entry(db(), org, entry("会議費", 1'500));
  add_entry(db(), org, entry("慶弔費", 10'000));
  const Id gift = find_category(db(), org, "慶弔費").id;
  set_settlement_note(db(), org, 2030, gift, "  髙橋様ご逝去 香典 𠮷田ｶﾀｶﾅ  ");
  CHECK_THAT(last_detail("ledger.settlement.note"), Catch::Contains("髙橋様ご逝去"));
  const Settlement s = settlement(db(), org, 2030);
  for (const auto& l : s.expense) {
    if (l.name == "会議費") CHECK(l.note == "予算超過");
    if (l.name == "慶弔費") {
      CHECK_THAT(l.note, Catch::Contains("予算超過"));
      CHECK_THAT(l.note, Catch::EndsWith("髙橋様ご逝去 香典 𠮷田ｶﾀｶﾅ"));
      CHECK(l.own_note == "髙橋様ご逝去 香典 𠮷田ｶﾀｶﾅ");
    }
    if (l.name == "予備費") CHECK(l.note.empty());
  }
  for (const auto& l : settlement(db(), org, 2031).expense)
    if (l.name == "慶弔費") CHECK(l.own_note.empty());  // another 年度's 決算書
  sdk::Document doc("決算書");
  add_settlement_tables(doc, s, false);
  CHECK_THAT(doc.to_markdown(), Catch::Contains("𠮷田ｶﾀｶﾅ"));
  set_settlement_note(db(), org, 2030, gift, "");
  CHECK(count("SELECT count(*) FROM ledger_settlement_notes") == 0);
  CHECK_THROWS_WITH(set_settlement_note(db(), org, 2030, 999'999, "x"), Catch::Contains("no 科目"));
  // Written after closing (the 決算書 is made then); final once the 監事 have audited it.
  close_year(db(), org, 2030, {2031, 4, 10});
  set_settlement_note(db(), org, 2030, gift, "締めの後に追記");
  record_audit(db(), org, 2030, {"髙橋 﨑子", "佐々木 健一", sdk::Date{2031, 4, 20}, ""});
  const auto before = count("SELECT count(*) FROM audit_log");
  CHECK_THROWS_WITH(set_settlement_note(db(), org, 2030, gift, "監査の後"), Catch::Contains("audited"));
  CHECK(count("SELECT count(*) FROM audit_log") == before);
  for (const auto& l : settlement(db(), org, 2030).expense)
    if (l.name == "慶弔費") CHECK(l.own_note == "締めの後に追記");
}
