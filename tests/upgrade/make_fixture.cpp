// Makes an upgrade fixture: a database with the core and each plugin at a chosen schema version,
// made by their real migrations cut at that version, then filled by a data script. The fixture
// kept in the repository is its sqlite3 dump (fixtures/README.md):
//   build/bin/upgrade_make_fixture OUT.db tests/upgrade/fixtures/DATA.sql [owner=version …]
//   sqlite3 OUT.db .dump > tests/upgrade/fixtures/NAME.sql
// Owners not named are taken at version 1. The plugins come from the build's bin/plugins.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <span>
#include <sstream>
#include <vector>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/migrations.hpp>
#include <wasshoi/sdk/text.hpp>

#include "core/search_text.hpp"
#include "core_schema.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

void migrate_to(sdk::Database& db, const std::string& owner, const std::vector<sdk::Migration>& all,
                const std::map<std::string, int>& versions) {
  auto v = versions.find(owner);
  std::size_t n =
      std::min<std::size_t>(all.size(), v == versions.end() ? 1 : static_cast<std::size_t>(v->second));
  sdk::migrate(db, owner, std::span(all.data(), n));
  std::printf("%s at version %zu of %zu\n", owner.c_str(), n, all.size());
}

// The folded search columns, as the plugins write them on insert (members: households.cpp,
// proposals: proposals.cpp), for rows the data script inserted with them empty.
void fill_search_columns(sdk::Database& db) {
  struct Row {
    std::int64_t id;
    std::string search, sort_key;
  };
  std::vector<Row> rows;
  if (db.table_exists("members_persons")) {
    sdk::Statement st(db,
                      "SELECT p.id, p.name, p.reading, h.address FROM members_persons p "
                      "JOIN members_households h ON h.id = p.household_id WHERE p.search = ''");
    while (st.step()) {
      auto t = members::person_search_text(st.get_text(1), st.get_text(2), st.get_text(3));
      rows.push_back({st.get_int(0), t.search, t.sort_key});
    }
    for (const auto& r : rows)
      sdk::Statement(db, "UPDATE members_persons SET sort_key = ?, search = ? WHERE id = ?")
          .bind_all(r.sort_key, r.search, r.id)
          .run();
  }
  rows.clear();
  if (db.table_exists("proposals_proposals")) {
    sdk::Statement st(db, "SELECT id, title, place FROM proposals_proposals WHERE search = ''");
    while (st.step())
      rows.push_back({st.get_int(0), sdk::fold_for_search(st.get_text(1) + " " + st.get_text(2)), ""});
    for (const auto& r : rows)
      sdk::Statement(db, "UPDATE proposals_proposals SET search = ? WHERE id = ?")
          .bind_all(r.search, r.id)
          .run();
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s OUT.db DATA.sql [owner=version …]\n", argv[0]);
    return 2;
  }
  std::map<std::string, int> versions;
  for (int i = 3; i < argc; ++i) {
    std::string a = argv[i];
    auto eq = a.find('=');
    if (eq == std::string::npos) return std::fprintf(stderr, "not owner=version: %s\n", argv[i]), 2;
    versions[a.substr(0, eq)] = std::stoi(a.substr(eq + 1));
  }
  try {
    if (fs::exists(argv[1]))
      throw sdk::InputError(std::string(argv[1]) + " exists; a fixture starts from nothing");
    host::App app({.plugin_dir = fs::path(WASSHOI_BIN_DIR) / "plugins"});  // loads the plugins, opens nothing
    sdk::Database db = sdk::Database::open(argv[1]);
    db.set_actor("fixture");
    migrate_to(db, "core", host::core_migrations(), versions);
    db.enable_audit(true);  // as the host does once the core tables exist
    for (const auto& rec : app.plugins().plugins())
      if (rec.state == host::PluginState::Loaded) migrate_to(db, rec.id, rec.plugin->migrations(), versions);
    std::ifstream in(argv[2], std::ios::binary);
    if (!in) throw sdk::InputError(std::string(argv[2]) + " cannot be read");
    std::stringstream data;
    data << in.rdbuf();
    sdk::Transaction tx(db, "fixture", argv[2]);
    db.exec(data.str());
    fill_search_columns(db);
    tx.commit();
    std::string check = db.integrity_check();
    if (check != "ok") throw sdk::Error("integrity_check: " + check);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "upgrade_make_fixture: %s\n", e.what());
    return 1;
  }
  return 0;
}
