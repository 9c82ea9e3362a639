#pragma once
// A real database with the real plugins from bin/plugins and real officer accounts: the city and
// its 防災課, a 地域協働体 with two 自治会 (one of them taking part, one not) and an NPO. The
// database is test::ScratchDb's: a SQLite file, or a fresh schema on the server of WASSHOI_TEST_DB.
// A server database has no officer accounts yet (docs/engines.md, until issue 20): there they are
// not made, as() and cli()'s user change nothing, and the access tests skip (skip_on_server).
#include <memory>
#include <nlohmann/json.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/app_context.hpp>

#include "core/projects.hpp"
#include "db_contents.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

namespace wasshoi::test {

struct EvaluationDb {
  // With accounts (the access tests) or without (a single officer's laptop).
  explicit EvaluationDb(bool with_accounts = true);
  TempDir tmp;
  ScratchDb scratch;    // before the App: its schema goes after the App's connection
  std::string db_path;  // what the App and wasshoi-cli --db open: scratch.target()
  std::unique_ptr<host::App> app;
  std::unique_ptr<host::AppContext> context;
  sdk::OrgId city = 0, bosai = 0, kyodotai = 0, first = 0, second = 0, npo = 0;
  std::int64_t han1 = 0;

  sdk::Database& db() { return app->db(); }
  sdk::OrganizationDirectory& orgs() { return app->services().get<sdk::OrganizationDirectory>(); }
  // Signs out and in as `login` (passphrase "<login> passphrase").
  //   kyodo: 会長 of the 地域協働体   npo: 役員 of the NPO   bosai: 役員 of the 防災課
  //   kaicho: 会長 of the first 自治会   hancho: its 1班 班長   etsuran: its 閲覧
  //   takasaki: 会長 of the second 自治会 (not a partner)
  void as(const std::string& login);
  // The sample project: a 防災訓練 registered by the 地域協働体 with the NPO, the 防災課 and the
  // first 自治会 taking part, one goal of 200 participants. As the 地域協働体's 会長.
  evaluation::Id add_drill();
  std::int64_t count(const std::string& sql);
  // Every row of every table (test::db_contents), through a connection of its own.
  std::string contents() { return db_contents(scratch.db()); }
  // Runs the real CLI on this database (closed first with close()).
  void close() { context.reset(), app.reset(); }
  RunResult cli(std::vector<std::string> args, const std::string& user = {});
  nlohmann::json cli_json(std::vector<std::string> args, const std::string& user = {});
};

std::string pdf_text(const std::filesystem::path& pdf);
// True (and says why, a Catch2 warning) when the engine under test is PostgreSQL and the test
// needs what only a SQLite file has yet (officer accounts and the host's row guard).
bool skip_on_server(const char* why);

}  // namespace wasshoi::test
