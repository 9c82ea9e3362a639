// `wasshoi-cli proposals …`: mounts the subcommands; each group is defined in its own file.
#include <CLI/CLI.hpp>

#include "cli/cli.hpp"

namespace wasshoi::proposals {

void register_cli(sdk::Registry& registry) {
  registry.add_cli_command({"proposals", "要望・陳情・政策提言 to the city: 要望書, answers, 総括表",
                            [](CLI::App& cmd, sdk::CliContext& ctx) {
                              cmd.require_subcommand(1);
                              cli::add_edit_commands(cmd, ctx);
                              cli::add_flow_commands(cmd, ctx);
                              cli::add_report_commands(cmd, ctx);
                            }});
}

}  // namespace wasshoi::proposals
