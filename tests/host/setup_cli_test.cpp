// The set-up commands: org rename / move / retire, org han add (several) / rename / move / merge,
// account change / reset-passphrase / retire — the real wasshoi-cli on a real file.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/db.hpp>

#include "test_support.hpp"

using nlohmann::json;
using wasshoi::test::run_cli;

namespace {

struct Cli {
  wasshoi::test::TempDir dir;
  std::string db = (dir / "cli.db").string();

  wasshoi::test::RunResult as(const std::string& user, std::vector<std::string> args) {
    std::vector<std::string> full{"--db", db};
    if (!user.empty()) full.insert(full.end(), {"--user", user});
    full.insert(full.end(), args.begin(), args.end());
    return run_cli(full);
  }
  json ok(const std::string& user, std::vector<std::string> args) {
    args.insert(args.begin(), "--json");
    auto r = as(user, args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  std::string rows(const std::string& sql) {
    wasshoi::sdk::Database conn = wasshoi::sdk::Database::open(db, wasshoi::sdk::Database::Mode::ReadOnly);
    return wasshoi::sdk::query_text(conn, sql).value_or("");
  }
};

}  // namespace

TEST_CASE("org, han and account set-up commands do what they say and refuse what they should") {
  Cli c;
  setenv("WASSHOI_NEW_PASSPHRASE", "cli setup passphrase", 1);
  setenv("WASSHOI_PASSPHRASE", "cli setup passphrase", 1);
  const auto kyodo =
      c.ok("", {"org", "add", "--kind", "kyodotai", "--name", "協議会"})["id"].get<std::int64_t>();
  const auto org =
      c.ok("", {"org", "add", "--kind", "jichikai", "--name", "旧名自治会"})["id"].get<std::int64_t>();
  const std::string o = std::to_string(org);
  auto han = c.ok("", {"org", "han", "add", o, "1班〜3班", "東班"});
  REQUIRE(han.size() == 4);
  const std::string h1 = std::to_string(han[0]["id"].get<std::int64_t>());
  const std::string h2 = std::to_string(han[1]["id"].get<std::int64_t>());
  const std::string h3 = std::to_string(han[2]["id"].get<std::int64_t>());
  c.ok("", {"account", "add", "--login", "chair", "--role", "kaicho", "--of", o});
  c.ok("chair", {"account", "add", "--login", "leader", "--role", "hancho", "--of", o, "--han", h1});
  c.ok("chair", {"account", "add", "--login", "second", "--role", "yakuin", "--of", o});

  // A 班長 changes nothing of it.
  const std::string before = c.rows("SELECT group_concat(name) FROM (SELECT name FROM han ORDER BY id)");
  for (std::vector<std::string> args :
       std::vector<std::vector<std::string>>{{"org", "rename", o, "乗っ取り"},
                                             {"org", "retire", o},
                                             {"org", "han", "rename", o, h2, "西班"},
                                             {"org", "han", "merge", o, h2, "--into", h1},
                                             {"account", "retire", "second"},
                                             {"account", "change", "second", "--role", "etsuran"}}) {
    auto r = c.as("leader", args);
    INFO(args[0] << " " << args[1] << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK(
        (r.err.find("not permitted") != std::string::npos || r.err.find("among what") != std::string::npos));
  }
  CHECK(c.rows("SELECT group_concat(name) FROM (SELECT name FROM han ORDER BY id)") == before);

  c.ok("chair", {"org", "rename", o, "新名自治会"});
  CHECK(c.rows("SELECT name FROM organizations WHERE id = " + o) == "新名自治会");
  c.ok("chair", {"org", "move", o, "--under", std::to_string(kyodo)});
  CHECK(c.rows("SELECT parent_id FROM organizations WHERE id = " + o) == std::to_string(kyodo));
  CHECK(c.as("chair", {"org", "move", o}).exit_code == 1);  // where to?
  c.ok("chair", {"org", "move", o, "--none"});
  CHECK(c.rows("SELECT parent_id FROM organizations WHERE id = " + o).empty());

  c.ok("chair", {"org", "han", "rename", o, h3, "南班"});
  c.ok("chair", {"org", "han", "move", o, h3, "--position", "1"});
  auto merged = c.ok("chair", {"org", "han", "merge", o, h1, "--into", h2});
  CHECK(merged["rows_moved"] == 1);  // the 班長's account
  auto list = c.ok("chair", {"org", "han", "list", o});
  REQUIRE(list.size() == 3);
  CHECK(list[0]["name"] == "南班");
  CHECK(list[1]["name"] == "2班");
  CHECK(c.rows("SELECT han_id FROM accounts WHERE login = 'leader'") == h2);

  c.ok("chair", {"account", "change", "second", "--role", "hancho", "--han", h2, "--name", "二番 さん"});
  CHECK(c.rows("SELECT role || ' ' || han_id || ' ' || name FROM accounts WHERE login = 'second'") ==
        "hancho " + h2 + " 二番 さん");
  CHECK(c.as("chair", {"account", "change", "second"}).exit_code == 1);  // nothing to change
  setenv("WASSHOI_NEW_PASSPHRASE", "a fresh passphrase", 1);
  c.ok("chair", {"account", "reset-passphrase", "second"});
  CHECK(c.as("second", {"account", "whoami"}).exit_code == 1);
  setenv("WASSHOI_PASSPHRASE", "a fresh passphrase", 1);
  CHECK(c.as("second", {"account", "whoami"}).exit_code == 0);
  setenv("WASSHOI_PASSPHRASE", "cli setup passphrase", 1);
  c.ok("chair", {"account", "retire", "leader"});
  auto gone = c.as("leader", {"account", "whoami"});
  CHECK(gone.exit_code == 1);
  CHECK_THAT(gone.err, Catch::Contains("wrong login or passphrase"));
  auto accounts = c.ok("chair", {"account", "list"});
  bool retired_listed = false;
  for (const auto& a : accounts) retired_listed = retired_listed || (a["login"] == "leader" && a["retired"]);
  CHECK(retired_listed);
  // The last 管理者 stays.
  auto last = c.as("chair", {"account", "retire", "chair"});
  CHECK(last.exit_code == 1);

  c.ok("chair", {"org", "retire", o});
  auto orgs = c.ok("chair", {"org", "list"});
  bool retired = false;
  for (const auto& x : orgs) retired = retired || (x["id"] == org && x["retired"]);
  CHECK(retired);
  auto after = c.as("chair", {"org", "han", "add", o, "9班"});
  CHECK(after.exit_code == 1);
  CHECK_THAT(after.err, Catch::Contains("retired"));
  unsetenv("WASSHOI_NEW_PASSPHRASE");
  unsetenv("WASSHOI_PASSPHRASE");
}
