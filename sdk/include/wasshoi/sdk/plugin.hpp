#pragma once
// The plugin contract. A plugin is a shared library in the plugins folder that exports
//   extern "C" int wasshoi_plugin_api_version();      checked by the host BEFORE anything else
//   alias wasshoi_create_plugin -> std::shared_ptr<Plugin>()   the factory (Boost.DLL alias)
// Write both with one line:  WASSHOI_PLUGIN(MyPlugin)
#include <boost/config.hpp>
#include <boost/dll/alias.hpp>
#include <memory>
#include <string>
#include <vector>
#include <wasshoi/sdk/migrations.hpp>

namespace wasshoi::sdk {

// The plugin ABI: a plugin runs only in the Wasshoi it was built with.
//
// What crosses the library boundary is C++, not C: std::string, std::vector, std::function and
// std::shared_ptr in PluginInfo, Migration and the Registry's entries, classes with virtual
// functions (Plugin, Context, the services), and inline templates (Services::provide,
// EventBus::subscribe) compiled into the plugin against the host's own data layout. Any edit of
// an SDK header, another compiler or another standard library can change that layout, so there
// is no "compatible older plugin": a plugin is built in the same tree, by the same build, as the
// host and SDK it is loaded by (cmake/WasshoiPlugin.cmake), and ships with them.
//
// An OBS-style major/minor check (a plugin built for 1.2 loads in 1.3) was considered and not
// taken: OBS can promise it because its module API is C (plain structs, function tables), and
// keeping such a promise over std:: types and vtables is something neither the compiler nor a
// test could check for us — it would turn a refused plugin into a crash.
//
// kPluginApiVersion is therefore compared for exact equality, before anything of the plugin runs.
// It catches a plugin library left over from another build of a different contract; raise it
// with every change to these headers that a plugin built before the change would not survive.
// 2: the Registry keeps its contributions private (SDK v2). 3: Access::session; sdk::MeetingRef::start
// is optional (a stored date that is not one); host core provides sdk::OrganizationDirectory.
// 4: sdk::Panel::kinds (screens offered only where they mean something). 5: report sections
// (Registry::add_report_section, sdk/annual_report.hpp) and host core's sdk::AnnualReport.
// 6: sdk::Document's bar charts and check boxes (two more kinds of block).
inline constexpr int kPluginApiVersion = 6;

struct PluginInfo {
  std::string id;                             // short, lowercase, stable: "members"; also the table prefix
  std::string name_ja;                        // 会員名簿
  std::string name_en;                        // Members
  std::string version;                        // "1.0.0"
  std::vector<std::string> required_plugins;  // ids of plugins that must load first
  std::string description;
};

class Registry;

class Plugin {
 public:
  virtual ~Plugin() = default;
  virtual PluginInfo info() const = 0;
  // The plugin's own tables, prefixed by its id. Never edit a shipped migration.
  virtual std::vector<Migration> migrations() const { return {}; }
  // Panels, menu items, CLI subcommands, services, event handlers, demo data.
  virtual void register_contributions(Registry& registry) = 0;
};

}  // namespace wasshoi::sdk

#define WASSHOI_PLUGIN(PluginClass)                                 \
  extern "C" BOOST_SYMBOL_EXPORT int wasshoi_plugin_api_version() { \
    return ::wasshoi::sdk::kPluginApiVersion;                       \
  }                                                                 \
  namespace wasshoi_plugin_factory_ {                               \
  std::shared_ptr<::wasshoi::sdk::Plugin> make() {                  \
    return std::make_shared<PluginClass>();                         \
  }                                                                 \
  }                                                                 \
  BOOST_DLL_ALIAS(wasshoi_plugin_factory_::make, wasshoi_create_plugin)
