#pragma once
// A real database with the real plugin libraries from bin/plugins (members, minutes, issues,
// proposals …) loaded through the host core: a city with two 担当課, a 地域協働体 with two 自治会,
// and an approving 役員会 recorded through the minutes plugin. The database is test::ScratchDb's: a
// SQLite file, or a fresh schema on the server of WASSHOI_TEST_DB.
#include <memory>
#include <nlohmann/json.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/app_context.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>
#include <wasshoi/sdk/meeting_directory.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/model.hpp"
#include "db_contents.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

namespace wasshoi::test {

using AppContext = host::AppContext;  // the plain Context over an App

struct ProposalsFixture {
  ProposalsFixture();
  TempDir tmp;
  ScratchDb scratch;    // before the App: its schema goes after the App's connection
  std::string db_path;  // what the App and wasshoi-cli --db open: scratch.target()
  std::unique_ptr<host::App> app;
  std::unique_ptr<AppContext> ctx;
  sdk::OrgId city = 0, road = 0, parks = 0, kyodotai = 0, first = 0, second = 0;
  std::int64_t board = 0;        // 役員会 of `first`, 2026-05-10
  std::int64_t han_meeting = 0;  // 班長会 of `first` (cannot approve)

  sdk::Database& db() { return app->db(); }
  // The services of the real plugins.
  sdk::MeetingDirectory& meetings() { return app->services().get<sdk::MeetingDirectory>(); }
  sdk::IssueTracker& issues() { return app->services().get<sdk::IssueTracker>(); }
  sdk::MemberDirectory& members() { return app->services().get<sdk::MemberDirectory>(); }
  // The host's organizations (not a plugin's: there in every context).
  sdk::OrganizationDirectory& orgs() { return app->services().get<sdk::OrganizationDirectory>(); }

  // A meeting recorded with the real `wasshoi-cli minutes add` (10:00–12:00 on `on`); its id.
  std::int64_t add_meeting(sdk::OrgId org, const std::string& kind, const std::string& title,
                           const sdk::Date& on);
  // A 世帯主 added with `wasshoi-cli members household add` and given `role` for the 年度; the person id.
  std::int64_t add_officer(sdk::OrgId org, const std::string& name, const std::string& role, int fiscal_year);
  // The notes of an issue's history as the issues plugin shows them (`wasshoi-cli issues show`).
  std::vector<std::string> issue_notes(std::int64_t issue);

  // A 要望 to the mayor from `first` with a 意見集約の方法 and a 具体的な提案 but no 経過.
  proposals::ProposalId draft_without_history(const std::string& title = "通学路への防犯灯の増設");
  std::int64_t count(const char* table);
  // Every row of every table (test::db_contents), through a connection of its own: compared before
  // and after a refused command.
  std::string contents() { return db_contents(scratch.db()); }
  // Closes the App's connection so the real CLI can use the database alone.
  void close() { ctx.reset(), app.reset(); }
  // Runs the real wasshoi-cli on this database with the real plugins.
  RunResult cli(std::vector<std::string> args);
  // The same, with --json; REQUIREs exit code 0 and returns the parsed output.
  nlohmann::json cli_json(std::vector<std::string> args);
};

std::string pdf_text(const std::filesystem::path& pdf);
std::string squeeze(std::string s);  // pdftotext -layout pads with spaces and breaks lines
// A real PNG written by Cairo: a map-like picture of w × h pixels.
void write_png(const std::filesystem::path& file, int w, int h);
// The images in a PDF, as `pdfimages -list` lists them.
int pdf_image_count(const std::filesystem::path& pdf);
// True (and says why, a Catch2 warning) when the engine under test is PostgreSQL and the test
// needs what is not there on a server yet.
bool skip_on_server(const char* why);

}  // namespace wasshoi::test
