#pragma once
// The role matrix, once, for both programs (docs/access.md):
//  - may / require: the acts that are more than writing rows (backups, accounts, reopening …);
//  - RowGuard: whose rows each table holds (sdk::OwnedTable, declared by the plugins). It checks
//    every write below the plugins — TEMP triggers on the connection call back into it — and
//    every lookup by id (require_visible).
#include <map>
#include <string>
#include <string_view>
#include <wasshoi/host/organizations.hpp>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::host {

// Whether `access` may do `act` for organization `org`; require throws InputError saying who
// may instead.
bool may(const sdk::Access& access, Organizations& orgs, sdk::Act act, OrgId org);
void require(const sdk::Access& access, Organizations& orgs, sdk::Act act, OrgId org);
const char* act_label(sdk::Act act);

// A declaration's expression (sdk::OwnedTable: "$.org_id", "(SELECT … WHERE id = $.household_id)")
// made to read the row named `alias`; "NULL" for an empty one.
std::string on_row(const std::string& expr, std::string_view alias);

class RowGuard {
 public:
  // `access` is read at every check: the GUI signs in and out on one connection.
  explicit RowGuard(const sdk::Access& access) : access_(access) {}
  RowGuard(const RowGuard&) = delete;
  RowGuard& operator=(const RowGuard&) = delete;

  // A table declared by `plugin`. A second declaration of one table is a plugin error.
  void add(const std::string& plugin, const sdk::OwnedTable& table);
  bool knows(std::string_view table) const { return tables_.count(std::string(table)) > 0; }

  // Creates the TEMP triggers (this connection only, invisible to others) that send every
  // insert, update and delete of a declared table through check_write, and the SQL function they
  // call. Idempotent. InputError naming the table when a declaration does not compile.
  void install(sdk::Database& db);

  // InputError unless row `id` of `table` exists and `access` may see it. Same message for a
  // row that does not exist and one that is not the officer's.
  void require_visible(sdk::Database& db, std::string_view table, std::int64_t id) const;

  struct Entry {
    std::string plugin;
    sdk::OwnedTable decl;
  };
  // Called from the triggers: whether the row (owner org, 班, co-owner) may be written.
  // Empty string: allowed; otherwise why not.
  std::string check_write(sdk::Database& db, const Entry& e, const char* op, std::optional<OrgId> org,
                          std::optional<std::int64_t> han, std::optional<OrgId> co_org) const;
  const Entry* find(std::string_view table) const;
  const std::map<std::string, Entry, std::less<>>& entries() const { return tables_; }

 private:
  bool may_read(Organizations& orgs, const Entry& e, std::optional<OrgId> org,
                std::optional<std::int64_t> han, std::optional<OrgId> co_org) const;
  const sdk::Access& access_;
  std::map<std::string, Entry, std::less<>> tables_;
};

}  // namespace wasshoi::host
