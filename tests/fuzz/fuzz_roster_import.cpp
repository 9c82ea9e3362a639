// Roster import as officers' files arrive: any bytes go through read_roster and import_roster
// (the members plugin's real code: its migrations, its one transaction, the search index) into a
// fresh database holding one 自治会 with two 班. A file may be refused with sdk::InputError;
// anything else — another exception, a crash, a leak, a hang — is a bug.
//
// Also checked, because the importer promises it (core/importer.hpp):
//   - a refused import writes nothing;
//   - an accepted one lands whole: as many households and persons as it reported, and exactly
//     those persons in the search index (every person's search text holds at least the field
//     separator words, so each is a document of the index);
//   - with --skip-bad-rows a file whose rows are bad lands its good households all the same.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <wasshoi/host/organization_directory.hpp>
#include <wasshoi/host/organizations.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/migrations.hpp>

#include "core/importer.hpp"
#include "core/schema.hpp"
#include "core_schema.hpp"
#include "fresh_db.hpp"

using namespace wasshoi;

namespace {

sdk::OrgId g_org = 0;
const sdk::Access g_everyone = sdk::Access::everything();  // a database without accounts
host::CoreOrganizationDirectory g_orgs(g_everyone);

void setup(sdk::Database& db) {
  sdk::migrate(db, "core", host::core_migrations());
  db.enable_audit(true);
  sdk::migrate(db, "members", members::migrations());
  host::Organizations orgs(db);
  g_org = orgs.add(host::OrgKind::Jichikai, "山目第一自治会");
  orgs.add_han(g_org, "1班");
  orgs.add_han(g_org, "2班");
  orgs.enable_plugin(g_org, "members");
}

std::int64_t count(sdk::Database& db, const char* table) {
  return sdk::query_int(db, std::string("SELECT count(*) FROM ") + table).value_or(-1);
}

// What an import may change, to compare before and after a refusal.
struct Snapshot {
  std::int64_t households, persons, han, audit;
  bool operator==(const Snapshot&) const = default;
};
Snapshot snapshot(sdk::Database& db) {
  return {count(db, "members_households"), count(db, "members_persons"), count(db, "han"),
          count(db, "audit_log")};
}

// FTS5's own integrity-check does not compare an external-content index with its table (SQLite
// 3.40), so compare the documents of the index with the persons.
bool search_index_in_step(sdk::Database& db) {
  db.exec(
      "CREATE VIRTUAL TABLE IF NOT EXISTS temp.members_search_docs USING fts5vocab(main, members_search, "
      "instance)");
  return sdk::query_int(db,
                        "SELECT (SELECT count(DISTINCT doc) FROM temp.members_search_docs) = (SELECT "
                        "count(*) FROM members_persons) "
                        "AND NOT EXISTS (SELECT 1 FROM temp.members_search_docs WHERE doc NOT IN (SELECT id "
                        "FROM members_persons))")
             .value_or(0) == 1;
}

enum class Outcome { Landed, Refused };

// Imports `plan`; on success checks it landed whole, on refusal that nothing was written.
Outcome import_and_check(sdk::Database& db, const members::ImportPlan& plan,
                         const members::ImportOptions& options) {
  const Snapshot before = snapshot(db);
  members::ImportSummary s;
  Outcome outcome = Outcome::Landed;
  try {
    s = members::import_roster(db, g_orgs, g_org, plan, options);
  } catch (const sdk::InputError& e) {
    fuzz::trace(std::string("refused: ") + e.what());
    outcome = Outcome::Refused;
  }
  fuzz::expect(!db.in_transaction(), "an import left a transaction open");
  if (outcome != Outcome::Landed) {
    fuzz::expect(snapshot(db) == before, "a refused import wrote something");
    return outcome;
  }
  fuzz::expect(count(db, "members_households") == before.households + s.households,
               "households lost or added");
  fuzz::expect(count(db, "members_persons") == before.persons + s.persons, "persons lost or added");
  fuzz::expect(count(db, "audit_log") == before.audit + 1, "the import is not one audited transaction");
  fuzz::expect(search_index_in_step(db), "the search index does not hold exactly the persons");
  fuzz::trace("imported " + std::to_string(s.households) + " households, " + std::to_string(s.persons) +
              " persons, " + std::to_string(s.skipped.size()) + " bad rows skipped");
  return outcome;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::FreshDatabases databases(setup);
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  members::ImportOptions options;
  options.source = "fuzz.csv";
  members::ImportPlan plan;
  try {
    plan = members::read_roster(bytes, options);
  } catch (const sdk::InputError& e) {
    fuzz::trace(std::string("unreadable: ") + e.what());
    return 0;  // the file as a whole is unusable: refused before any database is touched
  }
  sdk::Database db = databases.next();
  Outcome first = import_and_check(db, plan, options);
  fuzz::expect(first != Outcome::Refused || !plan.errors.empty(), "a plan without bad rows was refused");
  if (first == Outcome::Refused) {
    options.skip_bad_rows = true;  // as the officer would next: import the good rows
    import_and_check(db, plan, options);
  }
  return 0;
}
