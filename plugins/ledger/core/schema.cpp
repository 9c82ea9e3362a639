#include "core/schema.hpp"

namespace wasshoi::ledger {

namespace {

// Amounts are whole yen in INTEGER columns. An entry's `amount` is what it does to its account's
// balance (income and money transferred in > 0, expenses and money transferred out < 0), so a
// balance is one SUM. Entries are never updated or deleted: a correction is a new entry that
// `reverses` the old one (its amount negated), with the reason.
constexpr const char* kV1 = R"sql(
CREATE TABLE ledger_settings(
  org_id INTEGER PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  start_month INTEGER NOT NULL DEFAULT 4 CHECK(start_month BETWEEN 1 AND 12),
  income_account_id INTEGER);
CREATE TABLE ledger_funds(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK(length(trim(name)) > 0),
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE(org_id, name));
CREATE TABLE ledger_accounts(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  fund_id INTEGER NOT NULL REFERENCES ledger_funds(id),
  name TEXT NOT NULL CHECK(length(trim(name)) > 0),
  kind TEXT NOT NULL CHECK(kind IN ('cash', 'bank', 'deposit')),
  position INTEGER NOT NULL DEFAULT 0,
  retired INTEGER NOT NULL DEFAULT 0,
  csv_mapping TEXT NOT NULL DEFAULT '',
  UNIQUE(org_id, name));
CREATE TABLE ledger_categories(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  parent_id INTEGER REFERENCES ledger_categories(id),
  side TEXT NOT NULL CHECK(side IN ('income', 'expense')),
  name TEXT NOT NULL CHECK(length(trim(name)) > 0),
  reading TEXT NOT NULL DEFAULT '',
  position INTEGER NOT NULL DEFAULT 0,
  retired INTEGER NOT NULL DEFAULT 0,
  UNIQUE(org_id, side, parent_id, name));
CREATE TABLE ledger_years(
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  state TEXT NOT NULL CHECK(state IN ('closed', 'audited')),
  closed_on TEXT,
  carried INTEGER NOT NULL DEFAULT 0,
  auditor1 TEXT NOT NULL DEFAULT '',
  auditor2 TEXT NOT NULL DEFAULT '',
  audited_on TEXT,
  audit_opinion TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(org_id, year));
CREATE TABLE ledger_grants(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK(length(trim(name)) > 0),
  body TEXT NOT NULL DEFAULT '',
  amount INTEGER NOT NULL DEFAULT 0,
  purpose TEXT NOT NULL DEFAULT '',
  period_from TEXT,
  period_to TEXT,
  conditions TEXT NOT NULL DEFAULT '');
CREATE TABLE ledger_entries(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  fiscal_year INTEGER NOT NULL,
  day TEXT NOT NULL,
  account_id INTEGER NOT NULL REFERENCES ledger_accounts(id),
  category_id INTEGER REFERENCES ledger_categories(id),
  kind TEXT NOT NULL CHECK(kind IN ('entry', 'transfer', 'opening')),
  amount INTEGER NOT NULL,
  summary TEXT NOT NULL DEFAULT '',
  receipt_no TEXT NOT NULL DEFAULT '',
  entered_by TEXT NOT NULL DEFAULT '',
  transfer_pair INTEGER,
  reverses INTEGER REFERENCES ledger_entries(id),
  reason TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  source_key TEXT,
  grant_id INTEGER REFERENCES ledger_grants(id),
  CHECK((kind = 'entry') = (category_id IS NOT NULL)));
CREATE INDEX ledger_entries_account ON ledger_entries(account_id, day, id);
CREATE INDEX ledger_entries_balance ON ledger_entries(account_id, fiscal_year, kind, amount);
CREATE INDEX ledger_entries_year ON ledger_entries(org_id, fiscal_year, category_id);
CREATE UNIQUE INDEX ledger_entries_reversal ON ledger_entries(reverses) WHERE reverses IS NOT NULL;
CREATE UNIQUE INDEX ledger_entries_source ON ledger_entries(org_id, source_key) WHERE source_key IS NOT NULL;
CREATE TABLE ledger_receipts(
  entry_id INTEGER PRIMARY KEY REFERENCES ledger_entries(id),
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  bytes {blob} NOT NULL);
CREATE TABLE ledger_budgets(
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  year INTEGER NOT NULL,
  category_id INTEGER NOT NULL REFERENCES ledger_categories(id),
  amount INTEGER NOT NULL,
  draft INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(year, category_id));
CREATE TABLE ledger_bank_lines(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  account_id INTEGER NOT NULL REFERENCES ledger_accounts(id),
  day TEXT NOT NULL,
  amount INTEGER NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  occurrence INTEGER NOT NULL DEFAULT 1,
  entry_id INTEGER REFERENCES ledger_entries(id),
  UNIQUE(account_id, day, amount, description, occurrence));
)sql";

// Budgets per fund: a 特別会計 has its own 予算 (the rows there were belong to the 一般会計, the
// organization's first fund). The officer's 備考 of the 収支決算書, per fund, 年度 and 科目.
constexpr const char* kV2 = R"sql(
CREATE TABLE ledger_budgets_v2(
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  fund_id INTEGER NOT NULL REFERENCES ledger_funds(id),
  year INTEGER NOT NULL,
  category_id INTEGER NOT NULL REFERENCES ledger_categories(id),
  amount INTEGER NOT NULL,
  draft INTEGER NOT NULL DEFAULT 0,
  note TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(fund_id, year, category_id));
INSERT INTO ledger_budgets_v2(org_id, fund_id, year, category_id, amount, draft, note)
  SELECT b.org_id, (SELECT f.id FROM ledger_funds f WHERE f.org_id = b.org_id ORDER BY f.position, f.id
  LIMIT 1), b.year, b.category_id, b.amount, b.draft, b.note FROM ledger_budgets b
  WHERE EXISTS(SELECT 1 FROM ledger_funds f WHERE f.org_id = b.org_id);
DROP TABLE ledger_budgets;
ALTER TABLE ledger_budgets_v2 RENAME TO ledger_budgets;
CREATE TABLE ledger_settlement_notes(
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  fund_id INTEGER NOT NULL REFERENCES ledger_funds(id),
  year INTEGER NOT NULL,
  category_id INTEGER NOT NULL REFERENCES ledger_categories(id),
  note TEXT NOT NULL CHECK(length(trim(note)) > 0),
  PRIMARY KEY(fund_id, year, category_id));
)sql";

}  // namespace

std::vector<sdk::Migration> migrations() {
  return {{1, "settings, funds, accounts, categories, years, grants, entries, receipts, budgets, bank lines",
           kV1},
          {2, "budgets per fund (the rows there were belong to the 一般会計); 決算書の備考", kV2}};
}

std::vector<sdk::OwnedTable> owned_tables() {
  // Books are the 会計's and the 会長's (役員 in the roles model): no 班長 writes them, and they
  // hold no residents' personal data beyond what the 総会 is shown.
  return {
      {.table = "ledger_settings", .noun = "ledger setting", .org = "$.org_id", .id = "org_id"},
      {.table = "ledger_funds", .noun = "fund", .org = "$.org_id"},
      {.table = "ledger_accounts", .noun = "money account", .org = "$.org_id"},
      {.table = "ledger_categories", .noun = "科目", .org = "$.org_id"},
      {.table = "ledger_years", .noun = "会計年度", .org = "$.org_id", .id = "rowid"},
      {.table = "ledger_grants", .noun = "grant", .org = "$.org_id"},
      {.table = "ledger_entries", .noun = "entry", .org = "$.org_id"},
      {.table = "ledger_receipts",
       .noun = "receipt",
       .org = "(SELECT org_id FROM ledger_entries WHERE id = $.entry_id)",
       .id = "entry_id"},
      {.table = "ledger_budgets", .noun = "budget line", .org = "$.org_id", .id = "rowid"},
      {.table = "ledger_bank_lines", .noun = "bank line", .org = "$.org_id"},
      {.table = "ledger_settlement_notes", .noun = "決算書の備考", .org = "$.org_id", .id = "rowid"},
  };
}

}  // namespace wasshoi::ledger
