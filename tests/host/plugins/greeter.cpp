// Requires "hello"; must load after it.
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {
class Greeter : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {"greeter", "あいさつ係", "Greeter", "0.1.0", {"hello"}, ""};
  }
  void register_contributions(wasshoi::sdk::Registry& r) override {
    r.on<wasshoi::sdk::events::DataChanged>([](const wasshoi::sdk::events::DataChanged&) {});
  }
};
}  // namespace

WASSHOI_PLUGIN(Greeter)
