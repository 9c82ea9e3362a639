#pragma once
// Versioned schema migrations, one list per owner (the host core or a plugin id). A migration is
// never edited once shipped: add a new version instead. Each runs in its own transaction; a
// failure rolls that one back, leaves the file at the previous version and throws.
#include <span>
#include <string>
#include <vector>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::sdk {

struct Migration {
  int version;              // 1, 2, 3 … in order
  std::string description;  // what it does, for the log
  std::string sql;          // one or more statements
};

// Applies the migrations of `owner` above its current version; returns how many ran.
int migrate(Database& db, const std::string& owner, std::span<const Migration> migrations);
// The version of `owner` recorded in the database (0 when none).
int schema_version(Database& db, const std::string& owner);

}  // namespace wasshoi::sdk
