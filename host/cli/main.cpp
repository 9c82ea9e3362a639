// wasshoi-cli: the same core and plugins as the GUI, headless. Exit codes: see outcome.hpp.
#include <CLI/CLI.hpp>
#include <iostream>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/paths.hpp>

#include "commands.hpp"
#include "outcome.hpp"
#include "plugin_commands.hpp"
#include "session.hpp"

namespace {

// --db and --plugins must be known before plugins load and mount their commands; CLI11 parses
// them again (and everything else) afterwards.
wasshoi::cli::GlobalOptions pre_parse(int argc, char** argv) {
  wasshoi::cli::GlobalOptions g;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    for (auto [flag, target] : {std::pair{"--db", &g.db_path}, std::pair{"--plugins", &g.plugin_dir},
                                std::pair{"--user", &g.user}}) {
      std::string f = flag;
      if (a == f && i + 1 < argc)
        *target = argv[i + 1];
      else if (a.starts_with(f + "="))
        *target = a.substr(f.size() + 1);
    }
  }
  return g;
}

// Something that is not an sdk::Error escaped a command: a plugin's fault when a plugin's command
// ran (it is disabled for the session), else a plain error.
int failed(wasshoi::host::App& app, const wasshoi::cli::PluginCommands& plugins, const std::string& what) {
  const std::string owner = plugins.owner_of_parsed();
  return owner.empty() ? wasshoi::cli::report_error(what)
                       : wasshoi::cli::report_plugin_failure(app, owner, what);
}

// Parses and runs the command. A command the database undid to let another officer's write go on
// (a deadlock or serialization failure on a server: sdk::BusyError::retryable) runs again after a
// short pause, up to four times in all, and only when nothing of it had been committed, so no
// write is ever made twice (sdk::retry_when_busy does the same for a piece of work).
void parse_and_run(CLI::App& root, int argc, char** argv) {
  constexpr int kAttempts = 4;
  for (int attempt = 1;; ++attempt) {
    const int committed_before = wasshoi::cli::committed_writes();
    try {
      root.parse(argc, argv);
      return;
    } catch (const wasshoi::sdk::BusyError& e) {
      if (!e.retryable() || attempt >= kAttempts || wasshoi::cli::committed_writes() != committed_before)
        throw;
    }
    root.clear();
    wasshoi::sdk::detail::pause_before_retry(attempt);
  }
}

}  // namespace

int main(int argc, char** argv) {
  using namespace wasshoi;
  cli::GlobalOptions opts = pre_parse(argc, argv);
  try {
    sdk::strings().load_folder(sdk::data_dir() / "i18n");
    if (opts.plugin_dir.empty()) sdk::strings().load_folder(sdk::user_data_dir() / "i18n");  // user's plugins
  } catch (const std::exception& e) {
    return cli::report_error(e.what());
  }
  host::App app(host::AppOptions{.db_path = opts.db_path,
                                 .plugin_dir = opts.plugin_dir,
                                 .actor = {},
                                 .create = true,
                                 .login = opts.user,
                                 .passphrase = opts.user.empty() ? std::string() : host::read_passphrase()});

  CLI::App root{"Wasshoi (わっしょい) — tools for 自治会 officers, on the command line", "wasshoi-cli"};
  root.require_subcommand(1);
  root.footer(cli::exit_code_help());  // before the subcommands, which inherit it
  root.fallthrough();                  // global options (--db, --json, --org) may come after the subcommand
  root.add_option("--db", opts.db_path, "database file (default: ~/.local/share/wasshoi/wasshoi.db)");
  root.add_option("--plugins", opts.plugin_dir,
                  "plugins folder (default: the installed plugins, then ~/.local/share/wasshoi/plugins)");
  root.add_flag("--json", opts.json, "print one JSON document on stdout");
  root.add_option("--org", opts.org, "organization id to work in (see `org list`)");
  root.add_option(
      "--user", opts.user,
      "officer account to sign in with; the passphrase comes from WASSHOI_PASSPHRASE or standard input");
  root.set_version_flag("--version", std::string("wasshoi-cli ") + WASSHOI_VERSION);

  cli::Session session(app, opts);
  cli::add_org_commands(root, session);
  cli::add_system_commands(root, session, opts);
  cli::add_account_commands(root, session);

  // Plugins mount their subcommands under their id's command name.
  cli::PluginCommands plugin_commands(root, app, opts);

  // The database opens (checked, then migrated) the first time a command asks for it, so a
  // command refused for bad arguments writes nothing, not even a new file.
  try {
    parse_and_run(root, argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return root.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return root.exit(e);
  } catch (const CLI::CallForVersion& e) {
    return root.exit(e);
  } catch (const CLI::ParseError& e) {
    root.exit(e);
    return cli::kUsage;
  } catch (const sdk::BusyError&) {
    return cli::report_busy();
  } catch (const sdk::Error& e) {
    // InputError, DbError …: reported on purpose, with a message the officer can act on.
    return cli::report_error(e.what());
  } catch (const std::exception& e) {
    return failed(app, plugin_commands, e.what());
  } catch (...) {
    return failed(app, plugin_commands, "an exception that is not a std::exception");
  }
  return cli::kOk;
}
