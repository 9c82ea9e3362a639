#pragma once
// The host core shared by the GUI and the CLI: one database, one event bus, one set of services
// and the plugin manager. Opening it creates/migrates the core tables, loads the plugins and
// migrates theirs.
#include <filesystem>
#include <memory>
#include <optional>
#include <wasshoi/host/access_rules.hpp>
#include <wasshoi/host/organizations.hpp>
#include <wasshoi/host/plugin_manager.hpp>
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::host {

struct AppOptions {
  std::filesystem::path db_path;  // empty: the default database
  // Empty: the installed plugins (default_plugin_dir()), then the user's (user_plugin_dir()).
  // Given (--plugins, tests): that folder only.
  std::filesystem::path plugin_dir;
  std::string actor;   // who writes (audit log); default "<os user>@<program>"
  bool create = true;  // create the file when missing
  std::string login;   // officer account to sign in with (databases with accounts)
  std::string passphrase;
};

// The default database: $XDG_DATA_HOME/wasshoi/wasshoi.db (~/.local/share/wasshoi/wasshoi.db).
std::filesystem::path default_db_path();

class App {
 public:
  // Loads plugins only; the database is opened by open_database() (some commands need none).
  explicit App(AppOptions options);
  ~App();
  App(const App&) = delete;  // its services and plugins hold references into it
  App& operator=(const App&) = delete;

  // Opens the database, migrates core and plugin tables. InputError on a bad path or file.
  void open_database();
  bool has_database() const { return db_ != nullptr; }
  // The open database; opens it on first use. InputError while a database with officer
  // accounts is not signed in to.
  sdk::Database& db();
  const AppOptions& options() const { return options_; }

  // Officer accounts: true when the database has accounts and nobody has signed in yet.
  bool needs_sign_in() const { return needs_sign_in_; }
  // Checks the passphrase and works as that officer from now on (audit log, access rules).
  // access().session is a new number from then on (sdk::Access::session).
  void sign_in(const std::string& login, const std::string& passphrase);
  // Ends the officer's session (the GUI's サインアウト): the database needs a sign-in again, and
  // access().session is a new number. Nothing happens on a database without accounts.
  void sign_out();
  sdk::Access& access() { return access_; }
  // Applies the access rules for working in `org` with `plugin` (see host::enforce_access).
  void enter(OrgId org, const std::string& plugin);
  // InputError unless the signed-in officer may do `act` for `org` (host::require).
  void require(sdk::Act act, OrgId org);
  // InputError unless row `id` of the declared `table` is one the officer may see (RowGuard).
  void require_visible(std::string_view table, std::int64_t id);
  RowGuard& guard() { return *guard_; }
  // Whether enter(org, plugin) would let the signed-in officer in; changes nothing.
  bool may_enter(OrgId org, const std::string& plugin);

  sdk::EventBus& events() { return events_; }
  // The plugins' services and host core's own (sdk::OrganizationDirectory, owner
  // sdk::kHostServiceOwner: there from construction to destruction, whatever plugins are disabled).
  sdk::Services& services() { return services_; }
  PluginManager& plugins() { return *plugins_; }
  Organizations orgs() { return Organizations(db()); }

  // Adds an organization, as only a 会長 (or a database without accounts) may; a 自治会 or
  // 地域協働体 starts with every loaded plugin enabled (the full toolkit). InputError otherwise.
  OrgId add_organization(OrgKind kind, const std::string& name, std::optional<OrgId> parent);
  // Enables a plugin for an organization, with the plugins it requires. InputError for an
  // unknown or failed plugin. Returns the ids enabled (requirements first).
  std::vector<std::string> enable_plugin(OrgId org, const std::string& plugin_id);
  // Loaded plugins enabled for `org`, in load order.
  std::vector<const PluginRecord*> enabled_plugins(OrgId org);
  // Contributions of loaded plugins enabled for `org` (0: all loaded plugins).
  std::vector<std::pair<const PluginRecord*, const sdk::Panel*>> panels_for(OrgId org);
  // Runs every loaded plugin's demo steps in order for the given sample organizations.
  void run_demo(sdk::Context& ctx, const sdk::DemoOptions& options);
  // All text plugins store that the GUI font must cover.
  std::string glyph_text();

 private:
  AppOptions options_;
  sdk::EventBus events_;
  sdk::Services services_;
  std::unique_ptr<sdk::Database> db_;
  // Shared with host core's OrganizationDirectory, which a plugin's job may hold after the App is
  // gone (CoreOrganizationDirectory); access_ is the same object.
  std::shared_ptr<sdk::Access> shared_access_ = std::make_shared<sdk::Access>();
  sdk::Access& access_ = *shared_access_;
  std::unique_ptr<RowGuard> guard_;  // reads access_
  bool needs_sign_in_ = false;
  // Declared last: destroyed first, while services and events (which may hold plugin objects)
  // are still alive; it clears them before the libraries unload.
  std::unique_ptr<PluginManager> plugins_;
};

}  // namespace wasshoi::host
