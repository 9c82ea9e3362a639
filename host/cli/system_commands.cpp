// wasshoi-cli plugins …, db …, demo: the installation itself.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/backups.hpp>
#include <wasshoi/host/demo.hpp>
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/platform.hpp>

#include "commands.hpp"

namespace wasshoi::cli {

namespace {

void add_plugin_commands(CLI::App& root, Session& s) {
  auto* plugins = root.add_subcommand("plugins", "installed plugins");
  plugins->require_subcommand(1);
  plugins->add_subcommand("list", "every plugin with its state (loaded / failed) and the reason")
      ->callback([&s] {
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
            out << r.id << '\t' << (r.info.version.empty() ? "-" : r.info.version) << '\t'
                << host::to_string(r.state) << (r.reason.empty() ? "" : "\t" + r.reason) << '\n';
        });
      });
}

// The tables plugins declared (sdk::OwnedTable) and how their rows' owners are found: what the
// host guards, for docs and the authorization test.
void add_tables_command(CLI::App& plugins, Session& s) {
  plugins.add_subcommand("tables", "the tables each plugin declared, and how their rows' owners are found")
      ->callback([&s] {
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& r : s.app().plugins().plugins()) {
          if (r.state != host::PluginState::Loaded || !r.contributions) continue;
          for (const auto& t : sdk::impl::contributions(*r.contributions).owned_tables)
            arr.push_back({{"plugin", r.id},
                           {"table", t.table},
                           {"noun", t.noun},
                           {"org", t.org},
                           {"han", t.han},
                           {"co_org", t.co_org},
                           {"id", t.id},
                           {"personal", t.personal},
                           {"han_leaders_write", t.han_leaders_write}});
        }
        s.emit(arr, [&](std::ostream& out) {
          for (const auto& t : arr)
            out << t["plugin"].get<std::string>() << '\t' << t["table"].get<std::string>() << '\t'
                << t["org"].get<std::string>() << '\n';
        });
      });
}

// Backups and restores copy a SQLite file; a server's are made with PostgreSQL's own tools.
void refuse_on_server(sdk::Database& d, const std::string& command, const std::string& instead) {
  if (d.engine() != sdk::Engine::PostgreSQL) return;
  throw sdk::InputError("`wasshoi-cli " + command + "` は SQLite のファイル用です。サーバーのデータベース " +
                        d.path().string() + " には " + instead + " を使ってください");
}

void add_db_commands(CLI::App& root, Session& s, [[maybe_unused]] GlobalOptions& opts) {
  auto* db = root.add_subcommand("db", "the database file: check, backup, restore");
  db->require_subcommand(1);

  db->add_subcommand("check", "integrity, foreign keys and schema versions")->callback([&s] {
    auto& d = s.db();
    std::string integrity = d.integrity_check();
    int fk_problems = 0;
    if (d.engine() == sdk::Engine::SQLite) {  // a server checks every foreign key as it is written
      sdk::Statement fk(d, "PRAGMA foreign_key_check");
      while (fk.step()) ++fk_problems;
    }
    nlohmann::json versions = nlohmann::json::object();
    sdk::Statement v(d, "SELECT owner, max(version) FROM schema_migrations GROUP BY owner ORDER BY owner");
    while (v.step()) versions[v.get_text(0)] = v.get_int(1);
    bool ok = integrity == "ok" && fk_problems == 0;
    s.emit({{"path", d.path().string()},
            {"ok", ok},
            {"integrity", integrity},
            {"foreign_key_problems", fk_problems},
            {"schema_versions", versions}},
           [&](std::ostream& out) {
             out << d.path().string() << ": " << (ok ? "ok" : "PROBLEMS") << "\nintegrity: " << integrity
                 << "\nforeign key problems: " << fk_problems << '\n';
             for (auto& [owner, version] : versions.items())
               out << "schema " << owner << " v" << version << '\n';
           });
    if (!ok) throw sdk::Error("the database has problems; restore a backup (`wasshoi-cli db restore FILE`)");
  });

  struct BackupArgs {
    std::string out;
    bool encrypt = false;
  };
  auto b = std::make_shared<BackupArgs>();
  auto* backup = db->add_subcommand("backup", "copy the database to a new file (the file's 管理者 only)");
  backup->add_option("--out", b->out, "the new file (created 0600: it holds every roster)")->required();
  backup->add_flag(
      "--encrypt", b->encrypt,
      "encrypt it with a passphrase, for a USB stick (from WASSHOI_BACKUP_PASSPHRASE or standard input)");
  backup->callback([&s, b] {
    refuse_on_server(s.db(), "db backup", "PostgreSQL の pg_dump（pg_dump -Fc -f FILE 'URI'、カスタム形式）");
    s.app().require(sdk::Act::Backup, 0);
    if (b->encrypt) {
      std::string pass = host::read_secret("WASSHOI_BACKUP_PASSPHRASE", "backup passphrase: ");
      host::encrypted_backup(s.db(), b->out, pass);
    } else {
      s.db().backup_to(b->out);
    }
    s.emit({{"path", b->out}, {"encrypted", b->encrypt}}, [&](std::ostream& out) {
      out << (b->encrypt ? "encrypted " : "") << "backup written to " << b->out << '\n';
    });
  });

  auto* restore = db->add_subcommand(
      "restore",
      "replace the database by a backup (the current data is backed up first; the file's 管理者 only)");
  auto from = std::make_shared<std::string>();
  restore->add_option("FILE", *from, "a backup file (an encrypted one asks for its passphrase)")
      ->required()
      ->check(CLI::ExistingFile);
  restore->callback([&s, from] {
    // Signed in (when the file has accounts) and allowed, on the file as it is now.
    refuse_on_server(s.db(), "db restore", "PostgreSQL の pg_restore（pg_restore --clean -d 'URI' FILE）");
    s.app().require(sdk::Act::Restore, 0);
    sdk::Database& target = s.db();
    std::filesystem::path source = *from;
    std::optional<std::filesystem::path> plain;
    if (host::is_encrypted_backup(source)) {
      std::string pass = host::read_secret("WASSHOI_BACKUP_PASSPHRASE", "backup passphrase: ");
      plain = host::backup_dir(target) / (".restore-" + std::to_string(sdk::platform::process_id()) + ".db");
      sdk::create_folder(plain->parent_path(), true);
      host::decrypt_backup(source, *plain, pass);
      source = *plain;
    }
    struct Cleanup {
      std::optional<std::filesystem::path>& p;
      ~Cleanup() {
        if (p) {
          std::error_code ec;
          std::filesystem::remove(*p, ec);
          std::filesystem::remove(p->string() + "-wal", ec);
          std::filesystem::remove(p->string() + "-shm", ec);
        }
      }
    } cleanup{plain};
    // The backup may be older; it is migrated on the next start, not now.
    host::restore(target, source);
    s.emit({{"path", target.path().string()}, {"restored_from", *from}}, [&](std::ostream& out) {
      out << "restored " << target.path().string() << " from " << *from << '\n';
    });
  });
}

// Every command with its options, as the program itself knows them: what scripts and the generated
// authorization test (tests/hardening/authorization_test.cpp) walk.
nlohmann::json command_tree(const CLI::App& app, std::vector<std::string>& path) {
  nlohmann::json out = nlohmann::json::array();
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    path.push_back(sub->get_name());
    nlohmann::json options = nlohmann::json::array();
    for (const CLI::Option* o : sub->get_options()) {
      if (o->get_name() == "--help" || o->get_name().empty()) continue;
      auto table = sdk::id_table(o);
      options.push_back({{"name", o->get_positional() ? o->get_name(true, false) : o->get_name()},
                         {"positional", o->get_positional()},
                         {"required", o->get_required()},
                         {"flag", o->get_expected_min() == 0},
                         {"id_of", table ? nlohmann::json(*table) : nlohmann::json(nullptr)}});
    }
    auto children = command_tree(*sub, path);
    if (children.empty()) out.push_back({{"path", path}, {"options", options}});
    for (auto& c : children) out.push_back(std::move(c));
    path.pop_back();
  }
  return out;
}

void add_commands_command(CLI::App& root, Session& s) {
  auto* commands = root.add_subcommand("commands", "every command and its options (for scripts and tests)");
  commands->callback([&s, &root] {
    std::vector<std::string> path;
    nlohmann::json tree = command_tree(root, path);
    s.emit(tree, [&](std::ostream& out) {
      for (const auto& c : tree) {
        std::string line;
        for (const auto& p : c["path"]) line += (line.empty() ? "" : " ") + p.get<std::string>();
        out << line << '\n';
      }
    });
  });
}

void add_demo_command(CLI::App& root, Session& s) {
  auto* demo =
      root.add_subcommand("demo", "fill the database with a fictional sample 地域協働体 (deterministic)");
  auto households = std::make_shared<int>(120);
  demo->add_option("--households", *households,
                   "number of households in the sample 自治会 (default 120, at least 1)")
      ->check(CLI::Range(0, 1000000));
  demo->callback([&s, households] {
    sdk::DemoOptions opts = host::create_demo(s.app(), s, *households);
    s.emit({{"id", opts.jichikai.front()},
            {"kyodotai", opts.kyodotai},
            {"jichikai", opts.jichikai},
            {"support", opts.support},
            {"city", opts.city},
            {"households", *households}},
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
  add_tables_command(*root.get_subcommand("plugins"), s);
  add_db_commands(root, s, opts);
  add_demo_command(root, s);
  add_commands_command(root, s);
}

}  // namespace wasshoi::cli
