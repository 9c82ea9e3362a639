#pragma once
// `wasshoi-cli proposals …`: every subcommand calls core/; none holds a business rule.
#include <wasshoi/sdk/registry.hpp>

namespace CLI {
class App;
}

namespace wasshoi::proposals::cli {

void add_edit_commands(CLI::App& proposals,
                       sdk::CliContext& ctx);  // add, edit, section, link-issue, attach, detach
void add_flow_commands(CLI::App& proposals,
                       sdk::CliContext& ctx);  // approve, submit, answer, progress, close, carry-over
void add_report_commands(CLI::App& proposals,
                         sdk::CliContext& ctx);  // list, show, export, summary, ledger, dashboard

}  // namespace wasshoi::proposals::cli

namespace wasshoi::proposals {
void register_cli(sdk::Registry& registry);
}
