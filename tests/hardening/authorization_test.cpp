// The generated authorization test (docs/access.md). It reads every command of `wasshoi-cli`
// from the program itself (`commands --json`) and the tables the plugins declared (`plugins
// tables --json`), then, as a 会長, 役員, 班長, 閲覧 and 地域協働体 officer of a sample file, runs
//  - every command that takes an id with ids of another 班 (a 班長), another 自治会 and an id that
//    does not exist: each must be refused (exit 1, an access message) and leave the database
//    byte for byte as it was;
//  - every command with `--org` of another 自治会: the database unchanged, and nothing of that
//    自治会's roster in the output.
// A new command or plugin is covered without editing this file; a new required option needs a
// sample value in kSamples (the test names it when one is missing).
#include <sodium.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <wasshoi/sdk/db.hpp>

#include "test_support.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using wasshoi::test::run_cli;

namespace {

struct Role {
  std::string login;
  std::string label;
};

// The sample file, made once: demo data, then accounts. Passphrase hashes are rewritten with
// libsodium's cheapest Argon2id parameters so the many sign-ins stay fast (the check itself is
// the same function).
struct Sample {
  wasshoi::test::TempDir dir;
  fs::path db = dir / "authz.db";
  std::int64_t kyodotai = 0, own = 0, other = 0, han1 = 0, han2 = 0;
  std::vector<Role> roles;
  json commands, tables;
  std::set<std::string> other_names;  // persons of the other 自治会 whose names are not in ours

  Sample() {
    setenv("WASSHOI_NEW_PASSPHRASE", wasshoi::test::kPassphrase, 1);
    setenv("WASSHOI_PASSPHRASE", wasshoi::test::kPassphrase, 1);
    auto demo = run_cli({"--db", db.string(), "--json", "demo", "--households", "30"});
    REQUIRE(demo.exit_code == 0);
    json d = json::parse(demo.out);
    kyodotai = d["kyodotai"];
    own = d["jichikai"][0];
    REQUIRE(d["jichikai"].size() >= 2);
    other = d["jichikai"][1];
    {
      wasshoi::sdk::Database conn = wasshoi::sdk::Database::open(db);
      wasshoi::sdk::Statement h(conn, "SELECT id FROM han WHERE org_id = ? ORDER BY id LIMIT 2");
      h.bind(1, own);
      REQUIRE(h.step());
      han1 = h.get_int(0);
      REQUIRE(h.step());
      han2 = h.get_int(0);
    }
    auto add = [&](const std::string& login, const std::string& role, std::int64_t org,
                   std::optional<std::int64_t> han, bool first) {
      std::vector<std::string> args{"--db", db.string()};
      if (!first) args.insert(args.end(), {"--user", "admin"});
      args.insert(args.end(),
                  {"account", "add", "--login", login, "--role", role, "--of", std::to_string(org)});
      if (han) args.insert(args.end(), {"--han", std::to_string(*han)});
      auto r = run_cli(args);
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
    };
    // The 管理者 is the 会長 of the other 自治会: the roles under test hold no file-wide rights.
    add("admin", "kaicho", other, std::nullopt, true);
    add("kaicho1", "kaicho", own, std::nullopt, false);
    add("yakuin1", "yakuin", own, std::nullopt, false);
    add("hancho1", "hancho", own, han1, false);
    add("etsuran1", "etsuran", own, std::nullopt, false);
    add("kyodo1", "kaicho", kyodotai, std::nullopt, false);
    roles = {{"kaicho1", "会長"},
             {"yakuin1", "役員"},
             {"hancho1", "班長"},
             {"etsuran1", "閲覧"},
             {"kyodo1", "地域協働体"}};
    cheap_hashes();
    auto c = run_cli({"--db", db.string(), "--user", "admin", "--json", "commands"});
    REQUIRE(c.exit_code == 0);
    commands = json::parse(c.out);
    auto t = run_cli({"--db", db.string(), "--user", "admin", "--json", "plugins", "tables"});
    REQUIRE(t.exit_code == 0);
    tables = json::parse(t.out);
    collect_other_names();
  }

  void cheap_hashes() {
    REQUIRE(sodium_init() >= 0);
    char hash[crypto_pwhash_STRBYTES];
    REQUIRE(crypto_pwhash_str(hash, wasshoi::test::kPassphrase, std::strlen(wasshoi::test::kPassphrase),
                              crypto_pwhash_OPSLIMIT_MIN, crypto_pwhash_MEMLIMIT_MIN) == 0);
    wasshoi::sdk::Database conn = wasshoi::sdk::Database::open(db);
    wasshoi::sdk::Statement st(conn, "UPDATE accounts SET pass_hash = ?");
    st.bind(1, std::string(hash)).run();
  }

  void collect_other_names() {
    wasshoi::sdk::Database conn = wasshoi::sdk::Database::open(db);
    std::set<std::string> ours;
    wasshoi::sdk::Statement st(conn, "SELECT org_id, name FROM members_persons");
    std::vector<std::pair<std::int64_t, std::string>> all;
    while (st.step()) all.emplace_back(st.get_int(0), st.get_text(1));
    for (const auto& [org, name] : all)
      if (org != other) ours.insert(name);
    for (const auto& [org, name] : all)
      if (org == other && !ours.count(name) && name.size() >= 6) other_names.insert(name);
  }

  const json* table(const std::string& name) const {
    for (const auto& t : tables)
      if (t["table"] == name) return &t;
    return nullptr;
  }

  static std::string row_sql(const std::string& expr) {
    if (expr.empty()) return "NULL";
    std::string out;
    for (std::size_t i = 0; i < expr.size(); ++i) {
      if (expr[i] == '$' && i + 1 < expr.size() && expr[i + 1] == '.') {
        out += "t.";
        ++i;
      } else {
        out += expr[i];
      }
    }
    return out;
  }

  // A row of `table` owned by `org` (and in `han` when given); nullopt when the sample has none.
  std::optional<std::int64_t> pick(const std::string& table_name, std::int64_t org,
                                   std::optional<std::int64_t> han,
                                   std::optional<std::int64_t> not_han = std::nullopt) const {
    const json* t = table(table_name);
    if (!t) return std::nullopt;
    std::string han_expr = (*t)["han"].get<std::string>();
    std::string sql = "SELECT t." + (*t)["id"].get<std::string>() + " FROM " + table_name + " AS t WHERE " +
                      row_sql((*t)["org"]) + " = " + std::to_string(org);
    if (han) sql += " AND " + row_sql(han_expr) + " = " + std::to_string(*han);
    if (not_han) sql += " AND " + row_sql(han_expr) + " IS NOT " + std::to_string(*not_han);
    sql += " ORDER BY 1 LIMIT 1";
    wasshoi::sdk::Database conn = wasshoi::sdk::Database::open(db, wasshoi::sdk::Database::Mode::ReadOnly);
    return wasshoi::sdk::query_int(conn, sql);
  }
};

Sample& sample() {
  static Sample s;
  return s;
}

// Every row of every table, hashed: equal fingerprints mean nothing was written.
std::string fingerprint(const fs::path& db) {
  wasshoi::sdk::Database conn = wasshoi::sdk::Database::open(db, wasshoi::sdk::Database::Mode::ReadOnly);
  std::vector<std::string> names;
  {
    wasshoi::sdk::Statement st(conn, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (st.step()) names.push_back(st.get_text(0));
  }
  crypto_generichash_state h;
  crypto_generichash_init(&h, nullptr, 0, 32);
  for (const auto& n : names) {
    wasshoi::sdk::Statement st(conn, "SELECT * FROM \"" + n + "\"");
    crypto_generichash_update(&h, reinterpret_cast<const unsigned char*>(n.data()), n.size());
    while (st.step())
      for (int c = 0; c < st.column_count(); ++c) {
        std::string v = st.is_null(c) ? std::string("\x01NULL") : st.get_text(c);
        v.push_back('\x1f');
        crypto_generichash_update(&h, reinterpret_cast<const unsigned char*>(v.data()), v.size());
      }
  }
  unsigned char out[32];
  crypto_generichash_final(&h, out, sizeof out);
  return std::string(reinterpret_cast<char*>(out), sizeof out);
}

// Values for required options and positionals that are not ids, by option name.
const std::map<std::string, std::string>& samples() {
  static const std::map<std::string, std::string> m = {
      {"--name", "テスト"},
      {"--title", "テスト"},
      {"--text", "テスト"},
      {"--kind", "jichikai"},
      {"--amount", "3000"},
      {"--date", "2026-05-01"},
      {"--on", "2026-05-01"},
      {"--from", "2026-04-01"},
      {"--to", "2027-03-31"},
      {"--start", "10:00"},
      {"--end", "12:00"},
      {"--purpose", "テスト"},
      {"--at", "1"},
      {"--reason", "テスト"},
      {"--deadline", "2026-05-01"},
      {"--note", "テスト"},
      {"--role", "会長"},
      {"--login", "nobody-new"},
      {"--of", "1"},
      {"--format", "pdf"},
      {"--slot", "午前"},
      {"--category", "other"},
      {"--year", "2026"},
      {"--what", "テスト"},
      {"--who", "テスト"},
      {"--place", "集会所"},
      {"--method", "board"},
      {"--addressee", "mayor"},
      {"--signatory", "テスト"},
      {"--person", "1"},
      {"--household", "1"},
      {"--facility", "1"},
      {"--state", "approved"},
      {"--repeat", "weekly"},
      {"--count", "2"},
      {"--description", "テスト"},
      {"--location", "テスト"},
      {"--agency", "テスト"},
      {"NAME", "テスト"},
      {"TEXT", "テスト"},
      {"PLUGIN", "members"},
      {"STATUS", "considering"},
      {"SECTION", "history"},
      {"query", "佐藤"},
      {"QUERY", "佐藤"},
      {"TITLE", "テスト"},
      {"N", "1"},
      {"--capacity", "10"},
      {"HAN", "1"},
      {"--into", "2"},
      {"--position", "1"},
      {"LOGIN", "admin"},
      {"ACCOUNT", "現金"},
      {"CATEGORY", "会費"},
      {"PROJECT", "1"},
      {"SURVEY", "1"},
      {"GOAL", "1"},
      {"VALUE", "1"},
      {"ORG", "1"},
      {"ANSWER", "1"},
      {"VALUES", "1"},
      {"--form", "共催"},
      {"--goal", "テスト"},
      {"--item", "goals"},
      {"--rating", "3"},
      {"NUMBER", "1"},
      {"TO", "2"},
      // Another computer without sslmode=verify-full: `server init` refuses it before connecting.
      {"URI", "postgresql://kaicho@office.example/jichikai"},
  };
  return m;
}

struct Built {
  std::vector<std::string> args;
  std::string missing;  // a required option without a sample
};

// The command line for `command` with `id` for every id option naming `table` (others get a row
// the role may see, or 1), and samples for the rest of what is required.
Built build(const json& command, const fs::path& out_dir, const std::map<std::string, std::string>& ids,
            std::int64_t org) {
  Built b;
  for (const auto& p : command["path"]) b.args.push_back(p);
  for (const auto& o : command["options"]) {
    std::string name = o["name"];
    const bool positional = o["positional"];
    std::string value;
    if (!o["id_of"].is_null()) {
      auto it = ids.find(o["id_of"]);
      value = it != ids.end() ? it->second : "1";
    } else if (!o["required"]) {
      continue;
    } else if (name == "--out") {
      value = (out_dir / "out.pdf").string();
    } else if (name == "FILE" || name == "file" || name == "FILES" || name == "PICTURE") {
      value = (out_dir / "input.csv").string();
    } else if (name == "ID" || name == "--of") {  // an organization's id (`org enable ID …`)
      value = std::to_string(org);
    } else if (auto it = samples().find(name); it != samples().end()) {
      value = it->second;
    } else {
      b.missing = name;
      return b;
    }
    if (o["flag"] && !positional) {
      b.args.push_back(name);
      continue;
    }
    if (!positional) b.args.push_back(name);
    b.args.push_back(value);
  }
  return b;
}

bool is_access_refusal(const std::string& err) {
  for (const char* marker : {"not permitted", "among what", "may not", "may only read", "sign in first"})
    if (err.find(marker) != std::string::npos) return true;
  return false;
}

std::string joined(const std::vector<std::string>& args) {
  std::string s;
  for (const auto& a : args) s += (s.empty() ? "" : " ") + a;
  return s;
}

}  // namespace

TEST_CASE(
    "authorization: every command taking an id refuses ids of another 班, another 自治会 and none at all",
    "[authorization]") {
  Sample& s = sample();
  const std::string before = fingerprint(s.db);
  wasshoi::test::TempDir out;
  wasshoi::test::write_file(out / "input.csv", "氏名\n髙橋\n");
  int id_commands = 0, runs = 0, cross_cases = 0;
  std::set<std::string> tables_seen;
  for (const auto& command : s.commands) {
    std::set<std::string> id_tables;
    for (const auto& o : command["options"])
      if (!o["id_of"].is_null()) id_tables.insert(o["id_of"].get<std::string>());
    if (id_tables.empty()) continue;
    ++id_commands;
    for (const auto& table : id_tables) {
      tables_seen.insert(table);
      const json* decl = s.table(table);
      INFO("table " << table);
      REQUIRE(decl != nullptr);  // every id argument names a declared table
      const bool by_han = !(*decl)["han"].get<std::string>().empty();
      // Ids the roles may see, for the other id options of the same command.
      std::map<std::string, std::string> visible;
      for (const auto& t : id_tables)
        if (auto v = s.pick(t, s.own,
                            s.table(t) && !(*s.table(t))["han"].get<std::string>().empty()
                                ? std::optional<std::int64_t>(s.han1)
                                : std::nullopt))
          visible[t] = std::to_string(*v);
      struct Case {
        std::string what;
        std::optional<std::int64_t> id;
        std::vector<std::string> logins;
      };
      std::vector<std::string> cross{"kaicho1", "yakuin1", "hancho1", "etsuran1"};
      if ((*decl)["personal"]) cross.push_back("kyodo1");  // a 地域協働体 never reads a roster
      std::vector<Case> cases = {
          {"another 自治会", s.pick(table, s.other, std::nullopt), cross},
          {"no such row", 987654321, {"kaicho1"}},
      };
      if (by_han) cases.push_back({"another 班", s.pick(table, s.own, std::nullopt, s.han1), {"hancho1"}});
      for (const auto& c : cases) {
        if (!c.id) continue;
        if (c.what != "no such row") ++cross_cases;
        auto ids = visible;
        ids[table] = std::to_string(*c.id);
        Built b = build(command, out.path(), ids, s.own);
        INFO("command: " << joined(b.args) << (b.missing.empty() ? "" : ", no sample for " + b.missing));
        REQUIRE(b.missing.empty());
        for (const auto& login : c.logins) {
          std::vector<std::string> args{"--db", s.db.string(), "--user", login};
          args.insert(args.end(), b.args.begin(), b.args.end());
          auto r = run_cli(args);
          ++runs;
          INFO(login << " with the id of " << c.what << " (" << *c.id << "): exit " << r.exit_code << ", "
                     << r.err);
          CHECK(r.exit_code == 1);
          CHECK(is_access_refusal(r.err));
        }
      }
    }
  }
  CHECK(fingerprint(s.db) == before);
  INFO(runs << " runs of " << id_commands << " commands");
  // Every plugin's id arguments were walked.
  for (const char* t : {"members_households", "members_persons", "minutes_meetings", "issues_issues",
                        "proposals_proposals", "booking_bookings"})
    CHECK(tables_seen.count(t) == 1);
  CHECK(id_commands >= 30);
  CHECK(cross_cases >= 30);
}

TEST_CASE(
    "authorization: every command with --org of another 自治会 writes nothing and shows none of its roster",
    "[authorization]") {
  Sample& s = sample();
  const std::string before = fingerprint(s.db);
  wasshoi::test::TempDir out;
  wasshoi::test::write_file(out / "input.csv", "氏名\n髙橋\n");
  REQUIRE(!s.other_names.empty());
  int runs = 0;
  for (const auto& command : s.commands) {
    std::map<std::string, std::string> ids;
    for (const auto& o : command["options"])
      if (!o["id_of"].is_null()) {
        auto v = s.pick(o["id_of"], s.other, std::nullopt);  // none there: an id that does not exist
        ids[o["id_of"]] = std::to_string(v ? *v : 987654321);
      }
    Built b = build(command, out.path(), ids, s.other);
    INFO("command: " << joined(b.args) << (b.missing.empty() ? "" : ", no sample for " + b.missing));
    REQUIRE(b.missing.empty());
    for (const auto& role : s.roles) {
      std::vector<std::string> args{"--db",     s.db.string(), "--user",
                                    role.login, "--org",       std::to_string(s.other)};
      args.insert(args.end(), b.args.begin(), b.args.end());
      auto r = run_cli(args);
      ++runs;
      INFO(role.label << " (" << role.login << "): exit " << r.exit_code << ", " << r.err);
      CHECK(r.exit_code != 4);  // no plugin failed on it
      for (const auto& name : s.other_names) {
        INFO("a name of the other 自治会's roster: " << name);
        CHECK(r.out.find(name) == std::string::npos);
      }
      std::string now = fingerprint(s.db);
      CHECK(now == before);
      if (now != before) return;  // the rest would all differ
    }
  }
  CHECK(runs > 100);
}

// ---- The findings of the access review, one test each ------------------------------------------

namespace {

wasshoi::test::RunResult as(const std::string& login, std::vector<std::string> args, const fs::path& db) {
  std::vector<std::string> full{"--db", db.string(), "--user", login};
  full.insert(full.end(), args.begin(), args.end());
  return run_cli(full);
}

// A copy of the sample to change (restore, backups) without touching the shared one.
fs::path copy_of_sample(const wasshoi::test::TempDir& dir) {
  fs::path copy = dir / "copy.db";
  wasshoi::sdk::Database conn = wasshoi::sdk::Database::open(sample().db);
  conn.backup_to(copy);
  return copy;
}

}  // namespace

TEST_CASE(
    "authorization: only the 管理者 backs up or restores the file, and a restore never drops the accounts",
    "[authorization]") {
  Sample& s = sample();
  wasshoi::test::TempDir dir;
  fs::path db = copy_of_sample(dir);
  const std::string before = fingerprint(db);
  // Finding 2: a backup is every 自治会's roster.
  for (const auto& role : s.roles) {
    auto r = as(role.login, {"db", "backup", "--out", (dir / (role.login + ".db")).string()}, db);
    INFO(role.login << ": " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("管理者"));
    CHECK_FALSE(fs::exists(dir / (role.login + ".db")));
  }
  // Finding 1: a restore by anyone else changes nothing.
  fs::path empty = dir / "empty.db";
  REQUIRE(run_cli({"--db", empty.string(), "org", "add", "--kind", "jichikai", "--name", "空の自治会"})
              .exit_code == 0);
  for (const auto& role : s.roles) {
    auto r = as(role.login, {"db", "restore", empty.string()}, db);
    INFO(role.login << ": " << r.err);
    CHECK(r.exit_code == 1);
  }
  CHECK(fingerprint(db) == before);
  // Even the 管理者 may not replace a file with accounts by one without: everyone would be 全権.
  auto r = as("admin", {"db", "restore", empty.string()}, db);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("no officer accounts"));
  CHECK(fingerprint(db) == before);
  // The 管理者's backup is private to its owner.
  auto b = as("admin", {"db", "backup", "--out", (dir / "admin.db").string()}, db);
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  CHECK((fs::status(dir / "admin.db").permissions() & (fs::perms::group_all | fs::perms::others_all)) ==
        fs::perms::none);
}

TEST_CASE("authorization: an encrypted backup is unreadable without its passphrase and restores with it",
          "[authorization]") {
  wasshoi::test::TempDir dir;
  fs::path db = copy_of_sample(dir);
  const std::string before = fingerprint(db);
  fs::path usb = dir / "usb.wbk";
  setenv("WASSHOI_BACKUP_PASSPHRASE", "usb stick passphrase", 1);
  auto b = as("admin", {"db", "backup", "--encrypt", "--out", usb.string()}, db);
  INFO(b.err);
  REQUIRE(b.exit_code == 0);
  std::string bytes = wasshoi::test::read_file(usb);
  CHECK(bytes.find("SQLite format 3") == std::string::npos);
  CHECK(bytes.find("members_persons") == std::string::npos);
  CHECK((fs::status(usb).permissions() & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
  // A change after the backup, which the restore must undo.
  REQUIRE(as("admin", {"org", "han", "add", std::to_string(sample().other), "後から班"}, db).exit_code == 0);
  const std::string changed = fingerprint(db);
  REQUIRE(changed != before);
  setenv("WASSHOI_BACKUP_PASSPHRASE", "not the passphrase", 1);
  auto wrong = as("admin", {"db", "restore", usb.string()}, db);
  CHECK(wrong.exit_code == 1);
  CHECK_THAT(wrong.err, Catch::Contains("wrong passphrase"));
  CHECK(fingerprint(db) == changed);
  // One changed byte: refused as well.
  fs::path tampered = dir / "tampered.wbk";
  std::string t = bytes;
  t[t.size() / 2] ^= 0x01;
  wasshoi::test::write_file(tampered, t);
  setenv("WASSHOI_BACKUP_PASSPHRASE", "usb stick passphrase", 1);
  CHECK(as("admin", {"db", "restore", tampered.string()}, db).exit_code == 1);
  CHECK(fingerprint(db) == changed);
  auto ok = as("admin", {"db", "restore", usb.string()}, db);
  INFO(ok.err);
  CHECK(ok.exit_code == 0);
  CHECK(fingerprint(db) == before);
  unsetenv("WASSHOI_BACKUP_PASSPHRASE");
}

TEST_CASE("authorization: a refused write keeps nothing, not even an audit row", "[authorization]") {
  Sample& s = sample();
  auto other_household = s.pick("members_households", s.other, std::nullopt);
  auto other_han_household = s.pick("members_households", s.own, std::nullopt, s.han1);
  REQUIRE(other_household);
  REQUIRE(other_han_household);
  const std::string before = fingerprint(s.db);
  // Finding 3: household leave of another 自治会's and another 班's household.
  for (auto id : {*other_household, *other_han_household}) {
    auto r = as("hancho1", {"members", "household", "leave", std::to_string(id)}, s.db);
    CHECK(r.exit_code == 1);
  }
  auto chair = as("kaicho1", {"members", "household", "leave", std::to_string(*other_household)}, s.db);
  CHECK(chair.exit_code == 1);
  CHECK(fingerprint(s.db) == before);
}

TEST_CASE("authorization: trying ids reveals no names, and a 班長 exports no other 班's issues",
          "[authorization]") {
  Sample& s = sample();
  // Finding 4: a 地域協働体 officer collecting names by trying person ids.
  auto person = s.pick("members_persons", s.own, std::nullopt);
  REQUIRE(person);
  auto r =
      as("kyodo1", {"--org", std::to_string(s.own), "members", "person", "support", std::to_string(*person)},
         s.db);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  // Finding 5: the bundle holds every 班's issues.
  wasshoi::test::TempDir dir;
  auto b =
      as("hancho1",
         {"issues", "bundle", "export", "--with-reporter-names", "--out", (dir / "b.json").string()}, s.db);
  CHECK(b.exit_code == 1);
  CHECK_FALSE(fs::exists(dir / "b.json"));
}

TEST_CASE("authorization: a 閲覧 reads the roster, and a 班長 does not manage the organization",
          "[authorization]") {
  Sample& s = sample();
  // Finding 6: read-only must not break reading (the search index).
  auto list = as("etsuran1", {"--json", "members", "list"}, s.db);
  INFO(list.err);
  REQUIRE(list.exit_code == 0);
  CHECK(json::parse(list.out).size() > 10);
  auto search = as("etsuran1", {"--json", "members", "search", "佐藤"}, s.db);
  INFO(search.err);
  CHECK(search.exit_code == 0);
  // Finding 7.
  const std::string before = fingerprint(s.db);
  auto facility = s.pick("booking_facilities", s.own, std::nullopt);
  auto meeting = s.pick("minutes_meetings", s.own, std::nullopt);
  REQUIRE(meeting);
  std::vector<std::vector<std::string>> attempts = {
      {"org", "add", "--kind", "jichikai", "--name", "勝手な自治会"},
      {"org", "disable", std::to_string(s.own), "booking"},
      {"minutes", "reopen", std::to_string(*meeting), "--reason", "テスト"},
  };
  if (facility)
    attempts.push_back({"booking", "facility", "close", std::to_string(*facility), "--from", "2026-05-01"});
  for (const auto& a : attempts) {
    auto r = as("hancho1", a, s.db);
    INFO(a[0] << " " << a[1] << ": " << r.err);
    CHECK(r.exit_code != 0);
  }
  CHECK(fingerprint(s.db) == before);
}

TEST_CASE("authorization: the 管理者 makes the first account of another organization, a 会長 cannot",
          "[authorization]") {
  Sample& s = sample();
  wasshoi::test::TempDir dir;
  fs::path db = copy_of_sample(dir);
  // Finding 8: the 地域協働体 and other 自治会 could never get a first account.
  auto chair = as(
      "kaicho1",
      {"account", "add", "--login", "new-kyodo", "--role", "kaicho", "--of", std::to_string(s.kyodotai)}, db);
  CHECK(chair.exit_code == 1);
  // Nor may a 会長 make anyone a 管理者, even in their own organization.
  auto grant = as("kaicho1",
                  {"account", "add", "--login", "new-admin", "--role", "kaicho", "--of",
                   std::to_string(s.own), "--admin"},
                  db);
  CHECK(grant.exit_code == 1);
  CHECK_THAT(grant.err, Catch::Contains("管理者"));
  auto admin = as(
      "admin",
      {"account", "add", "--login", "new-kyodo", "--role", "yakuin", "--of", std::to_string(s.kyodotai)}, db);
  INFO(admin.err);
  CHECK(admin.exit_code == 0);
}
