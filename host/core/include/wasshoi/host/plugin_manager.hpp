#pragma once
// Loads plugins from the plugins folder with Boost.DLL (rtld_now), checks the API version before
// calling the factory, orders them by their requirements, runs their migrations and collects their
// contributions. A plugin that fails at any step is kept in the list with the reason; the others
// go on. Libraries outlive every object they produced.
#include <boost/dll/shared_library.hpp>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>
#include <wasshoi/sdk/plugin.hpp>
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::host {

enum class PluginState { Loaded, Failed };
const char* to_string(PluginState state);  // "loaded" / "failed"

struct PluginRecord {
  std::string id;  // from the plugin's info, or the file name when it failed before that
  std::filesystem::path file;
  sdk::PluginInfo info;
  PluginState state = PluginState::Failed;
  std::string reason;                            // why it failed; empty when loaded
  std::shared_ptr<sdk::Plugin> plugin;           // keeps its library loaded (see the deleter)
  std::unique_ptr<sdk::Registry> contributions;  // the host reads it with sdk::impl::contributions()
};

class PluginManager {
 public:
  PluginManager(sdk::Services& services, sdk::EventBus& events);
  ~PluginManager();
  PluginManager(const PluginManager&) = delete;
  PluginManager& operator=(const PluginManager&) = delete;

  // Loads every *.so in `folder`, then orders by requirements. A missing folder loads nothing.
  void load_folder(const std::filesystem::path& folder);
  // Loads one library (used by load_folder and by tests).
  void load_file(const std::filesystem::path& file);
  // Runs each loaded plugin's migrations in dependency order; a failing one is marked failed
  // (its transaction rolled back) together with the plugins that require it.
  void migrate(sdk::Database& db);
  // Calls register_contributions on each loaded plugin.
  void register_all();
  // Marks a plugin failed for this session (it threw while drawing or running a command) and
  // withdraws its services and event handlers. Its library stays loaded until shutdown.
  void disable(const std::string& id, const std::string& reason);

  const std::vector<PluginRecord>& plugins() const { return records_; }
  const PluginRecord* find(const std::string& id) const;
  bool is_loaded(const std::string& id) const;

 private:
  void order_by_requirements();
  // Withdraws a plugin's services and event handlers (never host core's own).
  void withdraw(const std::string& id);
  sdk::Services& services_;
  sdk::EventBus& events_;
  std::vector<boost::dll::shared_library> preloaded_;  // see load_folder; outlives the plugins
  std::vector<PluginRecord> records_;
};

// The installed plugins: <folder of the running program>/plugins in the build tree, the
// package's plugins folder when installed (/usr/lib/<multiarch>/wasshoi/plugins; sdk/paths.hpp).
std::filesystem::path default_plugin_dir();
// Plugins the user added without root: sdk::user_data_dir()/plugins (~/.local/share/wasshoi/plugins).
// Loaded after the installed ones, with the same checks (API version, requirements); one whose id
// an installed plugin already has is listed as failed, saying which.
std::filesystem::path user_plugin_dir();

}  // namespace wasshoi::host
