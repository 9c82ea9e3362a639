// Calls a function that no library defines. With lazy binding the process would die at the first
// call; the host loads with rtld_now, so loading fails with the symbol's name instead.
#include <wasshoi/sdk/plugin.hpp>

extern "C" int wasshoi_function_that_does_not_exist();

namespace {
class Unresolved : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {"unresolved", "", "", std::to_string(wasshoi_function_that_does_not_exist()), {}, ""};
  }
  void register_contributions(wasshoi::sdk::Registry&) override {}
};
}  // namespace

WASSHOI_PLUGIN(Unresolved)
