// A migration that fails while an old database upgrades (tests/host/plugins/bad_migration.cpp:
// its version 1 works, its version 2 fails half-way) is rolled back: the old rows stay as they
// were, the file stays sound, and the other plugins upgrade and work.
#include <catch2/catch.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/migrations.hpp>

#include "fixture_db.hpp"
#include "test_support.hpp"
#include "upgrade_support.hpp"

using namespace wasshoi;
using namespace wasshoi::test;

namespace {
const std::filesystem::path kBadMigration = WASSHOI_BAD_MIGRATION_PLUGIN;
}

TEST_CASE(
    "a migration failing during an upgrade is rolled back, every old row stays and the other plugins work") {
  OldDatabase old(kSchemaV1);
  const Tables before = read_tables(old.file);
  PluginFolder plugins({kBadMigration});
  {
    auto app = old.open(plugins.path());
    const host::PluginRecord* bad = app->plugins().find("bad_migration");
    REQUIRE(bad != nullptr);
    CHECK(bad->state == host::PluginState::Failed);
    CHECK_THAT(bad->reason, Catch::Contains("no_such_table"));
    CHECK(sdk::schema_version(app->db(), "bad_migration") == 1);  // version 2 rolled back whole
    CHECK_FALSE(app->db().table_exists("bad_migration_half"));
    for (const auto& id : kPlugins) {
      INFO(id);
      const host::PluginRecord* rec = app->plugins().find(id);
      REQUIRE(rec != nullptr);
      CHECK(rec->state == host::PluginState::Loaded);
      CHECK(sdk::schema_version(app->db(), id) == static_cast<int>(rec->plugin->migrations().size()));
    }
    CHECK(app->db().integrity_check() == "ok");
  }
  auto missing = missing_rows(before, old.read_like(before));
  INFO(lines(missing));
  CHECK(missing.empty());
  CHECK_THAT(old.cli({"--org", "2", "members", "search", "たかはし"}), Catch::Contains("髙橋　一郎"));
}

TEST_CASE("a migration that fails leaves the database file byte for byte as it was, and it opens again") {
  WASSHOI_SQLITE_ONLY("about the bytes of the file; on a server the test above checks every row");
  OldDatabase old(kSchemaV1);
  PluginFolder plugins({kBadMigration});
  old.open(plugins.path());  // everything upgrades but bad_migration's version 2
  REQUIRE_FALSE(std::filesystem::exists(old.file.string() + "-wal"));
  const std::string bytes = read_file(old.file);
  REQUIRE(bytes.size() > 4096);
  const Tables before = read_tables(old.file);
  {
    auto app = old.open(plugins.path());  // only bad_migration v2 is pending, and fails again
    CHECK(app->plugins().find("bad_migration")->state == host::PluginState::Failed);
  }
  CHECK(read_file(old.file) == bytes);
  // Without the broken plugin it is an ordinary database again.
  auto app = old.open();
  CHECK(app->db().integrity_check() == "ok");
  CHECK(sdk::schema_version(app->db(), "bad_migration") == 1);
  app.reset();
  CHECK(missing_rows(before, read_tables_like(old.file, before)).empty());
  CHECK_THAT(old.cli({"--org", "2", "proposals", "list"}), Catch::Contains("髙﨑橋の歩道に防護柵を"));
}
