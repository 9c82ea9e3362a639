// Databases made at older schemas (fixtures/*.sql; the oldest, schema-v1.sql, has the core and
// every plugin at version 1) opened by today's host and plugins: each reaches every component's
// current version and keeps every row with the same values; on the version-1 one the officers'
// everyday queries work.
#include <catch2/catch.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/migrations.hpp>

#include "core_schema.hpp"
#include "fixture_db.hpp"
#include "test_support.hpp"
#include "upgrade_support.hpp"

using namespace wasshoi;
using namespace wasshoi::test;

TEST_CASE("the version-1 fixture holds the core and every plugin at schema version 1") {
  OldDatabase old(kSchemaV1);
  for (const auto& owner : owners()) {
    INFO(owner);
    CHECK(recorded_version(old.file, owner) == 1);
  }
}

TEST_CASE("a database at an older schema upgrades to the current version of the core and every plugin") {
  const std::string fixture = GENERATE(from_range(fixture_names()));
  INFO(fixture);
  OldDatabase old(fixture);
  auto app = old.open();
  CHECK(sdk::schema_version(app->db(), "core") == static_cast<int>(host::core_migrations().size()));
  for (const auto& id : kPlugins) {
    INFO(id);
    const host::PluginRecord* rec = app->plugins().find(id);
    REQUIRE(rec != nullptr);
    INFO(rec->reason);
    REQUIRE(rec->state == host::PluginState::Loaded);
    CHECK(sdk::schema_version(app->db(), id) == static_cast<int>(rec->plugin->migrations().size()));
  }
  CHECK(app->db().integrity_check() == "ok");
}

TEST_CASE("upgrading from an older schema keeps every row of every table with the same values") {
  const std::string fixture = GENERATE(from_range(fixture_names()));
  INFO(fixture);
  OldDatabase old(fixture);
  const Tables before = read_tables(old.file);
  REQUIRE(tables_of_every_owner(before));
  old.open();  // upgrades, closes
  auto missing = missing_rows(before, old.read_like(before));
  INFO(lines(missing));
  CHECK(missing.empty());
}

TEST_CASE("the row comparison notices a row that changed or went missing") {
  OldDatabase old(kSchemaV1);
  const Tables before = read_tables(old.file);
  old.exec("UPDATE members_persons SET name = '高橋　一郎' WHERE name = '髙橋　一郎'");
  old.exec("DELETE FROM booking_equipment WHERE name = '長机'");
  auto missing = missing_rows(before, read_tables_like(old.file, before));
  REQUIRE(missing.size() == 2);
  CHECK_THAT(lines(missing), Catch::Contains("members_persons: ") && Catch::Contains("髙橋　一郎") &&
                                 Catch::Contains("booking_equipment: ") && Catch::Contains("長机"));
}

TEST_CASE("after the upgrade the roster search finds 髙橋 by たかはし, 山﨑 by 山崎 and ｻﾄｳ by さとう") {
  OldDatabase old(kSchemaV1);
  old.open();
  auto takahashi = old.cli({"--org", "2", "members", "search", "たかはし"});
  CHECK_THAT(takahashi, Catch::Contains("髙橋　一郎") && Catch::Contains("髙橋　花子"));
  CHECK_THAT(old.cli({"--org", "2", "members", "search", "山崎"}), Catch::Contains("山﨑　健太"));
  CHECK_THAT(old.cli({"--org", "3", "members", "search", "さとう"}), Catch::Contains("ｻﾄｳ ﾏｺﾄ"));
}

TEST_CASE("after the upgrade every plugin lists the old rows") {
  OldDatabase old(kSchemaV1);
  old.open();
  CHECK_THAT(old.cli({"--org", "2", "members", "list", "--status", "all"}),
             Catch::Contains("𠮷田　悟") && Catch::Contains("一関市大町8 ｺｰﾎﾟ𠮷田 101"));
  CHECK_THAT(old.cli({"--org", "2", "issues", "categories"}), Catch::Contains("髙﨑橋の見守り"));
  CHECK_THAT(old.cli({"--org", "6", "booking", "facility", "list"}), Catch::Contains("和室（髙﨑）"));
  CHECK_THAT(old.cli({"--org", "2", "booking", "series", "list"}), Catch::Contains("ｶﾗｵｹ教室（𠮷田）"));
  CHECK_THAT(old.cli({"--org", "2", "minutes", "kinds"}), Catch::Contains("髙﨑地区 班長会"));
  CHECK_THAT(old.cli({"--org", "2", "proposals", "list"}), Catch::Contains("髙﨑橋の歩道に防護柵を"));
}

TEST_CASE("after the upgrade the old households take dues, a table version 1 did not have") {
  OldDatabase old(kSchemaV1);
  old.open();
  // members v3 added dues. Household 1 (1班) pays; household 3 left in 2026-03 and owes nothing.
  old.cli({"--org", "2", "members", "dues", "set", "--year", "2026", "--amount", "3000"});
  old.cli({"--org", "2", "members", "dues", "pay", "1", "--year", "2026", "--date", "2026-05-01"});
  std::string rate = old.cli({"--org", "2", "members", "dues", "rate", "--year", "2026"});
  CHECK_THAT(rate, Catch::Contains("1班\t1/1世帯\t100.0%") && Catch::Contains("合計\t1/2世帯\t50.0%"));
}

TEST_CASE("after upgrading the first release's database every plugin lists its rows") {
  // schema-first-release.sql: the sample data of the first release (core at version 1).
  OldDatabase old("schema-first-release.sql");
  old.open();
  CHECK_THAT(old.cli({"--org", "4", "members", "search", "たかはし"}), Catch::Contains("髙橋　博"));
  CHECK_THAT(old.cli({"--org", "2", "issues", "list"}), Catch::Contains("ごみ集積所のカラス被害"));
  CHECK_THAT(old.cli({"--org", "2", "minutes", "list"}), Catch::Contains("令和8年度 定期総会"));
  CHECK_THAT(old.cli({"--org", "2", "proposals", "list"}), Catch::Contains("通学路への防犯灯の増設"));
  CHECK_THAT(old.cli({"--org", "6", "booking", "facility", "list"}), Catch::Contains("調理実習室"));
}

TEST_CASE("after members v4 rebuilt the search index, old and new persons are found, by substring only") {
  // schema-members-v3.sql: the sample data just before members v4 replaced the search index.
  OldDatabase old("schema-members-v3.sql");
  old.open();
  auto found = [&](const std::string& query) { return old.cli({"--org", "2", "members", "search", query}); };
  CHECK_THAT(found("いわぶち"), Catch::Contains("岩渕　隆") && Catch::Contains("岩渕　由美"));
  CHECK_THAT(found("ｵﾔﾏ"), Catch::Contains("小山　キヨ"));
  CHECK_THAT(found("隆"), Catch::Contains("岩渕　隆"));
  CHECK_THAT(found("宮前13"), Catch::Contains("岩渕　由美"));
  CHECK_THAT(found("ちぶわい"), !Catch::Contains("岩渕"));  // its characters, not in a row
  // The index follows the persons added and removed after the upgrade.
  old.cli({"--org", "2", "members", "household", "add", "--name", "𠮷田　ﾊﾙｶ", "--reading", "ﾖｼﾀﾞ ﾊﾙｶ",
           "--address", "一関市髙﨑町9"});
  CHECK_THAT(found("よしだはるか"), Catch::Contains("𠮷田　ﾊﾙｶ"));
  CHECK_THAT(found("高崎町"), Catch::Contains("𠮷田　ﾊﾙｶ"));
}

TEST_CASE(
    "after members v7 and v8 the search index answers for one 自治会 and a helper's removal is indexed") {
  // schema-members-v6.sql: the sample data before members v7 (an index on helper_id) and v8 (the
  // search index per 自治会), with two 要支援者 of わっしょい第一自治会 (id 2) who have helpers.
  OldDatabase old("schema-members-v6.sql");
  auto app = old.open();
  auto found = [&](const std::string& org, const std::string& query) {
    return old.cli({"--org", org, "members", "search", query});
  };
  CHECK_THAT(found("2", "おやま"), Catch::Contains("小山　キヨ"));
  CHECK_THAT(found("2", "いわぶち"), Catch::Contains("岩渕　隆") && Catch::Contains("岩渕　由美"));
  CHECK_THAT(found("3", "おやまきよ"), !Catch::Contains("小山　キヨ"));  // another 自治会's person
  sdk::Database& db = app->db();
  // Who helped whom is found by the index, not by reading every person (on a server, whose
  // planner reads a table this small whole, the index is there).
  if (db.engine() == sdk::Engine::SQLite) {
    sdk::Statement plan(db, "EXPLAIN QUERY PLAN SELECT id FROM members_persons WHERE helper_id = ?");
    plan.bind(1, 6);
    std::string steps;
    while (plan.step()) steps += plan.get_text(3) + "\n";
    CHECK_THAT(steps, Catch::Contains("members_persons_helper"));
  } else {
    CHECK(sdk::query_int(db,
                         "SELECT count(*) FROM pg_indexes WHERE schemaname = current_schema() AND "
                         "indexname = 'members_persons_helper'") == 1);
  }
  // 伊藤　誠 (6) helps 小山　キヨ (1): removing him clears her helper and takes him out of the index.
  CHECK(sdk::query_int(db, "SELECT helper_id FROM members_persons WHERE id = 1") == 6);
  {
    sdk::Transaction tx(db, "test.remove");
    db.exec("DELETE FROM members_persons WHERE id = 6");
    tx.commit();
  }
  CHECK_FALSE(sdk::query_int(db, "SELECT helper_id FROM members_persons WHERE id = 1").has_value());
  CHECK(sdk::query_int(db, "SELECT needs_support FROM members_persons WHERE id = 1") == 1);
  CHECK_THAT(found("2", "伊藤誠"), !Catch::Contains("伊藤　誠"));
  CHECK_THAT(found("2", "いとう"), Catch::Contains("伊藤　彩"));
}
