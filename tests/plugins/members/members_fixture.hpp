#pragma once
// A real Wasshoi database on the engine under test (test::ScratchDb: a SQLite file, or a schema
// on the PostgreSQL server of WASSHOI_TEST_DB), opened by the real host with the real members
// plugin loaded (so its shipped migrations create the tables), and one 自治会 to work in.
#include <string>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/importer.hpp"
#include "core/roster.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

namespace wasshoi::test {

struct RosterDb {
  // On the engine under test; with sqlite_file a SQLite file whatever the engine under test
  // (to compare the engine under test with SQLite).
  explicit RosterDb(bool sqlite_file = false);
  sdk::Database& db() { return app.db(); }
  // The host's organizations and 班, as the plugin gets them (ctx.services()).
  sdk::OrganizationDirectory& orgs() { return app.services().get<sdk::OrganizationDirectory>(); }
  // Reads tests/data/members/<file> and imports it into `org` (dry-run etc. through options).
  members::ImportSummary import_fixture(const std::string& file, members::ImportOptions options = {});
  std::int64_t count(const std::string& table);
  // The first person of the 自治会 the roster search finds for `reading`, and their household.
  members::PersonId person_of(const std::string& reading);
  members::HouseholdId household_of(const std::string& reading);

  TempDir dir;        // files the tests write (PDFs, CSV)
  ScratchDb scratch;  // the database, on the engine under test (WASSHOI_TEST_DB)
  host::App app;
  sdk::OrgId org = 0;
};

// The bytes of tests/data/members/<file>.
std::string fixture(const std::string& file);
// ImportOptions with the source name set.
members::ImportOptions options_for(const std::string& file);

}  // namespace wasshoi::test
