#include "members_fixture.hpp"

#include <wasshoi/sdk/db.hpp>

#include "core/households.hpp"

namespace wasshoi::test {

RosterDb::RosterDb(bool sqlite_file)
    : app(host::AppOptions{
          .db_path = sqlite_file ? dir / "wasshoi.db" : std::filesystem::path(scratch.target()),
          .plugin_dir = bin_dir() / "plugins",
          .actor = "test",
          .create = true}) {
  app.open_database();
  org = app.orgs().add(host::OrgKind::Jichikai, "テスト自治会");
  app.orgs().enable_plugin(org, "members");
}

members::ImportSummary RosterDb::import_fixture(const std::string& file, members::ImportOptions options) {
  if (options.source == members::ImportOptions{}.source) options.source = file;
  members::ImportPlan plan = members::read_roster(fixture(file), options);
  return members::import_roster(db(), orgs(), org, plan, options);
}

std::int64_t RosterDb::count(const std::string& table) {
  return sdk::query_int(db(), "SELECT count(*) FROM " + table).value_or(-1);
}

std::string fixture(const std::string& file) {
  return read_file(std::filesystem::path(WASSHOI_TEST_DATA_DIR) / "members" / file);
}

members::ImportOptions options_for(const std::string& file) {
  members::ImportOptions o;
  o.source = file;
  return o;
}

members::PersonId RosterDb::person_of(const std::string& reading) {
  return members::roster(db(), members::RosterQuery{.org = org, .search = reading}).at(0).person;
}

members::HouseholdId RosterDb::household_of(const std::string& reading) {
  return members::get_person(db(), person_of(reading)).household;
}

}  // namespace wasshoi::test
