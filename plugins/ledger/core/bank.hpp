#pragma once
// Reconciliation with the bank: a statement CSV (CP932 or UTF-8, as the bank's web site gives it)
// is imported into an account's statement lines, matched with the 出納帳 (same account, same
// amount, within a few days), and what is on one side only is shown. The columns are mapped
// once and remembered per account; importing the same statement again adds nothing (a line is
// its day, amount, description and how many times that same line came before it in the file).
#include <string>
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::ledger {

// 1-based columns; 0: none. Either `amount` (signed) or `deposit`/`withdrawal`.
struct ColumnMapping {
  int date = 0, description = 0, amount = 0, deposit = 0, withdrawal = 0;
  int skip = 1;              // header lines
  std::string text() const;  // "date=1,desc=2,in=3,out=4,skip=1"
  bool empty() const { return date == 0; }
};
// "date=1,desc=2,in=3,out=4,skip=1" (also amount=N); InputError naming what is wrong.
ColumnMapping parse_mapping(const std::string& text);
// The mapping remembered for the account, if any.
ColumnMapping account_mapping(sdk::Database& db, OrgId org, Id account);

struct StatementImport {
  int lines = 0;    // lines read from the file
  int added = 0;    // new lines
  int present = 0;  // imported before
  int matched = 0;  // new matches with the 出納帳
  std::string encoding;
};
// `mapping` empty: the account's remembered one, or one guessed from the header (日付, 摘要,
// お預入れ, お引出し, 金額 …) — remembered once it has read the file. InputError naming the line
// and column of a date or amount that is not one.
StatementImport import_statement(sdk::Database& db, OrgId org, const std::string& account,
                                 const std::string& bytes, ColumnMapping mapping = {});

struct BankLine {
  Id id = 0;
  std::optional<Date> day;
  std::int64_t amount = 0;
  std::string description;
  std::optional<Id> entry;
};
struct Reconciliation {
  Account account;
  std::vector<BankLine> bank_only;  // on the statement, not in the 出納帳
  std::vector<Entry> book_only;     // in the 出納帳 within the statement's dates, not on it
  int matched = 0;
};
Reconciliation reconcile(sdk::Database& db, OrgId org, const std::string& account);

}  // namespace wasshoi::ledger
