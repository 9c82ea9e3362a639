// wasshoi-cli plugins …, db …, demo: the installation itself.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/backups.hpp>
#include <wasshoi/host/database_copy.hpp>
#include <wasshoi/host/demo.hpp>
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/platform.hpp>
#include <wasshoi/sdk/server_uri.hpp>

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
void add_db_copy_command(CLI::App& db, Session& s, GlobalOptions& opts);

void add_db_commands(CLI::App& root, Session& s, GlobalOptions& opts) {
  auto* db = root.add_subcommand("db", "the database: check, backup, restore, copy to or from a server");
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
  auto* backup = db->add_subcommand(
      "backup",
      "copy the database to a new file (the file's 管理者 only; on a server: pg_dump's custom format)");
  backup->add_option("--out", b->out, "the new file (created 0600: it holds every roster)")->required();
  backup->add_flag(
      "--encrypt", b->encrypt,
      "encrypt it with a passphrase, for a USB stick (from WASSHOI_BACKUP_PASSPHRASE or standard input)");
  backup->callback([&s, b] {
    s.app().require(sdk::Act::Backup, 0);
    const bool server = s.db().engine() == sdk::Engine::PostgreSQL;
    if (server && b->encrypt)
      throw sdk::InputError(
          "--encrypt: a server database's backup is pg_dump's file; encrypt that file for a USB "
          "stick with the server's own tools (gpg), or copy the data to a file first (db copy)");
    if (server) {
      host::server_backup(s.db(), b->out);
    } else if (b->encrypt) {
      std::string pass = host::read_secret("WASSHOI_BACKUP_PASSPHRASE", "backup passphrase: ");
      host::encrypted_backup(s.db(), b->out, pass);
    } else {
      s.db().backup_to(b->out);
    }
    s.emit({{"path", b->out}, {"encrypted", b->encrypt}}, [&](std::ostream& out) {
      out << (b->encrypt ? "encrypted " : "") << "backup written to " << b->out << '\n';
    });
  });

  add_db_copy_command(*db, s, opts);

  auto* restore = db->add_subcommand(
      "restore",
      "replace the database by a backup (the current data is backed up first; the file's 管理者 only; on a "
      "server: a db backup of it, restored in one transaction)");
  auto from = std::make_shared<std::string>();
  restore->add_option("FILE", *from, "a backup file (an encrypted one asks for its passphrase)")
      ->required()
      ->check(CLI::ExistingFile);
  restore->callback([&s, from] {
    // Signed in (when the file has accounts) and allowed, on the file as it is now.
    s.app().require(sdk::Act::Restore, 0);
    sdk::Database& target = s.db();
    if (target.engine() == sdk::Engine::PostgreSQL) {
      // The current content first, beside the file restored: <file>.before-restore-<time>.
      const std::filesystem::path before = *from + ".before-restore-" + host::backup_timestamp();
      host::server_restore(target, *from, before);
      s.emit({{"path", target.path().string()}, {"restored_from", *from}, {"saved_before", before.string()}},
             [&](std::ostream& out) {
               out << "restored " << target.path().string() << " from " << *from
                   << " (what it held before: " << before.string() << ")\n";
             });
      return;
    }
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

// `db copy --from SOURCE --to TARGET`: a whole database from a file to a server and back
// (host::copy_database). Both are opened and migrated by this program with the same plugins.
void add_db_copy_command(CLI::App& db, Session& s, GlobalOptions& opts) {
  struct CopyArgs {
    std::string from, to;
    std::vector<std::int64_t> orgs;
  };
  auto a = std::make_shared<CopyArgs>();
  auto* copy = db.add_subcommand(
      "copy", "copy a whole database between a file and a PostgreSQL server (postgresql://…), ids and all");
  copy->add_option("--from", a->from, "the database to copy: a file or postgresql://… (default: --db)");
  copy->add_option("--to", a->to,
                   "a new file, or an empty server database (postgresql://…); with --org also a database "
                   "holding other organizations")
      ->required();
  copy->add_option("--org", a->orgs,
                   "copy only this organization's rows (its 班, plugins, accounts and data); repeat it for "
                   "several, e.g. a 自治会 with its 地域協働体");
  copy->callback([&s, &opts, a] {
    // The source as --db or --from names it, signed in as --user when it has officer accounts.
    const bool own_source = !a->from.empty();
    std::unique_ptr<host::App> source_app;
    if (own_source) {
      if (!sdk::is_server_target(a->from) && !std::filesystem::exists(a->from))
        throw sdk::InputError("--from: no such file: " + a->from);
      source_app = std::make_unique<host::App>(host::AppOptions{.db_path = a->from,
                                                                .plugin_dir = opts.plugin_dir,
                                                                .actor = s.app().options().actor,
                                                                .create = false,
                                                                .login = opts.user,
                                                                .passphrase = s.app().options().passphrase});
    }
    host::App& from = own_source ? *source_app : s.app();
    sdk::Database& source = from.db();
    // Every roster of the organizations copied leaves with it: as a backup of each.
    if (a->orgs.empty()) from.require(sdk::Act::Backup, 0);
    for (auto org : a->orgs) from.require(sdk::Act::Backup, org);
    const host::CopyScope scope =
        a->orgs.empty() ? host::CopyScope{} : host::organization_scope(source, from.guard(), a->orgs);
    const bool to_server = sdk::is_server_target(a->to);
    if (to_server) {
      sdk::Statement accounts(source, "SELECT count(*) FROM accounts WHERE ? OR org_id = ?");
      bool any = false;
      for (auto org : scope.whole() ? std::vector<std::int64_t>{0} : scope.orgs) {
        accounts.bind_all(scope.whole(), org);
        accounts.step();
        any = any || accounts.get_int(0) > 0;
        accounts.reset();
      }
      if (any)
        throw sdk::InputError(
            "db copy: " + source.path().string() +
            " has officer accounts, which a server database does not take yet "
            "(who may connect is decided by the server's roles); copy a file without accounts");
    }
    const bool new_file = !to_server && !std::filesystem::exists(a->to);
    if (!to_server && !new_file && scope.whole())
      throw sdk::InputError("--to: " + a->to +
                            " already exists; name a new file (or copy organizations into it with --org)");
    auto to = std::make_unique<host::App>(
        host::AppOptions{.db_path = a->to, .plugin_dir = opts.plugin_dir, .actor = {}, .create = true});
    sdk::Database& target = to->db();
    host::CopyResult result;
    try {
      result = host::copy_database(source, target, scope);
    } catch (...) {
      // A new file that received nothing is removed again (the copy wrote nothing into it).
      if (new_file) {
        to.reset();  // closes the file
        std::error_code ec;
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(a->to + suffix, ec);
      }
      throw;
    }
    nlohmann::json tables = nlohmann::json::array();
    for (std::size_t i = 0; i < result.source.size(); ++i)
      tables.push_back({{"table", result.source[i].table},
                        {"source_rows", result.source[i].rows},
                        {"target_rows", result.target[i].rows},
                        {"source_checksum", result.source[i].checksum},
                        {"target_checksum", result.target[i].checksum}});
    s.emit({{"from", source.path().string()},
            {"to", target.path().string()},
            {"organizations", scope.orgs},
            {"identical", result.identical()},
            {"tables", tables},
            {"left_out", result.left_out}},
           [&](std::ostream& out) {
             out << "table\tsource rows\ttarget rows\tsource checksum\ttarget checksum\n";
             for (const auto& t : tables)
               out << t["table"].get<std::string>() << '\t' << t["source_rows"] << '\t' << t["target_rows"]
                   << '\t' << t["source_checksum"].get<std::string>() << '\t'
                   << t["target_checksum"].get<std::string>()
                   << (t["source_checksum"] == t["target_checksum"] ? "" : "\tDIFFERS") << '\n';
             if (!result.left_out.empty()) {
               out << "left behind (the whole database's, not one organization's):";
               for (const auto& t : result.left_out) out << ' ' << t;
               out << '\n';
             }
             out << (result.identical() ? "copied: every table identical on both sides\n"
                                        : "copied, but some tables differ (marked DIFFERS)\n");
           });
    if (!result.identical())
      throw sdk::Error("db copy: the copy differs from the source (see the tables marked DIFFERS)");
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

// `server init URI`: Wasshoi's tables on an empty PostgreSQL database, made by its owner, and the
// first organization (docs/engines.md "Server set-up"; README 「ほかの役員と共有する」).
void add_server_commands(CLI::App& root, Session& s, GlobalOptions& opts) {
  auto* server = root.add_subcommand("server", "a shared PostgreSQL database for several officers");
  server->require_subcommand(1);
  struct InitArgs {
    std::string uri, name, kind = "jichikai";
    bool insecure = false;
  };
  auto a = std::make_shared<InitArgs>();
  auto* init = server->add_subcommand(
      "init", "create Wasshoi's tables on an empty PostgreSQL database (run once, as the database's owner)");
  init->add_option("URI", a->uri, "postgresql://OWNER@HOST/DATABASE?sslmode=verify-full")->required();
  init->add_option("--name", a->name, "the first organization (the 自治会 or 地域協働体 that shares it)");
  init->add_option("--kind", a->kind, "its kind: jichikai (default) or kyodotai")
      ->check(CLI::IsMember({"jichikai", "kyodotai"}));
  init->add_flag("--allow-unencrypted", a->insecure,
                 "allow a connection to another computer without sslmode=verify-full (not recommended)");
  init->callback([&s, &opts, a] {
    if (!sdk::is_server_target(a->uri))
      throw sdk::InputError("server init: " + a->uri +
                            " is not a postgresql:// URI; a file needs no set-up (`wasshoi --db FILE`)");
    const sdk::ServerAddress address = sdk::parse_server_uri(a->uri);
    const std::string& host = address.host;
    if (!sdk::is_local_server(host) && address.sslmode != "verify-full" && !a->insecure)
      throw sdk::InputError("server init: " + host +
                            " is another computer: add ?sslmode=verify-full to the URI (the server's "
                            "certificate checked, README 「ほかの役員と共有する」), or --allow-unencrypted");
    host::App app(
        host::AppOptions{.db_path = a->uri, .plugin_dir = opts.plugin_dir, .actor = {}, .create = true});
    sdk::Database& db = app.db();  // connects and creates (migrates) every table
    auto orgs = app.orgs();
    const bool had_organizations = !orgs.list().empty();
    std::optional<sdk::OrgId> created;
    if (!a->name.empty()) {
      if (had_organizations)
        throw sdk::InputError("server init: " + db.path().string() +
                              " already holds organizations (see `wasshoi-cli --db URI org list`); --name "
                              "is only for the first");
      created = orgs.add(a->kind == "kyodotai" ? host::OrgKind::Kyodotai : host::OrgKind::Jichikai, a->name);
    }
    nlohmann::json versions = nlohmann::json::object();
    sdk::Statement v(db, "SELECT owner, max(version) FROM schema_migrations GROUP BY owner ORDER BY owner");
    while (v.step()) versions[v.get_text(0)] = v.get_int(1);
    s.emit({{"server", db.path().string()},
            {"schema_versions", versions},
            {"organization", created ? nlohmann::json(*created) : nlohmann::json(nullptr)},
            {"already_set_up", had_organizations}},
           [&](std::ostream& out) {
             out << "Wasshoi's tables are on " << db.path().string() << " (" << versions.size()
                 << " parts).\n";
             if (created) out << "first organization: " << a->name << " (id " << *created << ")\n";
             out << "On each officer's laptop: wasshoi --db '" << db.path().string() << "'\n";
           });
  });
}

}  // namespace

void add_system_commands(CLI::App& root, Session& s, GlobalOptions& opts) {
  add_plugin_commands(root, s);
  add_tables_command(*root.get_subcommand("plugins"), s);
  add_db_commands(root, s, opts);
  add_demo_command(root, s);
  add_server_commands(root, s, opts);
  add_commands_command(root, s);
}

}  // namespace wasshoi::cli
