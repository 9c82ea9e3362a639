// Nothing lost on a power cut: wasshoi-cli is killed with SIGKILL at random moments while it
// imports a roster, books a recurring series and imports an issue bundle. After every kill the
// database must pass PRAGMA integrity_check, each operation must have landed whole or not at all,
// and the next program must open the file. On the engine under test (label `engines`): a SQLite
// file, or a schema of the PostgreSQL server in WASSHOI_TEST_DB, where a killed client's
// transaction ends when its server process notices the closed connection.
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <random>
#include <wasshoi/sdk/db.hpp>

#include "scratch_db.hpp"
#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

int kills_per_operation() {
  const char* env = std::getenv("WASSHOI_KILLS");  // e.g. 1000 for a long run
  return env ? std::max(1, std::atoi(env) / 3) : 50;
}

std::int64_t count(const std::string& db, const std::string& sql) {
  auto d = sdk::Database::open(db, sdk::Database::Mode::ReadOnly);
  return sdk::query_int(d, sql).value_or(-1);
}

// The programs this test starts name themselves to the server with this (libpq's PGAPPNAME), so
// settle() can tell their server processes from those of other tests running at the same time.
std::string application_name() {
  static const std::string name = "wasshoi-kill-test-" + std::to_string(getpid());
  return name;
}

// On a server a killed client's transaction is rolled back (or, when its COMMIT was already sent,
// committed) by its server process once that notices the connection is gone: waits for every
// one of this test's server processes but the asking one to end. On SQLite the kill is the end.
void settle(const std::string& db) {
  if (!sdk::is_server_target(db)) return;
  const std::string others = "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" +
                             application_name() + "' AND pid <> pg_backend_pid()";
  for (int i = 0; i < 1000; ++i) {
    if (count(db, others) == 0) return;
    usleep(10000);
  }
  FAIL("a killed program's server process was still there after 10 s");
}

std::string integrity(const std::string& db) {
  settle(db);
  auto d = sdk::Database::open(db, sdk::Database::Mode::ReadWrite);  // recovers the WAL
  return d.integrity_check();
}

// How long `args` takes when nobody kills it, in microseconds, run on `copy`: a database made as
// `db` was (the demo), so the run does what it would do on `db`.
int duration_us(const std::string& copy, std::vector<std::string> args) {
  for (std::size_t i = 0; i + 1 < args.size(); ++i)
    if (args[i] == "--db") args[i + 1] = copy;
  auto start = std::chrono::steady_clock::now();
  test::run_cli(args);
  return static_cast<int>(
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start)
          .count());
}

// Runs wasshoi-cli with `args` and kills it at a random moment within `window_us` (first: how
// long a whole run took). Returns true when the kill came before the program ended by itself.
// The window follows the machine: a run that ended before its kill shrinks it, a killed one
// widens it a little, so kills keep landing within the run (before and after its commit) even
// when other tests load the machine or the sanitizers slow the program down.
bool run_and_kill(std::mt19937& rng, const std::vector<std::string>& args, int& window_us) {
  int pid = test::start_program("wasshoi-cli", args);
  usleep(static_cast<useconds_t>(std::uniform_int_distribution<int>(0, window_us)(rng)));
  bool killed = ::kill(pid, SIGKILL) == 0;
  int code = test::wait_program(pid);
  killed = killed && code == 128 + SIGKILL;
  window_us = killed ? window_us * 21 / 20 : window_us * 4 / 5;
  return killed;
}

std::string roster_csv(int batch, int rows) {
  std::string csv = "班,氏名,フリガナ,住所,電話\r\n";
  for (int k = 0; k < rows; ++k)
    csv += std::to_string(1 + k % 8) + "班,耐久" + std::to_string(batch) + "号 髙橋" + std::to_string(k) +
           ",ﾀｶﾊｼ,一関市わっしょい" + std::to_string(k) + "番地,0191-00-" + std::to_string(1000 + k) + "\r\n";
  return csv;
}

}  // namespace

TEST_CASE("SIGKILL at random moments never leaves half an operation or a damaged file") {
  test::TempDir tmp;
  unsetenv("PGAPPNAME");            // set by an earlier section's run: not for the test's own connections
  test::ScratchDb scratch, timing;  // the database under test, and one to time the runs on
  setenv("PGAPPNAME", application_name().c_str(), 1);  // the programs' server processes: settle()
  const std::string d = scratch.target(), db = d;
  for (const auto& target : {d, timing.target()})
    REQUIRE(test::run_cli({"--db", target, "demo", "--households", "40"}).exit_code == 0);
  std::mt19937 rng(20261125);
  const int rounds = kills_per_operation();
  int kills = 0, checked = 0, landed = 0;

  SECTION("roster imports") {
    const int rows = 2000;
    for (int i = 0; i < rounds; ++i) {
      fs::path csv = tmp / ("roster" + std::to_string(i) + ".csv");
      test::write_file(csv, roster_csv(i, rows));
      std::vector<std::string> args = {"--db", d, "members", "import", csv.string(), "--org", "2"};
      static int window = duration_us(timing.target(), args);
      kills += run_and_kill(rng, args, window);
      REQUIRE(integrity(db) == "ok");
      auto n = count(
          db, "SELECT count(*) FROM members_persons WHERE name LIKE '耐久" + std::to_string(i) + "号 %'");
      INFO("batch " << i << ": " << n << " persons");
      CHECK((n == 0 || n == rows));
      landed += n == rows;
      ++checked;
    }
  }
  SECTION("recurring bookings") {
    auto fac = json::parse(test::run_cli({"--db", d, "booking", "facility", "add", "--owner", "2", "--name",
                                          "耐久試験室", "--capacity", "50", "--open", "0:00", "--close",
                                          "23:00", "--free-times", "--json"})
                               .out)["id"]
                   .get<int>();
    for (int i = 0; i < rounds; ++i) {
      std::string date = std::to_string(2030 + i % 60) + "-04-0" + std::to_string(1 + i / 60);
      std::string purpose = "耐久" + std::to_string(i);
      std::vector<std::string> args = {"--db",
                                       d,
                                       "booking",
                                       "add",
                                       "--facility",
                                       std::to_string(fac),
                                       "--date",
                                       date,
                                       "--start",
                                       "10:00",
                                       "--end",
                                       "11:00",
                                       "--repeat",
                                       "weekly",
                                       "--count",
                                       "40",
                                       "--skip-conflicts",
                                       "--purpose",
                                       purpose,
                                       "--org",
                                       "2"};
      static int window = duration_us(timing.target(), args);
      kills += run_and_kill(rng, args, window);
      REQUIRE(integrity(db) == "ok");
      std::string q = "SELECT count(*) FROM booking_bookings WHERE purpose = '" + purpose + "'";
      auto after_kill = count(db, q);
      // Book the rest: if the killed run had landed only in part, this would add more. (It exits 1
      // when nothing is left to book.)
      test::run_cli(args);
      auto after_rerun = count(db, q);
      INFO("series " << i << ": " << after_kill << " then " << after_rerun);
      CHECK((after_kill == 0 || after_kill == after_rerun));
      CHECK(after_rerun > 0);
      landed += after_kill > 0;
      ++checked;
    }
  }
  SECTION("issue bundle imports") {
    fs::path other = tmp / "kyodotai.db";
    REQUIRE(test::run_cli({"--db", other.string(), "demo", "--households", "10"}).exit_code == 0);
    fs::path bundle = tmp / "bundle.json";
    REQUIRE(test::run_cli({"--db", other.string(), "issues", "bundle", "export", "--org", "2", "--out",
                           bundle.string()})
                .exit_code == 0);
    auto uuids = json::parse(test::read_file(bundle));
    std::int64_t size = 0;
    for (const auto& issue : uuids["issues"]) size += issue.contains("uuid") ? 1 : 0;
    REQUIRE(size > 0);
    std::string in_bundle = "SELECT count(*) FROM issues_issues WHERE uuid IN (";
    for (const auto& issue : uuids["issues"]) in_bundle += "'" + issue["uuid"].get<std::string>() + "',";
    in_bundle.back() = ')';
    std::vector<std::string> args = {"--db", d, "issues", "bundle", "import", bundle.string(), "--org", "1"};
    int window = duration_us(timing.target(), args);
    fs::path pristine = tmp / "pristine.db";
    if (!scratch.postgres()) sdk::Database::open(db).backup_to(pristine);
    for (int i = 0; i < rounds; ++i) {
      // Every round imports into the database as it was before any import (a first import adds
      // rows; later ones would only update them): the file copied back, or on a server the
      // bundle's issues deleted (with their comments, supports and photos).
      if (scratch.postgres()) {
        auto writer = sdk::Database::open(db);
        writer.exec("DELETE FROM issues_issues WHERE uuid IN (" +
                    in_bundle.substr(in_bundle.find("IN (") + 4));
      } else {
        for (const char* suffix : {"-wal", "-shm"}) fs::remove(d + suffix);
        fs::copy_file(pristine, db, fs::copy_options::overwrite_existing);
      }
      kills += run_and_kill(rng, args, window);
      REQUIRE(integrity(db) == "ok");
      auto n = count(db, in_bundle);
      INFO("import " << i << ": " << n << " of " << size);
      CHECK((n == 0 || n == size));
      landed += n == size;
      ++checked;
    }
  }
  auto opens = test::run_cli({"--db", d, "db", "check", "--json"});
  CHECK(opens.exit_code == 0);
  WARN("kills survived: " << kills << ", operations checked: " << checked
                          << ", killed runs that had landed: " << landed);
  CHECK(kills > rounds / 2);
  CHECK(landed > 0);        // some kills came after the commit …
  CHECK(landed < checked);  // … and some before: both sides of the line were tested
}
