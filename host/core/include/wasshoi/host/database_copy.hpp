#pragma once
// Moving a whole database between engines — a SQLite file to a PostgreSQL server and back
// (`wasshoi-cli db copy`, docs/engines.md "Moving in and out"). Both databases are opened and
// migrated by the same program first, so they hold the same tables; every row of every data table
// is copied with its ids, in one transaction on the target, and each table's rows are then
// counted and checksummed on both sides.
#include <cstdint>
#include <string>
#include <vector>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::host {

// A table's content, the same on both engines for the same rows: the row count and a checksum
// that does not depend on the order rows are read in (the sum of each row's BLAKE2b hash over its
// values in a canonical text form: integers in decimal, reals with 17 digits, text as it is,
// blobs in hex, NULL apart from every text).
struct TableSum {
  std::string table;
  std::int64_t rows = 0;
  std::string checksum;  // 32 hex digits
};

// The tables that hold data, in an order in which every row's foreign keys point to tables that
// come before it: without SQLite's own tables, full-text indexes and their shadow tables (the
// target rebuilds its own) and schema_migrations (each database records its own migrations).
std::vector<std::string> data_tables(sdk::Database& db);

// The columns of `table`, in their order, with the kind of value each holds.
struct Column {
  std::string name;
  enum class Kind { Integer, Real, Text, Blob } kind = Kind::Text;
};
std::vector<Column> table_columns(sdk::Database& db, const std::string& table);

// Count and checksum of one table, over `columns` (the columns both sides have).
TableSum table_sum(sdk::Database& db, const std::string& table, const std::vector<Column>& columns);

struct CopyResult {
  std::vector<TableSum> source;
  std::vector<TableSum> target;
  bool identical() const;
};

// Copies every data table of `source` into `target`, which must hold no organization yet (rows
// its own migrations seeded are replaced by the source's). One transaction on the target: on any
// error nothing is written. The target's audit log receives the source's, unchanged. On
// PostgreSQL the id sequences continue after the copied ids. InputError when the two differ in
// tables or schema versions, or the target already holds data.
CopyResult copy_database(sdk::Database& source, sdk::Database& target);

// Count and checksum of every data table (`db copy` prints them for both sides).
std::vector<TableSum> database_sums(sdk::Database& db);

}  // namespace wasshoi::host
