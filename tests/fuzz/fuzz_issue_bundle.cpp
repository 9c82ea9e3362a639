// Issue-bundle import as bundles arrive from other laptops: any bytes are written to a file and
// go through import_bundle_file (the issues plugin's real code: JSON parse, the bundle checks,
// the one transaction) into a fresh database made by the real core and issues migrations, holding
// the sample 地域協働体 with its three 自治会 (the names the seed bundles use). A bundle may be
// refused with sdk::InputError; anything else — another exception, a crash, a leak, a hang — is a bug.
//
// Each input is imported into two fresh databases: as a 自治会 (every issue goes there) and as
// the 地域協働体 (issues placed by 自治会 name). Also checked, because core/bundle.hpp promises it:
//   - a refused bundle writes nothing;
//   - the same bundle imported again is accepted and adds nothing (ids are UUIDs: never duplicated).
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <wasshoi/host/organization_directory.hpp>
#include <wasshoi/host/organizations.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/migrations.hpp>

#include "core/bundle.hpp"
#include "core/schema.hpp"
#include "core_schema.hpp"
#include "fresh_db.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

sdk::OrgId g_kyodotai = 0, g_jichikai = 0;

void setup(sdk::Database& db) {
  sdk::migrate(db, "core", host::core_migrations());
  db.enable_audit(true);
  sdk::migrate(db, "issues", issues::migrations());
  host::Organizations orgs(db);
  g_kyodotai = orgs.add(host::OrgKind::Kyodotai, "わっしょい地区まちづくり協議会");
  for (const char* name : {"わっしょい第一自治会", "わっしょい第二自治会", "髙﨑町内会"}) {
    sdk::OrgId org = orgs.add(host::OrgKind::Jichikai, name, g_kyodotai);
    if (!g_jichikai) g_jichikai = org;
    for (const char* han : {"1班", "2班", "3班"}) orgs.add_han(org, han);
    orgs.enable_plugin(org, "issues");
  }
}

// Every table an import writes, counted, to compare before and after a refusal.
std::vector<std::int64_t> snapshot(sdk::Database& db) {
  std::vector<std::int64_t> n;
  for (const char* t : {"issues_issues", "issues_aliases", "issues_supports", "issues_history",
                        "issues_attachments", "audit_log"})
    n.push_back(sdk::query_int(db, std::string("SELECT count(*) FROM ") + t).value_or(-1));
  return n;
}

// Imports the bundle as `org`; false when refused (and then checks nothing was written).
bool import_once(sdk::Database& db, sdk::OrgId org, const fs::path& file, issues::ImportResult& result) {
  auto before = snapshot(db);
  try {
    const sdk::Access everyone = sdk::Access::everything();  // a database without accounts
    host::CoreOrganizationDirectory orgs(everyone);
    result = issues::import_bundle_file(db, orgs, org, file);
  } catch (const sdk::InputError& e) {
    fuzz::trace(std::string("refused: ") + e.what());
    fuzz::expect(snapshot(db) == before, "a refused bundle wrote something");
    fuzz::expect(!db.in_transaction(), "a refused bundle left a transaction open");
    return false;
  }
  fuzz::expect(!db.in_transaction(), "a bundle import left a transaction open");
  fuzz::trace("imported as org " + std::to_string(org) + ": " + std::to_string(result.added) + " added, " +
              std::to_string(result.updated) + " updated, " + std::to_string(result.unchanged) +
              " unchanged");
  return true;
}

// import_bundle_file reads a file: each input is written to this one, removed after the input.
const fs::path& bundle_file() {
  static const fs::path p =
      fs::temp_directory_path() / ("wasshoi-fuzz-bundle-" + std::to_string(::getpid()) + ".json");
  return p;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const fuzz::FreshDatabases databases(setup);
  {
    std::ofstream out(bundle_file(), std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
    fuzz::expect(out.good(), "cannot write the bundle file");
  }
  // Once as a 自治会 (every issue goes there), once as the 地域協働体 (placed by 自治会 name).
  for (sdk::OrgId org : {g_jichikai, g_kyodotai}) {
    sdk::Database db = databases.next();
    issues::ImportResult first, again;
    if (!import_once(db, org, bundle_file(), first)) continue;
    fuzz::expect(import_once(db, org, bundle_file(), again),
                 "a bundle accepted once was refused the second time");
    fuzz::expect(again.added == 0, "the same bundle imported twice duplicated issues");
  }
  fs::remove(bundle_file());
  return 0;
}
