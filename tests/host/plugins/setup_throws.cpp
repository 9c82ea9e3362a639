// Loads, but setting up its CLI command throws half-way (after adding an option).
#include <CLI/CLI.hpp>
#include <stdexcept>
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {
class SetupThrows : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {"setup_throws", "準備で失敗する係", "Fails in setup", "0.1", {}, "test plugin"};
  }
  void register_contributions(wasshoi::sdk::Registry& r) override {
    r.add_cli_command(
        {"setup_throws", "a command whose setup throws", [](CLI::App& cmd, wasshoi::sdk::CliContext&) {
           cmd.add_flag("--half");
           cmd.callback([] {});  // would "succeed" doing nothing if it stayed mounted
           throw std::logic_error("the option table is missing");
         }});
  }
};
}  // namespace

WASSHOI_PLUGIN(SetupThrows)
