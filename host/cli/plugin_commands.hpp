#pragma once
// Plugins' subcommands in wasshoi-cli, each with its own Session. A plugin whose setup throws is
// disabled for the run; its command then only says so.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "session.hpp"

namespace CLI {
class App;
}

namespace wasshoi::cli {

class PluginCommands {
 public:
  PluginCommands(CLI::App& root, host::App& app, const GlobalOptions& opts);
  // The plugin whose command the parsed command line ran; "" for the host's own commands.
  std::string owner_of_parsed() const;

 private:
  void mount(const host::PluginRecord& plugin, const sdk::CliCommand& command);
  void mount_disabled(const std::string& plugin_id, const sdk::CliCommand& command, const std::string& why);

  CLI::App& root_;
  host::App& app_;
  const GlobalOptions& opts_;
  std::vector<std::unique_ptr<Session>> sessions_;
  std::map<const CLI::App*, std::string> owners_;
};

}  // namespace wasshoi::cli
