#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <wasshoi/sdk/db.hpp>

#include "scratch_db.hpp"
#include "test_support.hpp"

// These tests run on both engines (ctest label `engines`): on a SQLite file by default, on a
// fresh schema of the PostgreSQL server in WASSHOI_TEST_DB when it is set (docs/engines.md).
// The few about SQLite itself (pragmas, files, backups) say why they skip on PostgreSQL.

using namespace wasshoi;

namespace {

// True (and says why) when the engine under test is PostgreSQL and the test is about SQLite.
bool skip_on_postgres(const char* why) {
  if (!test::testing_postgres()) return false;
  WARN("SQLite only, skipped on PostgreSQL: " << why);
  return true;
}

}  // namespace

TEST_CASE("a new database uses WAL, foreign keys and a busy timeout") {
  if (skip_on_postgres("SQLite pragmas of a file")) return;
  test::TempDir tmp;
  auto db = sdk::Database::open(tmp / "w.db");
  CHECK(*sdk::query_text(db, "PRAGMA journal_mode") == "wal");
  CHECK(*sdk::query_int(db, "PRAGMA foreign_keys") == 1);
  CHECK(db.busy_timeout_ms() == 5000);  // waited in short sleeps (BusyWait), so not SQLite's pragma
  CHECK(*sdk::query_int(db, "PRAGMA synchronous") == 2);  // FULL: a commit survives a power cut
}

TEST_CASE("statements bind and read Japanese text, integers, NULL and blobs") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec(s.dialect("CREATE TABLE t(id {id}, name TEXT, n BIGINT, b {blob}, r DOUBLE PRECISION)"));
  sdk::Blob every_byte;
  for (int i = 0; i < 256; ++i) every_byte.push_back(static_cast<std::uint8_t>(i));
  sdk::Statement ins(db, "INSERT INTO t(name, n, b, r) VALUES(?, ?, ?, ?)");
  ins.bind_all("𠮷田 ｻﾄｳ 髙橋 﨑 ｶﾀｶﾅ", 42, sdk::Blob{0, 1, 255}, 0.1).run();
  ins.reset();
  ins.bind(1, nullptr).bind(2, std::optional<std::int64_t>{}).bind(3, nullptr).bind(4, nullptr).run();
  ins.reset();
  ins.bind_all("", std::int64_t{-9007199254740993}, every_byte, -1.5e300).run();
  sdk::Statement q(db, "SELECT name, n, b, r FROM t ORDER BY id");
  REQUIRE(q.step());
  CHECK(q.get_text(0) == "𠮷田 ｻﾄｳ 髙橋 﨑 ｶﾀｶﾅ");
  CHECK(q.get_int(1) == 42);
  CHECK(q.get_blob(2) == sdk::Blob{0, 1, 255});
  CHECK(q.get_double(3) == 0.1);
  REQUIRE(q.step());
  CHECK(q.get_optional_text(0) == std::nullopt);
  CHECK(q.get_optional_int(1) == std::nullopt);
  CHECK(q.is_null(2));
  CHECK(q.is_null(3));
  REQUIRE(q.step());
  CHECK(q.get_optional_text(0) == std::string());  // empty text is not NULL
  CHECK(q.get_int(1) == -9007199254740993);
  CHECK(q.get_blob(2) == every_byte);
  CHECK(q.get_double(3) == -1.5e300);
  CHECK_FALSE(q.step());
  // A comparison reads as 0/1 on both engines (a boolean on PostgreSQL).
  CHECK(*sdk::query_int(db, "SELECT count(*) = 3 FROM t") == 1);
  CHECK(*sdk::query_text(db, "SELECT 1 > 2") == "0");
  // Japanese text in the SQL itself, and compared through a parameter.
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t WHERE name LIKE '%髙橋%'") == 1);
  sdk::Statement find(db, "SELECT n FROM t WHERE name = :name");
  find.bind(":name", "𠮷田 ｻﾄｳ 髙橋 﨑 ｶﾀｶﾅ");
  REQUIRE(find.step());
  CHECK(find.get_int(0) == 42);
}

TEST_CASE("string_agg strpos greatest and least mean the same on both engines") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec(s.dialect("CREATE TABLE t(id {id}, g INTEGER, name TEXT, n INTEGER)"));
  db.exec("INSERT INTO t(g, name, n) VALUES (1, '𠮷田', 3), (1, NULL, 5), (1, '髙橋', NULL), (2, NULL, 1)");
  // PostgreSQL's names, registered on SQLite (3.40 lacks them): NULLs are skipped, a group of
  // only NULLs gives NULL, the separator stands only between values.
  sdk::Statement agg(
      db, "SELECT g, string_agg(name, '・') FROM (SELECT * FROM t ORDER BY id) x GROUP BY g ORDER BY g");
  REQUIRE(agg.step());
  CHECK(agg.get_text(1) == "𠮷田・髙橋");
  REQUIRE(agg.step());
  CHECK(agg.is_null(1));
  CHECK_FALSE(agg.step());
  // strpos counts characters, not bytes (𠮷 is four bytes in UTF-8, one character).
  CHECK(*sdk::query_int(db, "SELECT strpos('𠮷田ｻﾄｳ髙橋', '髙')") == 6);
  CHECK(*sdk::query_int(db, "SELECT strpos('佐藤', '鈴')") == 0);
  CHECK_FALSE(sdk::query_int(db, "SELECT strpos(name, '田') FROM t WHERE name IS NULL LIMIT 1").has_value());
  // greatest/least skip NULLs (SQLite's max/min of several arguments would give NULL).
  CHECK(*sdk::query_int(db, "SELECT greatest(n, 4) FROM t WHERE id = 1") == 4);
  CHECK(*sdk::query_int(db, "SELECT greatest(n, 4) FROM t WHERE name = '髙橋'") == 4);
  CHECK(*sdk::query_int(db, "SELECT least(n, 4, 2) FROM t WHERE id = 2") == 2);
  CHECK(*sdk::query_text(db, "SELECT greatest('2026-04-01', '2026-12-05')") == "2026-12-05");
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t WHERE least(n, 2) IS NULL") == 0);
}

TEST_CASE("retry_when_busy runs work again only when the database undid it and nothing of it was committed") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec(s.dialect("CREATE TABLE t(id {id}, note TEXT)"));
  auto insert = [&](const char* note) {
    sdk::Statement(db, "INSERT INTO t(note) VALUES(?)").bind(1, note).run();
  };
  auto count = [&] { return *sdk::query_int(db, "SELECT count(*) FROM t"); };
  // What the server says when it undoes a transaction for another (deadlock, serialization).
  auto undone = [] { return sdk::BusyError("undone for another writer", 5, true); };
  int runs = 0;
  // Undone twice before committing: the third run commits, once.
  sdk::retry_when_busy(db, [&] {
    sdk::Transaction tx(db, "test");
    insert("retried");
    if (++runs < 3) throw undone();
    tx.commit();
  });
  CHECK(runs == 3);
  CHECK(count() == 1);
  // Something was committed before it was undone: never run again (it would be written twice).
  runs = 0;
  CHECK_THROWS_AS(sdk::retry_when_busy(db,
                                       [&] {
                                         ++runs;
                                         sdk::Transaction saved(db, "test");
                                         insert("saved");
                                         saved.commit();
                                         sdk::Transaction tx(db, "test");
                                         insert("undone");
                                         throw undone();
                                       }),
                  sdk::BusyError);
  CHECK(runs == 1);
  CHECK(count() == 2);
  // A busy database that has already waited its timeout is not retried; nor past the attempts.
  runs = 0;
  CHECK_THROWS_AS(sdk::retry_when_busy(db, [&] { ++runs, throw sdk::BusyError("busy", 5); }), sdk::BusyError);
  CHECK(runs == 1);
  runs = 0;
  CHECK_THROWS_AS(sdk::retry_when_busy(
                      db, [&] { ++runs, throw undone(); }, 3),
                  sdk::BusyError);
  CHECK(runs == 3);
  CHECK(count() == 2);
  // Other errors pass through at once.
  runs = 0;
  CHECK_THROWS_AS(sdk::retry_when_busy(db, [&] { ++runs, throw sdk::InputError("bad"); }), sdk::InputError);
  CHECK(runs == 1);
}

TEST_CASE("commits counts the write transactions a connection committed") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec(s.dialect("CREATE TABLE t(id {id}, note TEXT)"));
  const auto before = db.commits();
  {
    sdk::Transaction tx(db, "test");
    sdk::Statement(db, "INSERT INTO t(note) VALUES('a')").run();
    sdk::Statement(db, "INSERT INTO t(note) VALUES('b')").run();
    tx.commit();
  }
  CHECK(db.commits() == before + 1);
  {
    sdk::Transaction rolled_back(db, "test");
    sdk::Statement(db, "INSERT INTO t(note) VALUES('c')").run();
  }
  CHECK(db.commits() == before + 1);
  sdk::Statement(db, "INSERT INTO t(note) VALUES('d')").run();  // on its own: commits by itself
  CHECK(db.commits() == before + 2);
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 3);
  CHECK(db.commits() == before + 2);  // reading commits nothing
}

TEST_CASE("a statement runs again after its last row, and reset clears its bindings") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (1), (2), (3)");
  sdk::Statement q(db, "SELECT x FROM t WHERE x >= ? ORDER BY x");
  CHECK(q.column_count() == 1);  // known before the first step
  CHECK(q.column_name(0) == "x");
  q.bind(1, 2);
  for (int round = 0; round < 3; ++round) {  // the first run, the prepared one, and once more
    INFO("round " << round);
    REQUIRE(q.step());
    CHECK(q.get_int(0) == 2);
    REQUIRE(q.step());
    CHECK(q.get_int(0) == 3);
    CHECK_FALSE(q.step());  // done: the next step starts again with the same binding
  }
  REQUIRE(q.step());
  q.reset();  // half-way: back to the start, bindings cleared (NULL: no row matches)
  CHECK_FALSE(q.step());
  q.reset();  // before binding anew (SQLite refuses a binding to a statement that ran)
  q.bind(1, 3);
  REQUIRE(q.step());
  CHECK(q.get_int(0) == 3);
  q.reset();
  // The same statement with a blob bound after text: still runs.
  db.exec(s.dialect("CREATE TABLE b(v {blob})"));
  sdk::Statement ins(db, "INSERT INTO b(v) VALUES(?)");
  ins.bind(1, nullptr).run();
  ins.bind(1, sdk::Blob{7}).run();
  ins.bind(1, sdk::Blob{8, 9}).run();
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM b WHERE v IS NOT NULL") == 2);
}

TEST_CASE("changes and last_insert_id report the last write") {
  test::ScratchDb s;
  auto& db = s.db();
  CHECK(db.last_insert_id() == 0);  // nothing inserted on this connection yet
  db.exec(s.dialect("CREATE TABLE t(id {id}, name TEXT)"));
  sdk::Statement ins(db, "INSERT INTO t(name) VALUES(?)");
  CHECK(ins.bind(1, "髙").run() == 1);
  CHECK(db.last_insert_id() == 1);
  CHECK(ins.bind(1, "﨑").run() == 1);
  CHECK(db.last_insert_id() == 2);
  {
    sdk::Transaction tx(db, "test");
    ins.bind(1, "𠮷").run();
    CHECK(db.last_insert_id() == 3);  // inside a transaction too
    tx.commit();
  }
  CHECK(sdk::Statement(db, "UPDATE t SET name = name || '!' WHERE id >= 2").run() == 2);
  CHECK(db.changes() == 2);
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 3);  // a query leaves the count alone
  CHECK(db.changes() == 2);
  db.exec("DELETE FROM t");
  CHECK(db.changes() == 3);
  CHECK(db.table_exists("t"));
  CHECK_FALSE(db.table_exists("nope"));
  CHECK(db.integrity_check() == "ok");
}

TEST_CASE("constraint violations carry SQLite's extended codes on both engines") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec(
      "CREATE TABLE p(id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER CHECK (n > 0));"
      "CREATE TABLE c(p INTEGER REFERENCES p(id))");
  db.exec("INSERT INTO p VALUES (1, '髙橋', 1)");
  auto code_of = [&](const char* sql) {
    try {
      sdk::Statement(db, sql).run();
    } catch (const sdk::InputError&) {
      return -1;
    } catch (const sdk::DbError& e) {
      return e.code();
    }
    return 0;
  };
  CHECK(code_of("INSERT INTO p VALUES (2, '髙橋', 1)") == 2067);  // SQLITE_CONSTRAINT_UNIQUE
  CHECK(code_of("INSERT INTO p VALUES (1, '﨑', 1)") == (s.postgres() ? 2067 : 1555));  // primary key
  CHECK(code_of("INSERT INTO c VALUES (7)") == 787);                                    // FOREIGNKEY
  CHECK(code_of("INSERT INTO p VALUES (3, '﨑', 0)") == 275);                           // CHECK
  CHECK(code_of("INSERT INTO p VALUES (4, NULL, 1)") == 1299);                          // NOTNULL
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM p") == 1);
}

TEST_CASE("a refusal raised in the database reaches the caller as the same InputError on both engines") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec("CREATE TABLE t(x INTEGER)");
  if (s.postgres()) {
    db.exec(
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
        "RAISE EXCEPTION 'wasshoi-refused: 締めた年度の記録は変えられません'; END $$;"
        "CREATE TRIGGER t_refuse BEFORE INSERT ON t FOR EACH ROW EXECUTE FUNCTION refuse()");
  } else {
    db.exec(
        "CREATE TRIGGER t_refuse BEFORE INSERT ON t BEGIN "
        "SELECT RAISE(ABORT, 'wasshoi-refused: 締めた年度の記録は変えられません'); END");
  }
  try {
    sdk::Transaction tx(db, "test");
    sdk::Statement(db, "INSERT INTO t VALUES (?)").bind(1, 1).run();
    tx.commit();
    FAIL("the insert was not refused");
  } catch (const sdk::InputError& e) {
    CHECK(std::string(e.what()) == "締めた年度の記録は変えられません");
  }
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 0);
}

TEST_CASE("a read-only connection refuses writes with the reason given") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec("CREATE TABLE t(x INTEGER)");
  db.set_read_only(true, "閲覧のみのアカウントです");
  CHECK_THROWS_WITH(sdk::Statement(db, "INSERT INTO t VALUES (1)").run(),
                    "not allowed: 閲覧のみのアカウントです");
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 0);  // reading still works
  db.set_read_only(false);
  sdk::Statement(db, "INSERT INTO t VALUES (1)").run();
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 1);
}

TEST_CASE("dates go in with bind(Date) and come back with get_date, on a real file") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, d TEXT, at TEXT)");
  const sdk::Date day{2025, 4, 1};
  const sdk::DateTime when{{2026, 5, 10}, 9, 5};
  sdk::Statement(db, "INSERT INTO t(id, d, at) VALUES(1, ?, ?)").bind_all(day, when).run();
  sdk::Statement(db, "INSERT INTO t(id, d, at) VALUES(2, ?, ?)")
      .bind_all(std::optional<sdk::Date>{}, std::optional<sdk::DateTime>{})
      .run();
  sdk::Statement(db, "INSERT INTO t(id, d) VALUES(3, ?)")
      .bind(1, std::optional(sdk::Date{2024, 2, 29}))
      .run();
  // Stored as ISO text, so SQL compares and sorts them as dates.
  CHECK(*sdk::query_text(db, "SELECT d FROM t WHERE id = 1") == "2025-04-01");
  CHECK(*sdk::query_text(db, "SELECT at FROM t WHERE id = 1") == "2026-05-10T09:05");
  CHECK(*sdk::query_int(db, "SELECT d IS NULL AND at IS NULL FROM t WHERE id = 2") == 1);

  sdk::Statement q(db, "SELECT d, at FROM t ORDER BY id");
  REQUIRE(q.step());
  CHECK(q.get_date(0) == day);
  CHECK(q.get_datetime(1) == when);
  REQUIRE(q.step());
  CHECK(q.get_date(0) == std::nullopt);  // NULL
  CHECK(q.get_datetime(1) == std::nullopt);
  REQUIRE(q.step());
  CHECK(q.get_date(0) == sdk::Date{2024, 2, 29});
}

TEST_CASE("a stored date that is not a valid date reads as nullopt: no exception, no made-up date") {
  if (skip_on_postgres("a column without a type holding text, numbers and blobs at once")) return;
  auto db = sdk::Database::open_memory();
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, d)");  // no type: whatever an editor put there
  db.exec(
      "INSERT INTO t(d) VALUES ('2025-02-30'), ('2025-13-01'), ('0000-00-00'), ('garbage'), (''), "
      "(20250401), (x'323032352d30342d3031'), ('2025-04-01 extra'), ('2025-04-01')");
  sdk::Statement q(db, "SELECT d, d FROM t ORDER BY id");
  int rows = 0;
  std::vector<std::optional<sdk::Date>> read;
  while (q.step()) {
    ++rows;
    CHECK_NOTHROW(read.push_back(q.get_date(0)));
    CHECK_NOTHROW(q.get_datetime(1));
    CHECK(q.get_datetime(1) == std::nullopt);  // no time in any of them
  }
  REQUIRE(rows == 9);
  for (int i = 0; i < 8; ++i) {
    INFO("row " << i + 1);
    CHECK(read[static_cast<std::size_t>(i)] == std::nullopt);
  }
  CHECK(read[8] == sdk::Date{2025, 4, 1});  // the one good row still reads
}

TEST_CASE("stored text that is not a valid date or date-time reads as nullopt on both engines") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, d TEXT, n INTEGER)");
  db.exec(
      "INSERT INTO t VALUES (1, '2025-02-30', 20250401), (2, 'garbage', NULL), (3, '', NULL), "
      "(4, '2025-04-01 extra', NULL), (5, '2025-04-01', NULL)");
  sdk::Statement q(db, "SELECT d, n FROM t ORDER BY id");
  std::vector<std::optional<sdk::Date>> read;
  while (q.step()) {
    read.push_back(q.get_date(0));
    CHECK(q.get_date(1) == std::nullopt);  // a number, or NULL
  }
  REQUIRE(read.size() == 5);
  CHECK(read == std::vector<std::optional<sdk::Date>>{std::nullopt, std::nullopt, std::nullopt, std::nullopt,
                                                      sdk::Date{2025, 4, 1}});

  db.exec("CREATE TABLE m(id INTEGER PRIMARY KEY, at TEXT)");
  db.exec(
      "INSERT INTO m VALUES (1, '2026-05-10T25:00'), (2, '2026-02-30T10:00'), (3, '10:00'), "
      "(4, '2026-05-10 10:00')");
  sdk::Statement m(db, "SELECT at FROM m ORDER BY id");
  std::vector<std::optional<sdk::DateTime>> at;
  while (m.step()) at.push_back(m.get_datetime(0));
  REQUIRE(at.size() == 4);
  CHECK(at[0] == std::nullopt);
  CHECK(at[1] == std::nullopt);
  CHECK(at[2] == std::nullopt);
  CHECK(at[3] == sdk::DateTime{{2026, 5, 10}, 10, 0});
}

TEST_CASE("binding a date that is not valid is refused, so none is stored to read back as unknown") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec("CREATE TABLE t(d TEXT)");
  sdk::Statement ins(db, "INSERT INTO t(d) VALUES(?)");
  CHECK_THROWS_AS(ins.bind(1, sdk::Date{2025, 2, 30}), sdk::InputError);
  CHECK_THROWS_AS(ins.bind(1, sdk::Date{}), sdk::InputError);
  CHECK_THROWS_AS(ins.bind(1, sdk::DateTime{{2025, 4, 1}, 24, 0}), sdk::InputError);
  CHECK_THROWS_AS(ins.bind(1, std::optional(sdk::Date{2025, 13, 1})), sdk::InputError);
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 0);
  CHECK(sdk::iso_or_unknown(std::nullopt) == "日付不明");
  CHECK(sdk::iso_or_unknown(sdk::Date{2025, 4, 1}) == "2025-04-01");
}

TEST_CASE("SQL errors carry the engine's message") {
  test::ScratchDb s;
  auto& db = s.db();
  // SQLite refuses it when the statement is made, PostgreSQL when it first runs.
  CHECK_THROWS_WITH(sdk::Statement(db, "SELEC 1").step(), Catch::Contains("syntax error"));
  db.exec("CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(p INTEGER REFERENCES p(id))");
  CHECK_THROWS_WITH(sdk::Statement(db, "INSERT INTO c VALUES(7)").run(),
                    Catch::Contains("FOREIGN KEY", Catch::CaseSensitive::No));
}

TEST_CASE("a transaction not committed leaves nothing behind") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec("CREATE TABLE t(x INTEGER)");
  try {
    sdk::Transaction tx(db, "test");
    db.exec("INSERT INTO t VALUES(1)");
    throw std::runtime_error("power cut");
  } catch (const std::runtime_error&) {
  }
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 0);
  {
    sdk::Transaction tx(db, "test");
    db.exec("INSERT INTO t VALUES(2)");
    {
      sdk::Transaction inner(db, "inner");  // a savepoint: rolls back alone
      db.exec("INSERT INTO t VALUES(3)");
    }
    tx.commit();
  }
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 1);
  CHECK(*sdk::query_int(db, "SELECT max(x) FROM t") == 2);
  CHECK_FALSE(db.in_transaction());
}

namespace {

struct Settings {
  std::int64_t foreign_keys, cache;
  bool operator==(const Settings&) const = default;
};
Settings settings(sdk::Database& db) {
  return {*sdk::query_int(db, "PRAGMA foreign_keys"), *sdk::query_int(db, "PRAGMA cache_size")};
}

}  // namespace

TEST_CASE(
    "a bulk transaction writes without foreign keys and triggers, then restores both, however it ends") {
  if (skip_on_postgres("SQLite pragmas (foreign_keys, cache_size) and its trigger switch")) return;
  test::TempDir tmp;
  auto db = sdk::Database::open(tmp / "w.db");
  db.exec(
      "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(p INTEGER REFERENCES p(id)); CREATE TABLE "
      "log(x);"
      "CREATE TRIGGER c_log AFTER INSERT ON c BEGIN INSERT INTO log VALUES (new.p); END;");
  const Settings before = settings(db);
  const sdk::BulkOptions bulk{.cache_kib = 65536, .without_foreign_keys = true, .without_triggers = true};
  {
    sdk::BulkTransaction tx(db, "bulk", "", bulk);
    CHECK(settings(db) == Settings{0, -65536});
    db.exec("INSERT INTO p VALUES (1); INSERT INTO c VALUES (1)");
    tx.commit();
  }
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM log") == 0);  // the trigger did not run
  CHECK(settings(db) == before);
  // Both are back: the trigger runs and a dangling reference is refused.
  db.exec("INSERT INTO c VALUES (1)");
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM log") == 1);
  CHECK_THROWS_WITH(db.exec("INSERT INTO c VALUES (7)"), Catch::Contains("FOREIGN KEY"));

  try {  // rolled back by an exception
    sdk::BulkTransaction tx(db, "bulk", "", bulk);
    db.exec("INSERT INTO c VALUES (1)");
    throw std::runtime_error("power cut");
  } catch (const std::runtime_error&) {
  }
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM c") == 2);
  CHECK(settings(db) == before);
  CHECK_THROWS_WITH(db.exec("INSERT INTO c VALUES (7)"), Catch::Contains("FOREIGN KEY"));

  {  // inside an outer transaction SQLite keeps foreign keys on: so does the bulk transaction
    sdk::Transaction outer(db, "outer");
    sdk::BulkTransaction tx(db, "bulk", "", bulk);
    CHECK(*sdk::query_int(db, "PRAGMA foreign_keys") == 1);
    CHECK_THROWS_WITH(db.exec("INSERT INTO c VALUES (7)"), Catch::Contains("FOREIGN KEY"));
  }
  CHECK(settings(db) == before);
}

TEST_CASE("committed write transactions are audited once the audit log is on") {
  test::ScratchDb s;
  auto& db = s.db();
  db.exec(s.dialect("CREATE TABLE audit_log(id {id}, at TEXT, actor TEXT, action TEXT, detail TEXT)"));
  db.enable_audit(true);
  db.set_actor("書記");
  {
    sdk::Transaction tx(db, "test.write", "detail");
    tx.commit();
  }
  { sdk::Transaction rolled_back(db, "test.never"); }
  sdk::Statement st(db, "SELECT actor, action, detail, at FROM audit_log");
  REQUIRE(st.step());
  CHECK(st.get_text(0) == "書記");
  CHECK(st.get_text(1) == "test.write");
  // UTC with milliseconds, as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ') writes it, on both engines.
  const std::string at = st.get_text(3);
  CHECK(at.size() == 24);
  CHECK(at[10] == 'T');
  CHECK(at[19] == '.');
  CHECK(at.back() == 'Z');
  CHECK(sdk::parse_iso_date(at.substr(0, 10)).has_value());
  CHECK_FALSE(st.step());
}

TEST_CASE("a second writer waits, then gets a clear busy error instead of a crash") {
  // SQLite: the first writer holds the database's write lock; PostgreSQL: the row's lock (the
  // busy timeout is the server's lock_timeout there).
  test::ScratchDb s;
  s.db().exec("CREATE TABLE t(x INTEGER); INSERT INTO t VALUES (0)");
  auto write_once = [](sdk::Database& db) {
    sdk::Transaction tx(db, "second");
    db.exec("UPDATE t SET x = x + 1");
    tx.commit();
  };
  int ready[2];
  REQUIRE(pipe(ready) == 0);
  pid_t child = fork();
  if (child == 0) {
    auto db = s.open_another();
    sdk::Transaction tx(db, "hold");
    db.exec("UPDATE t SET x = x + 1");
    char c = 1;
    (void)!write(ready[1], &c, 1);
    usleep(1500 * 1000);
    tx.commit();
    _exit(0);
  }
  char c;
  REQUIRE(read(ready[0], &c, 1) == 1);
  auto db = s.open_another();
  db.set_busy_timeout_ms(100);
  CHECK_THROWS_AS(write_once(db), sdk::BusyError);
  CHECK_THROWS_WITH(write_once(db), Catch::Contains("try again"));
  CHECK_FALSE(db.in_transaction());
  db.set_busy_timeout_ms(5000);
  write_once(db);  // waits for the first writer, then proceeds
  int status;
  waitpid(child, &status, 0);
  CHECK(*sdk::query_int(db, "SELECT x FROM t") == 2);
}

TEST_CASE("opening refuses a missing folder, a folder and a non-SQLite file, writing nothing") {
  if (skip_on_postgres("opening SQLite files")) return;
  test::TempDir tmp;
  CHECK_THROWS_WITH(sdk::Database::open(tmp / "nope" / "w.db"), Catch::Contains("does not exist"));
  CHECK_THROWS_WITH(sdk::Database::open(tmp.path()), Catch::Contains("folder"));
  test::write_file(tmp / "x.db", "hello, this is text and surely not a database file........");
  CHECK_THROWS_WITH(sdk::Database::open(tmp / "x.db"), Catch::Contains("not a database"));
  CHECK(test::read_file(tmp / "x.db") == "hello, this is text and surely not a database file........");
  CHECK_THROWS_WITH(sdk::Database::open(tmp / "y.db", sdk::Database::Mode::ReadWrite),
                    Catch::Contains("no such file"));
}

TEST_CASE("backup and restore copy the whole database") {
  if (skip_on_postgres("SQLite's online backup API (PostgreSQL: pg_dump -Fc)")) return;
  test::TempDir tmp;
  auto db = sdk::Database::open(tmp / "w.db");
  db.exec("CREATE TABLE t(x); INSERT INTO t VALUES('髙'), ('﨑')");
  db.backup_to(tmp / "b.db");
  CHECK_THROWS_WITH(db.backup_to(tmp / "b.db"), Catch::Contains("already exists"));
  db.exec("DELETE FROM t");
  db.restore_from(tmp / "b.db");
  CHECK(*sdk::query_text(db, "SELECT group_concat(x, '') FROM t") == "髙﨑");
}
