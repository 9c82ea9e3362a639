#include <algorithm>
#include <boost/dll/runtime_symbol_info.hpp>
#include <boost/dll/shared_library.hpp>
#include <functional>
#include <map>
#include <set>
#include <wasshoi/host/plugin_manager.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/paths.hpp>

// CMake computes it from GNUInstallDirs (host/core/CMakeLists.txt); the Debian layout otherwise.
#ifndef WASSHOI_PLUGINS_FROM_BIN
#define WASSHOI_PLUGINS_FROM_BIN "../lib/x86_64-linux-gnu/wasshoi/plugins"
#endif

namespace wasshoi::host {

namespace fs = std::filesystem;
using Factory = std::shared_ptr<sdk::Plugin>();

const char* to_string(PluginState state) {
  return state == PluginState::Loaded ? "loaded" : "failed";
}

fs::path default_plugin_dir() {
  const fs::path here = sdk::program_dir();
  std::error_code ec;
  if (fs::is_directory(here / "plugins", ec)) return here / "plugins";  // the build tree
  return (here / WASSHOI_PLUGINS_FROM_BIN).lexically_normal();          // installed
}

fs::path user_plugin_dir() {
  return sdk::user_data_dir() / "plugins";
}

PluginManager::PluginManager(sdk::Services& services, sdk::EventBus& events)
    : services_(services), events_(events) {}

PluginManager::~PluginManager() {
  // Objects made by plugin code go first, their libraries last (held by each plugin's deleter).
  for (auto& r : records_) {
    withdraw(r.id);
    r.contributions.reset();
  }
  for (auto& r : records_) r.plugin.reset();
}

namespace {

PluginRecord failed(const fs::path& file, std::string reason) {
  PluginRecord r;
  r.id = file.stem().string();
  r.file = file;
  r.state = PluginState::Failed;
  r.reason = std::move(reason);
  return r;
}

std::string describe(const std::exception& e) {
  return e.what();
}

}  // namespace

void PluginManager::load_file(const fs::path& file) {
  auto lib = std::make_shared<boost::dll::shared_library>();
  try {
    // rtld_now: an unresolved symbol fails here with its name, not later by killing the process.
    lib->load(file.string(), boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_local);
  } catch (const std::exception& e) {
    records_.push_back(failed(file, "cannot load the library: " + describe(e)));
    return;
  }
  if (!lib->has("wasshoi_plugin_api_version")) {
    records_.push_back(failed(file, "not a Wasshoi plugin (it exports no wasshoi_plugin_api_version)"));
    return;
  }
  // The version is checked before anything else of the plugin runs.
  int version = lib->get<int()>("wasshoi_plugin_api_version")();
  if (version != sdk::kPluginApiVersion) {
    records_.push_back(failed(file, "built for plugin API version " + std::to_string(version) +
                                        ", this Wasshoi needs version " +
                                        std::to_string(sdk::kPluginApiVersion) +
                                        " (a plugin runs in the Wasshoi it was built with)"));
    return;
  }
  if (!lib->has("wasshoi_create_plugin")) {
    records_.push_back(failed(file, "the plugin has no factory (wasshoi_create_plugin)"));
    return;
  }
  std::shared_ptr<sdk::Plugin> raw;
  try {
    raw = lib->get_alias<Factory>("wasshoi_create_plugin")();
  } catch (const std::exception& e) {
    records_.push_back(failed(file, "the plugin's factory failed: " + describe(e)));
    return;
  } catch (...) {
    records_.push_back(failed(file, "the plugin's factory failed with an unknown exception"));
    return;
  }
  if (!raw) {
    records_.push_back(failed(file, "the plugin's factory returned nothing"));
    return;
  }
  PluginRecord r;
  r.file = file;
  try {
    r.info = raw->info();
  } catch (const std::exception& e) {
    raw.reset();
    records_.push_back(failed(file, "the plugin's info() failed: " + describe(e)));
    return;
  }
  r.id = r.info.id.empty() ? file.stem().string() : r.info.id;
  if (r.id == sdk::kHostServiceOwner) {
    // Host core owns its services and migrations under this id: a plugin of that id would take
    // them with it when disabled.
    raw.reset();
    records_.push_back(failed(file, "the id '" + r.id + "' is the host's own; a plugin cannot have it"));
    return;
  }
  if (const PluginRecord* other = find(r.id)) {
    raw.reset();
    records_.push_back(
        failed(file, "another plugin already has the id '" + r.id + "' (" + other->file.string() + ")"));
    return;
  }
  // The plugin object keeps its library loaded: the library is released only after the object.
  r.plugin = std::shared_ptr<sdk::Plugin>(raw.get(), [raw, lib](sdk::Plugin*) mutable {
    raw.reset();
    lib.reset();
  });
  r.state = PluginState::Loaded;
  records_.push_back(std::move(r));
}

namespace {
// Plugins find the shared libraries they link (SDK, SDK UI, ImGui) through $ORIGIN/.. — the
// folder above the installed plugins folder. A plugins folder elsewhere (a test's, the user's
// own) has no such neighbours, so the libraries beside the SDK the program runs with are loaded
// first: a library already loaded satisfies the plugin's dependency by its name.
void preload_program_libraries(std::vector<boost::dll::shared_library>& keep) {
  std::error_code ec;
  const fs::path dir = boost::dll::symbol_location(sdk::program_dir).parent_path().string();
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    std::string name = e.path().filename().string();
    if (!name.starts_with("libwasshoi-") || e.path().extension() != ".so") continue;
    try {
      keep.emplace_back(e.path().string(),
                        boost::dll::load_mode::rtld_now | boost::dll::load_mode::rtld_global);
    } catch (const std::exception&) {
      // A plugin that needs it will report the missing library itself.
    }
  }
}
}  // namespace

void PluginManager::load_folder(const fs::path& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return;
  if (fs::weakly_canonical(folder, ec) != fs::weakly_canonical(default_plugin_dir(), ec) &&
      preloaded_.empty())
    preload_program_libraries(preloaded_);
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder, ec))
    if (entry.path().extension() == ".so" && !entry.is_directory()) files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) load_file(f);
  order_by_requirements();
}

void PluginManager::order_by_requirements() {
  // Depth-first topological order over indices; a plugin whose requirement is missing, failed or
  // circular is marked failed with the reason.
  std::map<std::string, std::size_t> loaded_by_id;
  for (std::size_t i = 0; i < records_.size(); ++i)
    if (records_[i].state == PluginState::Loaded) loaded_by_id[records_[i].id] = i;
  enum class Mark { None, Visiting, Done };
  std::vector<Mark> mark(records_.size(), Mark::None);
  std::vector<std::size_t> order;
  std::function<bool(std::size_t)> visit = [&](std::size_t i) -> bool {
    PluginRecord& r = records_[i];
    if (mark[i] == Mark::Done) return r.state == PluginState::Loaded;
    if (mark[i] == Mark::Visiting) {
      r.state = PluginState::Failed;
      r.reason = "its requirements form a cycle";
      return false;
    }
    mark[i] = Mark::Visiting;
    for (const auto& req : r.info.required_plugins) {
      if (r.state != PluginState::Loaded) break;
      auto it = loaded_by_id.find(req);
      if (it == loaded_by_id.end()) {
        r.state = PluginState::Failed;
        r.reason = "requires the plugin '" + req + "', which is not installed or failed to load";
      } else if (!visit(it->second) && r.state == PluginState::Loaded) {
        r.state = PluginState::Failed;
        r.reason = "requires the plugin '" + req + "', which failed";
      }
    }
    mark[i] = Mark::Done;
    order.push_back(i);
    return r.state == PluginState::Loaded;
  };
  for (std::size_t i = 0; i < records_.size(); ++i) visit(i);
  std::vector<PluginRecord> sorted;
  sorted.reserve(records_.size());
  for (std::size_t i : order) sorted.push_back(std::move(records_[i]));
  records_ = std::move(sorted);
}

void PluginManager::migrate(sdk::Database& db) {
  for (auto& r : records_) {
    if (r.state != PluginState::Loaded) continue;
    bool requirement_failed = false;
    for (const auto& req : r.info.required_plugins)
      if (!is_loaded(req)) requirement_failed = true;
    if (requirement_failed) {
      r.state = PluginState::Failed;
      r.reason = "a plugin it requires failed";
      continue;
    }
    try {
      auto migrations = r.plugin->migrations();
      sdk::migrate(db, r.id, migrations);
    } catch (const sdk::BusyError&) {
      throw;  // another program is writing: not the plugin's fault; try again, nothing half done
    } catch (const std::exception& e) {
      r.state = PluginState::Failed;
      r.reason = "its database migration failed (the data is unchanged): " + describe(e);
    }
  }
}

void PluginManager::register_all() {
  for (auto& r : records_) {
    if (r.state != PluginState::Loaded || r.contributions) continue;
    r.contributions = std::make_unique<sdk::Registry>(r.id, services_, events_);
    try {
      r.plugin->register_contributions(*r.contributions);
    } catch (const std::exception& e) {
      disable(r.id, "it failed while registering: " + describe(e));
    }
  }
}

void PluginManager::withdraw(const std::string& id) {
  // A record named after its file ("core.so" that failed to load) never takes the host's services.
  if (id == sdk::kHostServiceOwner) return;
  services_.remove_owner(id);
  events_.remove_owner(id);
}

void PluginManager::disable(const std::string& id, const std::string& reason) {
  for (auto& r : records_) {
    if (r.id != id) continue;
    r.state = PluginState::Failed;
    r.reason = reason;
    withdraw(id);
    // Contributions are kept (a panel may be mid-draw); callers skip failed plugins.
  }
}

const PluginRecord* PluginManager::find(const std::string& id) const {
  for (const auto& r : records_)
    if (r.id == id) return &r;
  return nullptr;
}

bool PluginManager::is_loaded(const std::string& id) const {
  const auto* r = find(id);
  return r && r->state == PluginState::Loaded;
}

}  // namespace wasshoi::host
