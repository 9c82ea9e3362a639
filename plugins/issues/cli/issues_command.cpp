// `wasshoi-cli issues …`: mounts the subcommands; each group is defined in its own file.
#include <CLI/CLI.hpp>

#include "cli/cli.hpp"

namespace wasshoi::issues {

void register_cli(sdk::Registry& registry) {
  registry.add_cli_command({"issues", "地域課題: record, support, merge, compile the 懇談会 list, exchange",
                            [](CLI::App& cmd, sdk::CliContext& ctx) {
                              cmd.require_subcommand(1);
                              add_capture_commands(cmd, ctx);
                              add_work_commands(cmd, ctx);
                              add_exchange_commands(cmd, ctx);
                            }});
}

}  // namespace wasshoi::issues
