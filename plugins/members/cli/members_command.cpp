// `wasshoi-cli members …`: mounts the subcommands; each group is defined in its own file.
#include "cli/cli.hpp"
#include "cli/cli_support.hpp"

namespace wasshoi::members {

void register_cli(sdk::Registry& registry) {
  registry.add_cli_command(sdk::CliCommand{
      .name = "members",
      .help = "会員名簿: roster import/export, search, households, roles, dues",
      .setup =
          [](CLI::App& members, sdk::CliContext& ctx) {
            members.require_subcommand(1);
            cli::add_import_export_commands(members, ctx);
            cli::add_roster_commands(members, ctx);
            cli::add_role_commands(members, ctx);
            cli::add_dues_commands(members, ctx);
            cli::add_print_commands(members, ctx);
            cli::add_stats_commands(members, ctx);
          },
  });
}

}  // namespace wasshoi::members
