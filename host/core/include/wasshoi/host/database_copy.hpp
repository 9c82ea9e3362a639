#pragma once
// Moving a whole database, or one organization's rows, between engines — a SQLite file to a
// PostgreSQL server and back (`wasshoi-cli db copy`, docs/engines.md "Moving in and out"). Both
// databases are opened and migrated by the same program first, so they hold the same tables; the
// rows are copied with their ids, in one transaction on the target, and each table's rows are then
// counted and checksummed on both sides.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/host/access_rules.hpp>
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

// Which rows a copy takes: every row of every data table (no organizations named), or the rows of
// the organizations named.
struct CopyScope {
  std::vector<std::int64_t> orgs;
  // With `orgs`: each table that goes, with the expression giving a row's owning organization (on
  // the row `$.`, as sdk::OwnedTable writes it); the other tables stay behind.
  std::map<std::string, std::string> owners;
  bool whole() const { return orgs.empty(); }
};

// The rows of organizations `orgs`: each organization itself, its 班, enabled plugins and officer
// accounts, and every row the plugins declare as its own (sdk::OwnedTable's owner; a row another
// organization owns stays, even when it is in this organization's room). The database's history
// (audit_log), its settings and shared default rows stay behind. InputError naming an id that is
// no organization of `db`.
CopyScope organization_scope(sdk::Database& db, const RowGuard& guard, const std::vector<std::int64_t>& orgs);

// Count and checksum of one table, over `columns` (the columns both sides have), of the rows that
// meet `condition` (an expression on `$.`; empty: every row).
TableSum table_sum(sdk::Database& db, const std::string& table, const std::vector<Column>& columns,
                   const std::string& condition = {});

struct CopyResult {
  std::vector<TableSum> source;
  std::vector<TableSum> target;
  std::vector<std::string> left_out;  // tables not copied (a copy of some organizations)
  bool identical() const;
};

// Copies `source` into `target` in one transaction on the target: on any error nothing is written.
// Into a server the rows go with COPY … FROM STDIN (Database::copy_in), into a file by INSERT.
// On PostgreSQL the id sequences continue after the copied ids. InputError when the two differ in
// tables or schema versions, and
//  - whole (no scope.org): when the target holds any organization (rows its own migrations seeded
//    are replaced by the source's); the target's audit log receives the source's, unchanged;
//  - organizations: when the target holds one of them already, uses an id one of their rows has
//    (ids are kept: plugins keep ids in columns no foreign key names), or lacks a row one of them
//    points at outside these organizations (their 地域協働体, a room of the 公民館: name that one
//    too, or copy it first). The target's audit log records the copy.
CopyResult copy_database(sdk::Database& source, sdk::Database& target, const CopyScope& scope = {});

// Count and checksum of every data table (`db copy` prints them for both sides).
std::vector<TableSum> database_sums(sdk::Database& db);

}  // namespace wasshoi::host
