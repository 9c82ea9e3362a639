#pragma once
// A scratch database on the engine under test (docs/engines.md): a SQLite file in a temporary
// folder by default; when WASSHOI_TEST_DB holds a PostgreSQL URI (scripts/start-postgres.sh
// prints one), a fresh schema t_<random> on that server, made the connection's search_path and
// dropped with everything in it at the end.
#include <optional>
#include <string>
#include <wasshoi/sdk/db.hpp>

#include "test_support.hpp"

namespace wasshoi::test {

// WASSHOI_TEST_DB when it names a PostgreSQL server, else "".
std::string test_server_uri();
inline bool testing_postgres() {
  return !test_server_uri().empty();
}

// In a Catch2 test: skips the rest of the test on PostgreSQL with a warning saying why (a test
// about SQLite itself, or about what a server database refuses, e.g. officer accounts).
// The role scripts/start-postgres.sh makes on its cluster that must give its password
// (scram-sha-256; every other role is trusted there), and that password.
inline constexpr const char* kPasswordRole = "wasshoi_password";
inline constexpr const char* kPasswordRolePassword = "wasshoi-test-password";
// The server under test as kPasswordRole, on `database` (empty: WASSHOI_TEST_DB's), without a
// password; "" without a server.
std::string password_role_uri(const std::string& database = {});

#define WASSHOI_SQLITE_ONLY(why)                                             \
  do {                                                                       \
    if (::wasshoi::test::testing_postgres()) {                               \
      WARN("SQLite only, skipped on PostgreSQL (WASSHOI_TEST_DB): " << why); \
      return;                                                                \
    }                                                                        \
  } while (0)

class ScratchDb {
 public:
  // On the engine under test: ScratchDb(test_server_uri()).
  ScratchDb();
  // On the server `server_uri` names (a fresh schema there), or a SQLite file in a temporary
  // folder when it is empty: the benchmark programs take the engine from their --db argument.
  explicit ScratchDb(const std::string& server_uri);
  ~ScratchDb();
  ScratchDb(const ScratchDb&) = delete;
  ScratchDb& operator=(const ScratchDb&) = delete;

  sdk::Database& db() { return *db_; }
  bool postgres() const { return !schema_.empty(); }
  // What a program opens to reach this database (`wasshoi-cli --db TARGET`): the file, or the
  // server URI with the schema as the connection's search_path (options=-csearch_path=…).
  std::string target() const;
  // Another connection to the same database (on PostgreSQL: the same schema on its search_path).
  sdk::Database open_another() const;
  // What the SQL of a test writes for an auto-numbered key column, on this engine:
  // "INTEGER PRIMARY KEY" on SQLite, an identity column on PostgreSQL.
  std::string id_column() const;
  // `sql` with {id} replaced by id_column() and {blob} by the engine's blob type (BLOB, BYTEA).
  std::string dialect(std::string sql) const;

 private:
  std::optional<TempDir> tmp_;
  std::string target_;  // the file, or the server URI
  std::string schema_;  // PostgreSQL only
  std::optional<sdk::Database> db_;
};

}  // namespace wasshoi::test
