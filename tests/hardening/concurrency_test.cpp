// Two officers at once: real wasshoi-cli processes on one real database, started together, on the
// engine under test (label `engines`: a SQLite file, or a fresh schema of the PostgreSQL server in
// WASSHOI_TEST_DB). Nothing is lost, a read-then-write ends as if the commands had run one after
// the other, and a writer that holds the lock past the busy timeout gets "busy, try again" with
// nothing written.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "concurrency_support.hpp"
#include "scratch_db.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;
using nlohmann::json;
using Args = std::vector<std::string>;

namespace {

constexpr const char* kBusyMessage =
    "データベースは他のプログラムが使用中です。しばらくしてからもう一度お試しください";

// `wasshoi-cli --db DB …`
Args on(const std::string& db, Args args) {
  args.insert(args.begin(), {"--db", db});
  return args;
}

std::int64_t id_of(const test::RunResult& r) {
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out)["id"].get<std::int64_t>();
}

// A database with one 自治会 (every plugin enabled), so commands need no --org.
std::string new_database(const test::ScratchDb& scratch) {
  std::string db = scratch.target();
  REQUIRE(test::run_cli(on(db, {"org", "add", "--kind", "jichikai", "--name", "山目第一自治会"})).exit_code ==
          0);
  return db;
}

std::string add_household(const std::string& db, const std::string& name) {
  return std::to_string(
      id_of(test::run_cli(on(db, {"members", "household", "add", "--name", name, "--json"}))));
}

std::string n(int worker, int i) {
  return std::to_string(worker) + "-" + std::to_string(i);
}

// Runs again, one by one, each command that ended busy (exit 3): what the message asks for.
void retry_busy(std::vector<test::RunResult>& results, const std::vector<Args>& commands) {
  for (std::size_t i = 0; i < results.size(); ++i)
    if (results[i].exit_code == test::kCliBusy) results[i] = test::run_cli(commands[i]);
}

}  // namespace

TEST_CASE("two processes adding 2 x 20 households at once lose none of them") {
  test::ScratchDb scratch;
  const std::string db = new_database(scratch);
  constexpr int kRuns = 20;
  int busy = 0;
  auto results = test::run_two_loops(
      kRuns,
      [&](int w, int i) {
        return on(db, {"members", "household", "add", "--name", "並行 " + n(w, i), "--json"});
      },
      &busy);
  INFO(test::describe_failures(results));
  std::set<std::int64_t> ids;
  for (const auto& r : results) ids.insert(id_of(r));
  CHECK(ids.size() == 2 * kRuns);
  for (int w = 0; w < 2; ++w)
    for (int i = 0; i < kRuns; ++i)
      CHECK(test::count(db, "SELECT count(*) FROM members_persons WHERE name = '並行 " + n(w, i) + "'") == 1);
  CHECK(test::count(db, "SELECT count(*) FROM members_households") == 2 * kRuns);
  CHECK(test::count(db, "SELECT count(*) FROM audit_log WHERE action = 'members.household.add'") ==
        2 * kRuns);
  CHECK(test::integrity(db) == "ok");
  WARN("households: " << 2 * kRuns << " from 2 processes, busy retries: " << busy);
}

TEST_CASE("two processes recording 2 x 15 instalments for one household at once: the total is their sum") {
  test::ScratchDb scratch;
  const std::string db = new_database(scratch);
  REQUIRE(
      test::run_cli(on(db, {"members", "dues", "set", "--year", "2030", "--amount", "100000"})).exit_code ==
      0);
  const std::string household = add_household(db, "分割払い 世帯");
  constexpr int kRuns = 15;
  auto results = test::run_two_loops(kRuns, [&](int w, int) {
    return on(db,
              {"members", "dues", "pay", household, "--year", "2030", "--amount", w == 0 ? "100" : "1000"});
  });
  INFO(test::describe_failures(results));
  for (const auto& r : results) CHECK(r.exit_code == 0);
  CHECK(test::count(db, "SELECT count(*) FROM members_dues_payments WHERE household_id = " + household) ==
        2 * kRuns);
  CHECK(test::count(db, "SELECT sum(amount) FROM members_dues_payments WHERE household_id = " + household) ==
        kRuns * (100 + 1000));
  // The collection sheet, read back through the CLI, shows the same total.
  auto sheet =
      json::parse(test::run_cli(on(db, {"members", "dues", "sheet", "--year", "2030", "--json"})).out);
  REQUIRE(sheet.size() == 1);
  CHECK(sheet[0]["paid"] == kRuns * (100 + 1000));
  CHECK(test::integrity(db) == "ok");
}

TEST_CASE(
    "two processes paying the same households' dues at once pay each once, as one after the other would") {
  // `dues pay H` reads what H still owes, then writes that amount: a read-modify-write. Both
  // processes start while another writer holds the lock, so both get as far as they can, then race.
  test::ScratchDb scratch;
  const std::string db = new_database(scratch);
  REQUIRE(test::run_cli(on(db, {"members", "dues", "set", "--year", "2030", "--amount", "3000"})).exit_code ==
          0);
  constexpr int kHouseholds = 5;
  std::vector<Args> commands;
  for (int h = 0; h < kHouseholds; ++h) {
    std::string id = add_household(db, "会費 世帯" + std::to_string(h));
    for (const char* by : {"会計A", "会計B"})
      commands.push_back(on(db, {"members", "dues", "pay", id, "--year", "2030", "--by", by, "--json"}));
  }
  auto results = test::run_behind_gate(db, commands, 2000);
  retry_busy(results, commands);
  for (int h = 0; h < kHouseholds; ++h) {
    const auto& a = results[2 * h];
    const auto& b = results[2 * h + 1];
    INFO("household " << h << ": exit " << a.exit_code << " / " << b.exit_code << "\n" << a.err << b.err);
    CHECK(a.exit_code + b.exit_code == 1);  // one paid, the other was told "paid in full"
    CHECK_THAT(a.err + b.err, Catch::Contains("in full"));
  }
  CHECK(test::count(db, "SELECT count(*) FROM members_dues_payments WHERE fiscal_year = 2030") ==
        kHouseholds);
  CHECK(test::count(
            db,
            "SELECT count(*) FROM (SELECT household_id FROM members_dues_payments WHERE fiscal_year = 2030 "
            "GROUP BY household_id HAVING sum(amount) <> 3000) AS wrong") == 0);
  CHECK(test::integrity(db) == "ok");
}

TEST_CASE("two processes adding agenda items to one meeting number them 1 … 2N, none twice") {
  test::ScratchDb scratch;
  const std::string db = new_database(scratch);
  auto meeting = std::to_string(
      id_of(test::run_cli(on(db, {"minutes", "add", "--kind", "役員会", "--start", "2030-04-19 10:00",
                                  "--end", "2030-04-19 12:00", "--json"}))));
  constexpr int kRuns = 12;
  int busy = 0;
  auto results = test::run_two_loops(
      kRuns,
      [&](int w, int i) {
        return on(db, {"minutes", "item", meeting, "議案 " + n(w, i)});
      },
      &busy);
  INFO(test::describe_failures(results));
  for (const auto& r : results) CHECK(r.exit_code == 0);
  const std::string items = " FROM minutes_items WHERE meeting_id = " + meeting;
  CHECK(test::count(db, "SELECT count(*)" + items) == 2 * kRuns);
  CHECK(test::count(db, "SELECT count(DISTINCT number)" + items) == 2 * kRuns);
  CHECK(test::count(db, "SELECT CASE WHEN min(number) = 1 AND max(number) = " + std::to_string(2 * kRuns) +
                            " THEN 1 ELSE 0 END" + items) == 1);
  CHECK(test::count(db, "SELECT count(DISTINCT title)" + items) == 2 * kRuns);
  CHECK(test::integrity(db) == "ok");
  WARN("agenda items: " << 2 * kRuns << " from 2 processes, busy retries: " << busy);
}

TEST_CASE(
    "two processes recording issues and supports at once: every issue lands, each household counts once") {
  test::ScratchDb scratch;
  const std::string db = new_database(scratch);
  constexpr int kRuns = 12;
  auto results = test::run_two_loops(kRuns, [&](int w, int i) {
    return on(db, {"issues", "add", "--title", "街灯 " + n(w, i), "--category", "防犯", "--json"});
  });
  INFO(test::describe_failures(results));
  std::set<std::int64_t> ids;
  for (const auto& r : results) ids.insert(id_of(r));
  CHECK(ids.size() == 2 * kRuns);
  CHECK(test::count(db, "SELECT count(*) FROM issues_issues WHERE title LIKE '街灯 %'") == 2 * kRuns);

  // Both processes record overlapping supporters of one issue (households 0–2 and 1–3) at once.
  std::vector<std::string> households;
  for (int h = 0; h < 4; ++h) households.push_back(add_household(db, "賛同 世帯" + std::to_string(h)));
  const std::string issue = std::to_string(*ids.begin());
  auto support = [&](std::size_t from, std::size_t to) {
    Args args = on(db, {"issues", "support", issue});
    for (std::size_t h = from; h < to; ++h) args.insert(args.end(), {"--household", households[h]});
    return args;
  };
  std::vector<Args> commands = {support(0, 3), support(1, 4)};
  auto supported = test::run_behind_gate(db, commands);
  retry_busy(supported, commands);
  INFO(test::describe_failures(supported));
  CHECK(supported[0].exit_code == 0);
  CHECK(supported[1].exit_code == 0);
  CHECK(test::count(db, "SELECT count(*) FROM issues_supports WHERE issue_id = " + issue) == 4);
  CHECK(test::integrity(db) == "ok");
}

TEST_CASE("a writer holding the lock past the busy timeout: the CLI says busy, exits 3, writes nothing") {
  test::ScratchDb scratch;
  const std::string db = new_database(scratch);
  const auto audited = test::count(db, "SELECT count(*) FROM audit_log");
  const std::vector<Args> commands = {
      on(db, {"org", "add", "--kind", "npo", "--name", "待たされた会"}),    // the host's own command
      on(db, {"members", "household", "add", "--name", "待たされた世帯"}),  // a plugin's
  };
  std::vector<test::RunResult> results;
  {
    test::WriteLock other_window(db);
    test::TempDir io;
    std::vector<test::CliProcess> waiting;
    for (const auto& args : commands) waiting.emplace_back(io.path(), args);
    for (auto& p : waiting) results.push_back(p.wait());  // each gives up after the 5 s busy timeout
    CHECK(other_window.release() == 0);
  }
  for (const auto& r : results) {
    INFO(r.err);
    CHECK(r.exit_code == test::kCliBusy);
    CHECK_THAT(r.err, Catch::StartsWith("wasshoi-cli: ") && Catch::Contains(kBusyMessage));
    CHECK_THAT(r.err, !Catch::Contains("無効にしました"));  // busy is nobody's fault: no plugin disabled
    CHECK(r.out.empty());
  }
  CHECK(test::count(db, "SELECT count(*) FROM organizations") == 1);
  CHECK(test::count(db, "SELECT count(*) FROM members_households") == 0);
  CHECK(test::count(db, "SELECT count(*) FROM audit_log") == audited);
  CHECK(test::integrity(db) == "ok");
  // Trying again, as the message says, works.
  for (const auto& args : commands) CHECK(test::run_cli(args).exit_code == 0);
  CHECK(test::count(db, "SELECT count(*) FROM members_households") == 1);
}

TEST_CASE("two processes opening a database whose plugin tables are not made yet both migrate every plugin") {
  // The database has only the host's tables (made with no plugins installed); both processes find
  // every plugin's migrations pending, read that while another writer holds the lock, then race.
  test::TempDir tmp;
  fs::create_directories(tmp / "no-plugins");
  test::ScratchDb scratch;
  const std::string db = scratch.target();
  REQUIRE(test::run_cli(on(db, {"--plugins", (tmp / "no-plugins").string(), "org", "add", "--kind",
                                "kyodotai", "--name", "山目地区まちづくり協議会"}))
              .exit_code == 0);
  REQUIRE(test::count(db, "SELECT count(*) FROM schema_migrations WHERE owner <> 'core'") == 0);
  // A new 自治会 gets every plugin that loaded (and migrated) in the process that made it.
  std::vector<Args> commands;
  for (const char* name : {"先に来た自治会", "後に来た自治会"})
    commands.push_back(on(db, {"org", "add", "--kind", "jichikai", "--name", name}));
  auto results = test::run_behind_gate(db, commands);
  retry_busy(results, commands);
  INFO(test::describe_failures(results));
  CHECK(results[0].exit_code == 0);
  CHECK(results[1].exit_code == 0);
  REQUIRE(
      test::run_cli(on(db, {"org", "add", "--kind", "jichikai", "--name", "一人で来た自治会"})).exit_code ==
      0);
  auto plugins_of = [&](const std::string& name) {
    return test::count(
        db, "SELECT count(*) FROM org_plugins JOIN organizations o ON o.id = org_id WHERE o.name = '" + name +
                "'");
  };
  const auto all = plugins_of("一人で来た自治会");
  CHECK(all >= 4);
  CHECK(plugins_of("先に来た自治会") == all);
  CHECK(plugins_of("後に来た自治会") == all);
  CHECK(test::count(db, "SELECT count(*) FROM schema_migrations WHERE owner = 'members' AND version = 1") ==
        1);
  CHECK(test::integrity(db) == "ok");
}
