// The desktop window and the command line at once: `wasshoi` starts under Xvfb (migrating every
// plugin's tables and writing its automatic backup) while wasshoi-cli adds organizations in a loop.
// Both finish; every organization the CLI reported is there; the file and the backup are sound. On
// the engine under test (a SQLite file, or a schema of the server in WASSHOI_TEST_DB, where the
// window makes no automatic backup: the server's are pg_dump's, docs/engines.md).
#include <atomic>
#include <catch2/catch.hpp>
#include <set>
#include <thread>

#include "concurrency_support.hpp"
#include "scratch_db.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

TEST_CASE("the GUI starting up and a CLI writing in a loop at once: both finish, nothing lost or damaged") {
  REQUIRE(fs::exists("/usr/bin/xvfb-run"));  // package xvfb
  test::TempDir tmp;
  test::ScratchDb scratch;
  const std::string db = scratch.target();
  const fs::path none = tmp / "no-plugins";
  fs::create_directories(none);
  // Only the host's tables so far: the GUI (with every plugin) has migrations to run at start.
  REQUIRE(test::run_cli({"--db", db, "--plugins", none.string(), "org", "add", "--kind", "jichikai", "--name",
                         "山目第一自治会"})
              .exit_code == 0);
  REQUIRE(test::count(db, "SELECT count(*) FROM schema_migrations WHERE owner <> 'core'") == 0);

  std::atomic<bool> gui_done{false};
  std::vector<test::RunResult> cli_runs;
  std::thread cli_loop([&] {
    for (int i = 0; !gui_done || i < 10; ++i)
      cli_runs.push_back(test::run_cli({"--db", db, "--plugins", none.string(), "org", "add", "--kind", "npo",
                                        "--name", "並行の会" + std::to_string(i)}));
  });
  auto gui = test::run_program("/usr/bin/xvfb-run",
                               {"-a", (test::bin_dir() / "wasshoi").string(), "--db", db, "--frames", "20"});
  gui_done = true;
  cli_loop.join();

  INFO("wasshoi: " << gui.err);
  CHECK(gui.exit_code == 0);
  std::set<std::string> reported;
  int busy = 0;
  for (std::size_t i = 0; i < cli_runs.size(); ++i) {
    const auto& r = cli_runs[i];
    INFO("CLI run " << i << ": " << r.err);
    CHECK((r.exit_code == 0 || r.exit_code == test::kCliBusy));
    if (r.exit_code == test::kCliBusy) {
      CHECK_THAT(r.err, Catch::Contains("データベースは他のプログラムが使用中です"));
      ++busy;
    }
    if (r.exit_code == 0) reported.insert("並行の会" + std::to_string(i));
  }
  for (const auto& name : reported)
    CHECK(test::count(db, "SELECT count(*) FROM organizations WHERE name = '" + name + "'") == 1);
  CHECK(test::count(db, "SELECT count(*) FROM organizations WHERE name LIKE '並行の会%'") ==
        static_cast<std::int64_t>(reported.size()));
  for (const char* plugin : {"members", "minutes", "booking", "issues"})  // the GUI's start-up writes
    CHECK(test::count(
              db, std::string("SELECT count(*) FROM schema_migrations WHERE owner = '") + plugin + "'") > 0);
  CHECK(test::integrity(db) == "ok");
  if (!scratch.postgres()) {  // the automatic backup beside the file
    std::vector<fs::path> backups;
    for (const auto& e : fs::directory_iterator(fs::path(db).parent_path() / "backups"))
      backups.push_back(e.path());
    REQUIRE(backups.size() == 1);
    CHECK(test::integrity(backups.front()) == "ok");
  }
  WARN("CLI runs during the GUI's start: " << cli_runs.size() << " (" << reported.size() << " written, "
                                           << busy << " busy)");
}
