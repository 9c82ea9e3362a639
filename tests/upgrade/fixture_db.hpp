#pragma once
// Upgrade fixtures (fixtures/*.sql, sqlite3 dumps of databases made at older schema versions)
// loaded into real files, and what was in them, table by table, to compare after an upgrade.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::test {

// tests/upgrade/fixtures/<name>
std::filesystem::path fixture_path(const std::string& name);
// Runs the dump in a new database file at `db` (sqlite3 API, as the sqlite3 shell would).
void load_fixture(const std::string& name, const std::filesystem::path& db);

// Every ordinary table of a database file (not SQLite's own, not FTS5 shadow tables, which an
// index may rewrite), each as its column names and its rows. A row is its values in column
// order, typed and exact (text and blobs byte for byte, reals to the last bit).
struct Table {
  std::vector<std::string> columns;
  std::multiset<std::string> rows;
};
using Tables = std::map<std::string, Table>;
Tables read_tables(const std::filesystem::path& db);
// The same columns of the same tables, read again from `db` (typically after an upgrade): a
// table or column that disappeared throws.
Tables read_tables_like(const std::filesystem::path& db, const Tables& before);
// The same, read through the SDK from a database on either engine (a server copy of a fixture):
// each value typed by its column's kind (host::table_columns), as SQLite types what it stores.
Tables read_tables_like(sdk::Database& db, const Tables& before);
// The rows of `before` missing from `after`, table by table ("table: row"); empty when every
// row is still there with the same values. Rows `after` has in addition are not counted.
std::vector<std::string> missing_rows(const Tables& before, const Tables& after);

// The version of `owner` recorded in the file's schema_migrations.
int recorded_version(const std::filesystem::path& db, const std::string& owner);

}  // namespace wasshoi::test
