#include <stdexcept>
#include <wasshoi/sdk/plugin.hpp>

namespace {
class Throws : public wasshoi::sdk::Plugin {
 public:
  Throws() { throw std::runtime_error("no configuration found"); }
  wasshoi::sdk::PluginInfo info() const override { return {"factory_throws", "", "", "0", {}, ""}; }
  void register_contributions(wasshoi::sdk::Registry&) override {}
};
}  // namespace

WASSHOI_PLUGIN(Throws)
