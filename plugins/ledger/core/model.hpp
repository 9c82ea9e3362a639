#pragma once
// The ledger's domain types (会計): funds (一般会計, 特別会計), money accounts (現金, 普通預金, 定期),
// 科目 in a tree, entries of the 出納帳, budgets, grants. Amounts are whole yen (std::int64_t).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::ledger {

using OrgId = sdk::OrgId;
using Date = sdk::Date;
using Id = std::int64_t;

// One amount of one entry: far above any 自治会's books, far below where sums of millions of
// entries could overflow 64 bits.
inline constexpr std::int64_t kAmountCeiling = 100'000'000'000;  // 1000億円
inline constexpr sdk::IntRange kAmountRange{1, kAmountCeiling, "yen", "ceiling"};
inline constexpr sdk::IntRange kBudgetRange{0, kAmountCeiling, "yen", "ceiling"};

enum class Side { Income, Expense };
const char* side_key(Side side);         // "income", "expense"
Side parse_side(std::string_view text);  // income/expense/収入/支出; InputError otherwise

enum class AccountKind { Cash, Bank, Deposit };
const char* account_kind_key(AccountKind kind);  // cash, bank, deposit
std::string account_kind_ja(AccountKind kind);   // 現金, 普通預金, 定期預金
AccountKind parse_account_kind(std::string_view text);

struct Fund {  // 一般会計, 特別会計（集会所修繕積立金）: each has its own 決算
  Id id = 0;
  std::string name;
};

struct Account {
  Id id = 0;
  Id fund = 0;
  std::string fund_name;
  std::string name;
  AccountKind kind = AccountKind::Cash;
  bool retired = false;
};

struct Category {
  Id id = 0;
  std::optional<Id> parent;
  Side side = Side::Income;
  std::string name;
  std::string reading;
  std::string path;  // 事業費／夏祭り
  int depth = 0;
  bool retired = false;
};

enum class EntryKind { Entry, Transfer, Opening };
// As stored and as --json and the hand-over file say it: "entry", "transfer", "opening".
const char* kind_key(EntryKind k);

struct Entry {
  Id id = 0;
  int fiscal_year = 0;
  std::optional<Date> day;
  Id account = 0;
  std::string account_name;
  std::optional<Id> category;
  std::string category_path;
  EntryKind kind = EntryKind::Entry;
  std::int64_t amount = 0;  // on the account's balance: income > 0, expense < 0
  std::string summary;      // 摘要
  std::string receipt_no;   // 領収書番号
  std::string entered_by;
  std::optional<Id> transfer_pair;
  std::optional<Id> reverses;
  bool reversed = false;
  std::string reason;
  std::string source;  // "" typed; 会費 / 施設使用料 / 引継ぎ when it came from elsewhere
  std::optional<Id> grant;
  bool has_receipt = false;
  std::int64_t balance = 0;  // the account's running balance after this entry (lists only)
};

}  // namespace wasshoi::ledger
