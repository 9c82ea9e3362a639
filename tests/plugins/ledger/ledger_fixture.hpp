#pragma once
// A real Wasshoi database opened by the real host with the real ledger, members and booking plugins
// loaded (their migrations, services and the host's row guards), a 自治会 with two 班, and
// officer accounts: 会長 and 役員 (会計) of the 自治会, a 班長, a 閲覧, the 会長 of another 自治会
// and a 地域協働体 officer. The database is test::ScratchDb's: a SQLite file, or a fresh schema on
// the server of WASSHOI_TEST_DB. A server database has no officer accounts yet (docs/engines.md:
// until issue 20's row-level security), so there the accounts are not made and as() changes
// nothing: the tests about who may write say they skip (skip_on_server).
#include <memory>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/app_context.hpp>

#include "core/model.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

namespace wasshoi::test {

// The day the ledger tests make their entries on.
inline const sdk::Date kDay{2030, 6, 12};

struct LedgerDb {
  explicit LedgerDb(bool with_accounts = true);
  sdk::Database& db() { return app->db(); }
  sdk::Context& ctx() { return *context; }
  // Signs `login` in, as the window does (the one signed in signs out first).
  void as(const std::string& login);
  std::int64_t count(const std::string& sql) { return sdk::query_int(db(), sql).value_or(-1); }
  std::string last_detail(const std::string& action);

  TempDir tmp;
  ScratchDb scratch;  // before the App: its schema goes after the App's connection
  std::unique_ptr<host::App> app;
  std::unique_ptr<host::AppContext> context;
  sdk::OrgId kyodotai = 0, org = 0, other = 0;
  std::int64_t han1 = 0, han2 = 0;
};

// True (and says why, a Catch2 warning) when the engine under test is PostgreSQL and the test
// needs what only a SQLite file has yet (officer accounts and the host's row guard).
bool skip_on_server(const char* why);

}  // namespace wasshoi::test
