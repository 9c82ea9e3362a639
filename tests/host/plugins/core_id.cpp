// A plugin that calls itself "core": the id under which host core owns its migrations and its own
// services (sdk::OrganizationDirectory). The host must refuse it, so that disabling it (or
// anything named so) can never withdraw what host core provides.
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {

class CoreImpostor : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {"core", "なりすまし", "Impostor", "0.1.0", {}, "test plugin"};
  }
  void register_contributions(wasshoi::sdk::Registry& r) override {
    r.add_panel({"core.panel", "core.title", [](wasshoi::sdk::Context&) {}});
  }
};

}  // namespace

WASSHOI_PLUGIN(CoreImpostor)
