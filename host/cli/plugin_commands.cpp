#include "plugin_commands.hpp"

#include <CLI/CLI.hpp>
#include <iostream>
#include <stdexcept>

#include "outcome.hpp"

namespace wasshoi::cli {

PluginCommands::PluginCommands(CLI::App& root, host::App& app, const GlobalOptions& opts)
    : root_(root), app_(app), opts_(opts) {
  for (const auto& r : app_.plugins().plugins()) {
    if (r.state != host::PluginState::Loaded || !r.contributions) continue;
    for (const auto& c : sdk::impl::contributions(*r.contributions).cli_commands)
      if (app_.plugins().is_loaded(r.id)) mount(r, c);  // a failed setup stops the plugin's others
  }
}

void PluginCommands::mount(const host::PluginRecord& plugin, const sdk::CliCommand& command) {
  sessions_.push_back(std::make_unique<Session>(app_, opts_, plugin.id));
  CLI::App* sub = root_.add_subcommand(command.name, command.help);
  owners_[sub] = plugin.id;
  std::string why;
  try {
    command.setup(*sub, *sessions_.back());
    return;
  } catch (const std::exception& e) {
    why = e.what();
  } catch (...) {
    why = "an exception that is not a std::exception";
  }
  owners_.erase(sub);
  root_.remove_subcommand(sub);  // half set up: its options and callbacks cannot be trusted
  mount_disabled(plugin.id, command, why);
}

void PluginCommands::mount_disabled(const std::string& plugin_id, const sdk::CliCommand& command,
                                    const std::string& why) {
  const std::string reason = "its command setup failed: " + why;
  app_.plugins().disable(plugin_id, reason);
  std::cerr << "wasshoi-cli: "
            << catalog_text("cli.plugin_setup_failed",
                            {{"name", plugin_label(app_, plugin_id)}, {"reason", why}})
            << '\n';
  // The name stays taken, so running it says why instead of "unknown command".
  CLI::App* stub = root_.add_subcommand(command.name, command.help + " [disabled: " + reason + "]");
  stub->allow_extras();  // whatever options it was given: the answer is the same
  stub->fallthrough(false);
  stub->callback([reason] { throw std::runtime_error(reason); });
  owners_[stub] = plugin_id;
}

std::string PluginCommands::owner_of_parsed() const {
  for (const CLI::App* sub : root_.get_subcommands())
    if (auto it = owners_.find(sub); it != owners_.end()) return it->second;
  return {};
}

}  // namespace wasshoi::cli
