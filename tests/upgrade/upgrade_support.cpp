#include "upgrade_support.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>
#include <span>
#include <wasshoi/host/database_copy.hpp>
#include <wasshoi/sdk/migrations.hpp>

#include "core_schema.hpp"

namespace wasshoi::test {

namespace fs = std::filesystem;

std::vector<std::string> owners() {
  std::vector<std::string> all = {"core"};
  all.insert(all.end(), kPlugins.begin(), kPlugins.end());
  return all;
}

std::vector<std::string> fixture_names() {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(fixture_path("")))
    if (e.path().extension() == ".sql" && !e.path().stem().string().ends_with("-data"))
      names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

namespace {

// `owner`'s first `version` migrations.
std::span<const sdk::Migration> up_to(const std::vector<sdk::Migration>& all, int version) {
  REQUIRE(static_cast<std::size_t>(version) <= all.size());
  return std::span(all).first(static_cast<std::size_t>(version));
}

}  // namespace

OldDatabase::OldDatabase(const std::string& fixture) : file(tmp / "old.db") {
  load_fixture(fixture, file);
  if (!testing_postgres()) return;
  server.emplace();
  auto& target = server->db();
  sdk::migrate(target, "core", up_to(host::core_migrations(), recorded_version(file, "core")));
  host::App plugins(host::AppOptions{.plugin_dir = bin_dir() / "plugins", .actor = "test"});  // no database
  auto source = sdk::Database::open(file, sdk::Database::Mode::ReadOnly);
  std::vector<std::string> recorded;  // every plugin the fixture holds tables of (kPlugins and more)
  sdk::Statement owners(source, "SELECT DISTINCT owner FROM schema_migrations WHERE owner <> 'core'");
  while (owners.step()) recorded.push_back(owners.get_text(0));
  for (const auto& id : recorded) {
    INFO("plugin " << id);
    const host::PluginRecord* rec = plugins.plugins().find(id);
    REQUIRE(rec != nullptr);
    REQUIRE(rec->plugin != nullptr);
    const auto migrations = rec->plugin->migrations();
    sdk::migrate(target, id, up_to(migrations, recorded_version(file, id)));
  }
  auto copied = host::copy_database(source, target);
  REQUIRE(copied.identical());
  // The server's record of its migrations as the old version's would read: the fixture's times.
  sdk::Statement times(source, "SELECT owner, version, applied_at FROM schema_migrations");
  while (times.step())
    sdk::Statement(target, "UPDATE schema_migrations SET applied_at = ?1 WHERE owner = ?2 AND version = ?3")
        .bind_all(times.get_text(2), times.get_text(0), times.get_int(1))
        .run();
}

std::string OldDatabase::target() const {
  return server ? server->target() : file.string();
}

Tables OldDatabase::read_like(const Tables& before) const {
  if (!server) return read_tables_like(file, before);
  auto db = server->open_another();
  return read_tables_like(db, before);
}

std::unique_ptr<host::App> OldDatabase::open(const fs::path& plugin_dir) const {
  auto app = std::make_unique<host::App>(
      host::AppOptions{.db_path = target(),
                       .plugin_dir = plugin_dir.empty() ? bin_dir() / "plugins" : plugin_dir,
                       .actor = "test",
                       .create = false});
  app->open_database();
  return app;
}

std::string OldDatabase::cli(const std::vector<std::string>& args) const {
  std::vector<std::string> all = {"--db", target()};
  all.insert(all.end(), args.begin(), args.end());
  RunResult r = run_cli(all);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return r.out;
}

void OldDatabase::exec(const std::string& sql) const {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) == SQLITE_OK);
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  INFO(message);
  REQUIRE(rc == SQLITE_OK);
}

PluginFolder::PluginFolder(const std::vector<fs::path>& extra) {
  std::random_device rd;
  path_ = bin_dir() / ("plugins-upgrade-test-" + std::to_string(rd()));
  fs::create_directory(path_);
  for (const auto& e : fs::directory_iterator(bin_dir() / "plugins"))
    if (e.path().extension() == ".so") fs::copy_file(e.path(), path_ / e.path().filename());
  for (const auto& p : extra) fs::copy_file(p, path_ / p.filename());
}

PluginFolder::~PluginFolder() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

bool tables_of_every_owner(const Tables& tables) {
  for (const char* core :
       {"organizations", "han", "org_plugins", "settings", "audit_log", "schema_migrations"})
    if (!tables.count(core)) return false;
  if (tables.at("organizations").rows.empty() || tables.at("schema_migrations").rows.empty()) return false;
  for (const auto& id : kPlugins) {
    auto it = tables.lower_bound(id + "_");
    if (it == tables.end() || it->first.rfind(id + "_", 0) != 0) return false;
  }
  return true;
}

std::string lines(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += i + "\n";
  return out;
}

}  // namespace wasshoi::test
