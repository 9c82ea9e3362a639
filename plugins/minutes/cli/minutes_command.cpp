// `wasshoi-cli minutes …`: mounts the subcommands; each group is defined in its own file.
#include "cli/cli.hpp"
#include "cli/json_and_dates.hpp"

namespace wasshoi::minutes {

void register_cli(sdk::Registry& registry) {
  registry.add_cli_command(sdk::CliCommand{
      .name = "minutes",
      .help = "議事録: meetings, attendance and quorum, 議案 and votes, action items, approval, "
              "PDF/Markdown/iCalendar",
      .setup =
          [](CLI::App& minutes, sdk::CliContext& ctx) {
            minutes.require_subcommand(1);
            cli::add_meeting_commands(minutes, ctx);
            cli::add_attendance_commands(minutes, ctx);
            cli::add_agenda_commands(minutes, ctx);
            cli::add_action_commands(minutes, ctx);
            cli::add_approval_commands(minutes, ctx);
            cli::add_export_commands(minutes, ctx);
            cli::add_gikansho_commands(minutes, ctx);
          },
  });
}

}  // namespace wasshoi::minutes
