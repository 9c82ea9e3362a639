#pragma once
// A real database with the sample organizations and the members plugin's fictional roster,
// loaded through the host core with the real plugin libraries from bin/plugins.
#include <string>
#include <vector>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/app_context.hpp>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

namespace wasshoi::test {

using HostContext = host::AppContext;  // the plain Context over an App

struct Roster {
  explicit Roster(int households = 100);
  TempDir tmp;        // files the tests write (PDFs)
  ScratchDb scratch;  // the database, on the engine under test (WASSHOI_TEST_DB)
  host::App app;
  HostContext ctx;
  sdk::DemoOptions opts;
  sdk::Database& db() { return app.db(); }
  sdk::OrgId org() const { return opts.jichikai.front(); }
  sdk::MemberDirectory& members();
  // The host's organizations, as the plugins get them (ctx.services()).
  sdk::OrganizationDirectory& orgs() { return sdk::organizations(ctx); }
  // The organization's current member households (ids scanned through MemberDirectory).
  std::vector<sdk::HouseholdRef> households(sdk::OrgId org);
  // A meeting of `kind` on `day` 10:00–12:00 in the main 自治会.
  minutes::MeetingId meeting(const std::string& kind, const sdk::Date& day);
  // What meeting() adds, not yet added: of `kind` on `day` 10:00–12:00 in `org`.
  static minutes::MeetingInput meeting_input(sdk::OrgId org, const std::string& kind, const sdk::Date& day);
  // Some persons of the main 自治会 (heads of the first `n` households).
  std::vector<sdk::PersonRef> persons(int n);
};

// pdftotext -layout of a PDF; and the same without spaces (layout spreads text out).
std::string pdf_text(const std::filesystem::path& pdf);
std::string squeeze(std::string text);
std::int64_t count_rows(sdk::Database& db, const std::string& table);
// Entries of the change log with `action`; all of them without one.
std::int64_t audits(sdk::Database& db, const std::string& action = {});

}  // namespace wasshoi::test
