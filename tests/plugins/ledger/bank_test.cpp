// Reconciliation with the bank statement: CP932 or UTF-8 CSV, columns remembered per account,
// the same statement twice adds nothing, one changed line shows as unmatched.
#include "core/bank.hpp"

#include <catch2/catch.hpp>

#include "core/books.hpp"
#include "core/entries.hpp"
#include "ledger_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::ledger;

namespace {

// As a bank's web site gives it: its own column names, deposits and withdrawals apart.
const std::string kStatement =
    "取引日,お取引内容,お引出し金額,お預入れ金額,残高\r\n"
    "2030/06/02,ｲﾁﾉｾｷｼ ﾎｼﾞｮｷﾝ,,150000,150000\r\n"
    "2030/07/31,ｹﾞﾝｷﾝ ｱｽﾞｹｲﾚ,,300000,450000\r\n"
    "2030/11/10,ｼｬｷｮｳ ｶｲﾋ,36000,,414000\r\n"
    "2030/11/30,ﾃｽｳﾘｮｳ,220,,413780\r\n";

struct Statement : test::LedgerDb {
  Statement() : test::LedgerDb(false) {
    add_entry(db(), org, {{2030, 6, 1}, "普通預金", "補助金", 150'000, "補助金", "", "会計"});
    add_transfer(db(), org, {{2030, 7, 31}, "現金", "普通預金", 300'000, "", "会計"});
    add_entry(db(), org, {{2030, 11, 10}, "普通預金", "負担金", 36'000, "社協", "", "会計"});
    add_entry(db(), org, {{2030, 12, 1}, "普通預金", "事務費", 1'000, "振込手数料", "", "会計"});
  }
};

std::string cp932(const std::string& utf8) {
  return *sdk::utf8_to_cp932(utf8);
}

}  // namespace

TEST_CASE_METHOD(Statement, "a CP932 statement is matched and what is on one side only is shown") {
  const auto r = import_statement(db(), org, "普通預金", cp932(kStatement));
  CHECK(r.encoding == "Shift_JIS (CP932)");
  CHECK(r.lines == 4);
  CHECK(r.added == 4);
  CHECK(r.matched == 3);  // the 補助金 a day apart, the transfer, the 負担金
  const Reconciliation rec = reconcile(db(), org, "普通預金");
  CHECK(rec.matched == 3);
  REQUIRE(rec.bank_only.size() == 1);
  CHECK(rec.bank_only[0].amount == -220);
  CHECK(rec.bank_only[0].description == "ﾃｽｳﾘｮｳ");
  REQUIRE(rec.book_only.empty());  // the 12月 entry is after the statement's last day
  CHECK(account_mapping(db(), org, find_account(db(), org, "普通預金").id).text() ==
        "date=1,desc=2,in=4,out=3,skip=1");
}

TEST_CASE_METHOD(Statement,
                 "the same statement imported twice adds nothing and a changed line shows as unmatched") {
  import_statement(db(), org, "普通預金", kStatement);
  const auto again = import_statement(db(), org, "普通預金", cp932(kStatement));
  CHECK(again.added == 0);
  CHECK(again.present == 4);
  CHECK(count("SELECT count(*) FROM ledger_bank_lines") == 4);
  std::string changed = kStatement;
  changed.replace(changed.find("36000"), 5, "36500");
  const auto third = import_statement(db(), org, "普通預金", changed);
  CHECK(third.added == 1);
  CHECK(third.matched == 0);
  const auto rec = reconcile(db(), org, "普通預金");
  bool shown = false;
  for (const auto& l : rec.bank_only) shown |= l.amount == -36'500;
  CHECK(shown);
}

TEST_CASE_METHOD(Statement,
                 "a statement with columns of its own is mapped once and the mapping is remembered") {
  const std::string odd = "a,b,c\n2030-06-02,150000,補助金\n";
  CHECK_THROWS_WITH(import_statement(db(), org, "普通預金", odd), Catch::Contains("not recognised"));
  CHECK(import_statement(db(), org, "普通預金", odd, parse_mapping("date=1,amount=2,desc=3")).matched == 1);
  const std::string next = "a,b,c\n2030-11-10,-36000,社協\n";
  CHECK(import_statement(db(), org, "普通預金", next).matched == 1);  // the remembered mapping
  CHECK_THROWS_WITH(import_statement(db(), org, "普通預金", "a,b,c\n2030-13-45,1,x\n"),
                    Catch::Contains("line 2, column 1"));
  CHECK_THROWS_WITH(parse_mapping("date=1"), Catch::Contains("amount"));
}
