#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app.hpp>

#include "test_support.hpp"

using namespace wasshoi;

namespace {
struct AccountsFixture {
  test::TempDir tmp;
  host::App app{{.db_path = tmp / "w.db", .plugin_dir = tmp / "none"}};
  host::Organizations orgs = app.orgs();
  sdk::OrgId kyodotai = orgs.add(host::OrgKind::Kyodotai, "山目地区まちづくり協議会");
  sdk::OrgId a = orgs.add(host::OrgKind::Jichikai, "山目第一自治会", kyodotai);
  sdk::OrgId b = orgs.add(host::OrgKind::Jichikai, "山目第二自治会", kyodotai);
  std::int64_t han1 = orgs.add_han(a, "1班");
  host::Accounts accounts{app.db()};
  sdk::Access full = sdk::Access::everything();

  void add_defaults() {
    accounts.add(full, "kaicho", "髙橋 一郎", "correct horse battery", sdk::Role::Chair, a, std::nullopt);
    accounts.add(full, "hancho1", "﨑山 花子", "hanchou-no-pass", sdk::Role::HanLeader, a, han1);
    accounts.add(full, "viewer", "閲覧者", "read-only-pass", sdk::Role::Viewer, a, std::nullopt);
    accounts.add(full, "kyodo", "協議会 役員", "kyodotai-pass", sdk::Role::Officer, kyodotai, std::nullopt);
  }
};
}  // namespace

TEST_CASE_METHOD(AccountsFixture,
                 "the first account is a 会長 and passphrases are stored only as slow salted hashes") {
  CHECK_THROWS_WITH(accounts.add(full, "x", "", "long enough pass", sdk::Role::Officer, a, std::nullopt),
                    Catch::Contains("first account must be a 会長"));
  CHECK_THROWS_WITH(accounts.add(full, "x", "", "short", sdk::Role::Chair, a, std::nullopt),
                    Catch::Contains("at least 8 characters"));
  add_defaults();
  sdk::Statement st(app.db(), "SELECT pass_hash FROM accounts");
  while (st.step()) {
    CHECK(st.get_text(0).starts_with("$argon2id$"));
    CHECK(st.get_text(0).find("pass") == std::string::npos);
  }
  CHECK_THROWS_WITH(accounts.add(full, "h2", "", "long enough pass", sdk::Role::HanLeader, a, std::nullopt),
                    Catch::Contains("needs its 班"));
}

TEST_CASE_METHOD(AccountsFixture, "a wrong passphrase and an unknown login get the same refusal") {
  add_defaults();
  CHECK_THROWS_WITH(accounts.authenticate("kaicho", "wrong one!"), "wrong login or passphrase");
  CHECK_THROWS_WITH(accounts.authenticate("nobody", "wrong one!"), "wrong login or passphrase");
  auto access = accounts.authenticate("hancho1", "hanchou-no-pass");
  CHECK(access.role == sdk::Role::HanLeader);
  CHECK(access.han_scope(a) == han1);
  CHECK(access.han_scope(b) == std::nullopt);
}

TEST_CASE_METHOD(AccountsFixture, "only the 会長 of an organization adds its accounts") {
  add_defaults();
  auto hancho = accounts.authenticate("hancho1", "hanchou-no-pass");
  CHECK_THROWS_WITH(accounts.add(hancho, "y", "", "long enough pass", sdk::Role::Officer, a, std::nullopt),
                    Catch::Contains("only the 会長"));
  auto kaicho = accounts.authenticate("kaicho", "correct horse battery");
  CHECK(accounts.add(kaicho, "y", "", "long enough pass", sdk::Role::Officer, a, std::nullopt) > 0);
}

TEST_CASE_METHOD(AccountsFixture,
                 "only the 管理者 adds organizations, in the GUI as in the CLI (host core decides)") {
  add_defaults();
  app.sign_in("hancho1", "hanchou-no-pass");
  CHECK_THROWS_WITH(app.add_organization(host::OrgKind::Jichikai, "山目第三自治会", kyodotai),
                    Catch::Contains("管理者"));
  app.sign_in("kyodo", "kyodotai-pass");  // an 役員, not a 会長
  CHECK_THROWS_WITH(app.add_organization(host::OrgKind::Npo, "見守りの会", std::nullopt),
                    Catch::Contains("管理者"));
  CHECK(app.orgs().list().size() == 3);
  app.sign_in("kaicho", "correct horse battery");  // the first 会長: the file's 管理者
  const sdk::OrgId c = app.add_organization(host::OrgKind::Jichikai, "山目第三自治会", kyodotai);
  CHECK(app.orgs().get(c).parent == kyodotai);
}

TEST_CASE_METHOD(AccountsFixture, "a 閲覧 account reads but every write is refused below the plugins") {
  add_defaults();
  app.sign_in("viewer", "read-only-pass");
  CHECK(app.orgs().list().size() == 3);
  CHECK_THROWS_WITH(app.orgs().add_han(a, "2班"), Catch::Contains("閲覧"));
  CHECK_THROWS_WITH(sdk::Statement(app.db(), "DELETE FROM han"), Catch::Contains("may only read"));
  CHECK(app.orgs().han(a).size() == 1);
}

TEST_CASE_METHOD(
    AccountsFixture,
    "officers work only in their organization, a 地域協働体 reads its 自治会' issues but not rosters") {
  add_defaults();
  app.sign_in("kaicho", "correct horse battery");
  CHECK_NOTHROW(app.enter(a, "members"));
  CHECK_THROWS_WITH(app.enter(b, "members"), Catch::Contains("may not work in 山目第二自治会"));
  app.sign_in("kyodo", "kyodotai-pass");
  CHECK_THROWS_WITH(app.enter(a, "members"), Catch::Contains("may not work in 山目第一自治会"));
  CHECK_NOTHROW(app.enter(a, "issues"));
  CHECK(app.db().read_only());
  CHECK_THROWS(app.orgs().add_han(a, "9班"));
}

TEST_CASE_METHOD(AccountsFixture, "the audit log names the signed-in account") {
  add_defaults();
  app.sign_in("kaicho", "correct horse battery");
  app.orgs().add_han(a, "2班");
  CHECK(*sdk::query_text(app.db(), "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1") == "kaicho");
}

TEST_CASE("through the CLI: a database with accounts needs a sign-in, and a 閲覧 cannot change it") {
  test::TempDir tmp;
  std::string db = (tmp / "t.db").string();
  using nlohmann::json;
  auto org = json::parse(
      test::run_cli({"--db", db, "org", "add", "--kind", "jichikai", "--name", "山目第一自治会", "--json"})
          .out)["id"];
  setenv("WASSHOI_NEW_PASSPHRASE", "correct horse battery", 1);
  REQUIRE(test::run_cli({"--db", db, "account", "add", "--login", "kaicho", "--role", "kaicho", "--of",
                         std::to_string(org.get<int>())})
              .exit_code == 0);
  setenv("WASSHOI_NEW_PASSPHRASE", "read-only-pass", 1);
  setenv("WASSHOI_PASSPHRASE", "correct horse battery", 1);
  REQUIRE(test::run_cli({"--db", db, "--user", "kaicho", "account", "add", "--login", "viewer", "--role",
                         "etsuran", "--of", std::to_string(org.get<int>())})
              .exit_code == 0);
  auto anonymous = test::run_cli({"--db", db, "org", "list"});
  CHECK(anonymous.exit_code == 1);
  CHECK_THAT(anonymous.err, Catch::Contains("sign in"));
  setenv("WASSHOI_PASSPHRASE", "read-only-pass", 1);
  CHECK(test::run_cli({"--db", db, "--user", "viewer", "org", "list"}).exit_code == 0);
  auto write = test::run_cli(
      {"--db", db, "--user", "viewer", "org", "han", "add", std::to_string(org.get<int>()), "1班"});
  CHECK(write.exit_code == 1);
  CHECK_THAT(write.err, Catch::Contains("閲覧"));
  setenv("WASSHOI_PASSPHRASE", "wrong passphrase", 1);
  auto wrong = test::run_cli({"--db", db, "--user", "viewer", "org", "list"});
  CHECK(wrong.exit_code == 1);
  CHECK_THAT(wrong.err, Catch::Contains("wrong login or passphrase"));
  unsetenv("WASSHOI_PASSPHRASE");
  unsetenv("WASSHOI_NEW_PASSPHRASE");
}
