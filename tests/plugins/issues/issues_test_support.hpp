#pragma once
// A real database with the real plugins (members, issues) migrated, and sample organizations: a
// SQLite file, or a fresh schema on the server of WASSHOI_TEST_DB (test::ScratchDb).
#include <memory>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/app_context.hpp>

#include "core/model.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

namespace wasshoi::test {

using AppContext = host::AppContext;  // the plain Context over an App

struct IssuesFixture {
  IssuesFixture();
  TempDir tmp;
  ScratchDb scratch;    // before the App: its schema is dropped after the App's connection is closed
  std::string db_path;  // what the App and wasshoi-cli --db open: scratch.target()
  std::unique_ptr<host::App> app;
  std::unique_ptr<AppContext> ctx;
  sdk::OrgId kyodotai = 0, first = 0, second = 0;
  sdk::Database& db() { return app->db(); }
  // The host's organizations, as the plugin gets them (ctx.services()).
  sdk::OrganizationDirectory& orgs() { return sdk::organizations(*ctx); }
  // An issue in `org` with the given category (and title), raised on `on`.
  issues::IssueId add(sdk::OrgId org, const std::string& title, const std::string& category = "防犯",
                      sdk::Date on = {2026, 4, 1}, int priority = issues::kPriorityNormal);
  std::int64_t count(const char* table);
};

// A tiny real PNG / JPEG, committed next to the tests.
sdk::Blob fixture_bytes(const std::string& name);
std::string pdf_text(const std::filesystem::path& pdf);
std::filesystem::path issues_test_dir();
// True (and says why, a Catch2 warning) when the engine under test is PostgreSQL and the test
// needs what is not there on a server yet.
bool skip_on_server(const char* why);

}  // namespace wasshoi::test
