#include <catch2/catch.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/backups.hpp>

#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

TEST_CASE("automatic backups are rotated, keeping the newest") {
  test::TempDir tmp;
  host::App app({.db_path = tmp / "w.db", .plugin_dir = tmp / "none"});
  app.orgs().add(host::OrgKind::Jichikai, "山目第一自治会");
  for (int i = 0; i < 5; ++i) host::automatic_backup(app.db(), 3);
  auto backups = host::list_backups(app.db());
  REQUIRE(backups.size() == 3);
  sdk::Database copy = sdk::Database::open(backups.back(), sdk::Database::Mode::ReadOnly);
  CHECK(*sdk::query_text(copy, "SELECT name FROM organizations") == "山目第一自治会");
}

TEST_CASE("a restore brings back the backed-up data and keeps the replaced data as a backup") {
  test::TempDir tmp;
  host::App app({.db_path = tmp / "w.db", .plugin_dir = tmp / "none"});
  auto orgs = app.orgs();
  orgs.add(host::OrgKind::Jichikai, "髙橋町内会");
  app.db().backup_to(tmp / "saved.db");
  orgs.add(host::OrgKind::Jichikai, "あとから自治会");
  host::restore(app.db(), tmp / "saved.db");
  CHECK(*sdk::query_int(app.db(), "SELECT count(*) FROM organizations") == 1);
  auto backups = host::list_backups(app.db());
  REQUIRE(backups.size() == 1);
  sdk::Database before = sdk::Database::open(backups[0], sdk::Database::Mode::ReadOnly);
  CHECK(*sdk::query_int(before, "SELECT count(*) FROM organizations") == 2);
}

TEST_CASE("a damaged or foreign file is refused as a restore source and nothing changes") {
  test::TempDir tmp;
  host::App app({.db_path = tmp / "w.db", .plugin_dir = tmp / "none"});
  app.orgs().add(host::OrgKind::Jichikai, "山目第一自治会");
  test::write_file(tmp / "junk.db", std::string(8192, 'x'));
  CHECK_THROWS_WITH(host::restore(app.db(), tmp / "junk.db"), Catch::Contains("junk.db"));
  sdk::Database other = sdk::Database::open(tmp / "other.db");
  other.exec("CREATE TABLE t(x)");
  CHECK_THROWS_WITH(host::restore(app.db(), tmp / "other.db"), Catch::Contains("not a Wasshoi database"));
  CHECK(*sdk::query_int(app.db(), "SELECT count(*) FROM organizations") == 1);
  CHECK(host::list_backups(app.db()).empty());
}
