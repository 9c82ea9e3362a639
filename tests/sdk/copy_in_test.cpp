// Database::copy_in and take_ids on the engine under test (ctest label `engines`): COPY … FROM
// STDIN on PostgreSQL, a prepared INSERT per row on SQLite; the same rows either way.
#include <catch2/catch.hpp>
#include <wasshoi/sdk/db.hpp>

#include "scratch_db.hpp"

using namespace wasshoi;

namespace {

// Every row of t, one line per row, values a | apart, NULL as <null>.
std::string dump(sdk::Database& db) {
  sdk::Statement st(db, "SELECT id, name, n, note FROM t ORDER BY id");
  std::string out;
  while (st.step()) {
    for (int i = 0; i < 4; ++i) out += (i ? "|" : "") + (st.is_null(i) ? "<null>" : st.get_text(i));
    out += "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("copy_in writes Japanese text, tabs, newlines, backslashes, NULL and empty text as given") {
  test::ScratchDb scratch;
  auto& db = scratch.db();
  db.exec(scratch.dialect("CREATE TABLE t(id {id}, name TEXT NOT NULL, n INTEGER, note TEXT)"));
  const std::vector<sdk::Database::CopyRow> rows = {
      {"1", "髙橋 一郎", "42", "タブ\tと改行\nと\\バックスラッシュ\r"},
      {"2", "𠮷田", std::nullopt, ""},
      {"3", "\\N", "-7", std::nullopt},
  };
  sdk::Transaction tx(db, "test.copy");
  CHECK(db.copy_in("t", {"id", "name", "n", "note"}, rows) == 3);
  tx.commit();
  CHECK(dump(db) ==
        "1|髙橋 一郎|42|タブ\tと改行\nと\\バックスラッシュ\r\n"
        "2|𠮷田|<null>|\n"
        "3|\\N|-7|<null>\n");
  sdk::Statement typed(db, "SELECT n + 1 FROM t WHERE id = 1");
  REQUIRE(typed.step());
  CHECK(typed.get_int(0) == 43);  // stored as an integer, not as text
  CHECK(db.copy_in("t", {"id", "name"}, {}) == 0);
}

TEST_CASE("copy_in refuses a bad row, names and row sizes, and inside a transaction writes nothing then") {
  test::ScratchDb scratch;
  auto& db = scratch.db();
  db.exec(scratch.dialect("CREATE TABLE t(id {id}, name TEXT NOT NULL, n INTEGER, note TEXT)"));
  CHECK_THROWS_AS(db.copy_in("t; DROP TABLE t", {"id"}, {{"1"}}), sdk::Error);
  CHECK_THROWS_AS(db.copy_in("t", {"id", "name\""}, {{"1", "a"}}), sdk::Error);
  CHECK_THROWS_AS(db.copy_in("t", {"id", "name"}, {{"1"}}), sdk::Error);
  {
    sdk::Transaction tx(db, "test.copy");
    // The second row breaks NOT NULL: the whole load fails.
    CHECK_THROWS_AS(db.copy_in("t", {"id", "name"}, {{"1", "a"}, {"2", std::nullopt}}), sdk::DbError);
  }
  CHECK(dump(db).empty());
  // The connection is usable afterwards.
  CHECK(db.copy_in("t", {"id", "name"}, {{"5", "五"}}) == 1);
  CHECK(dump(db) == "5|五|<null>|<null>\n");
}

TEST_CASE("take_ids gives new keys that later inserts without a key never collide with") {
  test::ScratchDb scratch;
  auto& db = scratch.db();
  db.exec(scratch.dialect("CREATE TABLE t(id {id}, name TEXT NOT NULL, n INTEGER, note TEXT)"));
  sdk::Statement add(db, "INSERT INTO t(name) VALUES(?)");
  add.bind(1, "一").run();
  const auto first = db.last_insert_id();
  sdk::Transaction tx(db, "test.copy");
  const auto ids = db.take_ids("t", "id", 3);
  REQUIRE(ids.size() == 3);
  CHECK(ids[0] > first);
  CHECK(ids[0] < ids[1]);
  CHECK(ids[1] < ids[2]);
  std::vector<sdk::Database::CopyRow> rows;
  for (auto id : ids) rows.push_back({std::to_string(id), "copied"});
  db.copy_in("t", {"id", "name"}, rows);
  add.bind(1, "after").run();  // the key the engine gives next
  CHECK(db.last_insert_id() > ids[2]);
  tx.commit();
  CHECK(sdk::query_int(db, "SELECT count(*) FROM t").value_or(0) == 5);
  CHECK(db.take_ids("t", "id", 0).empty());
}
