#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::sdk {

namespace {
constexpr const char* kCreateTable =
    "CREATE TABLE IF NOT EXISTS schema_migrations("
    " owner TEXT NOT NULL, version INTEGER NOT NULL, description TEXT NOT NULL,"
    " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),"
    " PRIMARY KEY(owner, version))";
}

int schema_version(Database& db, const std::string& owner) {
  if (!db.table_exists("schema_migrations")) return 0;
  Statement st(db, "SELECT coalesce(max(version), 0) FROM schema_migrations WHERE owner = ?");
  st.bind(1, owner);
  st.step();
  return static_cast<int>(st.get_int(0));
}

int migrate(Database& db, const std::string& owner, std::span<const Migration> migrations) {
  int expected = 1;
  for (const auto& m : migrations) {
    if (m.version != expected)
      throw Error("migrations of '" + owner + "' must be numbered 1, 2, 3 … (found " +
                  std::to_string(m.version) + " where " + std::to_string(expected) + " was expected)");
    ++expected;
  }
  int current = schema_version(db, owner);
  if (current > static_cast<int>(migrations.size()))
    throw Error("the database has '" + owner + "' at schema version " + std::to_string(current) +
                ", newer than this program knows (" + std::to_string(migrations.size()) +
                "); use a newer Wasshoi");
  int ran = 0;
  for (const auto& m : migrations) {
    if (m.version <= current) continue;
    Transaction tx(db, "schema.migrate", owner + " v" + std::to_string(m.version) + ": " + m.description);
    // Another program may have run it while this one waited for the write lock (two opening a
    // new database at once): the version read above is only a hint, this one decides.
    if (schema_version(db, owner) >= m.version) continue;
    db.exec(kCreateTable);
    try {
      db.exec(m.sql);
    } catch (const DbError& e) {
      throw DbError("migration " + owner + " v" + std::to_string(m.version) + " (" + m.description +
                        ") failed: " + e.what(),
                    e.code());
    }
    Statement st(db, "INSERT INTO schema_migrations(owner, version, description) VALUES(?, ?, ?)");
    st.bind_all(owner, m.version, m.description).run();
    tx.commit();
    ++ran;
  }
  return ran;
}

}  // namespace wasshoi::sdk
