// `wasshoi-cli evaluation …`: mounts the subcommands; each group is defined in its own file.
#include <CLI/CLI.hpp>

#include "cli/cli.hpp"

namespace wasshoi::evaluation {

void register_cli(sdk::Registry& registry) {
  registry.add_cli_command({"evaluation", "評価・検証: 協働事業の自主評価, 比較, アンケート, 評価報告書",
                            [](CLI::App& cmd, sdk::CliContext& ctx) {
                              cmd.require_subcommand(1);
                              cli::add_project_commands(cmd, ctx);
                              cli::add_edit_commands(cmd, ctx);
                              cli::add_survey_commands(cmd, ctx);
                              cli::add_report_commands(cmd, ctx);
                            }});
}

}  // namespace wasshoi::evaluation
