// Input at the edge (issue 13, findings 11–14): the real wasshoi-cli on real database files,
// given what careless and hostile officers type. Each refusal exits 1 naming the option and
// writes nothing; rows an older version stored unchecked are shown marked, never fatal.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/db.hpp>

#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {

struct Db {
  test::TempDir tmp;
  std::string path = (tmp / "t.db").string();

  test::RunResult cli(std::vector<std::string> args) const {
    args.insert(args.begin(), {"--db", path});
    return test::run_cli(args);
  }
  // Runs and requires success; returns standard output.
  std::string ok(const std::vector<std::string>& args) const {
    auto r = cli(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
  }
  std::int64_t count(const std::string& sql) const {
    auto d = sdk::Database::open(path, sdk::Database::Mode::ReadOnly);
    return sdk::query_int(d, sql).value_or(-1);
  }
  void exec(const std::string& sql) const {
    auto d = sdk::Database::open(path);
    d.exec(sql);
  }
};

// A 自治会 with one household (id 1).
void make_jichikai(const Db& db) {
  db.ok({"org", "add", "--kind", "jichikai", "--name", "山目第一自治会"});
  db.ok({"members", "household", "add", "--name", "佐藤 太郎", "--address", "山目1-1"});
}

// Refused with exit 1, the message naming `what`, and the audit log unchanged (nothing written).
void refused(const Db& db, const std::vector<std::string>& args, const std::string& what) {
  const auto audit = db.count("SELECT count(*) FROM audit_log");
  auto r = db.cli(args);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains(what));
  CHECK(db.count("SELECT count(*) FROM audit_log") == audit);
}

}  // namespace

TEST_CASE("finding 11: dues beyond the ceiling are refused, not clamped") {
  Db db;
  make_jichikai(db);
  refused(db, {"members", "dues", "set", "--year", "2026", "--amount", "99999999999999999999"},
          "--amount: 99999999999999999999 is more than the ceiling of 10,000,000 yen");
  refused(db, {"members", "dues", "set", "--year", "2026", "--amount", "9223372036854775807"},
          "is more than the ceiling of 10,000,000 yen");
  refused(db, {"members", "dues", "set", "--year", "2026", "--amount", "0"},
          "--amount: 0 is less than the minimum");
  CHECK(db.count("SELECT count(*) FROM members_dues_rates") == 0);
  db.ok({"members", "dues", "set", "--year", "2026", "--amount", "10000000"});
  refused(db, {"members", "dues", "pay", "1", "--year", "2026", "--amount", "10000001"},
          "--amount: 10000001 is more");
  // Many payments at the ceiling: the totals stay exact.
  for (int i = 0; i < 3; ++i)
    db.ok({"members", "dues", "pay", "1", "--year", "2026", "--amount", "10000000"});
  json rate = json::parse(db.ok({"members", "dues", "rate", "--year", "2026", "--json"}));
  CHECK(rate.back()["collected"] == 30000000);
  CHECK(rate.back()["out_of_range"] == 0);
}

TEST_CASE(
    "finding 11: dues an older version let in beyond the ceiling are shown marked and can be corrected") {
  Db db;
  make_jichikai(db);
  db.ok({"members", "household", "add", "--name", "鈴木 花子"});
  db.ok({"members", "dues", "set", "--year", "2026", "--amount", "3000"});
  db.ok({"members", "dues", "pay", "2", "--year", "2026"});
  // What the old CLI stored (clamped), then a few payments: sum() overflowed in every listing.
  db.exec("UPDATE members_dues_rates SET amount = 9223372036854775807");
  db.exec(
      "INSERT INTO members_dues_payments(household_id, fiscal_year, amount, paid_on, collected_by) VALUES"
      "(1, 2026, 9223372036854775807, '2026-05-01', ''), (1, 2026, 9223372036854775807, '2026-05-02', '')");
  for (const char* what : {"rate", "unpaid", "sheet"}) {
    for (bool as_json : {true, false}) {
      std::vector<std::string> args{"members", "dues", what, "--year", "2026"};
      if (as_json) args.push_back("--json");
      auto r = db.cli(args);
      INFO(what << " " << r.err);
      CHECK(r.exit_code == 0);
      if (!as_json && std::string(what) != "rate") CHECK_THAT(r.out, Contains("金額が範囲外"));
    }
  }
  json sheet = json::parse(db.ok({"members", "dues", "sheet", "--year", "2026", "--json"}));
  REQUIRE(sheet.size() == 2);
  for (const auto& line : sheet) CHECK(line["out_of_range"] == true);
  json rate = json::parse(db.ok({"members", "dues", "rate", "--year", "2026", "--json"}));
  CHECK(rate.back()["out_of_range"] == 2);
  // Paying "what is owed" is refused with what to do, not an overflow.
  refused(db, {"members", "dues", "pay", "2", "--year", "2026"}, "set the 年度's dues again");
  // Corrected: the rate is set again; the payments out of range stay marked on their household only.
  db.ok({"members", "dues", "set", "--year", "2026", "--amount", "3000"});
  sheet = json::parse(db.ok({"members", "dues", "sheet", "--year", "2026", "--json"}));
  for (const auto& line : sheet) CHECK(line["out_of_range"] == (line["household_id"] == 1));
  rate = json::parse(db.ok({"members", "dues", "rate", "--year", "2026", "--json"}));
  CHECK(rate.back()["out_of_range"] == 1);
  CHECK(rate.back()["collected"] == 3000);
}

TEST_CASE("finding 12: invalid UTF-8 and control characters are refused from the command line") {
  Db db;
  make_jichikai(db);
  const std::string bad =
      "\xff\xfe"
      "abc";
  refused(db, {"members", "household", "add", "--name", bad}, "--name: not valid UTF-8");
  refused(db,
          {"members", "household", "add", "--name", "佐藤", "--notes",
           std::string("a\x01"
                       "b")},
          "--notes: holds a control character (U+0001)");
  refused(db, {"members", "person", "add", "1", "--name", "a\x1b[2Jb"}, "--name: holds a control character");
  refused(db, {"members", "household", "add", "--name", std::string(101, 'a')},
          "--name: longer than 100 characters");
  refused(db, {"org", "add", "--kind", "jichikai", "--name", bad}, "the organization name: not valid UTF-8");
  refused(db, {"org", "add", "--kind", "jichikai", "--name", "a\nb"}, "control character");
  db.ok({"booking", "facility", "add", "--name", "大会議室", "--capacity", "30"});
  refused(db,
          {"booking", "add", "--facility", "1", "--date", "2027-05-12", "--slot", "午前", "--purpose", bad},
          "purpose: not valid UTF-8");
  refused(db, {"issues", "add", "--title", std::string("街灯\x7f"), "--category", "防犯"},
          "title: holds a control");
  // The first account of a database: its login is checked like any other text.
  ::setenv("WASSHOI_NEW_PASSPHRASE", "correct horse battery staple", 1);
  refused(db, {"account", "add", "--login", bad, "--role", "kaicho", "--of", "1"},
          "the login: not valid UTF-8");
  refused(db, {"account", "add", "--login", "kaicho\t2", "--role", "kaicho", "--of", "1"},
          "the login: holds a control");
  ::unsetenv("WASSHOI_NEW_PASSPHRASE");
  CHECK(db.count("SELECT count(*) FROM organizations") == 1);
}

TEST_CASE("finding 12: rows an older version stored unchecked are listed marked, in JSON and text") {
  Db db;
  make_jichikai(db);
  db.exec("UPDATE members_persons SET name = X'FFFE616263' || char(27) || '[2J' WHERE id = 1");
  db.exec("UPDATE members_households SET address = 'a' || char(0) || 'b' WHERE id = 1");
  auto r = db.cli({"members", "list", "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  json rows = json::parse(r.out);  // valid JSON: the bad bytes became U+FFFD
  REQUIRE(rows.size() == 1);
  CHECK(rows[0]["name"] == "\uFFFD\uFFFDabc\u001b[2J");  // JSON escapes the control character
  r = db.cli({"members", "list"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Contains("\uFFFD\uFFFDabc\uFFFD[2J"));  // no raw escape sequence reaches the terminal
  CHECK(r.out.find('\x1b') == std::string::npos);
  // And corrected through the ordinary commands.
  db.ok({"members", "household", "show", "1", "--json"});
}

TEST_CASE("finding 13: files are read within a limit, and only regular files") {
  Db db;
  make_jichikai(db);
  db.ok({"issues", "add", "--title", "街灯が切れている", "--category", "防犯"});
  const auto start = std::chrono::steady_clock::now();
  refused(db, {"issues", "attach", "1", "/dev/zero"}, "/dev/zero: is not a regular file");
  refused(db, {"members", "import", "/dev/zero"}, "roster /dev/zero: is not a regular file");
  refused(db, {"members", "import", db.tmp.path().string()}, "is a folder");
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(30));  // never read, never waited for
  // A picture past its limit (sparse: nothing is read to find out).
  const fs::path big = db.tmp / "big.png";
  test::write_file(big, "\x89PNG");
  fs::resize_file(big, (20u << 20) + 1);
  refused(db, {"issues", "attach", "1", big.string()}, "is more than the limit of 20 MiB");
  // A roster whose one cell would become a 70-million-character name: refused, naming the cell.
  std::string csv = "氏名,住所\n" + std::string(100000, 'a') + ",山目\n";
  test::write_file(db.tmp / "one-field.csv", csv);
  refused(db, {"members", "import", (db.tmp / "one-field.csv").string()}, "longer than 100 characters");
  CHECK(db.count("SELECT count(*) FROM members_persons") == 1);
}

TEST_CASE("finding 14: empty numbers, dates out of range and blank required 年度 are refused") {
  Db db;
  make_jichikai(db);
  refused(db, {"members", "dues", "set", "--amount", ""}, "--amount: a number is required");
  refused(db, {"members", "household", "add", "--name", "田中", "--people", ""},
          "--people: a number is required");
  refused(db, {"members", "household", "add", "--name", "田中", "--people", "-3"},
          "--people: -3 is less than");
  db.ok({"members", "dues", "set", "--year", "2026", "--amount", "3000"});
  refused(db, {"members", "dues", "pay", "1", "--year", "2026", "--date", "9999-12-31"},
          "--date: 9999-12-31 is not between 1900 and 2100");
  refused(db, {"members", "household", "add", "--name", "田中", "--joined", "1800-01-01"},
          "not between 1900 and 2100");
  refused(db, {"members", "roles", "handover", "--from", "", "--to", "2026"}, "--from: a 年度 is required");
  refused(db, {"members", "roles", "handover", "--from", "2025", "--to", " "}, "--to: a 年度 is required");
  auto r = db.cli({"members", "search", "佐藤", "--limit", "-1"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("--limit: -1 is less than the minimum of 1"));
  r = db.cli({"members", "search", "佐藤", "--limit", "3"});
  CHECK(r.exit_code == 0);
  // A blank optional date keeps its default (today), as documented.
  db.ok({"members", "dues", "pay", "1", "--year", "2026", "--date", ""});
  CHECK(db.count("SELECT count(*) FROM members_dues_payments WHERE paid_on LIKE '20__-__-__'") == 1);
}
