#include "core/schema.hpp"

namespace wasshoi::issues {

namespace {

// Categories: org_id NULL rows are the defaults every 自治会 starts with; an organization adds
// its own. service_code/service_name map a category onto the city's Open311 service list.
constexpr const char* kCategoriesV1 = R"sql(
CREATE TABLE issues_categories(
  id {id},
  org_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  sort_order INTEGER NOT NULL DEFAULT 0,
  service_code TEXT NOT NULL DEFAULT '',
  service_name TEXT NOT NULL DEFAULT '',
  UNIQUE (org_id, name)
);
INSERT INTO issues_categories(org_id, name, sort_order, service_code, service_name) VALUES
  (NULL, '防犯', 10, 'crime-prevention', '防犯（防犯灯・見守り）'),
  (NULL, '防災', 20, 'disaster-prevention', '防災'),
  (NULL, '交通安全', 30, 'traffic-safety', '交通安全（標識・カーブミラー・横断歩道）'),
  (NULL, '道路・除雪', 40, 'roads-snow', '道路・除雪'),
  (NULL, '子育て', 50, 'child-care', '子育て支援'),
  (NULL, '高齢者・介護', 60, 'elderly-care', '高齢者福祉・介護'),
  (NULL, '環境美化', 70, 'environment', '環境美化'),
  (NULL, 'ごみ', 80, 'waste', 'ごみ・資源回収'),
  (NULL, '空き家', 90, 'vacant-houses', '空き家対策'),
  (NULL, '鳥獣被害', 100, 'wildlife', '鳥獣被害対策'),
  (NULL, 'その他', 999, 'other', 'その他');
)sql";

// One row per issue. uuid is generated once and kept (bundles, Open311); revision grows with
// every change so a newer bundle can be told from an older one. Reporter: member (person id
// through MemberDirectory), named non-member, or anonymous — never printed in lists.
constexpr const char* kIssuesV1 = R"sql(
CREATE TABLE issues_issues(
  id {id},
  uuid TEXT NOT NULL UNIQUE,
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK (length(trim(title)) > 0),
  description TEXT NOT NULL DEFAULT '',
  category TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  landmark TEXT NOT NULL DEFAULT '',
  lat {real} CHECK (lat IS NULL OR (lat BETWEEN -90 AND 90)),
  lon {real} CHECK (lon IS NULL OR (lon BETWEEN -180 AND 180)),
  han_id INTEGER REFERENCES han(id) ON DELETE SET NULL,
  reporter_kind TEXT NOT NULL DEFAULT 'anonymous' CHECK (reporter_kind IN ('member','named','anonymous')),
  reporter_person_id INTEGER,
  reporter_name TEXT NOT NULL DEFAULT '',
  reporter_phone TEXT NOT NULL DEFAULT '',
  reported_on TEXT NOT NULL,
  priority INTEGER NOT NULL DEFAULT 2 CHECK (priority BETWEEN 1 AND 3),
  status TEXT NOT NULL DEFAULT 'received'
    CHECK (status IN ('received','considering','local','to_city','resolved','declined')),
  self_share INTEGER NOT NULL DEFAULT 0,
  mutual_share INTEGER NOT NULL DEFAULT 0,
  public_share INTEGER NOT NULL DEFAULT 0,
  split_note TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  search TEXT NOT NULL DEFAULT '',
  revision INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  CHECK (self_share + mutual_share + public_share IN (0, 100))
);
CREATE INDEX issues_issues_org ON issues_issues(org_id, status);

-- Ids of issues merged into another one: a bundle naming them again lands on the survivor.
CREATE TABLE issues_aliases(
  uuid TEXT PRIMARY KEY,
  issue_id INTEGER NOT NULL REFERENCES issues_issues(id) ON DELETE CASCADE,
  org_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,
  title TEXT NOT NULL DEFAULT ''
);

-- 賛同: one row per household and issue. household_key is stable across databases
-- ("<database uuid>/household/<id>" or "<database uuid>/guest/<folded name>").
CREATE TABLE issues_supports(
  issue_id INTEGER NOT NULL REFERENCES issues_issues(id) ON DELETE CASCADE,
  household_key TEXT NOT NULL,
  household_id INTEGER,
  added_on TEXT NOT NULL,
  PRIMARY KEY (issue_id, household_key)
);

CREATE TABLE issues_history(
  id {id},
  uuid TEXT NOT NULL UNIQUE,
  issue_id INTEGER NOT NULL REFERENCES issues_issues(id) ON DELETE CASCADE,
  on_date TEXT NOT NULL,
  from_status TEXT NOT NULL DEFAULT '',
  to_status TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT ''
);
CREATE INDEX issues_history_issue ON issues_history(issue_id, on_date);

-- Photos and documents, inside the database (size limits in attachments.hpp).
CREATE TABLE issues_attachments(
  id {id},
  uuid TEXT NOT NULL UNIQUE,
  issue_id INTEGER NOT NULL REFERENCES issues_issues(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK (kind IN ('photo','document')),
  name TEXT NOT NULL,
  mime TEXT NOT NULL,
  size INTEGER NOT NULL,
  data {blob} NOT NULL,
  added_on TEXT NOT NULL
);
CREATE INDEX issues_attachments_issue ON issues_attachments(issue_id);

-- This database's own id (household keys, bundle origin).
CREATE TABLE issues_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- Its uuid (version 4, random): SQLite has no uuid function, PostgreSQL has one.
--@ sqlite
INSERT INTO issues_meta(key, value) VALUES('database_uuid',
  lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' || substr(lower(hex(randomblob(2))), 2) || '-' ||
  substr('89ab', 1 + abs(random()) % 4, 1) || substr(lower(hex(randomblob(2))), 2) || '-' || lower(hex(randomblob(6))));
--@ postgresql
INSERT INTO issues_meta(key, value) VALUES('database_uuid', gen_random_uuid()::text);
)sql";

// The supports of an issue are listed in the order they were given (added_on, then the order of
// insertion): SQLite's rowid says that order; a PostgreSQL table has no rowid, so there it is a
// column of that name numbered by a sequence (the rows already there in their stored order).
constexpr const char* kSupportOrderV3 = R"sql(
--@ postgresql
ALTER TABLE issues_supports ADD COLUMN rowid BIGINT GENERATED BY DEFAULT AS IDENTITY;
)sql";

}  // namespace

std::vector<sdk::Migration> migrations() {
  return {{1, "categories with the Open311 mapping", kCategoriesV1},
          {2, "issues, aliases, supports, history, attachments", kIssuesV1},
          {3, "the order of supports on PostgreSQL (SQLite's rowid)", kSupportOrderV3}};
}

std::vector<sdk::OwnedTable> owned_tables() {
  const std::string issue_org = "(SELECT org_id FROM issues_issues WHERE id = $.issue_id)";
  const std::string issue_han = "(SELECT han_id FROM issues_issues WHERE id = $.issue_id)";
  return {
      {.table = "issues_categories", .noun = "category", .org = "$.org_id"},
      {.table = "issues_issues",
       .noun = "issue",
       .org = "$.org_id",
       .han = "$.han_id",
       .han_leaders_write = true},
      {.table = "issues_aliases",
       .noun = "issue alias",
       .org = issue_org,
       .han = issue_han,
       .id = "uuid",
       .han_leaders_write = true},
      {.table = "issues_supports",
       .noun = "support",
       .org = issue_org,
       .han = issue_han,
       .id = "rowid",
       .han_leaders_write = true},
      {.table = "issues_history",
       .noun = "history entry",
       .org = issue_org,
       .han = issue_han,
       .id = "rowid",
       .han_leaders_write = true},
      {.table = "issues_attachments",
       .noun = "attachment",
       .org = issue_org,
       .han = issue_han,
       .han_leaders_write = true},
  };
}

}  // namespace wasshoi::issues
