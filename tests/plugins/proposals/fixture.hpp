#pragma once
// A real database with the proposals plugin and the test services plugin migrated, a city with
// two 担当課, a 地域協働体 with two 自治会, and an approving 役員会.
#include "test_support.hpp"

#include "core/model.hpp"
#include "fake_services.hpp"

#include <wasshoi/host/app.hpp>
#include <wasshoi/host/app_context.hpp>

#include <memory>

namespace wasshoi::test {

using AppContext = host::AppContext;  // the plain Context over an App

struct ProposalsFixture {
  ProposalsFixture();
  TempDir tmp;
  std::filesystem::path db_path;
  std::unique_ptr<host::App> app;
  std::unique_ptr<AppContext> ctx;
  sdk::OrgId city = 0, road = 0, parks = 0, kyodotai = 0, first = 0, second = 0;
  std::int64_t board = 0;     // 役員会 of `first`, 2026-05-10
  std::int64_t han_meeting = 0;  // 班長会 of `first` (cannot approve)
  fakes::Meetings meetings;
  fakes::Issues issues;

  sdk::Database& db() { return app->db(); }
  // A 要望 to the mayor from `first` with a 意見集約の方法 and a 具体的な提案 but no 経過.
  proposals::ProposalId draft_without_history(const std::string& title = "通学路への防犯灯の増設");
  std::int64_t count(const char* table);
  // Closes the database so the real CLI can use the file.
  void close() { ctx.reset(), app.reset(); }
  // Runs the real wasshoi-cli on this database with the test plugins.
  RunResult cli(std::vector<std::string> args);
};

std::filesystem::path proposals_test_plugins();
std::string pdf_text(const std::filesystem::path& pdf);

}  // namespace wasshoi::test
