// wasshoi-cli: the same core and plugins as the GUI, headless. Exit 0 ok, 1 error, 2 usage.
#include "commands.hpp"

#include <wasshoi/sdk/i18n.hpp>

#include <CLI/CLI.hpp>

#include <iostream>

namespace {

// --db and --plugins must be known before plugins load and mount their commands; CLI11 parses
// them again (and everything else) afterwards.
wasshoi::cli::GlobalOptions pre_parse(int argc, char** argv) {
  wasshoi::cli::GlobalOptions g;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    for (auto [flag, target] :
         {std::pair{"--db", &g.db_path}, std::pair{"--plugins", &g.plugin_dir}, std::pair{"--user", &g.user}}) {
      std::string f = flag;
      if (a == f && i + 1 < argc) *target = argv[i + 1];
      else if (a.starts_with(f + "=")) *target = a.substr(f.size() + 1);
    }
  }
  return g;
}

int fail(const std::string& message) {
  std::cerr << "wasshoi-cli: error: " << message << '\n';
  return 1;
}

}  // namespace

int main(int argc, char** argv) {
  using namespace wasshoi;
  cli::GlobalOptions opts = pre_parse(argc, argv);
  try {
    sdk::strings().load_folder(sdk::program_dir() / "i18n");
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  host::App app(host::AppOptions{.db_path = opts.db_path,
                                 .plugin_dir = opts.plugin_dir,
                                 .actor = {},
                                 .create = true,
                                 .login = opts.user,
                                 .passphrase = opts.user.empty() ? std::string() : cli::read_passphrase()});

  CLI::App root{"Wasshoi (わっしょい) — tools for 自治会 officers, on the command line", "wasshoi-cli"};
  root.require_subcommand(1);
  root.fallthrough();  // global options (--db, --json, --org) may come after the subcommand
  root.add_option("--db", opts.db_path, "database file (default: ~/.local/share/wasshoi/wasshoi.db)");
  root.add_option("--plugins", opts.plugin_dir, "plugins folder (default: plugins/ next to this program)");
  root.add_flag("--json", opts.json, "print one JSON document on stdout");
  root.add_option("--org", opts.org, "organization id to work in (see `org list`)");
  root.add_option("--user", opts.user,
                  "officer account to sign in with; the passphrase comes from WASSHOI_PASSPHRASE or standard input");
  root.set_version_flag("--version", "wasshoi-cli 0.1.0");

  cli::Session session(app, opts);
  cli::add_org_commands(root, session);
  cli::add_system_commands(root, session, opts);
  cli::add_account_commands(root, session);

  // Plugins mount their subcommands under their id's command name.
  std::vector<std::unique_ptr<cli::Session>> plugin_sessions;
  for (const auto& r : app.plugins().plugins()) {
    if (r.state != host::PluginState::Loaded || !r.contributions) continue;
    for (const auto& c : r.contributions->cli_commands) {
      plugin_sessions.push_back(std::make_unique<cli::Session>(app, opts, r.id));
      auto* sub = root.add_subcommand(c.name, c.help);
      try {
        c.setup(*sub, *plugin_sessions.back());
      } catch (const std::exception& e) {
        app.plugins().disable(r.id, std::string("its command setup failed: ") + e.what());
      }
    }
  }

  // The database opens before any command runs (it is checked and migrated once).
  // The database opens (checked, then migrated) the first time a command asks for it, so a
  // command refused for bad arguments writes nothing, not even a new file.
  try {
    root.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return root.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return root.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return root.exit(e);
  } catch (const CLI::ParseError& e) {
    root.exit(e);
    return 2;
  } catch (const sdk::BusyError& e) {
    return fail(e.what());
  } catch (const std::exception& e) {
    return fail(e.what());
  }
  return 0;
}
