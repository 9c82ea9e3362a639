// Provides the service "hello.greeting" that the hello plugin already provides. It loads after
// hello (the plugins folder is read in file-name order), so it is the second provider: the host
// must refuse it, list it as failed naming both plugins and the service, and keep hello's.
#include <string>
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace {

struct Greeting {
  static constexpr const char* kServiceId = "hello.greeting";
  virtual ~Greeting() = default;
  virtual std::string greet(const std::string& name) const { return "どうも、" + name + "さん"; }
};

class RivalGreeting : public wasshoi::sdk::Plugin {
 public:
  wasshoi::sdk::PluginInfo info() const override {
    return {"rival_greeting", "もうひとつのあいさつ", "Rival greeting", "0.1.0", {}, "test plugin"};
  }
  void register_contributions(wasshoi::sdk::Registry& r) override {
    r.add_panel({"rival_greeting.panel", "rival_greeting.title", [](wasshoi::sdk::Context&) {}});
    r.provide<Greeting>(std::make_shared<Greeting>());
  }
};

}  // namespace

WASSHOI_PLUGIN(RivalGreeting)
