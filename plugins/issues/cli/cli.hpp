#pragma once
// `wasshoi-cli issues …`: subcommands that call the core; no business rules here.
#include <wasshoi/sdk/registry.hpp>

namespace CLI {
class App;
}

namespace wasshoi::issues {

void register_cli(sdk::Registry& registry);

// Each adds its subcommands to `issues`.
void add_capture_commands(CLI::App& issues, sdk::CliContext& ctx);   // add, list, show, attach
void add_work_commands(CLI::App& issues, sdk::CliContext& ctx);      // support, status, split, merge
void add_exchange_commands(CLI::App& issues, sdk::CliContext& ctx);  // agenda, bundle, export

}  // namespace wasshoi::issues
