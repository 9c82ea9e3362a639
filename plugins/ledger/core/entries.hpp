#pragma once
// The 出納帳: entries (income and expense), transfers between accounts (not income), opening
// balances, corrections (a new entry that reverses the old, with the reason — never an edit),
// receipts attached as pictures or PDF. A year closed or audited takes no entries; a correction
// of its entries goes into an open year.
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::ledger {

struct NewEntry {
  Date day;
  std::string account;      // name or id
  std::string category;     // name, reading or path; decides income or expense
  std::int64_t amount = 0;  // > 0 whole yen
  std::string summary;      // 摘要
  std::string receipt_no;   // 領収書番号
  std::string entered_by;
  std::optional<Id> grant;
  // The receipt (領収書) as a file's name and bytes: PNG, JPEG or PDF, kept with the entry in the
  // same transaction. Empty name: none.
  std::string receipt_name;
  std::string receipt_bytes;
};
// InputError for an amount out of range, an unknown account or 科目, a closed 年度. Returns the id.
Id add_entry(sdk::Database& db, OrgId org, const NewEntry& entry);

struct NewTransfer {
  Date day;
  std::string from, to;  // accounts
  std::int64_t amount = 0;
  std::string summary;
  std::string entered_by;
};
// Two entries (out of `from`, into `to`) paired; returns the id of the first.
Id add_transfer(sdk::Database& db, OrgId org, const NewTransfer& transfer);

// The balance an account starts the books with (once per account, in an open year).
Id set_opening_balance(sdk::Database& db, OrgId org, const std::string& account, const Date& day,
                       std::int64_t amount, const std::string& entered_by);

// True once the account has its opening balance.
bool has_opening_balance(sdk::Database& db, Id account);

// Takes an entry back: a new entry of the negated amount (both halves for a transfer), dated
// `on` (in an open year), with the reason in the entry and the audit detail. InputError for a
// blank reason, an entry reversed already or a reversal itself. Returns the reversing entry's id.
Id reverse_entry(sdk::Database& db, OrgId org, Id entry, const std::string& reason, const Date& on,
                 const std::string& by);

// The receipt of an entry (PNG, JPEG or PDF, recognised by its bytes); replaces none (InputError
// when the entry has one).
void attach_receipt(sdk::Database& db, OrgId org, Id entry, const std::string& name,
                    const std::string& bytes);
struct Receipt {
  std::string name, mime;
  std::string bytes;
};
std::optional<Receipt> receipt(sdk::Database& db, OrgId org, Id entry);
// The same for the signed-in officer: an entry they may not see is refused (InputError), as a
// lookup by id is everywhere; the window and the CLI read receipts through this.
std::optional<Receipt> receipt(sdk::Context& ctx, Id entry);

// InputError unless `year` takes entries (not closed nor audited).
void require_open_year(sdk::Database& db, OrgId org, int year);
// "open", "closed" or "audited".
std::string year_state(sdk::Database& db, OrgId org, int year);

struct EntryFilter {
  int year = 0;
  std::optional<Id> account;  // none: every account
  std::optional<Id> grant;
};
// The 出納帳 of a 年度, by day; `balance` is the running balance of each entry's account (the
// balance before the 年度 included). `offset`/`limit` page it (limit 0: all).
std::vector<Entry> book(sdk::Database& db, OrgId org, const EntryFilter& filter, int offset = 0,
                        int limit = 0);
int book_size(sdk::Database& db, OrgId org, const EntryFilter& filter);
Entry get_entry(sdk::Database& db, OrgId org, Id id);

// The balance of an account through `day` (all entries dated on or before it).
std::int64_t balance(sdk::Database& db, Id account, const Date& through);
// The balance of an account over all its entries.
std::int64_t balance(sdk::Database& db, Id account);

}  // namespace wasshoi::ledger
