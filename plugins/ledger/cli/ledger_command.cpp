// wasshoi-cli ledger …
#include "cli/cli.hpp"
#include "cli/cli_support.hpp"

namespace wasshoi::ledger {

void register_cli(sdk::Registry& registry) {
  registry.add_cli_command({"ledger", "会計: 出納帳, 予算, 決算, 監査, 補助金, 通帳の照合, 引継ぎ",
                            [](CLI::App& cmd, sdk::CliContext& ctx) {
                              cmd.require_subcommand(1);
                              cli::add_entry_commands(cmd, ctx);
                              cli::add_setup_commands(cmd, ctx);
                              cli::add_report_commands(cmd, ctx);
                              cli::add_year_commands(cmd, ctx);
                              cli::add_bank_commands(cmd, ctx);
                              cli::add_grant_commands(cmd, ctx);
                            }});
}

}  // namespace wasshoi::ledger
