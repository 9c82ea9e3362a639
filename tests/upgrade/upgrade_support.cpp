#include "upgrade_support.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <random>

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

OldDatabase::OldDatabase(const std::string& fixture) : file(tmp / "old.db") {
  load_fixture(fixture, file);
}

std::unique_ptr<host::App> OldDatabase::open(const fs::path& plugin_dir) const {
  auto app = std::make_unique<host::App>(
      host::AppOptions{.db_path = file,
                       .plugin_dir = plugin_dir.empty() ? bin_dir() / "plugins" : plugin_dir,
                       .actor = "test",
                       .create = false});
  app->open_database();
  return app;
}

std::string OldDatabase::cli(const std::vector<std::string>& args) const {
  std::vector<std::string> all = {"--db", file.string()};
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
