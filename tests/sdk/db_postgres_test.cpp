// The PostgreSQL driver's own tests: parameter translation and the shown URI (no server needed),
// then what only a server shows (serialization failures, a lost connection, an aborted
// transaction), on the server in WASSHOI_TEST_DB; without one those say so and skip.
#include "../../sdk/src/db_postgres.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <future>
#include <latch>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/server_uri.hpp>

#include "scratch_db.hpp"

using namespace wasshoi;
using sdk::detail::translate_parameters;

namespace {

bool skip_without_server() {
  if (test::testing_postgres()) return false;
  WARN("PostgreSQL only: set WASSHOI_TEST_DB to a server URI (scripts/start-postgres.sh prints one)");
  return true;
}

}  // namespace

TEST_CASE("SQLite's parameter forms become PostgreSQL's numbered ones") {
  CHECK(translate_parameters("SELECT ?, ?, ?").sql == "SELECT $1, $2, $3");
  CHECK(translate_parameters("SELECT ?").count == 1);
  CHECK(translate_parameters("SELECT ?2, ?1, ?").sql == "SELECT $2, $1, $3");
  CHECK(translate_parameters("SELECT ?3").count == 3);
  auto named = translate_parameters("UPDATE t SET a = :a, b = @b, c = $c WHERE id = :id AND a <> :a");
  CHECK(named.sql == "UPDATE t SET a = $1, b = $2, c = $3 WHERE id = $4 AND a <> $1");
  CHECK(named.count == 4);
  CHECK(named.names == std::vector<std::string>{":a", "@b", "$c", ":id"});
  // PostgreSQL's own $1 stays.
  CHECK(translate_parameters("SELECT $1, $2").sql == "SELECT $1, $2");
  CHECK(translate_parameters("SELECT $1, $2").count == 2);
}

TEST_CASE("parameter translation leaves literals, identifiers, comments, dollar quotes and casts alone") {
  CHECK(translate_parameters("SELECT '?', 'it''s :x', ?").sql == "SELECT '?', 'it''s :x', $1");
  CHECK(translate_parameters("SELECT E'a\\' ?', ?").sql == "SELECT E'a\\' ?', $1");
  CHECK(translate_parameters("SELECT \"a?b\", \":c\"\"?\" FROM t WHERE x = ?").sql ==
        "SELECT \"a?b\", \":c\"\"?\" FROM t WHERE x = $1");
  CHECK(translate_parameters("SELECT 1 -- what? :x\n, ?").sql == "SELECT 1 -- what? :x\n, $1");
  CHECK(translate_parameters("SELECT /* ? /* :nested ? */ @x */ ?").sql ==
        "SELECT /* ? /* :nested ? */ @x */ $1");
  CHECK(translate_parameters("SELECT $$ ? :a $$, $tag$ it's ? $tag$, ?").sql ==
        "SELECT $$ ? :a $$, $tag$ it's ? $tag$, $1");
  CHECK(translate_parameters("SELECT x::int, ?::text, :n::bigint").sql ==
        "SELECT x::int, $1::text, $2::bigint");
  CHECK(translate_parameters("SELECT '髙橋 ?', ?, '𠮷'").sql == "SELECT '髙橋 ?', $1, '𠮷'");
  CHECK(translate_parameters("SELECT a$b, x@y FROM t").sql ==
        "SELECT a$b, x@y FROM t");  // words, not parameters
  CHECK(translate_parameters("SELECT 1").count == 0);
  CHECK(translate_parameters("SELECT 'unterminated ?").sql == "SELECT 'unterminated ?");
}

TEST_CASE("a connection URI is shown without its password") {
  using sdk::detail::shown_uri;
  CHECK(shown_uri("postgresql://kaikei:s3cret@office.example/jichikai") ==
        "postgresql://kaikei:***@office.example/jichikai");
  CHECK(shown_uri("postgres://kaikei@office.example/jichikai") ==
        "postgres://kaikei@office.example/jichikai");
  CHECK(shown_uri("postgresql:///wasshoi_test?host=/tmp/x") == "postgresql:///wasshoi_test?host=/tmp/x");
  CHECK(shown_uri("postgresql://u@h/db?sslmode=verify-full&password=abc&x=1") ==
        "postgresql://u@h/db?sslmode=verify-full&password=***&x=1");
  CHECK(shown_uri("postgresql://u:p%40ss@h/db") == "postgresql://u:***@h/db");
  CHECK(sdk::is_server_target("postgresql://h/db"));
  CHECK(sdk::is_server_target("postgres://h/db"));
  CHECK_FALSE(sdk::is_server_target("/home/kaikei/wasshoi.db"));
  CHECK_FALSE(sdk::is_server_target("postgresql.db"));
}

TEST_CASE("a server that cannot be reached is an InputError naming it without the password") {
  test::TempDir tmp;  // an empty folder: no server socket in it
  const std::string uri =
      "postgresql://kaikei:s3cret@/wasshoi?host=" + tmp.path().string() + "&connect_timeout=2";
  try {
    sdk::Database::open(uri);
    FAIL("opened a server that does not exist");
  } catch (const sdk::InputError& e) {
    const std::string what = e.what();
    CHECK(what.find("cannot open database postgresql://kaikei:***@/wasshoi") != std::string::npos);
    CHECK(what.find("s3cret") == std::string::npos);
  }
}

namespace {

// Opens `uri`, expecting a ConnectionError; returns it (the test fails when it opens).
sdk::ConnectionError connection_failure(const std::string& uri) {
  try {
    sdk::Database::open(uri);
  } catch (const sdk::ConnectionError& e) {
    return e;
  }
  FAIL("opened " << uri);
  throw;  // not reached
}

using Problem = sdk::ConnectionError::Problem;

}  // namespace

TEST_CASE("a connection that fails says why: nothing listening, an unknown host name") {
  test::TempDir tmp;
  const auto no_socket = connection_failure("postgresql://u@/wasshoi?host=" + tmp.path().string());
  CHECK(no_socket.problem() == Problem::Unreachable);
  CHECK(no_socket.detail().find("No such file or directory") != std::string::npos);
  // Port 1 on this computer: nothing listens there, the system refuses at once.
  const auto refused = connection_failure("postgresql://u@127.0.0.1:1/wasshoi");
  CHECK(refused.problem() == Problem::Unreachable);
  CHECK(refused.detail().find("Connection refused") != std::string::npos);
  const auto unknown = connection_failure("postgresql://u@no-such-host.invalid/wasshoi");
  CHECK(unknown.problem() == Problem::UnknownHost);
  CHECK(std::string(unknown.what())
            .starts_with("cannot open database postgresql://u@no-such-host.invalid/wasshoi: "));
}

TEST_CASE("a server that takes the connection but never answers is given up after connect_timeout") {
  // A socket that listens but never accepts: the system completes the connection, nobody answers.
  const int listener = ::socket(AF_INET, SOCK_STREAM, 0);
  REQUIRE(listener >= 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  REQUIRE(::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
  REQUIRE(::listen(listener, 4) == 0);
  socklen_t len = sizeof addr;
  REQUIRE(::getsockname(listener, reinterpret_cast<sockaddr*>(&addr), &len) == 0);
  const std::string uri =
      "postgresql://u@127.0.0.1:" + std::to_string(ntohs(addr.sin_port)) + "/wasshoi?connect_timeout=2";
  const auto started = std::chrono::steady_clock::now();
  const auto silent = connection_failure(uri);
  const auto waited = std::chrono::steady_clock::now() - started;
  ::close(listener);
  CHECK(silent.problem() == Problem::Unreachable);
  CHECK(silent.detail().find("timeout expired") != std::string::npos);
  CHECK(waited >= std::chrono::milliseconds(1900));
  CHECK(waited < std::chrono::seconds(10));
}

TEST_CASE("a server that refuses says why: no such database, no such user, a password asked for or wrong") {
  if (skip_without_server()) return;
  sdk::ServerAddress server = sdk::parse_server_uri(test::test_server_uri());
  sdk::ServerAddress missing = server;
  missing.database = "no_such_database_here";
  const auto no_db = connection_failure(sdk::server_uri(missing));
  CHECK(no_db.problem() == Problem::NoDatabase);
  // The code the verbose message carried is gone from the words shown.
  CHECK(no_db.detail().find("database \"no_such_database_here\" does not exist") != std::string::npos);
  CHECK(no_db.detail().find("3D000") == std::string::npos);
  CHECK(no_db.detail().find("LOCATION") == std::string::npos);
  sdk::ServerAddress nobody = server;
  nobody.user = "no_such_role_here";
  CHECK(connection_failure(sdk::server_uri(nobody)).problem() == Problem::NotAllowed);

  const std::string role = test::password_role_uri();
  try {
    sdk::Database::open(sdk::server_uri_with_password(role, test::kPasswordRolePassword));
  } catch (const sdk::Error& e) {
    WARN("the server has no role " << test::kPasswordRole << " that must give its password "
                                   << "(scripts/start-postgres.sh makes one): " << e.what());
    return;
  }
  const auto asked = connection_failure(role);
  CHECK(asked.problem() == Problem::PasswordNeeded);
  const auto wrong = connection_failure(sdk::server_uri_with_password(role, "not the password"));
  CHECK(wrong.problem() == Problem::WrongPassword);
  CHECK(std::string(wrong.what()).find("not the password") == std::string::npos);
  CHECK(wrong.detail().find("password authentication failed") != std::string::npos);
}

TEST_CASE("a PostgreSQL database says so, and refuses SQLite's file operations saying what to use") {
  if (skip_without_server()) return;
  test::ScratchDb s;
  auto& db = s.db();
  CHECK(db.engine() == sdk::Engine::PostgreSQL);
  CHECK(db.handle() == nullptr);
  test::TempDir tmp;
  CHECK_THROWS_WITH(db.backup_to(tmp / "b.db"), Catch::Contains("pg_dump -Fc"));
  CHECK_THROWS_AS(db.serialize(), sdk::InputError);
  CHECK_THROWS_AS(db.restore_from(tmp / "b.db"), sdk::InputError);
  CHECK_THROWS_AS(db.create_text_function("fold", [](std::string_view t) { return std::string(t); }),
                  sdk::InputError);
  CHECK_FALSE(std::filesystem::exists(tmp / "b.db"));
  // Column types: booleans read as 0/1, bytea as a blob, integers and floats as numbers.
  sdk::Statement q(
      db, "SELECT true, false, '\\x00ff'::bytea, 9000000000::int8, 7::int4, 2.5::float8, 'ｶﾀｶﾅ'::text");
  REQUIRE(q.step());
  CHECK(q.get_int(0) == 1);
  CHECK(q.get_int(1) == 0);
  CHECK(q.get_blob(2) == sdk::Blob{0, 255});
  CHECK(q.get_int(3) == 9000000000);
  CHECK(q.get_int(4) == 7);
  CHECK(q.get_double(5) == 2.5);
  CHECK(q.get_text(6) == "ｶﾀｶﾅ");
  CHECK(q.column_name(6) == "text");
}

TEST_CASE("a serialization failure between two connections is a BusyError") {
  if (skip_without_server()) return;
  test::ScratchDb s;
  auto& a = s.db();
  a.exec("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER); INSERT INTO t VALUES (1, 0)");
  auto b = s.open_another();
  a.exec("BEGIN ISOLATION LEVEL REPEATABLE READ");
  CHECK(*sdk::query_int(a, "SELECT n FROM t WHERE id = 1") == 0);  // a's snapshot starts here
  sdk::Statement(b, "UPDATE t SET n = n + 1 WHERE id = 1").run();  // b commits in between
  CHECK_THROWS_AS(sdk::Statement(a, "UPDATE t SET n = n + 10 WHERE id = 1").run(), sdk::BusyError);
  a.exec("ROLLBACK");
  CHECK(*sdk::query_int(a, "SELECT n FROM t WHERE id = 1") == 1);
}

TEST_CASE("of two transactions that deadlock one gets a BusyError and the other goes through") {
  if (skip_without_server()) return;
  test::ScratchDb s;
  s.db().exec("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER); INSERT INTO t VALUES (1, 0), (2, 0)");
  auto a = s.open_another();
  auto b = s.open_another();
  // Each takes one row, then wants the other's: the server finds the deadlock (deadlock_timeout,
  // 1 s, before the 5 s lock_timeout) and ends one of them.
  auto cross = [](sdk::Database& db, int first, int second, std::latch& both_hold) {
    try {
      sdk::Transaction tx(db, "cross");
      sdk::Statement(db, "UPDATE t SET n = n + 1 WHERE id = ?").bind(1, first).run();
      both_hold.arrive_and_wait();
      sdk::Statement(db, "UPDATE t SET n = n + 1 WHERE id = ?").bind(1, second).run();
      tx.commit();
      return std::string("committed");
    } catch (const sdk::BusyError& e) {
      return std::string("busy: ") + e.what();
    } catch (const std::exception& e) {
      return std::string("other: ") + e.what();
    }
  };
  std::latch both_hold(2);
  auto other = std::async(std::launch::async, [&] { return cross(b, 2, 1, both_hold); });
  const std::string mine = cross(a, 1, 2, both_hold);
  const std::string theirs = other.get();
  INFO(mine << " / " << theirs);
  CHECK(((mine == "committed" && theirs.starts_with("busy: ")) ||
         (theirs == "committed" && mine.starts_with("busy: "))));
  CHECK(*sdk::query_int(s.db(), "SELECT sum(n) FROM t") == 2);  // only the survivor's two updates
}

TEST_CASE("two transactions that deadlock both go through when run by retry_when_busy") {
  if (skip_without_server()) return;
  test::ScratchDb s;
  s.db().exec("CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER); INSERT INTO t VALUES (1, 0), (2, 0)");
  auto a = s.open_another();
  auto b = s.open_another();
  std::atomic<int> runs = 0;
  std::latch both_hold(2);
  auto cross = [&](sdk::Database& db, int first, int second) {
    sdk::retry_when_busy(db, [&] {
      const bool first_run = runs.fetch_add(1) < 2;
      sdk::Transaction tx(db, "cross");
      sdk::Statement(db, "UPDATE t SET n = n + 1 WHERE id = ?").bind(1, first).run();
      if (first_run) both_hold.arrive_and_wait();  // the first runs meet and deadlock
      sdk::Statement(db, "UPDATE t SET n = n + 1 WHERE id = ?").bind(1, second).run();
      tx.commit();
    });
  };
  auto other = std::async(std::launch::async, [&] { cross(b, 2, 1); });
  CHECK_NOTHROW(cross(a, 1, 2));
  CHECK_NOTHROW(other.get());
  CHECK(runs == 3);  // the server undid one of them once; it ran again after the other committed
  CHECK(*sdk::query_int(s.db(), "SELECT sum(n) FROM t") == 4);  // both, each once
}

TEST_CASE("after a failed statement a PostgreSQL transaction refuses to commit and rolls back whole") {
  if (skip_without_server()) return;
  test::ScratchDb s;
  auto& db = s.db();
  db.exec("CREATE TABLE t(id INTEGER PRIMARY KEY)");
  {
    sdk::Transaction tx(db, "test");
    db.exec("INSERT INTO t VALUES (1)");
    CHECK_THROWS_AS(db.exec("INSERT INTO t VALUES (1)"), sdk::DbError);
    CHECK_THROWS_WITH(db.exec("INSERT INTO t VALUES (2)"), Catch::Contains("earlier statement"));
    CHECK_THROWS_WITH(tx.commit(), Catch::Contains("nothing of it was written"));
  }
  CHECK_FALSE(db.in_transaction());
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 0);
  {  // a nested transaction (a savepoint) contains the failure
    sdk::Transaction tx(db, "test");
    db.exec("INSERT INTO t VALUES (1)");
    try {
      sdk::Transaction inner(db, "inner");
      db.exec("INSERT INTO t VALUES (1)");
      inner.commit();
    } catch (const sdk::DbError& e) {
      CHECK(e.code() == 2067);
    }
    db.exec("INSERT INTO t VALUES (2)");
    tx.commit();
  }
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM t") == 2);
}

TEST_CASE(
    "a bulk transaction on PostgreSQL keeps foreign keys and triggers on and rolls back on an exception") {
  if (skip_without_server()) return;
  test::ScratchDb s;
  auto& db = s.db();
  db.exec(
      "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE c(p INTEGER REFERENCES p(id)); CREATE TABLE "
      "log(x INTEGER);"
      "CREATE FUNCTION c_log() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN INSERT INTO log VALUES (new.p); "
      "RETURN new; END $$;"
      "CREATE TRIGGER c_log AFTER INSERT ON c FOR EACH ROW EXECUTE FUNCTION c_log()");
  const sdk::BulkOptions bulk{.cache_kib = 65536, .without_foreign_keys = true, .without_triggers = true};
  {
    sdk::BulkTransaction tx(db, "bulk", "", bulk);
    db.exec("INSERT INTO p VALUES (1); INSERT INTO c VALUES (1)");
    CHECK_THROWS_WITH(db.exec("INSERT INTO c VALUES (7)"), Catch::Contains("foreign key"));
  }  // the failed statement aborted it: nothing was written
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM p") == 0);
  try {
    sdk::BulkTransaction tx(db, "bulk", "", bulk);
    db.exec("INSERT INTO p VALUES (1); INSERT INTO c VALUES (1)");
    throw std::runtime_error("power cut");
  } catch (const std::runtime_error&) {
  }
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM p") == 0);
  {
    sdk::BulkTransaction tx(db, "bulk", "", bulk);
    db.exec("INSERT INTO p VALUES (1); INSERT INTO c VALUES (1)");
    tx.commit();
  }
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM log") == 1);  // the trigger ran
  CHECK_FALSE(db.in_transaction());
}

TEST_CASE("a lost server connection is a DbError saying so") {
  if (skip_without_server()) return;
  test::ScratchDb s;
  auto victim = s.open_another();
  const auto pid = *sdk::query_int(victim, "SELECT pg_backend_pid()");
  sdk::Statement(s.db(), "SELECT pg_terminate_backend(?::int)").bind(1, pid).step();
  CHECK_THROWS_WITH(victim.exec("SELECT 1"), Catch::Contains("connection to the database server"));
}

TEST_CASE("a read-only PostgreSQL connection refuses writes, even in a transaction") {
  if (skip_without_server()) return;
  test::ScratchDb s;
  s.db().exec("CREATE TABLE t(x INTEGER)");
  auto db = sdk::Database::open(test::test_server_uri(), sdk::Database::Mode::ReadOnly);
  db.exec("SET search_path TO " + *sdk::query_text(s.db(), "SELECT current_schema()"));
  try {
    sdk::Transaction tx(db, "write");
    db.exec("INSERT INTO t VALUES (1)");
    FAIL("a read-only connection wrote");
  } catch (const sdk::InputError& e) {
    CHECK_THAT(e.what(), Catch::Contains("not allowed"));
  }
  CHECK(*sdk::query_int(s.db(), "SELECT count(*) FROM t") == 0);
}
