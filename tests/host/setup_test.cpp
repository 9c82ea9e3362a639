// Setting up organizations, 班 and accounts (host::Setup, Accounts::change/reset_passphrase/retire):
// each act done by whoever docs/access.md allows, refused to everyone else with the database
// unchanged (not even an audit row).
#include <catch2/catch.hpp>
#include <wasshoi/host/setup.hpp>

#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

// Every row of every table, as text: equal snapshots mean nothing was written.
std::string snapshot(sdk::Database& db) {
  std::vector<std::string> tables;
  {
    sdk::Statement st(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    while (st.step()) tables.push_back(st.get_text(0));
  }
  std::string out;
  for (const auto& t : tables) {
    out += "\n[" + t + "]";
    sdk::Statement st(db, "SELECT * FROM \"" + t + "\" ORDER BY 1");
    while (st.step()) {
      out += "\n";
      for (int c = 0; c < st.column_count(); ++c) out += (st.is_null(c) ? "NULL" : st.get_text(c)) + "|";
    }
  }
  return out;
}

// 地域協働体 K with 自治会 A (3 班) and B under it, and C apart; accounts: the 管理者 (会長 of C),
// A's 会長, 役員, 1班 班長 and 閲覧, B's 会長, K's 会長. A table of a pretend plugin refers to
// han(id), which host core has never heard of.
struct Sample {
  test::TempDir tmp;
  fs::path db = tmp / "setup.db";
  sdk::OrgId k = 0, a = 0, b = 0, c = 0;
  std::int64_t a1 = 0, a2 = 0, a3 = 0, b1 = 0;

  Sample() {
    host::App app{{.db_path = db, .plugin_dir = tmp / "none"}};
    auto orgs = app.orgs();
    k = orgs.add(host::OrgKind::Kyodotai, "山目地区まちづくり協議会");
    a = orgs.add(host::OrgKind::Jichikai, "山目第一自治会", k);
    b = orgs.add(host::OrgKind::Jichikai, "山目第二自治会", k);
    c = orgs.add(host::OrgKind::Jichikai, "中里自治会");
    a1 = orgs.add_han(a, "1班");
    a2 = orgs.add_han(a, "2班");
    a3 = orgs.add_han(a, "3班");
    b1 = orgs.add_han(b, "1班");
    app.db().exec(
        "CREATE TABLE pretend_rows(id INTEGER PRIMARY KEY, han_id INTEGER REFERENCES han(id) ON DELETE SET "
        "NULL, what TEXT);"
        "INSERT INTO pretend_rows(han_id, what) VALUES(" +
        std::to_string(a2) + ", 'x'), (" + std::to_string(a2) + ", 'y'), (" + std::to_string(a1) +
        ", 'z'), (" + std::to_string(b1) + ", 'b');");
    host::Accounts acc(app.db());
    const auto full = sdk::Access::everything();
    acc.add(full, "admin", "管理 者", test::kPassphrase, sdk::Role::Chair, c, std::nullopt);
    acc.add(full, "kaicho_a", "髙橋 一郎", test::kPassphrase, sdk::Role::Chair, a, std::nullopt);
    acc.add(full, "yakuin_a", "役員 花子", test::kPassphrase, sdk::Role::Officer, a, std::nullopt);
    acc.add(full, "hancho_a", "﨑山 二郎", test::kPassphrase, sdk::Role::HanLeader, a, a1);
    acc.add(full, "etsuran_a", "閲覧 三郎", test::kPassphrase, sdk::Role::Viewer, a, std::nullopt);
    acc.add(full, "kaicho_b", "第二 会長", test::kPassphrase, sdk::Role::Chair, b, std::nullopt);
    acc.add(full, "kyodo", "協議会 会長", test::kPassphrase, sdk::Role::Chair, k, std::nullopt);
  }
};

const Sample& sample() {
  static const Sample s;
  return s;
}

struct SetupFixture {
  test::TempDir tmp;
  fs::path db = tmp / "copy.db";
  const Sample& s = sample();
  SetupFixture() { fs::copy_file(s.db, db); }

  std::unique_ptr<host::App> as(const std::string& login, const std::string& pass = test::kPassphrase) {
    auto app = std::make_unique<host::App>(
        host::AppOptions{.db_path = db, .plugin_dir = tmp / "none", .login = login, .passphrase = pass});
    app->open_database();
    return app;
  }
  std::string now() {
    auto app = as("admin");
    return snapshot(app->db());
  }
};

struct Attempt {
  const char* what;
  std::function<void(host::Setup&)> act;
};

}  // namespace

TEST_CASE("班 names: ranges and lists as officers type them") {
  using V = std::vector<std::string>;
  CHECK(host::expand_han_names("1班〜5班") == V{"1班", "2班", "3班", "4班", "5班"});
  CHECK(host::expand_han_names("１班～３班") == V{"1班", "2班", "3班"});
  CHECK(host::expand_han_names("1〜2班") == V{"1班", "2班"});
  CHECK(host::expand_han_names("東班、西班\n南班, 北班") == V{"東班", "西班", "南班", "北班"});
  CHECK(host::expand_han_names("　\n ") == V{});
  CHECK_THROWS_WITH(host::expand_han_names("5班〜1班"), Catch::Contains("smaller number"));
  CHECK_THROWS_WITH(host::expand_han_names("1班〜500班"), Catch::Contains("at most 99"));
}

TEST_CASE_METHOD(SetupFixture,
                 "setup acts on a 自治会 are refused to a 班長, a 閲覧, another 会長 and its 地域協働体, "
                 "and the database stays as it was") {
  const std::vector<Attempt> org_acts = {
      {"rename", [&](host::Setup& x) { x.rename_org(s.a, "乗っ取り自治会"); }},
      {"move out", [&](host::Setup& x) { x.move_org(s.a, std::nullopt); }},
      {"retire", [&](host::Setup& x) { x.retire_org(s.a); }},
      {"add 班", [&](host::Setup& x) { x.add_han(s.a, {"9班"}); }},
      {"rename 班", [&](host::Setup& x) { x.rename_han(s.a, s.a1, "東班"); }},
      {"merge 班", [&](host::Setup& x) { x.merge_han(s.a, s.a2, s.a1); }},
      {"move 班", [&](host::Setup& x) { x.move_han(s.a, s.a1, 3); }},
      {"change account", [&](host::Setup& x) { x.change_account("hancho_a", {.han = s.a2}); }},
      {"reset passphrase", [&](host::Setup& x) { x.reset_passphrase("yakuin_a", "a new passphrase"); }},
      {"retire account", [&](host::Setup& x) { x.retire_account("yakuin_a"); }},
  };
  const std::string before = now();
  for (const char* login : {"hancho_a", "etsuran_a", "kaicho_b", "kyodo"}) {
    auto app = as(login);
    host::Setup setup(*app);
    for (const auto& attempt : org_acts) {
      INFO(login << ": " << attempt.what);
      CHECK_THROWS_AS(attempt.act(setup), sdk::InputError);
    }
  }
  // The 役員 manages 班, not the organization nor its accounts.
  {
    auto app = as("yakuin_a");
    host::Setup setup(*app);
    for (std::size_t i : {0, 1, 2, 7, 8, 9}) {
      INFO("役員: " << org_acts[i].what);
      CHECK_THROWS_WITH(org_acts[i].act(setup),
                        Catch::Contains("not permitted") || Catch::Contains("among what"));
    }
  }
  // Foreign ids: the 地域協働体 officer naming A's 班 in its own organization, A's 会長 naming B's
  // 班 or account in A.
  {
    auto app = as("kyodo");
    host::Setup setup(*app);
    CHECK_THROWS(setup.merge_han(s.k, s.a2, s.a1));
    CHECK_THROWS(setup.rename_han(s.k, s.a1, "東班"));
  }
  {
    auto app = as("kaicho_a");
    host::Setup setup(*app);
    CHECK_THROWS_WITH(setup.merge_han(s.a, s.b1, s.a1), Catch::Contains("no 班 with id"));
    CHECK_THROWS_WITH(setup.rename_han(s.a, s.b1, "東班"), Catch::Contains("no 班 with id"));
    CHECK_THROWS_WITH(setup.retire_account("kaicho_b"), Catch::Contains("among what"));
    CHECK_THROWS_WITH(setup.retire_account("nobody"), Catch::Contains("among what"));
    CHECK_THROWS_WITH(setup.change_account("kaicho_b", {.role = sdk::Role::Viewer}),
                      Catch::Contains("among what"));
    CHECK_THROWS_WITH(setup.change_account("kaicho_a", {.role = sdk::Role::Officer}),
                      Catch::Contains("their own role"));
    CHECK_THROWS_WITH(setup.retire_account("kaicho_a"), Catch::Contains("own account"));
    // Only a 管理者 makes a 管理者.
    CHECK_THROWS_WITH(setup.change_account("yakuin_a", {.role = sdk::Role::Chair, .admin = true}),
                      Catch::Contains("管理者"));
  }
  CHECK(now() == before);
}

TEST_CASE_METHOD(SetupFixture, "the 会長 renames, moves and retires their 自治会, one audit row each") {
  auto app = as("kaicho_a");
  host::Setup setup(*app);
  auto audit = [&] { return *sdk::query_int(app->db(), "SELECT count(*) FROM audit_log"); };
  auto n = audit();
  setup.rename_org(s.a, "　山目第一町内会 ");
  CHECK(app->orgs().get(s.a).name == "山目第一町内会");
  CHECK(audit() == n + 1);
  CHECK_THROWS_WITH(setup.rename_org(s.a, "  "), Catch::Contains("must not be empty"));
  setup.move_org(s.a, std::nullopt);
  CHECK_FALSE(app->orgs().get(s.a).parent);
  CHECK_THROWS_WITH(setup.move_org(s.a, s.c), Catch::Contains("can only belong to a 地域協働体"));
  setup.move_org(s.a, s.k);
  CHECK(app->orgs().get(s.a).parent == s.k);
  CHECK(audit() == n + 3);
  // A 地域協働体 with 自治会 under it is not retired.
  {
    auto kyodo = as("kyodo");
    CHECK_THROWS_WITH(host::Setup(*kyodo).retire_org(s.k), Catch::Contains("still has organizations"));
  }
  setup.retire_org(s.a);
  CHECK(host::is_retired(app->db(), s.a));
  CHECK(audit() == n + 4);
  // Kept, read only, refusing every further setup act.
  CHECK(app->orgs().han(s.a).size() == 3);
  CHECK_THROWS_WITH(setup.rename_org(s.a, "別名"), Catch::Contains("retired"));
  CHECK_THROWS_WITH(setup.add_han(s.a, {"9班"}), Catch::Contains("retired"));
  app->enter(s.a, "");
  CHECK(app->db().read_only());
  CHECK_THROWS(app->db().exec("UPDATE han SET name = 'x' WHERE id = " + std::to_string(s.a1)));
}

TEST_CASE_METHOD(SetupFixture, "the 管理者 renames another organization but manages no other 自治会's 班") {
  auto app = as("admin");
  host::Setup setup(*app);
  setup.rename_org(s.b, "山目第二町内会");
  CHECK(app->orgs().get(s.b).name == "山目第二町内会");
  CHECK_THROWS_WITH(setup.add_han(s.b, {"2班"}), Catch::Contains("not permitted"));
}

TEST_CASE_METHOD(SetupFixture,
                 "the 役員 adds, renames, reorders and merges 班, and a merge moves every row that refers "
                 "to the 班, found from the schema") {
  auto app = as("yakuin_a");
  host::Setup setup(*app);
  auto ids = setup.add_han(s.a, host::expand_han_names("4班〜5班"));
  CHECK(ids.size() == 2);
  CHECK_THROWS_WITH(setup.add_han(s.a, {"6班", "1班"}), Catch::Contains("already has a 班 named 1班"));
  CHECK(app->orgs().han(s.a).size() == 5);  // 6班 was not kept either
  setup.rename_han(s.a, s.a3, "東班");
  CHECK_THROWS_WITH(setup.rename_han(s.a, s.a3, "1班"), Catch::Contains("already has"));
  setup.move_han(s.a, s.a3, 1);
  auto han = app->orgs().han(s.a);
  REQUIRE(han.size() == 5);
  CHECK(han[0].name == "東班");
  CHECK(han[1].name == "1班");
  // The columns referring to han(id): the core's accounts and the pretend plugin's table.
  bool pretend = false, accounts = false;
  for (const auto& c : host::han_columns(app->db())) {
    pretend = pretend || (c.table == "pretend_rows" && c.column == "han_id");
    accounts = accounts || (c.table == "accounts" && c.column == "han_id");
  }
  CHECK(pretend);
  CHECK(accounts);
  // 1班 (one pretend row and the 班長) into 2班 (two pretend rows).
  CHECK(setup.han_rows(s.a1) == 2);
  CHECK(setup.merge_han(s.a, s.a1, s.a2) == 2);
  CHECK(*sdk::query_int(app->db(),
                        "SELECT count(*) FROM pretend_rows WHERE han_id = " + std::to_string(s.a2)) == 3);
  CHECK(*sdk::query_int(app->db(), "SELECT han_id FROM accounts WHERE login = 'hancho_a'") == s.a2);
  CHECK(*sdk::query_int(app->db(), "SELECT count(*) FROM han WHERE id = " + std::to_string(s.a1)) == 0);
  CHECK(*sdk::query_int(app->db(),
                        "SELECT count(*) FROM pretend_rows WHERE han_id = " + std::to_string(s.b1)) == 1);
  CHECK_THROWS_WITH(setup.merge_han(s.a, s.a2, s.a2), Catch::Contains("into itself"));
  CHECK(*sdk::query_text(app->db(), "SELECT action FROM audit_log ORDER BY id DESC LIMIT 1") ==
        "org.han.merge");
}

TEST_CASE_METHOD(SetupFixture,
                 "the 会長 changes, resets and retires accounts, and a retired account cannot sign in") {
  {
    auto app = as("kaicho_a");
    host::Setup setup(*app);
    setup.change_account("hancho_a", {.han = s.a2});
    setup.change_account("etsuran_a", {.name = "閲覧 三郎（新）", .role = sdk::Role::Officer});
    CHECK_THROWS_WITH(setup.change_account("yakuin_a", {.role = sdk::Role::HanLeader}),
                      Catch::Contains("needs its 班"));
    CHECK_THROWS_WITH(setup.change_account("yakuin_a", {.han = s.b1}), Catch::Contains("only 班長"));
    CHECK_THROWS_WITH(setup.change_account("hancho_a", {.han = s.b1}), Catch::Contains("not a 班 of"));
    CHECK_THROWS_WITH(setup.reset_passphrase("yakuin_a", "short"), Catch::Contains("at least 8"));
    setup.reset_passphrase("yakuin_a", "a brand new passphrase");
    setup.retire_account("hancho_a");
    CHECK_THROWS_WITH(setup.retire_account("hancho_a"), Catch::Contains("already retired"));
    CHECK_THROWS_WITH(setup.change_account("hancho_a", {.name = "x"}), Catch::Contains("retired"));
    // Nor the 管理者, whose account only a 管理者 changes (it is in another organization here).
    CHECK_THROWS(setup.reset_passphrase("admin", "a brand new passphrase"));
    auto list = setup.accounts_of(s.a);
    REQUIRE(list.size() == 4);
    CHECK(list.back().login == "hancho_a");
    CHECK(list.back().retired);
  }
  CHECK_THROWS_WITH(as("hancho_a"), "wrong login or passphrase");
  CHECK_THROWS_WITH(as("yakuin_a"), "wrong login or passphrase");
  auto yakuin = as("yakuin_a", "a brand new passphrase");
  CHECK(yakuin->access().role == sdk::Role::Officer);
  auto former_viewer = as("etsuran_a");
  CHECK(former_viewer->access().role == sdk::Role::Officer);
  CHECK(former_viewer->access().name == "閲覧 三郎（新）");
}

TEST_CASE_METHOD(SetupFixture, "the last 管理者 is neither demoted nor retired, another 管理者 may be") {
  sdk::Database conn = sdk::Database::open(db);
  host::Accounts acc(conn);
  const auto full = sdk::Access::everything();  // as the window on the day the first account is made
  CHECK_THROWS_WITH(acc.retire(full, "admin"), Catch::Contains("last 管理者"));
  CHECK_THROWS_WITH(acc.change(full, "admin", {.admin = false}), Catch::Contains("last 管理者"));
  CHECK_THROWS_WITH(acc.change(full, "admin", {.role = sdk::Role::Officer}),
                    Catch::Contains("must be a 会長"));
  {
    auto app = as("admin");
    host::Setup(*app).change_account("kaicho_b", {.admin = true});
  }
  auto app = as("kaicho_b");
  host::Setup setup(*app);
  setup.change_account("admin", {.admin = false});
  CHECK_THROWS_WITH(setup.change_account("kaicho_b", {.admin = false}), Catch::Contains("their own"));
  CHECK(*sdk::query_int(app->db(), "SELECT count(*) FROM accounts WHERE admin = 1") == 1);
  CHECK_THROWS_WITH(acc.retire(full, "kaicho_b"), Catch::Contains("last 管理者"));
}

TEST_CASE("the first start makes the 自治会 and its 班 in one go, with every plugin") {
  test::TempDir tmp;
  host::App app{{.db_path = tmp / "first.db", .plugin_dir = test::bin_dir() / "plugins"}};
  app.open_database();
  host::Setup setup(app);
  CHECK_THROWS_WITH(setup.first_start("わっしょい自治会", {"1班", "1班"}), Catch::Contains("named twice"));
  CHECK_THROWS_WITH(setup.first_start(" ", {"1班"}), Catch::Contains("must not be empty"));
  CHECK(app.orgs().list().empty());
  auto org = setup.first_start("わっしょい自治会", host::expand_han_names("1班〜3班"));
  CHECK(app.orgs().get(org).kind == host::OrgKind::Jichikai);
  CHECK(app.orgs().han(org).size() == 3);
  CHECK(app.orgs().is_enabled(org, "members"));
}
