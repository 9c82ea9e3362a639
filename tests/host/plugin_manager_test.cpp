// The plugin manager with real test plugins, on the engine under test (label `engines`: a SQLite
// file, or a schema of the server in WASSHOI_TEST_DB).
#include <catch2/catch.hpp>
#include <wasshoi/host/app.hpp>

#include "scratch_db.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace wasshoi;

namespace {

fs::path good_dir() {
  return fs::path(WASSHOI_TEST_PLUGIN_DIR) / "good";
}
fs::path broken_dir() {
  return fs::path(WASSHOI_TEST_PLUGIN_DIR) / "broken";
}

// A plugins folder holding the good test plugins plus the named broken ones.
fs::path plugin_folder(const test::TempDir& tmp, std::initializer_list<const char*> broken) {
  fs::path dir = tmp / "plugins";
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(good_dir())) fs::copy_file(e.path(), dir / e.path().filename());
  for (const char* b : broken) fs::copy_file(broken_dir() / b, dir / b);
  return dir;
}

// The hello plugin's service, seen from outside: only its id matters for lookup.
struct Greeting {
  static constexpr const char* kServiceId = "hello.greeting";
};

const host::PluginRecord& record(host::App& app, const std::string& id) {
  const auto* r = app.plugins().find(id);
  REQUIRE(r != nullptr);
  return *r;
}

}  // namespace

TEST_CASE("good plugins load in the order of their requirements") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  host::App app({.db_path = scratch.target(), .plugin_dir = plugin_folder(tmp, {})});
  const auto& all = app.plugins().plugins();
  REQUIRE(all.size() == 2);
  CHECK(all[0].id == "hello");  // greeter requires hello
  CHECK(all[1].id == "greeter");
  CHECK(all[0].state == host::PluginState::Loaded);
  CHECK(all[0].info.version == "1.2.0");
  CHECK(all[0].info.name_ja == "あいさつ");
}

TEST_CASE("each broken library is reported with its reason and the others still load") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  host::App app({.db_path = scratch.target(),
                 .plugin_dir = plugin_folder(tmp, {"wrong_api.so", "not_a_plugin.so", "factory_throws.so",
                                                   "junk.so", "unresolved.so", "needs_missing.so"})});
  app.open_database();
  CHECK(app.plugins().is_loaded("hello"));
  CHECK(app.plugins().is_loaded("greeter"));
  CHECK_THAT(record(app, "wrong_api").reason, Catch::Contains("plugin API version 999"));
  CHECK_THAT(record(app, "not_a_plugin").reason, Catch::Contains("not a Wasshoi plugin"));
  CHECK_THAT(record(app, "factory_throws").reason, Catch::Contains("no configuration found"));
  CHECK_THAT(record(app, "junk").reason, Catch::Contains("cannot load"));
  CHECK_THAT(record(app, "unresolved").reason, Catch::Contains("wasshoi_function_that_does_not_exist"));
  CHECK_THAT(record(app, "needs_missing").reason, Catch::Contains("not_installed"));
  for (const char* id :
       {"wrong_api", "not_a_plugin", "factory_throws", "junk", "unresolved", "needs_missing"})
    CHECK(record(app, id).state == host::PluginState::Failed);
}

TEST_CASE("plugin migrations run once and are recorded per plugin") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  auto dir = plugin_folder(tmp, {});
  {
    host::App app({.db_path = scratch.target(), .plugin_dir = dir});
    app.open_database();
    CHECK(sdk::schema_version(app.db(), "hello") == 2);
    CHECK(app.db().table_exists("hello_greetings"));
  }
  host::App again({.db_path = scratch.target(), .plugin_dir = dir});
  again.open_database();
  CHECK(*sdk::query_int(again.db(), "SELECT count(*) FROM schema_migrations WHERE owner='hello'") == 2);
}

TEST_CASE("a plugin whose migration fails is marked failed and its half-done migration leaves nothing") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  host::App app({.db_path = scratch.target(), .plugin_dir = plugin_folder(tmp, {"bad_migration.so"})});
  app.open_database();
  const auto& r = record(app, "bad_migration");
  CHECK(r.state == host::PluginState::Failed);
  CHECK_THAT(r.reason, Catch::Contains("no_such_table"));
  CHECK(app.db().table_exists("bad_migration_ok"));
  CHECK_FALSE(app.db().table_exists("bad_migration_half"));
  CHECK(sdk::schema_version(app.db(), "bad_migration") == 1);
  CHECK(app.plugins().is_loaded("hello"));
}

TEST_CASE("services and panels come from the plugins, and disabling a plugin withdraws its services") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  host::App app({.db_path = scratch.target(), .plugin_dir = plugin_folder(tmp, {"panel_throws.so"})});
  app.open_database();
  auto panels = app.panels_for(0);
  CHECK(panels.size() == 2);
  CHECK(app.services().find<Greeting>() != nullptr);
  app.plugins().disable("hello", "test");
  CHECK(app.services().find<Greeting>() == nullptr);
  CHECK(record(app, "hello").reason == "test");
  CHECK(app.panels_for(0).size() == 1);
}

TEST_CASE("a second provider of a service is refused, naming both plugins and the service") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  host::App app({.db_path = scratch.target(), .plugin_dir = plugin_folder(tmp, {"rival_greeting.so"})});
  app.open_database();
  const auto& rival = record(app, "rival_greeting");
  CHECK(rival.state == host::PluginState::Failed);
  CHECK_THAT(rival.reason,
             Catch::Contains("the service 'hello.greeting' is already provided by the plugin 'hello'") &&
                 Catch::Contains("the plugin 'rival_greeting' cannot provide it too"));
  // The first provider keeps its service; the refused plugin contributes nothing.
  CHECK(app.plugins().is_loaded("hello"));
  CHECK(app.plugins().is_loaded("greeter"));
  REQUIRE(app.services().find<Greeting>() != nullptr);
  auto panels = app.panels_for(0);
  CHECK(std::none_of(panels.begin(), panels.end(),
                     [](const auto& p) { return p.first->id == "rival_greeting"; }));
  CHECK(panels.size() == 1);  // hello's
}

TEST_CASE("panels are shown for the organizations that enabled their plugin") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  host::App app({.db_path = scratch.target(), .plugin_dir = plugin_folder(tmp, {})});
  auto orgs = app.orgs();
  auto a = orgs.add(host::OrgKind::Jichikai, "山目第一自治会");
  auto b = orgs.add(host::OrgKind::Jichikai, "山目第二自治会");
  auto enabled = app.enable_plugin(a, "greeter");
  CHECK(enabled == std::vector<std::string>{"hello", "greeter"});  // its requirement first
  CHECK(app.panels_for(a).size() == 1);
  CHECK(app.panels_for(b).empty());
  CHECK_THROWS_WITH(app.enable_plugin(a, "nope"), Catch::Contains("no plugin with id 'nope'"));
}
