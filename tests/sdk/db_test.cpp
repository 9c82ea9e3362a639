#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <wasshoi/sdk/db.hpp>

#include "test_support.hpp"

using namespace wasshoi;

TEST_CASE("a new database uses WAL, foreign keys and a busy timeout") {
  test::TempDir tmp;
  auto db = sdk::Database::open(tmp / "w.db");
  CHECK(*sdk::query_text(db, "PRAGMA journal_mode") == "wal");
  CHECK(*sdk::query_int(db, "PRAGMA foreign_keys") == 1);
  CHECK(*sdk::query_int(db, "PRAGMA busy_timeout") > 0);
  CHECK(*sdk::query_int(db, "PRAGMA synchronous") == 2);  // FULL: a commit survives a power cut
}

TEST_CASE("statements bind and read Japanese text, integers, NULL and blobs") {
  auto db = sdk::Database::open_memory();
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, name TEXT, n INTEGER, b BLOB)");
  sdk::Statement ins(db, "INSERT INTO t(name, n, b) VALUES(?, ?, ?)");
  ins.bind_all("𠮷田 ｻﾄｳ 髙橋", 42, sdk::Blob{0, 1, 255}).run();
  ins.reset();
  ins.bind(1, nullptr).bind(2, std::optional<std::int64_t>{}).bind(3, nullptr).run();
  sdk::Statement q(db, "SELECT name, n, b FROM t ORDER BY id");
  REQUIRE(q.step());
  CHECK(q.get_text(0) == "𠮷田 ｻﾄｳ 髙橋");
  CHECK(q.get_int(1) == 42);
  CHECK(q.get_blob(2) == sdk::Blob{0, 1, 255});
  REQUIRE(q.step());
  CHECK(q.get_optional_text(0) == std::nullopt);
  CHECK(q.get_optional_int(1) == std::nullopt);
  CHECK_FALSE(q.step());
}

TEST_CASE("dates go in with bind(Date) and come back with get_date, on a real file") {
  test::TempDir tmp;
  auto db = sdk::Database::open(tmp / "w.db");
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

  db.exec("CREATE TABLE m(at TEXT)");
  db.exec("INSERT INTO m VALUES ('2026-05-10T25:00'), ('2026-02-30T10:00'), ('10:00'), ('2026-05-10 10:00')");
  sdk::Statement m(db, "SELECT at FROM m ORDER BY rowid");
  std::vector<std::optional<sdk::DateTime>> at;
  while (m.step()) at.push_back(m.get_datetime(0));
  REQUIRE(at.size() == 4);
  CHECK(at[0] == std::nullopt);
  CHECK(at[1] == std::nullopt);
  CHECK(at[2] == std::nullopt);
  CHECK(at[3] == sdk::DateTime{{2026, 5, 10}, 10, 0});
}

TEST_CASE("binding a date that is not valid is refused, so none is stored to read back as unknown") {
  auto db = sdk::Database::open_memory();
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

TEST_CASE("SQL errors carry SQLite's message") {
  auto db = sdk::Database::open_memory();
  CHECK_THROWS_WITH(sdk::Statement(db, "SELEC 1"), Catch::Contains("syntax error"));
  db.exec("CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(p INTEGER REFERENCES p(id))");
  CHECK_THROWS_WITH(sdk::Statement(db, "INSERT INTO c VALUES(7)").run(), Catch::Contains("FOREIGN KEY"));
}

TEST_CASE("a transaction not committed leaves nothing behind") {
  test::TempDir tmp;
  auto db = sdk::Database::open(tmp / "w.db");
  db.exec("CREATE TABLE t(x)");
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
  CHECK(*sdk::query_int(db, "SELECT group_concat(x) FROM t") == 2);
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
  auto db = sdk::Database::open_memory();
  db.exec("CREATE TABLE audit_log(id INTEGER PRIMARY KEY, at TEXT, actor TEXT, action TEXT, detail TEXT)");
  db.enable_audit(true);
  db.set_actor("書記");
  {
    sdk::Transaction tx(db, "test.write", "detail");
    tx.commit();
  }
  { sdk::Transaction rolled_back(db, "test.never"); }
  sdk::Statement st(db, "SELECT actor, action, detail FROM audit_log");
  REQUIRE(st.step());
  CHECK(st.get_text(0) == "書記");
  CHECK(st.get_text(1) == "test.write");
  CHECK_FALSE(st.step());
}

TEST_CASE("a second writer waits, then gets a clear busy error instead of a crash") {
  test::TempDir tmp;
  auto path = tmp / "w.db";
  {
    auto db = sdk::Database::open(path);
    db.exec("CREATE TABLE t(x)");
  }
  int ready[2];
  REQUIRE(pipe(ready) == 0);
  pid_t child = fork();
  if (child == 0) {
    auto db = sdk::Database::open(path);
    sdk::Transaction tx(db, "hold");
    db.exec("INSERT INTO t VALUES(1)");
    char c = 1;
    (void)!write(ready[1], &c, 1);
    usleep(1500 * 1000);
    tx.commit();
    _exit(0);
  }
  char c;
  REQUIRE(read(ready[0], &c, 1) == 1);
  auto db = sdk::Database::open(path);
  db.set_busy_timeout_ms(100);
  CHECK_THROWS_AS(sdk::Transaction(db, "second"), sdk::BusyError);
  CHECK_THROWS_WITH(sdk::Transaction(db, "second"), Catch::Contains("try again"));
  db.set_busy_timeout_ms(5000);
  {
    sdk::Transaction tx(db, "after");  // waits for the first writer, then proceeds
    db.exec("INSERT INTO t VALUES(2)");
    tx.commit();
  }
  int status;
  waitpid(child, &status, 0);
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 2);
}

TEST_CASE("opening refuses a missing folder, a folder and a non-SQLite file, writing nothing") {
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
  test::TempDir tmp;
  auto db = sdk::Database::open(tmp / "w.db");
  db.exec("CREATE TABLE t(x); INSERT INTO t VALUES('髙'), ('﨑')");
  db.backup_to(tmp / "b.db");
  CHECK_THROWS_WITH(db.backup_to(tmp / "b.db"), Catch::Contains("already exists"));
  db.exec("DELETE FROM t");
  db.restore_from(tmp / "b.db");
  CHECK(*sdk::query_text(db, "SELECT group_concat(x, '') FROM t") == "髙﨑");
}
