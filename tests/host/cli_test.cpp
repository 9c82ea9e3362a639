// wasshoi-cli end to end: the real program, real plugin libraries, a real database on the engine
// under test (label `engines`: a SQLite file, or a schema of the server in WASSHOI_TEST_DB); the
// tests about database files themselves say why they skip on a server.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/db.hpp>

#include "scratch_db.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {
std::string good_plugins() {
  return (fs::path(WASSHOI_TEST_PLUGIN_DIR) / "good").string();
}

// A plugins folder with the good test plugins and the named broken ones.
fs::path plugins_with(const test::TempDir& tmp, std::initializer_list<const char*> broken) {
  fs::path dir = tmp / "plugins";
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(good_plugins()))
    fs::copy_file(e.path(), dir / e.path().filename());
  for (const char* b : broken) fs::copy_file(fs::path(WASSHOI_TEST_PLUGIN_DIR) / "broken" / b, dir / b);
  return dir;
}

std::int64_t count(const std::string& db, const std::string& sql) {
  auto d = sdk::Database::open(db, sdk::Database::Mode::ReadOnly);
  return sdk::query_int(d, sql).value_or(-1);
}

std::string plugin_state(const json& list, const std::string& id) {
  for (const auto& p : list)
    if (p["id"] == id)
      return p["state"].get<std::string>() + (p["reason"] == "" ? "" : ": " + p["reason"].get<std::string>());
  return "missing";
}
}  // namespace

TEST_CASE("org add prints the new id and org list shows it") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test
  const std::string db = scratch.target();
  auto r =
      test::run_cli({"--db", db, "org", "add", "--kind", "jichikai", "--name", "山目第一自治会", "--json"});
  REQUIRE(r.exit_code == 0);
  json added = json::parse(r.out);
  CHECK(added["id"].is_number_integer());
  CHECK(added["name"] == "山目第一自治会");
  auto list = test::run_cli({"--db", db, "org", "list", "--json"});
  REQUIRE(list.exit_code == 0);
  json arr = json::parse(list.out);
  REQUIRE(arr.is_array());
  REQUIRE(arr.size() == 1);
  CHECK(arr[0]["id"] == added["id"]);
  CHECK(arr[0]["kind"] == "jichikai");
}

TEST_CASE("plugins list shows every plugin with id, version, state and reason, broken ones included") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test
  fs::path dir = tmp / "plugins";
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(good_plugins()))
    fs::copy_file(e.path(), dir / e.path().filename());
  fs::copy_file(fs::path(WASSHOI_TEST_PLUGIN_DIR) / "broken" / "wrong_api.so", dir / "wrong_api.so");
  test::write_file(dir / "notes.so", "junk");
  auto r = test::run_cli({"--db", scratch.target(), "--plugins", dir.string(), "plugins", "list", "--json"});
  REQUIRE(r.exit_code == 0);
  json arr = json::parse(r.out);
  REQUIRE(arr.size() == 4);
  std::map<std::string, json> by_id;
  for (const auto& p : arr) {
    CHECK(p.contains("version"));
    CHECK(p.contains("reason"));
    by_id[p["id"]] = p;
  }
  CHECK(by_id["hello"]["state"] == "loaded");
  CHECK(by_id["hello"]["version"] == "1.2.0");
  CHECK(by_id["greeter"]["state"] == "loaded");
  CHECK(by_id["wrong_api"]["state"] == "failed");
  CHECK_THAT(by_id["wrong_api"]["reason"].get<std::string>(), Catch::Contains("API version 999"));
  CHECK(by_id["notes"]["state"] == "failed");
}

TEST_CASE("the real plugins folder next to the program loads without failures") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test
  auto r = test::run_cli({"--db", scratch.target(), "plugins", "list", "--json"});
  REQUIRE(r.exit_code == 0);
  for (const auto& p : json::parse(r.out)) CHECK(p["state"] == "loaded");
}

TEST_CASE("bad input gets a clear message, exit 1, and nothing is written") {
  WASSHOI_SQLITE_ONLY("about database files: missing folders, files that are not SQLite, damaged ones");
  test::TempDir tmp;
  fs::path db = tmp / "t.db";
  SECTION("unknown kind") {
    auto r = test::run_cli({"--db", db.string(), "org", "add", "--kind", "club", "--name", "x"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("unknown organization kind 'club'"));
    CHECK_FALSE(fs::exists(db));
  }
  SECTION("unknown parent id") {
    test::run_cli({"--db", db.string(), "org", "add", "--kind", "jichikai", "--name", "a"});
    auto r = test::run_cli(
        {"--db", db.string(), "org", "add", "--kind", "jichikai", "--name", "b", "--parent", "42"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("no organization with id 42"));
    auto list = json::parse(test::run_cli({"--db", db.string(), "org", "list", "--json"}).out);
    CHECK(list.size() == 1);
  }
  SECTION("a database in a missing folder") {
    auto r = test::run_cli({"--db", (tmp / "missing" / "t.db").string(), "org", "list"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("does not exist"));
    CHECK_FALSE(fs::exists(tmp / "missing"));
  }
  SECTION("a file that is not SQLite") {
    std::string junk(5000, 'z');
    test::write_file(db, junk);
    auto r = test::run_cli({"--db", db.string(), "org", "list"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("not a database"));
    CHECK(test::read_file(db) == junk);
    CHECK_FALSE(fs::exists(tmp / "t.db-wal"));
  }
  SECTION("a damaged SQLite file") {
    test::run_cli({"--db", db.string(), "org", "add", "--kind", "jichikai", "--name", "a"});
    test::run_cli({"--db", db.string(), "db", "backup", "--out", (tmp / "b.db").string()});
    std::string bytes = test::read_file(tmp / "b.db");
    for (std::size_t i = 4096; i < bytes.size(); ++i) bytes[i] = static_cast<char>(0xA5);
    test::write_file(tmp / "b.db", bytes);
    auto r = test::run_cli({"--db", (tmp / "b.db").string(), "org", "list"});
    CHECK(r.exit_code == 1);
    CHECK(test::read_file(tmp / "b.db") == bytes);
  }
}

TEST_CASE("usage errors exit 2") {
  CHECK(test::run_cli({"org", "frobnicate"}).exit_code == 2);
  CHECK(test::run_cli({"org", "add", "--kind", "jichikai"}).exit_code == 2);
  CHECK(test::run_cli({}).exit_code == 2);
  CHECK(test::run_cli({"--help"}).exit_code == 0);
}

TEST_CASE("--help explains every exit code, on the top level and under each command") {
  for (auto args : {std::vector<std::string>{"--help"}, std::vector<std::string>{"org", "add", "--help"}}) {
    auto r = test::run_cli(args);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("Exit codes:\n  0  done\n  1  error") &&
                          Catch::Contains("2  usage error") && Catch::Contains("3  the database is busy") &&
                          Catch::Contains("4  a plugin failed"));
  }
}

TEST_CASE("plugins mount their subcommands under their id, for organizations that enabled them") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test
  const std::string db = scratch.target();
  auto org = json::parse(test::run_cli({"--db", db, "--plugins", good_plugins(), "org", "add", "--kind",
                                        "npo", "--name", "みどりの会", "--json"})
                             .out)["id"]
                 .get<int>();
  auto unscoped =
      test::run_cli({"--db", db, "--plugins", good_plugins(), "--org", std::to_string(org), "hello", "髙橋"});
  CHECK(unscoped.exit_code == 0);  // hello does not ask for an organization
  auto r = test::run_cli({"--db", db, "--plugins", good_plugins(), "hello", "﨑山", "--json"});
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["name"] == "﨑山");
  auto enable = test::run_cli(
      {"--db", db, "--plugins", good_plugins(), "org", "enable", std::to_string(org), "greeter", "--json"});
  REQUIRE(enable.exit_code == 0);
  CHECK(json::parse(enable.out)["enabled"] == json::array({"hello", "greeter"}));
}

TEST_CASE("a plugin command that throws a plain exception exits 4, naming the plugin and the reason") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test
  fs::path dir = plugins_with(tmp, {"panel_throws.so"});
  auto r = test::run_cli({"--db", scratch.target(), "--plugins", dir.string(), "panel_throws"});
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("壊れたパネル") && Catch::Contains("panel_throws") &&
                        Catch::Contains("the command broke") &&
                        Catch::Contains("このセッションでは無効にしました"));
}

TEST_CASE("db backup and restore round-trip through the CLI") {
  WASSHOI_SQLITE_ONLY("backups of a file (a server's: engines_cli_test.cpp)");
  test::TempDir tmp;
  std::string db = (tmp / "t.db").string();
  test::run_cli({"--db", db, "org", "add", "--kind", "jichikai", "--name", "𠮷田自治会"});
  REQUIRE(test::run_cli({"--db", db, "db", "backup", "--out", (tmp / "b.db").string()}).exit_code == 0);
  test::run_cli({"--db", db, "org", "add", "--kind", "jichikai", "--name", "二つ目"});
  auto restored = test::run_cli({"--db", db, "db", "restore", (tmp / "b.db").string()});
  REQUIRE(restored.exit_code == 0);
  auto list = json::parse(test::run_cli({"--db", db, "org", "list", "--json"}).out);
  REQUIRE(list.size() == 1);
  CHECK(list[0]["name"] == "𠮷田自治会");
  auto check = test::run_cli({"--db", db, "db", "check", "--json"});
  CHECK(check.exit_code == 0);
  CHECK(json::parse(check.out)["integrity"] == "ok");
}

TEST_CASE("demo data is deterministic and builds the 地域協働 tree") {
  test::ScratchDb a_db, b_db;
  auto dump = [&](const std::string& db) {
    auto r = test::run_cli({"--db", db, "demo", "--households", "30", "--json"});
    REQUIRE(r.exit_code == 0);
    return test::run_cli({"--db", db, "org", "tree", "--json"}).out;
  };
  std::string a = dump(a_db.target());
  CHECK(a == dump(b_db.target()));
  json tree = json::parse(a);
  CHECK(tree[0]["kind"] == "kyodotai");
  CHECK(tree[0]["children"].size() >= 3);
  auto again = test::run_cli({"--db", a_db.target(), "demo"});
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("already"));
}

TEST_CASE("a demo of no households is refused with the minimum, exit 1, and no database file is made") {
  WASSHOI_SQLITE_ONLY("about the database file not being made");
  test::TempDir tmp;
  fs::path db = tmp / "t.db";
  auto r = test::run_cli({"--db", db.string(), "demo", "--households", "0"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("--households must be at least 1"));
  CHECK(r.out.empty());
  CHECK_FALSE(fs::exists(db));
}

TEST_CASE("a demo whose plugin step fails part-way writes nothing, not even the sample organizations") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test
  fs::path dir = plugins_with(tmp, {"demo_throws.so"});
  const std::string db = scratch.target();
  auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--plugins", dir.string()});
    return test::run_cli(args);
  };
  REQUIRE(cli({"org", "add", "--kind", "jichikai", "--name", "前からある自治会"}).exit_code == 0);
  const auto audited = count(db, "SELECT count(*) FROM audit_log");

  auto r = cli({"demo", "--households", "3"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("the sample 回覧板 ran out of paper"));
  CHECK(count(db, "SELECT count(*) FROM organizations") == 1);
  CHECK(count(db, "SELECT count(*) FROM han") == 0);
  CHECK(count(db, "SELECT count(*) FROM demo_throws_rows") == 0);
  CHECK(count(db, "SELECT count(*) FROM audit_log") == audited);
  CHECK(sdk::Database::open(fs::path(db)).integrity_check() == "ok");
}

TEST_CASE("a plugin command that throws after writing is disabled for the run, its write rolled back") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test
  fs::path dir = plugins_with(tmp, {"command_throws.so"});
  const std::string db = scratch.target();
  auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--plugins", dir.string()});
    return test::run_cli(args);
  };
  REQUIRE(cli({"command_throws", "add", "最初の行"}).exit_code == 0);
  const auto audited = count(db, "SELECT count(*) FROM audit_log");

  auto r = cli({"command_throws", "fail", "消えるはずの行"});
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("プラグイン「途中で失敗する係 "
                                    "(command_throws)」が失敗したため、このセッションでは無効にしました") &&
                        Catch::Contains("the imaginary printer caught fire after row 2") &&
                        Catch::Contains("データは変更されていません。"));
  CHECK(r.out.empty());
  CHECK(count(db, "SELECT count(*) FROM command_throws_rows WHERE note = '消えるはずの行'") == 0);
  CHECK(count(db, "SELECT count(*) FROM command_throws_rows") == 1);
  CHECK(count(db, "SELECT count(*) FROM audit_log") == audited);
  CHECK(sdk::Database::open(fs::path(db)).integrity_check() == "ok");

  // Disabled for that run only: the next run loads it and its data is all there.
  auto list = cli({"plugins", "list", "--json"});
  REQUIRE(list.exit_code == 0);
  CHECK(plugin_state(json::parse(list.out), "command_throws") == "loaded");
  CHECK(plugin_state(json::parse(list.out), "hello") == "loaded");
  CHECK(cli({"command_throws", "add", "次の行"}).exit_code == 0);
  CHECK(
      count(db,
            "SELECT CASE WHEN string_agg(note, ',') = '最初の行,次の行' THEN 1 ELSE 0 END FROM (SELECT note "
            "FROM command_throws_rows ORDER BY id) AS notes") == 1);
}

TEST_CASE("a plugin that fails after it saved a write says so instead of claiming nothing changed") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test
  fs::path dir = plugins_with(tmp, {"command_throws.so"});
  const std::string db = scratch.target();
  auto r =
      test::run_cli({"--db", db, "--plugins", dir.string(), "command_throws", "fail-after-commit", "残る行"});
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("失敗する前に 1 件の書き込みが確定しています"));
  CHECK_THAT(r.err, !Catch::Contains("データは変更されていません"));
  CHECK(count(db, "SELECT count(*) FROM command_throws_rows WHERE note = '残る行'") == 1);
}

TEST_CASE(
    "the command of a plugin whose migration failed is refused with the reason, before it touches a table") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test
  fs::path dir = plugins_with(tmp, {"bad_migration.so"});
  auto r = test::run_cli({"--db", scratch.target(), "--plugins", dir.string(), "bad_migration"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err,
             Catch::Contains("the plugin 'bad_migration' cannot be used in this run: its database migration "
                             "failed") &&
                 Catch::Contains("no_such_table"));
}

TEST_CASE(
    "a plugin whose command setup throws is disabled with the reason, its command says why and the others "
    "work") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test
  fs::path dir = plugins_with(tmp, {"setup_throws.so"});
  const std::string db = scratch.target();
  // The same run that set the commands up lists the plugin as failed, with the reason.
  auto list = test::run_cli({"--db", db, "--plugins", dir.string(), "plugins", "list", "--json"});
  REQUIRE(list.exit_code == 0);
  CHECK(plugin_state(json::parse(list.out), "setup_throws") ==
        "failed: its command setup failed: the option table is missing");
  CHECK_THAT(list.err,
             Catch::Contains("プラグイン「準備で失敗する係 (setup_throws)」のコマンドを準備できなかった"));

  auto run = test::run_cli({"--db", db, "--plugins", dir.string(), "setup_throws", "--half"});
  CHECK(run.exit_code == 4);
  CHECK_THAT(run.err, Catch::Contains("準備で失敗する係") && Catch::Contains("the option table is missing"));

  auto hello = test::run_cli({"--db", db, "--plugins", dir.string(), "hello", "髙橋", "--json"});
  CHECK(hello.exit_code == 0);
  CHECK(json::parse(hello.out)["name"] == "髙橋");
}
