#pragma once
// An old database for the upgrade tests: a fixture loaded into a file in a temporary folder,
// opened by the real host with real plugins, and the real wasshoi-cli run on it. On the engine
// under test (label `engines`): with WASSHOI_TEST_DB set, the fixture's rows are copied into a
// fresh schema of that server made by the migrations up to the fixture's versions (those texts
// never change once shipped, so this is the schema the version that made the fixture would have
// made there), and the host, the CLI and the row comparison work on that schema.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>
#include <wasshoi/host/app.hpp>

#include "fixture_db.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

namespace wasshoi::test {

inline constexpr const char* kSchemaV1 = "schema-v1.sql";
// Every plugin the fixtures hold tables of.
inline const std::vector<std::string> kPlugins = {"members", "issues", "booking", "minutes", "proposals"};
// "core" and kPlugins: the owners in schema_migrations.
std::vector<std::string> owners();
// Every fixture in tests/upgrade/fixtures (the *.sql dumps, not the *-data.sql they were made from).
std::vector<std::string> fixture_names();

struct OldDatabase {
  explicit OldDatabase(const std::string& fixture);
  // The host on the old database with the plugins of `plugin_dir` (default: the build's
  // bin/plugins), database opened, so upgraded. Closing it (destroying) checkpoints a file.
  std::unique_ptr<host::App> open(const std::filesystem::path& plugin_dir = {}) const;
  // `wasshoi-cli --db TARGET args…`; REQUIREs success and returns what it printed.
  std::string cli(const std::vector<std::string>& args) const;
  // Changes the fixture's file directly (sqlite3 API), bypassing the app.
  void exec(const std::string& sql) const;
  // What the host and the CLI open: the file, or the server schema holding its rows.
  std::string target() const;
  // The columns of `before` read again from the target (after an upgrade).
  Tables read_like(const Tables& before) const;

  TempDir tmp;
  std::filesystem::path file;       // the fixture, loaded (on a server: what was copied there)
  std::optional<ScratchDb> server;  // with WASSHOI_TEST_DB
};

// A plugins folder next to bin/plugins (so the plugins' $ORIGIN/.. still finds the program's
// libraries) holding copies of the real plugins and of `extra` plugin files; removed at the end.
class PluginFolder {
 public:
  explicit PluginFolder(const std::vector<std::filesystem::path>& extra);
  ~PluginFolder();
  PluginFolder(const PluginFolder&) = delete;
  PluginFolder& operator=(const PluginFolder&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// True when `tables` has the core's tables (organizations not empty) and a table of every plugin.
bool tables_of_every_owner(const Tables& tables);
std::string lines(const std::vector<std::string>& items);

}  // namespace wasshoi::test
