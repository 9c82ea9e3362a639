#pragma once
// A read-then-write check that must stay true until its transaction commits (a closed 年度, a
// state, "no answer sheets yet"): call lock_row first in the transaction, then read and check.
// SQLite's Transaction holds the file's write lock from its first statement (BEGIN IMMEDIATE), so
// there it does nothing; on PostgreSQL (READ COMMITTED) it locks the row `key_column = key` of
// `table` (SELECT … FOR NO KEY UPDATE), so a second writer waits, up to lock_timeout, and then
// reads what the first one committed (docs/engines.md, "Read-then-write checks on a server").
#include <cstdint>
#include <string_view>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::sdk {

// `table` and `key_column` are the plugin's own names, never a user's text.
void lock_row(Database& db, std::string_view table, std::string_view key_column, std::int64_t key);

}  // namespace wasshoi::sdk
