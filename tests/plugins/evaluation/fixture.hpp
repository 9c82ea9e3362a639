#pragma once
// A real database with the real plugins from bin/plugins and real officer accounts: the city and
// its 防災課, a 地域協働体 with two 自治会 (one of them taking part, one not) and an NPO.
#include <memory>
#include <nlohmann/json.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/app_context.hpp>

#include "core/projects.hpp"
#include "test_support.hpp"

namespace wasshoi::test {

struct EvaluationDb {
  // With accounts (the access tests) or without (a single officer's laptop).
  explicit EvaluationDb(bool with_accounts = true);
  TempDir tmp;
  std::filesystem::path db_path;
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
  // Runs the real CLI on this database (closed first with close()).
  void close() { context.reset(), app.reset(); }
  RunResult cli(std::vector<std::string> args, const std::string& user = {});
  nlohmann::json cli_json(std::vector<std::string> args, const std::string& user = {});
};

std::string pdf_text(const std::filesystem::path& pdf);

}  // namespace wasshoi::test
