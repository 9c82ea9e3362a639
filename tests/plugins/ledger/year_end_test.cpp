// The end of a 会計年度: closing carries the 繰越金 and copies the 予算 as a draft; after the
// 監査 the year is locked and a correction is a reversing entry in an open year; the hand-over
// file opens in next year's 会計's books and re-importing it adds nothing.
#include "core/year_end.hpp"

#include <catch2/catch.hpp>
#include <wasshoi/sdk/migrations.hpp>

#include "core/books.hpp"
#include "core/entries.hpp"
#include "core/reports.hpp"
#include "core/schema.hpp"
#include "ledger_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::ledger;

namespace {

struct Year : test::LedgerDb {
  Year() : test::LedgerDb(false) {
    set_opening_balance(db(), org, "現金", {2030, 4, 1}, 10'000, "会計");
    set_budget(db(), org, 2030, find_category(db(), org, "会費").id, 40'000);
    fee = add_entry(db(), org, {{2030, 5, 1}, "現金", "会費", 36'000, "会費", "", "会計"});
    add_entry(db(), org, {{2030, 8, 1}, "現金", "夏祭り", 20'000, "夏祭り", "R-1", "会計"});
  }
  Id fee = 0;
};

}  // namespace

TEST_CASE_METHOD(Year, "closing carries the 繰越金 and copies the budget as a draft for the next 年度") {
  const CloseResult r = close_year(db(), org, 2030, {2031, 4, 20});
  CHECK(r.carried == 26'000);
  CHECK(r.budget_lines == 1);
  CHECK(settlement(db(), org, 2031).carried_in == 26'000);
  const auto lines = budget_lines(db(), org, 2031);
  for (const auto& l : lines)
    if (l.category.name == "会費") {
      CHECK(l.draft);
      CHECK(l.budget == 40'000);
      CHECK(l.last_year_actual == 36'000);
    }
  CHECK_THROWS_WITH(add_entry(db(), org, {{2031, 3, 1}, "現金", "会費", 1, "", "", ""}),
                    Catch::Contains("closed"));
  CHECK_THROWS_WITH(close_year(db(), org, 2030, {2031, 4, 20}), Catch::Contains("closed already"));
  CHECK(approve_budget(db(), org, 2031) == 1);
}

TEST_CASE_METHOD(
    Year, "after the 監査 a correction is a logged reversal in an open year and the audited figures stay") {
  CHECK_THROWS_WITH(record_audit(db(), org, 2030, {"髙橋 﨑子", "佐々木 健一", {2031, 4, 25}, ""}),
                    Catch::Contains("not closed"));
  close_year(db(), org, 2030, {2031, 4, 20});
  CHECK_THROWS_WITH(record_audit(db(), org, 2030, {"髙橋 﨑子", " ", {2031, 4, 25}, ""}),
                    Catch::Contains("both 監事"));
  record_audit(db(), org, 2030, {"髙橋 﨑子", "佐々木 健一", {2031, 4, 25}, ""});
  CHECK(year_info(db(), org, 2030).state == "audited");
  CHECK_THROWS_WITH(reverse_entry(db(), org, fee, "誤り", {2031, 3, 31}, "会計"), Catch::Contains("audited"));
  const Id back = reverse_entry(db(), org, fee, "会費の一部は前年度分", {2031, 5, 10}, "会計");
  CHECK(get_entry(db(), org, back).fiscal_year == 2031);
  CHECK(settlement(db(), org, 2030).income_total == 10'000 + 36'000);  // the audited 決算 unchanged
  CHECK(settlement(db(), org, 2031).carry_out() == 26'000 - 36'000);
  CHECK_THAT(last_detail("ledger.entry.reverse"), Catch::Contains("会費の一部は前年度分"));
}

TEST_CASE_METHOD(Year, "the hand-over opens in next year's 会計's books and re-importing it adds nothing") {
  add_transfer(db(), org, {{2030, 9, 1}, "現金", "普通預金", 5'000, "", "会計"});
  add_category(db(), org, Side::Expense, "盆踊り", "ぼんおどり", "事業費");
  close_year(db(), org, 2030, {2031, 4, 20});
  const std::string file = handover_file(db(), org, 2030);
  test::LedgerDb next(false);
  const auto first = import_handover(next.db(), next.org, file, "新会計");
  CHECK(first.entries_added == 5);  // 現金's opening, two entries, two halves of the transfer
  const auto again = import_handover(next.db(), next.org, file, "新会計");
  CHECK(again.entries_added == 0);
  CHECK(again.entries_present == 5);
  const Settlement mine = settlement(db(), org, 2030), theirs = settlement(next.db(), next.org, 2030);
  CHECK(theirs.carry_out() == mine.carry_out());
  CHECK(theirs.income_total == mine.income_total);
  CHECK(find_category(next.db(), next.org, "盆踊り").path == "事業費／盆踊り");
  CHECK(year_info(next.db(), next.org, 2030).state == "closed");
  CHECK_THROWS_WITH(import_handover(next.db(), next.org, "{}", "x"),
                    Catch::Contains("not a ledger hand-over"));
  CHECK_THROWS_WITH(import_handover(db(), org, file, "x"), Catch::Contains("of their own"));
}

TEST_CASE_METHOD(test::LedgerDb, "budgets kept before they were per fund become the 一般会計's") {
  ensure_books(db(), org);
  add_fund(db(), org, "修繕積立金会計");
  set_budget(db(), org, 2030, find_category(db(), org, "会費").id, 175'000);
  set_budget(db(), org, 2030, find_category(db(), org, "夏祭り").id, 140'000, true, "提灯を新調");
  // The file as the first version of the books left it: budgets without a fund, no 備考 table.
  db().exec(
      "DROP TABLE ledger_settlement_notes;"
      "CREATE TABLE old_budgets AS SELECT org_id, year, category_id, amount, draft, note FROM ledger_budgets;"
      "DROP TABLE ledger_budgets;"
      "CREATE TABLE ledger_budgets(org_id INTEGER NOT NULL, year INTEGER NOT NULL, category_id INTEGER NOT "
      "NULL, amount INTEGER NOT NULL, draft INTEGER NOT NULL DEFAULT 0, note TEXT NOT NULL DEFAULT '', "
      "PRIMARY KEY(year, category_id));"
      "INSERT INTO ledger_budgets SELECT * FROM old_budgets; DROP TABLE old_budgets;"
      "DELETE FROM schema_migrations WHERE owner = 'ledger' AND version = 2;");
  REQUIRE(sdk::schema_version(db(), "ledger") == 1);
  CHECK(sdk::migrate(db(), "ledger", migrations()) == 1);
  CHECK(count("SELECT count(*) FROM ledger_budgets b JOIN ledger_funds f ON f.id = b.fund_id WHERE f.name = "
              "'一般会計'") == 2);
  CHECK(settlement(db(), org, 2030).expense_budget == 140'000);
  CHECK(settlement(db(), org, 2030, "修繕積立金会計").expense_budget == 0);
  for (const auto& l : budget_lines(db(), org, 2030))
    if (l.category.name == "夏祭り") CHECK((l.draft && l.note == "提灯を新調"));
}
