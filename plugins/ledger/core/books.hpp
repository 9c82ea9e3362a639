#pragma once
// Setting up the books of an organization: the 会計年度's start month, funds, money accounts and
// the 科目 tree (from the 自治会 template, then edited). Every write is one audited transaction;
// who may write is the host's row guard (the 会長 and 役員 — the 会計 is a 役員 — write; a 班長
// and a 閲覧 read; another organization neither).
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::ledger {

// The month the 会計年度 starts (April unless set).
int start_month(sdk::Database& db, OrgId org);
// InputError for a month outside 1–12, or once the books have entries (their 年度 are fixed).
void set_start_month(sdk::Database& db, OrgId org, int month);
// The 会計年度 `day` falls in (named by the calendar year it starts in) and its first and last day.
int fiscal_year_of(const Date& day, int start_month);
Date year_start(int year, int start_month);
Date year_end(int year, int start_month);

// Called first in every transaction that writes an organization's books: what it checks before
// writing (a closed 年度, an opening balance there already, the sums a 年度 is closed with) stays
// true until it commits. On SQLite the transaction holds the file's write lock (BEGIN IMMEDIATE)
// already; on PostgreSQL this locks the organization's ledger_settings row (FOR NO KEY UPDATE,
// made first when missing), so a second writer of the same books waits (docs/engines.md).
void lock_books(sdk::Database& db, OrgId org);

// Creates 一般会計 with 現金 and 普通預金 and the 科目 template, once; returns false when the
// organization has books already. Called by every write that needs them.
bool ensure_books(sdk::Database& db, OrgId org);

std::vector<Fund> funds(sdk::Database& db, OrgId org);
Id add_fund(sdk::Database& db, OrgId org, const std::string& name);
Fund find_fund(sdk::Database& db, OrgId org, const std::string& name);  // InputError naming the choices

std::vector<Account> accounts(sdk::Database& db, OrgId org, bool with_retired = false);
Id add_account(sdk::Database& db, OrgId org, const std::string& fund, const std::string& name,
               AccountKind kind);
// By name or id ("現金", "2"); InputError naming the accounts there are.
Account find_account(sdk::Database& db, OrgId org, const std::string& name);
Account get_account(sdk::Database& db, OrgId org, Id id);
// The account 会費 and 使用料 flow into (the first cash account unless set).
Id income_account(sdk::Database& db, OrgId org);
void set_income_account(sdk::Database& db, OrgId org, Id account);

std::vector<Category> categories(sdk::Database& db, OrgId org, bool with_retired = false);
Id add_category(sdk::Database& db, OrgId org, Side side, const std::string& name, const std::string& reading,
                const std::string& parent = {});
void rename_category(sdk::Database& db, OrgId org, Id id, const std::string& name,
                     const std::string& reading);
// A 科目 with entries is retired (kept for the old books), one without is removed.
void retire_category(sdk::Database& db, OrgId org, Id id);
// By path (事業費／夏祭り), name, reading or part of either, as the officer types it: the one
// match, or InputError listing the candidates.
Category find_category(sdk::Database& db, OrgId org, const std::string& text, std::optional<Side> side = {});
// The 科目 matching what is typed (name, reading or path; kana and width folded), best first.
std::vector<Category> match_categories(const std::vector<Category>& all, const std::string& typed);

// The 科目 for money from elsewhere: 会費 and 事業収入 (施設使用料) of the template.
Id category_for_source(sdk::Database& db, OrgId org, const std::string& source);

}  // namespace wasshoi::ledger
