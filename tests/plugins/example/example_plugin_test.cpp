// The example plugin of docs/plugin-guide.md (tests/plugins/example, id kairanban), tested the way
// the guide says to test a plugin: core/ on a real database (test::ScratchDb: a SQLite file, or a
// schema of the PostgreSQL server in WASSHOI_TEST_DB), the library through the real
// PluginManager, the command through the real wasshoi-cli. And the guide quotes these files.
#include <algorithm>
#include <catch2/catch.hpp>
#include <cstring>
#include <nlohmann/json.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/error.hpp>

#include "core/circulars.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using namespace wasshoi;
using nlohmann::json;

namespace {

const fs::path kLibrary = fs::path(EXAMPLE_PLUGIN_DIR) / "kairanban.so";

// A plugins folder holding the example, and the real plugins of bin/plugins when asked.
fs::path plugin_folder(const test::TempDir& tmp, bool with_real_plugins) {
  fs::path dir = tmp / "plugins";
  fs::create_directories(dir);
  if (with_real_plugins)
    for (const auto& e : fs::directory_iterator(test::bin_dir() / "plugins"))
      fs::copy_file(e.path(), dir / e.path().filename());
  fs::copy_file(kLibrary, dir / "kairanban.so");
  return dir;
}

}  // namespace

TEST_CASE(
    "the example plugin loads through the real PluginManager, migrates and registers its contributions") {
  test::TempDir tmp;
  test::ScratchDb scratch;
  host::App app({.db_path = scratch.target(), .plugin_dir = plugin_folder(tmp, false)});
  app.open_database();
  const auto* r = app.plugins().find("kairanban");
  REQUIRE(r != nullptr);
  INFO(r->reason);
  REQUIRE(r->state == host::PluginState::Loaded);
  CHECK(r->info.name_ja == "回覧板");
  CHECK(sdk::schema_version(app.db(), "kairanban") == 1);
  CHECK(app.db().table_exists("kairanban_circulars"));

  const auto& added = sdk::impl::contributions(*r->contributions);
  REQUIRE(added.cli_commands.size() == 1);
  CHECK(added.cli_commands[0].name == "kairanban");
  std::vector<std::string> panels;
  for (const auto& [rec, panel] : app.panels_for(0)) panels.push_back(panel->id);
  if (EXAMPLE_WITH_UI)  // ui/ is built only with the UI library
    CHECK(panels == std::vector<std::string>{"kairanban.circulars"});
  else
    CHECK(panels.empty());
}

TEST_CASE("the example plugin's catalogs sit beside its plugins folder and name its panel") {
  const fs::path catalogs = fs::path(EXAMPLE_PLUGIN_DIR).parent_path() / "i18n";
  for (const char* lang : {"ja", "en"}) {
    auto catalog = json::parse(test::read_file(catalogs / ("kairanban." + std::string(lang) + ".json")));
    CHECK(catalog.contains("kairanban.panel.circulars"));
  }
  // Not among the real program's catalogs.
  CHECK_FALSE(fs::exists(test::bin_dir() / "i18n" / "kairanban.ja.json"));
  CHECK_FALSE(fs::exists(test::bin_dir() / "plugins" / "kairanban.so"));
}

TEST_CASE("the example's core: one write per circular, and a 班長 sees their 班's and the whole 自治会's") {
  test::TempDir tmp;
  test::ScratchDb scratch;
  host::App app({.db_path = scratch.target(), .plugin_dir = plugin_folder(tmp, false)});
  app.open_database();
  auto orgs = app.orgs();
  const auto org = orgs.add(host::OrgKind::Jichikai, "山目第一自治会");
  const auto han1 = orgs.add_han(org, "1班");
  orgs.add_han(org, "2班");
  auto& db = app.db();
  auto& dir = app.services().get<sdk::OrganizationDirectory>();  // what ctx.services() gives the plugin
  const auto audited = *sdk::query_int(db, "SELECT count(*) FROM audit_log");
  kairanban::add_circular(db, dir, org, "防災訓練のお知らせ", "");
  kairanban::add_circular(db, dir, org, "1班の清掃当番", "1班");
  kairanban::add_circular(db, dir, org, "2班の清掃当番", "2班");
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM audit_log WHERE action = 'kairanban.add'") == 3);
  CHECK(*sdk::query_int(db, "SELECT count(*) FROM audit_log") == audited + 3);

  CHECK(kairanban::list_circulars(db, dir, org, std::nullopt).size() == 3);
  auto seen = kairanban::list_circulars(db, dir, org, han1);
  REQUIRE(seen.size() == 2);
  CHECK(seen[0].title == "1班の清掃当番");
  CHECK(seen[0].han == "1班");
  CHECK(seen[1].title == "防災訓練のお知らせ");
  CHECK(seen[1].han.empty());

  CHECK_THROWS_AS(kairanban::add_circular(db, dir, org, "  ", ""), sdk::InputError);
  CHECK_THROWS_WITH(kairanban::add_circular(db, dir, org, "回覧", "9班"),
                    Catch::Contains("no 班 named '9班'"));
  CHECK(kairanban::list_circulars(db, dir, org, std::nullopt).size() == 3);
}

TEST_CASE("the example's command runs in the real wasshoi-cli, with and without the members plugin") {
  for (bool with_members : {false, true}) {
    test::TempDir tmp;
    test::ScratchDb scratch;
    const std::string db = scratch.target(), dir = plugin_folder(tmp, with_members).string();
    auto cli = [&](std::vector<std::string> args) {
      args.insert(args.begin(), {"--db", db, "--plugins", dir});
      return test::run_cli(args);
    };
    REQUIRE(cli({"org", "add", "--kind", "jichikai", "--name", "山目第一自治会"}).exit_code == 0);
    auto r = cli({"kairanban", "add", "防災訓練のお知らせ", "--json"});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto added = json::parse(r.out);
    CHECK(added["title"] == "防災訓練のお知らせ");
    // MemberDirectory, when the members plugin is there (not in a build that excludes it)
    const bool members = with_members && fs::exists(test::bin_dir() / "plugins" / "members.so");
    CHECK(added["copies"].is_number() == members);

    r = cli({"kairanban", "list"});
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.out, Catch::Contains("全体\t防災訓練のお知らせ"));

    r = cli({"kairanban", "add", "回覧", "--han", "9班"});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("no 班 named '9班'"));
  }
}

namespace {

// The guide's fenced blocks whose first line names a file of the tree ("// path" or "# path"):
// (path, the rest of the block).
std::vector<std::pair<std::string, std::string>> quoted_files(const std::string& guide) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t at = 0;
  while ((at = guide.find("```", at)) != std::string::npos) {
    const auto fence_end = guide.find('\n', at);
    const auto close = guide.find("\n```", fence_end);
    if (fence_end == std::string::npos || close == std::string::npos) break;
    const std::string block = guide.substr(fence_end + 1, close + 1 - (fence_end + 1));
    at = close + 4;
    const auto first_end = block.find('\n');
    const std::string first = block.substr(0, first_end);
    for (const char* mark : {"// ", "# "}) {
      const std::string path = first.substr(std::min(first.size(), std::strlen(mark)));
      if (first.starts_with(mark) && path.find(' ') == std::string::npos &&
          path.find('/') != std::string::npos && path.find('.') != std::string::npos)
        out.emplace_back(path, block.substr(first_end + 1));
    }
  }
  return out;
}

}  // namespace

// Every such block is a verbatim excerpt of the file it names.
TEST_CASE("the plugin guide quotes the example's files as they are") {
  std::vector<std::string> quoted;
  for (const auto& [path, excerpt] : quoted_files(test::read_file(PLUGIN_GUIDE))) {
    INFO(path);
    const fs::path file = fs::path(WASSHOI_SOURCE_DIR) / path;
    REQUIRE(fs::exists(file));
    CHECK(test::read_file(file).find(excerpt) != std::string::npos);
    quoted.push_back(path);
  }
  // The guide walks through the whole skeleton of the example.
  for (const char* must :
       {"tests/plugins/example/CMakeLists.txt", "tests/plugins/example/plugin.cpp",
        "tests/plugins/example/core/schema.cpp", "tests/plugins/example/core/circulars.cpp",
        "tests/plugins/example/cli/kairanban_command.cpp", "tests/plugins/example/ui/panels.hpp",
        "tests/plugins/example/ui/panels.cpp", "tests/plugins/example/i18n/kairanban.ja.json"}) {
    INFO(must);
    CHECK(std::find(quoted.begin(), quoted.end(), must) != quoted.end());
  }
}
