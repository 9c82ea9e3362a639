#pragma once
// The plugin contract. A plugin is a shared library in the plugins folder that exports
//   extern "C" int wasshoi_plugin_api_version();      checked by the host BEFORE anything else
//   alias wasshoi_create_plugin -> std::shared_ptr<Plugin>()   the factory (Boost.DLL alias)
// Write both with one line:  WASSHOI_PLUGIN(MyPlugin)
#include <wasshoi/sdk/migrations.hpp>

#include <boost/config.hpp>
#include <boost/dll/alias.hpp>

#include <memory>
#include <string>
#include <vector>

namespace wasshoi::sdk {

// Raised whenever the contract between host and plugins changes incompatibly.
inline constexpr int kPluginApiVersion = 1;

struct PluginInfo {
  std::string id;        // short, lowercase, stable: "members"; also the table prefix
  std::string name_ja;   // 会員名簿
  std::string name_en;   // Members
  std::string version;   // "1.0.0"
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

#define WASSHOI_PLUGIN(PluginClass)                                                      \
  extern "C" BOOST_SYMBOL_EXPORT int wasshoi_plugin_api_version() {                      \
    return ::wasshoi::sdk::kPluginApiVersion;                                             \
  }                                                                                       \
  namespace wasshoi_plugin_factory_ {                                                     \
  std::shared_ptr<::wasshoi::sdk::Plugin> make() { return std::make_shared<PluginClass>(); } \
  }                                                                                       \
  BOOST_DLL_ALIAS(wasshoi_plugin_factory_::make, wasshoi_create_plugin)
