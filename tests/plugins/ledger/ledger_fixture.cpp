#include "ledger_fixture.hpp"

#include <catch2/catch.hpp>

namespace wasshoi::test {

LedgerDb::LedgerDb(bool with_accounts) {
  if (scratch.postgres()) with_accounts = false;  // refused on a server until issue 20
  app = std::make_unique<host::App>(host::AppOptions{
      .db_path = scratch.target(), .plugin_dir = bin_dir() / "plugins", .actor = "test", .create = true});
  app->open_database();
  auto orgs = app->orgs();
  kyodotai = orgs.add(host::OrgKind::Kyodotai, "わっしょい地区まちづくり協議会");
  org = orgs.add(host::OrgKind::Jichikai, "わっしょい第一自治会", kyodotai);
  other = orgs.add(host::OrgKind::Jichikai, "髙﨑町内会", kyodotai);
  han1 = orgs.add_han(org, "1班");
  han2 = orgs.add_han(org, "2班");
  for (auto o : {kyodotai, org, other})
    for (const char* p : {"members", "booking", "ledger"}) app->enable_plugin(o, p);
  if (with_accounts) {
    host::Accounts accounts(app->db());
    const auto full = sdk::Access::everything();
    accounts.add(full, "kaicho", "山田 花子", "kaicho passphrase", sdk::Role::Chair, org, std::nullopt);
    accounts.add(full, "kaikei", "髙橋 﨑子", "kaikei passphrase", sdk::Role::Officer, org, std::nullopt);
    accounts.add(full, "hancho", "﨑山 一郎", "hancho passphrase", sdk::Role::HanLeader, org, han1);
    accounts.add(full, "etsuran", "閲覧 𠮷田", "etsuran passphrase", sdk::Role::Viewer, org, std::nullopt);
    accounts.add(full, "takasaki", "髙﨑 会長", "takasaki passphrase", sdk::Role::Chair, other, std::nullopt);
    accounts.add(full, "kyodo", "協議会 役員", "kyodo passphrase", sdk::Role::Officer, kyodotai,
                 std::nullopt);
  }
  context = std::make_unique<host::AppContext>(*app, org);
  if (with_accounts) as("kaikei");
}

void LedgerDb::as(const std::string& login) {
  if (scratch.postgres()) return;  // no accounts on a server: the one officer does everything
  app->sign_out();
  app->sign_in(login, login + " passphrase");
}

std::string LedgerDb::last_detail(const std::string& action) {
  return sdk::query_text(
             db(), "SELECT detail FROM audit_log WHERE action = '" + action + "' ORDER BY id DESC LIMIT 1")
      .value_or("");
}

bool skip_on_server(const char* why) {
  if (!testing_postgres()) return false;
  WARN("skipped on PostgreSQL: " << why);
  return true;
}

}  // namespace wasshoi::test
