// wasshoi-cli on the engine under test (ctest label `engines`, docs/engines.md): a SQLite file by
// default, a fresh schema of the PostgreSQL server in WASSHOI_TEST_DB when it is set. The real
// program with the real plugin folder: host core's and every plugin's migrations, the commands
// that only make sense on a file, the demo and the plugins' --json lists.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "scratch_db.hpp"
#include "test_support.hpp"

using namespace wasshoi;

namespace {

const std::set<std::string> kOwners = {"core",   "members", "booking",   "ledger",
                                       "issues", "minutes", "proposals", "evaluation"};

nlohmann::json cli_json(const std::vector<std::string>& args) {
  auto r = test::run_cli(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return nlohmann::json::parse(r.out);
}

// `db check --json` of a database: ok, and the schema version of each owner.
nlohmann::json schema_versions(const std::string& target) {
  auto check = cli_json({"--db", target, "--json", "db", "check"});
  CHECK(check["ok"] == true);
  CHECK(check["foreign_key_problems"] == 0);
  return check["schema_versions"];
}

bool skip_unless_postgres(const char* what) {
  if (test::testing_postgres()) return false;
  WARN("PostgreSQL only, skipped (set WASSHOI_TEST_DB, scripts/start-postgres.sh): " << what);
  return true;
}

}  // namespace

TEST_CASE("every migration of host core and of every plugin applies on the engine under test") {
  test::ScratchDb scratch;
  const auto versions = schema_versions(scratch.target());
  std::set<std::string> owners;
  for (const auto& [owner, version] : versions.items()) {
    owners.insert(owner);
    CHECK(version.get<int>() >= 1);
  }
  CHECK(owners == kOwners);  // a plugin whose migration failed is disabled and missing here
  // The same versions as a new SQLite file made by the same program.
  test::TempDir tmp;
  CHECK(versions == schema_versions((tmp / "fresh.db").string()));
  // Opened again: nothing left to migrate, the same versions.
  CHECK(versions == schema_versions(scratch.target()));
}

TEST_CASE("a server URI's password never shows in a message") {
  if (skip_unless_postgres("the URI of a server")) return;
  // A database that does not exist on the server: refused, naming the URI with *** for the password.
  std::string uri = test::test_server_uri();
  const auto at = uri.find('@');
  REQUIRE(at != std::string::npos);
  const auto slash = uri.find('/', at);
  uri = uri.substr(0, at) + ":geheim-秘密" + uri.substr(at, slash - at) + "/wasshoi_no_such_db" +
        uri.substr(uri.find('?'));
  auto r = test::run_cli({"--db", uri, "org", "list"});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("wasshoi_no_such_db") != std::string::npos);
  CHECK(r.err.find("geheim") == std::string::npos);
  CHECK(r.err.find("***") != std::string::npos);
}

TEST_CASE("officer accounts are refused on a server until row-level security guards its rows") {
  if (skip_unless_postgres("accounts on a server")) return;
  test::ScratchDb scratch;
  const std::string org = cli_json({"--db", scratch.target(), "--json", "org", "add", "--kind", "jichikai",
                                    "--name", "髙﨑町内会"})["id"]
                              .dump();
  auto r = test::run_cli(
      {"--db", scratch.target(), "account", "add", "--login", "kaicho", "--role", "kaicho", "--of", org});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("issue 20") != std::string::npos);
  auto list = cli_json({"--db", scratch.target(), "--json", "org", "list"});
  CHECK(list.size() == 1);  // still open without signing in: no account was made
}

TEST_CASE("host core's commands give the same --json on the engine under test as on a file") {
  // The same commands on a new SQLite file and on the engine under test (on SQLite both are
  // files: then this checks the script itself). Ids are the same (both number from 1 in a new
  // database); nothing listed carries a time.
  auto script = [](const std::string& target) {
    std::vector<nlohmann::json> out;
    auto run = [&](std::vector<std::string> args) {
      args.insert(args.begin(), {"--db", target, "--json"});
      out.push_back(cli_json(args));
    };
    run({"org", "add", "--kind", "kyodotai", "--name", "山目地区まちづくり協議会"});
    run({"org", "add", "--kind", "jichikai", "--name", "髙﨑第一町内会", "--parent", "1"});
    run({"org", "add", "--kind", "jichikai", "--name", "𠮷野ｶﾀｶﾅ自治会"});
    run({"org", "add", "--kind", "npo", "--name", "NPO法人 いちのせき"});
    run({"org", "han", "add", "2", "1班〜3班"});
    run({"org", "han", "add", "3", "東班", "西班"});
    run({"org", "rename", "3", "𠮷野町内会"});
    run({"org", "move", "3", "--under", "1"});
    run({"org", "han", "rename", "3", "5", "北班"});
    run({"org", "han", "move", "2", "3", "--position", "1"});
    run({"org", "han", "merge", "2", "2", "--into", "1"});
    run({"org", "disable", "2", "booking"});
    run({"org", "retire", "4"});
    run({"org", "list"});
    run({"org", "tree"});
    run({"org", "han", "list", "2"});
    run({"org", "han", "list", "3"});
    return out;
  };
  test::ScratchDb scratch;
  test::TempDir tmp;
  const auto on_engine = script(scratch.target());
  const auto on_file = script((tmp / "same.db").string());
  REQUIRE(on_engine.size() == on_file.size());
  for (std::size_t i = 0; i < on_file.size(); ++i) {
    INFO("command " << i + 1);
    CHECK(on_engine[i] == on_file[i]);
  }
  CHECK(on_engine[13].size() == 4);  // org list: every organization, the retired one marked
}

namespace {

// The demo (every plugin) of `households` households in a new file of `tmp`.
std::string demo_file(const test::TempDir& tmp, int households) {
  const std::string file = (tmp / "demo.db").string();
  REQUIRE(test::run_cli({"--db", file, "demo", "--households", std::to_string(households)}).exit_code == 0);
  return file;
}

// Where a copy to the engine under test lands: the scratch schema on PostgreSQL, a second file of
// `tmp` on SQLite.
std::string copy_target(const test::ScratchDb& scratch, const test::TempDir& tmp) {
  return scratch.postgres() ? scratch.target() : (tmp / "middle.db").string();
}

// `db copy --json`: every table's counts and checksums on both sides.
nlohmann::json copy(const std::string& from, const std::string& to) {
  return cli_json({"--json", "db", "copy", "--from", from, "--to", to});
}

void check_identical(const nlohmann::json& copied) {
  CHECK(copied["identical"] == true);
  REQUIRE(copied["tables"].size() > 30);  // host core's and every plugin's tables
  for (const auto& t : copied["tables"]) {
    INFO(t.dump());
    CHECK(t["source_rows"] == t["target_rows"]);
    CHECK(t["source_checksum"] == t["target_checksum"]);
  }
}

std::int64_t rows_of(const nlohmann::json& copied, const std::string& table) {
  for (const auto& t : copied["tables"])
    if (t["table"] == table) return t["source_rows"].get<std::int64_t>();
  FAIL("no table " << table << " in the copy");
  return -1;
}

}  // namespace

TEST_CASE("db copy moves the demo from a file to the engine under test and back with identical tables") {
  test::TempDir tmp;
  const std::string file = demo_file(tmp, 60);
  test::ScratchDb scratch;
  // On PostgreSQL the copy lands in the scratch schema; on SQLite in a second file.
  const std::string middle = copy_target(scratch, tmp);
  const auto there = copy(file, middle);
  check_identical(there);
  CHECK(rows_of(there, "organizations") >= 5);
  CHECK(rows_of(there, "audit_log") > 0);  // the history moves too
  const std::string back = (tmp / "back.db").string();
  const auto again = copy(middle, back);
  check_identical(again);
  // The same tables with the same content at every step: file, middle and the file it came back to.
  REQUIRE(again["tables"].size() == there["tables"].size());
  for (std::size_t i = 0; i < there["tables"].size(); ++i) {
    INFO(there["tables"][i]["table"]);
    CHECK(again["tables"][i]["table"] == there["tables"][i]["table"]);
    CHECK(again["tables"][i]["target_checksum"] == there["tables"][i]["source_checksum"]);
  }
  // What an officer sees is the same on the copy as on the original.
  for (const std::vector<std::string>& list :
       {std::vector<std::string>{"org", "tree"}, {"org", "han", "list", "2"}}) {
    std::vector<std::string> a = {"--db", file, "--json"}, b = {"--db", back, "--json"};
    a.insert(a.end(), list.begin(), list.end());
    b.insert(b.end(), list.begin(), list.end());
    CHECK(cli_json(a) == cli_json(b));
  }
  // New rows continue after the copied ids (the server's sequences were moved on).
  const auto added =
      cli_json({"--db", middle, "--json", "org", "add", "--kind", "npo", "--name", "NPO法人 𠮷野"});
  CHECK(added["id"].get<std::int64_t>() == rows_of(there, "organizations") + 1);
}

namespace {

// Every list an officer reads, of every plugin, as `--org ORG --json …`: what must be the same on
// a copy as on the original (organizations of the demo: 1 the 地域協働体, 2 a 自治会).
const std::vector<std::pair<int, std::vector<std::string>>> kLists = {
    {2, {"org", "tree"}},
    {2, {"org", "han", "list", "2"}},
    {2, {"members", "list", "--status", "all"}},
    {2, {"members", "search", "たかはし"}},
    {2, {"members", "search", "佐藤"}},
    {2, {"members", "dues", "rate", "--year", "2026"}},
    {2, {"members", "roles", "kinds"}},
    {2, {"members", "safety"}},
    {2, {"members", "stats", "--year", "2026"}},
    {2, {"booking", "list"}},
    {1, {"booking", "list"}},
    {2, {"booking", "facility", "list"}},
    {2, {"booking", "series", "list"}},
    {2, {"booking", "usage", "--from", "2026-04-01", "--to", "2027-03-31"}},
    {2, {"minutes", "list"}},
    {2, {"minutes", "kinds"}},
    {2, {"minutes", "actions"}},
    {2, {"issues", "list"}},
    {1, {"issues", "list"}},
    {2, {"issues", "categories"}},
    {2, {"proposals", "list"}},
    {1, {"proposals", "list"}},
    {2, {"ledger", "book", "--year", "2026"}},
    {2, {"ledger", "balance"}},
    {2, {"ledger", "budget", "list", "--year", "2026"}},
    {2, {"ledger", "fund", "list"}},
    {2, {"ledger", "account", "list"}},
    {2, {"ledger", "category", "list"}},
    {2, {"ledger", "grant", "list"}},
    {1, {"evaluation", "list"}},
    {1, {"evaluation", "show", "1"}},
    {1, {"evaluation", "compare", "1"}},
    {1, {"evaluation", "survey", "list", "1"}},
    {1, {"evaluation", "survey", "tally", "1"}},
};

nlohmann::json list_on(const std::string& target, int org, const std::vector<std::string>& command) {
  std::vector<std::string> args = {"--db", target, "--org", std::to_string(org), "--json"};
  args.insert(args.end(), command.begin(), command.end());
  return cli_json(args);
}

}  // namespace

TEST_CASE("the demo of 300 households, every plugin, copied file → engine → file: every list is the same") {
  // The acceptance: identical per-table checksums at each step and identical --json of
  // every list command on the original, on the engine under test and on the file it came back to.
  test::TempDir tmp;
  const std::string file = demo_file(tmp, 300);
  test::ScratchDb scratch;
  const std::string middle = copy_target(scratch, tmp);
  check_identical(copy(file, middle));
  const std::string back = (tmp / "back.db").string();
  check_identical(copy(middle, back));
  CHECK(rows_of(copy(back, (tmp / "third.db").string()), "members_households") >= 300);
  for (const auto& [org, command] : kLists) {
    std::string shown = "--org " + std::to_string(org);
    for (const auto& word : command) shown += " " + word;
    INFO(shown);
    const auto original = list_on(file, org, command);
    CHECK(!original.empty());
    CHECK(list_on(middle, org, command) == original);
    CHECK(list_on(back, org, command) == original);
  }
}

TEST_CASE("db copy refuses a target that already holds organizations and writes nothing") {
  test::TempDir tmp;
  const std::string file = demo_file(tmp, 10);
  test::ScratchDb scratch;
  const std::string target = copy_target(scratch, tmp);
  cli_json({"--db", target, "--json", "org", "add", "--kind", "jichikai", "--name", "髙﨑町内会"});
  auto r = test::run_cli({"db", "copy", "--from", file, "--to", target});
  CHECK(r.exit_code == 1);
  // A server database is refused for what it holds; a file for being there at all.
  CHECK(r.err.find(scratch.postgres() ? "already holds organizations" : "already exists") !=
        std::string::npos);
  auto list = cli_json({"--db", target, "--json", "org", "list"});
  CHECK(list.size() == 1);
  // An existing file is never overwritten; a missing source is named.
  r = test::run_cli({"db", "copy", "--from", file, "--to", file});
  CHECK(r.exit_code == 1);
  r = test::run_cli({"db", "copy", "--from", (tmp / "none.db").string(), "--to", (tmp / "new.db").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("none.db") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp / "new.db"));
}

namespace {

// `db copy --org …` of `orgs` from `from` into `to`.
test::RunResult copy_orgs(const std::string& from, const std::string& to, const std::vector<int>& orgs) {
  std::vector<std::string> args = {"--json", "db", "copy", "--from", from, "--to", to};
  for (int org : orgs) args.insert(args.end(), {"--org", std::to_string(org)});
  return test::run_cli(args);
}

nlohmann::json organization_view(const std::string& db, int org) {
  return {cli_json({"--db", db, "--json", "org", "han", "list", std::to_string(org)}),
          cli_json({"--db", db, "--json", "members", "list", "--org", std::to_string(org)})};
}

}  // namespace

TEST_CASE("db copy --org moves organizations one at a time, ids and all, and refuses what it cannot place") {
  test::TempDir tmp;
  const std::string file = demo_file(tmp, 20);
  test::ScratchDb scratch;
  const std::string middle = copy_target(scratch, tmp);

  // The 自治会 alone: its 地域協働体, the 公民館's rooms it books, the city's 課 it writes to and
  // the partners of its 協働事業 are not there. Every one is named, with the --org that adds it.
  auto alone = copy_orgs(file, middle, {2});
  CHECK(alone.exit_code == 1);
  CHECK_THAT(
      alone.err,
      Catch::Contains("organization 1 (わっしょい地区まちづくり協議会) (named in organizations.parent_id)"));
  CHECK_THAT(alone.err, Catch::Contains("booking_facilities") && Catch::Contains("わっしょい地区公民館"));
  CHECK_THAT(alone.err, Catch::Contains("add --org 1 --org 6") && Catch::Contains("nothing was copied"));
  if (scratch.postgres())
    CHECK(cli_json({"--db", middle, "--json", "org", "list"}).empty());
  else
    CHECK_FALSE(std::filesystem::exists(middle));  // the new file that received nothing is gone

  // With them: every table's rows of those organizations, identical on both sides.
  const std::vector<int> first = {2, 1, 5, 6, 7, 8, 9, 10};
  auto with_them = copy_orgs(file, middle, first);
  INFO(with_them.err);
  REQUIRE(with_them.exit_code == 0);
  const auto copied = nlohmann::json::parse(with_them.out);
  check_identical(copied);
  CHECK(rows_of(copied, "organizations") == 8);
  CHECK(rows_of(copied, "members_persons") > 0);
  CHECK(copied["left_out"] ==
        nlohmann::json({"audit_log", "issues_meta", "members_search_bulk", "settings"}));
  CHECK(organization_view(middle, 2) == organization_view(file, 2));
  // The copy is in the target's history; the source's history stays with the source.
  {
    auto db = scratch.postgres() ? scratch.open_another() : sdk::Database::open(middle);
    CHECK(sdk::query_int(db,
                         "SELECT count(*) FROM audit_log WHERE action = 'db copy' AND detail LIKE "
                         "'%わっしょい第一自治会%'") == 1);
    CHECK(sdk::query_int(db, "SELECT count(*) FROM audit_log WHERE action <> 'db copy'") <
          rows_of(copied, "members_persons"));  // the demo's own history (hundreds of rows) stayed
  }

  // A second 自治会 joins the first (its 地域協働体 is there now); the same one twice is refused.
  auto second = copy_orgs(file, middle, {3});
  INFO(second.err);
  REQUIRE(second.exit_code == 0);
  check_identical(nlohmann::json::parse(second.out));
  CHECK(organization_view(middle, 3) == organization_view(file, 3));
  auto again = copy_orgs(file, middle, {3});
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("already holds organization 3 (わっしょい第二自治会)"));
  CHECK(cli_json({"--db", middle, "--json", "org", "list"}).size() == 9);

  // And back to a new file: every organization there, as they were in the first file.
  const std::string back = (tmp / "back.db").string();
  auto home = copy_orgs(middle, back, {1, 2, 3, 5, 6, 7, 8, 9, 10});
  INFO(home.err);
  REQUIRE(home.exit_code == 0);
  check_identical(nlohmann::json::parse(home.out));
  CHECK(organization_view(back, 2) == organization_view(file, 2));
  CHECK(organization_view(back, 3) == organization_view(file, 3));

  // Ids are kept: a database whose own rows use the ids of the organization's rows is refused.
  const std::string busy = (tmp / "busy.db").string();
  cli_json({"--db", busy, "--json", "org", "add", "--kind", "jichikai", "--name", "𠮷田町内会"});
  cli_json({"--db", busy, "--json", "org", "han", "add", "1", "1班〜20班"});
  const auto sums_before = test::read_file(busy);
  auto clash = copy_orgs(file, busy, {4});
  CHECK(clash.exit_code == 1);
  CHECK_THAT(clash.err,
             Catch::Contains("already has a row han id = ") && Catch::Contains("nothing was copied"));
  CHECK(test::read_file(busy) == sums_before);
  // An id that is no organization is named.
  auto unknown = copy_orgs(file, (tmp / "none.db").string(), {99});
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no organization 99"));
}

TEST_CASE("server init makes the tables and the first organization on an empty server database") {
  // Refused before connecting: a file, and another computer without a checked certificate.
  auto file = test::run_cli({"server", "init", "/tmp/wasshoi-not-a-server.db"});
  CHECK(file.exit_code == 1);
  CHECK(file.err.find("not a postgresql:// URI") != std::string::npos);
  auto plain = test::run_cli({"server", "init", "postgresql://kaicho@office.example/jichikai"});
  CHECK(plain.exit_code == 1);
  CHECK(plain.err.find("sslmode=verify-full") != std::string::npos);
  CHECK(plain.err.find("office.example") != std::string::npos);
  if (skip_unless_postgres("server init on a server")) return;
  test::ScratchDb scratch;
  auto made = cli_json({"--json", "server", "init", scratch.target(), "--name", "髙﨑第一町内会"});
  CHECK(made["already_set_up"] == false);
  CHECK(made["schema_versions"].size() == kOwners.size());
  const auto org = made["organization"].get<std::int64_t>();
  auto list = cli_json({"--db", scratch.target(), "--json", "org", "list"});
  REQUIRE(list.size() == 1);
  CHECK(list[0]["id"] == org);
  CHECK(list[0]["name"] == "髙﨑第一町内会");
  // Again: nothing left to make; a second "first" organization is refused and not written.
  CHECK(cli_json({"--json", "server", "init", scratch.target()})["already_set_up"] == true);
  auto twice = test::run_cli({"server", "init", scratch.target(), "--name", "𠮷野町内会"});
  CHECK(twice.exit_code == 1);
  CHECK(cli_json({"--db", scratch.target(), "--json", "org", "list"}).size() == 1);
}

namespace {

// Every data table's rows and checksum, read by `db copy` of `target` into a new file.
std::map<std::string, std::string> table_sums(const std::string& target, const std::filesystem::path& file) {
  const auto copied = copy(target, file.string());
  std::map<std::string, std::string> out;
  for (const auto& t : copied["tables"])
    out[t["table"].get<std::string>()] =
        std::to_string(t["source_rows"].get<std::int64_t>()) + " " + t["source_checksum"].get<std::string>();
  return out;
}

bool is_pg_dump_file(const std::filesystem::path& file) {
  return std::filesystem::exists(file) && test::read_file(file).rfind("PGDMP", 0) == 0;
}

}  // namespace

TEST_CASE("db backup and db restore on a server database: pg_dump's file, restored in one transaction") {
  if (skip_unless_postgres("pg_dump and pg_restore are the server's tools")) return;
  test::TempDir tmp;
  const std::string file = demo_file(tmp, 20);
  test::ScratchDb scratch;
  const std::string db = scratch.target();
  copy(file, db);
  const auto before = table_sums(db, tmp / "before.db");

  // The backup: pg_dump's custom format, 0600, a new file only.
  const auto dump = tmp / "jichikai.dump";
  const auto backup = cli_json({"--db", db, "--json", "db", "backup", "--out", dump.string()});
  CHECK(backup["path"] == dump.string());
  REQUIRE(is_pg_dump_file(dump));
  CHECK((std::filesystem::status(dump).permissions() & std::filesystem::perms::mask) ==
        (std::filesystem::perms::owner_read | std::filesystem::perms::owner_write));
  const std::string dumped = test::read_file(dump);
  auto again = test::run_cli({"--db", db, "db", "backup", "--out", dump.string()});
  CHECK(again.exit_code == 1);
  CHECK(test::read_file(dump) == dumped);
  again = test::run_cli({"--db", db, "db", "backup", "--encrypt", "--out", (tmp / "e.dump").string()});
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("--encrypt") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp / "e.dump"));

  // Changed after the backup: an organization more.
  cli_json({"--db", db, "--json", "org", "add", "--kind", "npo", "--name", "NPO法人 髙﨑の森"});
  REQUIRE(table_sums(db, tmp / "changed.db") != before);

  // A file that is not a server backup is refused and changes nothing.
  test::write_file(tmp / "old.db", "SQLite format 3");
  auto bad = test::run_cli({"--db", db, "db", "restore", (tmp / "old.db").string()});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("not a backup of a server database") != std::string::npos);

  // The restore brings back exactly what was backed up, and saved what was there before it.
  const auto restored = cli_json({"--db", db, "--json", "db", "restore", dump.string()});
  CHECK(table_sums(db, tmp / "after.db") == before);
  const std::filesystem::path saved = restored["saved_before"].get<std::string>();
  CHECK(is_pg_dump_file(saved));
  CHECK(saved.parent_path() == dump.parent_path());
  // New rows continue after the restored ids (the sequences came back with the tables).
  const auto added =
      cli_json({"--db", db, "--json", "org", "add", "--kind", "npo", "--name", "NPO法人 𠮷野"});
  CHECK(added["id"].get<std::int64_t>() > 0);
  // Restoring the saved file brings the change back: nothing was lost by the restore.
  cli_json({"--db", db, "--json", "db", "restore", saved.string()});
  const auto orgs = cli_json({"--db", db, "--json", "org", "list"});
  CHECK(orgs.dump().find("NPO法人 髙﨑の森") != std::string::npos);
  CHECK(orgs.dump().find("NPO法人 𠮷野") == std::string::npos);
}

TEST_CASE("db backup on a server says which package brings pg_dump when it is not installed") {
  if (skip_unless_postgres("pg_dump is the server's tool")) return;
  test::ScratchDb scratch;
  test::TempDir tmp;
  cli_json(
      {"--db", scratch.target(), "--json", "org", "add", "--kind", "jichikai", "--name", "山目第一自治会"});
  // No pg_dump on the PATH of the program (nor anything else: it needs none).
  const std::string path = std::getenv("PATH") ? std::getenv("PATH") : "";
  ::setenv("PATH", tmp.path().c_str(), 1);
  auto r = test::run_cli({"--db", scratch.target(), "db", "backup", "--out", (tmp / "b.dump").string()});
  ::setenv("PATH", path.c_str(), 1);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("postgresql-client") != std::string::npos);
  CHECK_FALSE(std::filesystem::exists(tmp / "b.dump"));
}
