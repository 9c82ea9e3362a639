// Loads fine, but its panel throws while drawing and its command throws while running.
#include <CLI/CLI.hpp>
#include <stdexcept>
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {
class PanelThrows : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {"panel_throws", "壊れたパネル", "Broken panel", "0.1", {}, ""};
  }
  void register_contributions(wasshoi::sdk::Registry& r) override {
    r.add_panel({"panel_throws.panel", "panel_throws.title",
                 [](wasshoi::sdk::Context&) { throw std::runtime_error("the panel broke"); }});
    r.add_cli_command({"panel_throws", "a command that throws", [](CLI::App& cmd, wasshoi::sdk::CliContext&) {
                         cmd.callback([] { throw std::runtime_error("the command broke"); });
                       }});
  }
};
}  // namespace

WASSHOI_PLUGIN(PanelThrows)
