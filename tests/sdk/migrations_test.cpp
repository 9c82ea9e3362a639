#include <catch2/catch.hpp>
#include <wasshoi/sdk/migrations.hpp>

#include "test_support.hpp"

using namespace wasshoi;

TEST_CASE("migrations run in order, once, per owner") {
  test::TempDir tmp;
  auto db = sdk::Database::open(tmp / "w.db");
  std::vector<sdk::Migration> v1 = {{1, "t", "CREATE TABLE a_t(x)"}};
  CHECK(sdk::migrate(db, "a", v1) == 1);
  CHECK(sdk::migrate(db, "a", v1) == 0);
  auto v2 = v1;
  v2.push_back({2, "column", "ALTER TABLE a_t ADD COLUMN y"});
  CHECK(sdk::migrate(db, "a", v2) == 1);
  CHECK(sdk::schema_version(db, "a") == 2);
  CHECK(sdk::schema_version(db, "b") == 0);
}

TEST_CASE("a failing migration rolls back and leaves the previous version usable") {
  test::TempDir tmp;
  auto db = sdk::Database::open(tmp / "w.db");
  std::vector<sdk::Migration> ms = {{1, "t", "CREATE TABLE a_t(x); INSERT INTO a_t VALUES(1)"},
                                    {2, "broken", "CREATE TABLE a_u(x); INSERT INTO nowhere VALUES(1)"}};
  CHECK_THROWS_WITH(sdk::migrate(db, "a", ms), Catch::Contains("migration a v2 (broken) failed"));
  CHECK(sdk::schema_version(db, "a") == 1);
  CHECK_FALSE(db.table_exists("a_u"));
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM a_t") == 1);
}

TEST_CASE("a database newer than the program is refused, and gaps in numbering are a bug") {
  auto db = sdk::Database::open_memory();
  std::vector<sdk::Migration> two = {{1, "a", "CREATE TABLE a1(x)"}, {2, "b", "CREATE TABLE a2(x)"}};
  sdk::migrate(db, "a", two);
  std::vector<sdk::Migration> one = {two[0]};
  CHECK_THROWS_WITH(sdk::migrate(db, "a", one), Catch::Contains("newer than this program"));
  std::vector<sdk::Migration> gap = {{1, "a", "SELECT 1"}, {3, "c", "SELECT 1"}};
  CHECK_THROWS_WITH(sdk::migrate(db, "b", gap), Catch::Contains("numbered 1, 2, 3"));
}
