#include "core/schema.hpp"

namespace wasshoi::members {

namespace {

// Households and the people in them. `search` holds the folded name, reading and address
// (search_text.hpp), `sort_key` the folded reading.
constexpr const char* kRosterV1 = R"sql(
CREATE TABLE members_households(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  han_id INTEGER REFERENCES han(id) ON DELETE SET NULL,
  address TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  people INTEGER NOT NULL DEFAULT 1 CHECK (people >= 0),
  joined_on TEXT,
  left_on TEXT,
  notes TEXT NOT NULL DEFAULT '',
  CHECK (left_on IS NULL OR joined_on IS NULL OR left_on >= joined_on)
);
CREATE INDEX members_households_org_han ON members_households(org_id, han_id);

CREATE TABLE members_persons(
  id {id},
  household_id INTEGER NOT NULL REFERENCES members_households(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(name) > 0),
  reading TEXT NOT NULL DEFAULT '',
  relation TEXT NOT NULL DEFAULT '',
  birth_year INTEGER,
  is_head INTEGER NOT NULL DEFAULT 0,
  needs_support INTEGER NOT NULL DEFAULT 0,
  helper_id INTEGER REFERENCES members_persons(id) ON DELETE SET NULL,
  support_note TEXT NOT NULL DEFAULT '',
  sort_key TEXT NOT NULL DEFAULT '',
  search TEXT NOT NULL DEFAULT ''
);
CREATE INDEX members_persons_household ON members_persons(household_id);
CREATE INDEX members_persons_support ON members_persons(org_id) WHERE needs_support = 1;

--@ sqlite
-- Search: the folded text is stored a character per word (search_text.hpp); this index answers
-- a phrase of those characters, i.e. any substring, from one character up. It reads the text
-- from members_persons (external content) and the triggers keep it in step. Version 4 replaces
-- the index (kSearchCharactersV4); the triggers stay.
CREATE VIRTUAL TABLE members_search USING fts5(
  search, content = 'members_persons', content_rowid = 'id', columnsize = 0,
  tokenize = 'unicode61 remove_diacritics 0');
-- An import adds its persons to the index in one statement at the end (SearchBulkLoad): FTS5
-- is ten times faster so than a row at a time. A row here, only ever inside that import's
-- transaction, switches the per-row trigger off meanwhile.
CREATE TABLE members_search_bulk(active INTEGER PRIMARY KEY CHECK (active = 1));
CREATE TRIGGER members_persons_search_insert AFTER INSERT ON members_persons
WHEN NOT EXISTS (SELECT 1 FROM members_search_bulk) BEGIN
  INSERT INTO members_search(rowid, search) VALUES (new.id, new.search);
END;
CREATE TRIGGER members_persons_search_delete AFTER DELETE ON members_persons BEGIN
  INSERT INTO members_search(members_search, rowid, search) VALUES ('delete', old.id, old.search);
END;
CREATE TRIGGER members_persons_search_update AFTER UPDATE OF search ON members_persons BEGIN
  INSERT INTO members_search(members_search, rowid, search) VALUES ('delete', old.id, old.search);
  INSERT INTO members_search(rowid, search) VALUES (new.id, new.search);
END;
-- PostgreSQL searches with a GIN index on the characters (version 6, kSearchServerV6); the
-- import writes the bulk-load marker on both engines.
--@ postgresql
CREATE TABLE members_search_bulk(active INTEGER PRIMARY KEY CHECK (active = 1));
)sql";

// Roles (役職) per 年度. Kinds with org_id NULL are the defaults every 自治会 starts with;
// an organization adds its own (configurable).
constexpr const char* kRolesV1 = R"sql(
CREATE TABLE members_role_kinds(
  id {id},
  org_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  per_han INTEGER NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (org_id, name)
);
INSERT INTO members_role_kinds(org_id, name, per_han, sort_order) VALUES
  (NULL, '会長', 0, 10), (NULL, '副会長', 0, 20), (NULL, '会計', 0, 30), (NULL, '書記', 0, 40),
  (NULL, '監事', 0, 50), (NULL, '班長', 1, 60), (NULL, '防災担当', 0, 70);

CREATE TABLE members_roles(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL REFERENCES members_persons(id) ON DELETE CASCADE,
  role_kind_id INTEGER NOT NULL REFERENCES members_role_kinds(id) ON DELETE RESTRICT,
  fiscal_year INTEGER NOT NULL,
  han_id INTEGER REFERENCES han(id) ON DELETE SET NULL,
  UNIQUE (person_id, role_kind_id, fiscal_year)
);
CREATE INDEX members_roles_org_year ON members_roles(org_id, fiscal_year);
)sql";

// Dues (会費): one amount per 年度 per organization; payments per household.
constexpr const char* kDuesV1 = R"sql(
CREATE TABLE members_dues_rates(
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  fiscal_year INTEGER NOT NULL,
  amount INTEGER NOT NULL CHECK (amount >= 0),
  PRIMARY KEY (org_id, fiscal_year)
);
CREATE TABLE members_dues_payments(
  id {id},
  household_id INTEGER NOT NULL REFERENCES members_households(id) ON DELETE CASCADE,
  fiscal_year INTEGER NOT NULL,
  amount INTEGER NOT NULL CHECK (amount > 0),
  paid_on TEXT NOT NULL,
  collected_by TEXT NOT NULL DEFAULT ''
);
CREATE INDEX members_dues_payments_year ON members_dues_payments(fiscal_year, household_id);
)sql";

// The search index as version 1 made it (a phrase of one-character words, with positions) took
// a third of a 100 000-row import and as much of the file as the persons' names. This one keeps
// only which characters each person's text holds (detail=none); the exact substring test runs
// on the few rows the characters pick (search_text.hpp). `ascii` splits only on ASCII
// punctuation and spaces, so every other character is its own word, as stored.
constexpr const char* kSearchCharactersV4 = R"sql(
--@ sqlite
DROP TABLE members_search;
CREATE VIRTUAL TABLE members_search USING fts5(
  search, content = 'members_persons', content_rowid = 'id', columnsize = 0, detail = none,
  tokenize = 'ascii');
INSERT INTO members_search(members_search) VALUES ('rebuild');
)sql";

// Dues as 自治会 collect them: how the 年度's dues are collected (once, 前期/後期, monthly), a
// household's own amount (単身世帯 pay less) and 減免 (full or partial, with the reason), and
// corrections: a payment recorded by mistake is never deleted; a reversal row (same positive
// amount, `reverses` naming the payment, the reason) takes it back, and both stay in the history.
constexpr const char* kDuesHouseholdsV5 = R"sql(
ALTER TABLE members_dues_rates ADD COLUMN schedule TEXT NOT NULL DEFAULT 'yearly'
  CHECK (schedule IN ('yearly', 'half', 'monthly'));
CREATE TABLE members_dues_households(
  household_id INTEGER NOT NULL REFERENCES members_households(id) ON DELETE CASCADE,
  fiscal_year INTEGER NOT NULL,
  amount INTEGER CHECK (amount IS NULL OR amount >= 0),
  exemption TEXT NOT NULL DEFAULT '' CHECK (exemption IN ('', 'full', 'partial')),
  waived INTEGER NOT NULL DEFAULT 0 CHECK (waived >= 0),
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (household_id, fiscal_year)
);
ALTER TABLE members_dues_payments ADD COLUMN reverses INTEGER REFERENCES members_dues_payments(id);
ALTER TABLE members_dues_payments ADD COLUMN reason TEXT NOT NULL DEFAULT '';
CREATE UNIQUE INDEX members_dues_payments_reversal ON members_dues_payments(reverses) WHERE reverses IS NOT NULL;
)sql";

// The search on PostgreSQL (docs/engines.md): pg_trgm gives no trigrams for Japanese text
// under the C locale and cannot answer one or two characters, so the folded text's characters
// (stored a character per word, search_text.hpp) are indexed as an array: GIN answers "holds
// every character of the query" (@>), as FTS5 does on SQLite, and strpos makes it a substring.
// The organization's own persons are found by org_id (FTS5 has its own table on SQLite).
constexpr const char* kSearchServerV6 = R"sql(
--@ postgresql
CREATE INDEX members_persons_search_chars ON members_persons USING gin (string_to_array(search, ' '));
CREATE INDEX members_persons_org ON members_persons(org_id);
)sql";

// A person's helper (helper_id, who checks on a 要支援者) is ON DELETE SET NULL: removing any
// person looks for the persons they helped. Without an index that was a scan of every person of
// every 自治会 (tens of milliseconds a removal in a city, hours for a mass delete). Partial: most
// persons have no helper, and the lookups (helper_id = ?) imply NOT NULL on both engines.
constexpr const char* kHelperIndexV7 = R"sql(
CREATE INDEX members_persons_helper ON members_persons(helper_id) WHERE helper_id IS NOT NULL;
)sql";

// The search index per organization: every person's indexed text starts with a word naming
// their 自治会 ("org12", which no folded text holds: it has one character per word), and every
// search asks for it with the query's characters, so the index answers "this 自治会's persons
// holding these characters" by itself. Before, it answered for the whole database and the
// 自治会 was filtered afterwards: in a city (120 000 persons, 455 自治会) a common character
// matched thousands of other 自治会' persons first (SQLite: 10–30 ms a search).
// SQLite: FTS5 reads the text through a view (external content); the triggers write the same.
// PostgreSQL: the GIN index on the characters gets the same word first.
constexpr const char* kSearchPerOrganizationV8 = R"sql(
--@ sqlite
DROP TRIGGER members_persons_search_insert;
DROP TRIGGER members_persons_search_delete;
DROP TRIGGER members_persons_search_update;
DROP TABLE members_search;
CREATE VIEW members_search_text(id, search) AS
  SELECT id, 'org' || org_id || ' ' || search FROM members_persons;
CREATE VIRTUAL TABLE members_search USING fts5(
  search, content = 'members_search_text', content_rowid = 'id', columnsize = 0, detail = none,
  tokenize = 'ascii');
INSERT INTO members_search(members_search) VALUES ('rebuild');
CREATE TRIGGER members_persons_search_insert AFTER INSERT ON members_persons
WHEN NOT EXISTS (SELECT 1 FROM members_search_bulk) BEGIN
  INSERT INTO members_search(rowid, search) VALUES (new.id, 'org' || new.org_id || ' ' || new.search);
END;
CREATE TRIGGER members_persons_search_delete AFTER DELETE ON members_persons BEGIN
  INSERT INTO members_search(members_search, rowid, search)
  VALUES ('delete', old.id, 'org' || old.org_id || ' ' || old.search);
END;
CREATE TRIGGER members_persons_search_update AFTER UPDATE OF search, org_id ON members_persons BEGIN
  INSERT INTO members_search(members_search, rowid, search)
  VALUES ('delete', old.id, 'org' || old.org_id || ' ' || old.search);
  INSERT INTO members_search(rowid, search) VALUES (new.id, 'org' || new.org_id || ' ' || new.search);
END;
--@ postgresql
DROP INDEX members_persons_search_chars;
CREATE INDEX members_persons_search_chars ON members_persons
  USING gin (string_to_array('org' || CAST(org_id AS TEXT) || ' ' || search, ' '));
)sql";

}  // namespace

const std::vector<sdk::Migration>& migrations() {
  static const std::vector<sdk::Migration> list = {
      {1, "households and persons", kRosterV1},
      {2, "roles per 年度", kRolesV1},
      {3, "dues per 年度 and payments", kDuesV1},
      {4, "search index of characters", kSearchCharactersV4},
      {5, "dues per household, 減免, instalments and reversals", kDuesHouseholdsV5},
      {6, "search index of characters on PostgreSQL", kSearchServerV6},
      {7, "index on the persons' helpers", kHelperIndexV7},
      {8, "search index per organization", kSearchPerOrganizationV8},
  };
  return list;
}

std::vector<sdk::OwnedTable> owned_tables() {
  const std::string household_han = "(SELECT han_id FROM members_households WHERE id = $.household_id)";
  const std::string household_org = "(SELECT org_id FROM members_households WHERE id = $.household_id)";
  return {
      {.table = "members_households",
       .noun = "household",
       .org = "$.org_id",
       .han = "$.han_id",
       .personal = true,
       .han_leaders_write = true},
      {.table = "members_persons",
       .noun = "person",
       .org = "$.org_id",
       .han = household_han,
       .personal = true,
       .han_leaders_write = true},
      {.table = "members_dues_payments",
       .noun = "dues payment",
       .org = household_org,
       .han = household_han,
       .personal = true,
       .han_leaders_write = true},
      {.table = "members_roles", .noun = "role assignment", .org = "$.org_id", .personal = true},
      {.table = "members_role_kinds", .noun = "role kind", .org = "$.org_id"},
      {.table = "members_dues_households",
       .noun = "household's dues",
       .org = household_org,
       .han = household_han,
       .id = "rowid",
       .personal = true},
      {.table = "members_dues_rates", .noun = "dues amount", .org = "$.org_id", .id = "rowid"},
  };
}

}  // namespace wasshoi::members
