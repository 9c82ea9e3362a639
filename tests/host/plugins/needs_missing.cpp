#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {
class NeedsMissing : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {"needs_missing", "", "", "0.1", {"not_installed"}, ""};
  }
  void register_contributions(wasshoi::sdk::Registry&) override {}
};
}  // namespace

WASSHOI_PLUGIN(NeedsMissing)
