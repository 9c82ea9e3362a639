#include "core_schema.hpp"

namespace wasshoi::host {

const std::vector<sdk::Migration>& core_migrations() {
  static const std::vector<sdk::Migration> migrations = {
      {1, "organizations, 班, enabled plugins, settings, audit log", R"sql(
CREATE TABLE organizations(
  id {id},
  kind TEXT NOT NULL CHECK (kind IN ('jichikai','kyodotai','npo','company','city','support')),
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  parent_id INTEGER REFERENCES organizations(id) ON DELETE RESTRICT,
  created_at TEXT NOT NULL DEFAULT ({now}),
  CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX organizations_parent ON organizations(parent_id);

CREATE TABLE han(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK (length(trim(name)) > 0),
  sort_order INTEGER NOT NULL DEFAULT 0,
  UNIQUE (org_id, name)
);

CREATE TABLE org_plugins(
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  plugin_id TEXT NOT NULL,
  enabled_at TEXT NOT NULL DEFAULT ({now}),
  PRIMARY KEY (org_id, plugin_id)
);

CREATE TABLE settings(
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

CREATE TABLE audit_log(
  id {id},
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  detail TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
)sql"},
      {2, "officer accounts", R"sql(
CREATE TABLE accounts(
  id {id},
  login TEXT NOT NULL UNIQUE CHECK (length(trim(login)) > 0),
  name TEXT NOT NULL,
  pass_hash TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('kaicho','yakuin','hancho','etsuran')),
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  han_id INTEGER REFERENCES han(id) ON DELETE SET NULL,
  created_at TEXT NOT NULL DEFAULT ({now})
);
)sql"},
      // The 管理者 (administrator) of a file that holds several organizations: backups, restore,
      // organizations, the first account of another organization. The first 会長 is one.
      {3, "administrators", R"sql(
ALTER TABLE accounts ADD COLUMN admin INTEGER NOT NULL DEFAULT 0 CHECK (admin IN (0, 1));
UPDATE accounts SET admin = 1 WHERE id = (SELECT min(id) FROM accounts WHERE role = 'kaicho');
)sql"},
      // Retiring keeps the data: a retired organization is read only and no longer offered to work
      // in; a retired account can no longer sign in (host/core/src/setup.cpp).
      {4, "retired organizations and accounts", R"sql(
ALTER TABLE organizations ADD COLUMN retired_at TEXT;
ALTER TABLE accounts ADD COLUMN retired_at TEXT;
)sql"},
  };
  return migrations;
}

}  // namespace wasshoi::host
