// wasshoi-cli plugins …, db …, demo: the installation itself.
#include "commands.hpp"

#include <wasshoi/host/backups.hpp>
#include <wasshoi/host/demo.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

namespace wasshoi::cli {

namespace {

void add_plugin_commands(CLI::App& root, Session& s) {
  auto* plugins = root.add_subcommand("plugins", "installed plugins");
  plugins->require_subcommand(1);
  plugins->add_subcommand("list", "every plugin with its state (loaded / failed) and the reason")->callback([&s] {
    const auto& all = s.app().plugins().plugins();
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : all)
      arr.push_back({{"id", r.id},
                     {"version", r.info.version},
                     {"state", host::to_string(r.state)},
                     {"reason", r.reason},
                     {"name_ja", r.info.name_ja},
                     {"name_en", r.info.name_en},
                     {"requires", r.info.required_plugins},
                     {"file", r.file.string()}});
    s.emit(arr, [&](std::ostream& out) {
      for (const auto& r : all)
        out << r.id << '\t' << (r.info.version.empty() ? "-" : r.info.version) << '\t' << host::to_string(r.state)
            << (r.reason.empty() ? "" : "\t" + r.reason) << '\n';
    });
  });
}

void add_db_commands(CLI::App& root, Session& s, GlobalOptions& opts) {
  auto* db = root.add_subcommand("db", "the database file: check, backup, restore");
  db->require_subcommand(1);

  db->add_subcommand("check", "integrity, foreign keys and schema versions")->callback([&s] {
    auto& d = s.db();
    std::string integrity = d.integrity_check();
    sdk::Statement fk(d, "PRAGMA foreign_key_check");
    int fk_problems = 0;
    while (fk.step()) ++fk_problems;
    nlohmann::json versions = nlohmann::json::object();
    sdk::Statement v(d, "SELECT owner, max(version) FROM schema_migrations GROUP BY owner ORDER BY owner");
    while (v.step()) versions[v.get_text(0)] = v.get_int(1);
    bool ok = integrity == "ok" && fk_problems == 0;
    s.emit({{"path", d.path().string()}, {"ok", ok}, {"integrity", integrity}, {"foreign_key_problems", fk_problems},
            {"schema_versions", versions}},
           [&](std::ostream& out) {
             out << d.path().string() << ": " << (ok ? "ok" : "PROBLEMS") << "\nintegrity: " << integrity
                 << "\nforeign key problems: " << fk_problems << '\n';
             for (auto& [owner, version] : versions.items()) out << "schema " << owner << " v" << version << '\n';
           });
    if (!ok) throw sdk::Error("the database has problems; restore a backup (`wasshoi-cli db restore FILE`)");
  });

  auto out_path = std::make_shared<std::string>();
  auto* backup = db->add_subcommand("backup", "copy the database to a new file (SQLite online backup)");
  backup->add_option("--out", *out_path, "the new file")->required();
  backup->callback([&s, out_path] {
    s.db().backup_to(*out_path);
    s.emit({{"path", *out_path}}, [&](std::ostream& out) { out << "backup written to " << *out_path << '\n'; });
  });

  auto* restore = db->add_subcommand("restore", "replace the database by a backup (the current data is backed up first)");
  auto from = std::make_shared<std::string>();
  restore->add_option("FILE", *from, "a backup file")->required()->check(CLI::ExistingFile);
  restore->callback([&s, &opts, from] {
    // Not through App::open_database: the backup may be older, and migrating it first would
    // change it; it is migrated on the next start.
    auto path = opts.db_path.empty() ? host::default_db_path() : std::filesystem::path(opts.db_path);
    sdk::Database target = sdk::Database::open(path);
    host::restore(target, *from);
    s.emit({{"path", path.string()}, {"restored_from", *from}},
           [&](std::ostream& out) { out << "restored " << path.string() << " from " << *from << '\n'; });
  });
}

void add_demo_command(CLI::App& root, Session& s) {
  auto* demo = root.add_subcommand("demo", "fill the database with a fictional sample 地域協働体 (deterministic)");
  auto households = std::make_shared<int>(120);
  demo->add_option("--households", *households,
                   "number of households in the sample 自治会 (default 120, at least 1)")
      ->check(CLI::Range(0, 1000000));
  demo->callback([&s, households] {
    sdk::DemoOptions opts = host::create_demo(s.app(), s, *households);
    s.emit({{"id", opts.jichikai.front()}, {"kyodotai", opts.kyodotai}, {"jichikai", opts.jichikai},
            {"support", opts.support}, {"city", opts.city}, {"households", *households}},
           [&](std::ostream& out) {
             out << "sample data created: 地域協働体 #" << opts.kyodotai << ", 自治会";
             for (auto id : opts.jichikai) out << " #" << id;
             out << " (" << *households << " households)\n";
           });
  });
}

}  // namespace

void add_system_commands(CLI::App& root, Session& s, GlobalOptions& opts) {
  add_plugin_commands(root, s);
  add_db_commands(root, s, opts);
  add_demo_command(root, s);
}

}  // namespace wasshoi::cli
