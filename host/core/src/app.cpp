#include <algorithm>
#include <atomic>
#include <boost/dll/runtime_symbol_info.hpp>
#include <cstdlib>
#include <set>
#include <wasshoi/host/access_rules.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/annual_report.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/organization_directory.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/paths.hpp>
#include <wasshoi/sdk/platform.hpp>
#include <wasshoi/sdk/server_uri.hpp>

#include "core_schema.hpp"

namespace wasshoi::host {

namespace fs = std::filesystem;

fs::path default_db_path() {
  return sdk::user_data_dir() / "wasshoi.db";
}

namespace {
// Access::session: one number per sign-in, sign-out and database opened without accounts, for
// the whole process (tests and benchmarks open several Apps, one after the other).
std::uint64_t next_session() {
  static std::atomic<std::uint64_t> last{0};
  return ++last;
}

// "<OS user>@<program>" until officer accounts exist.
std::string default_actor() {
  std::string user = sdk::platform::os_user_name();
  if (user.empty()) user = "officer";
  return user + "@" + boost::dll::program_location().filename().string();
}
// A server URI without a password of its own gets WASSHOI_PASSPHRASE as its password parameter,
// when that is set (libpq reads PGPASSFILE, ~/.pgpass, by itself). The password never shows:
// Database::path() and every message carry the URI with it replaced by ***.
std::string with_server_password(std::string uri) {
  const char* pass = std::getenv("WASSHOI_PASSPHRASE");
  if (!pass || !*pass || sdk::server_uri_has_password(uri)) return uri;
  return sdk::server_uri_with_password(uri, pass);
}
}  // namespace

App::App(AppOptions options) : options_(std::move(options)) {
  const bool installed_plugins = options_.plugin_dir.empty();
  if (installed_plugins) options_.plugin_dir = default_plugin_dir();
  if (options_.actor.empty()) options_.actor = default_actor();
  // Host core's own services, before any plugin registers (a plugin's service may take them then)
  // and under the host's owner: disabling a plugin withdraws its services, never these.
  services_.provide<sdk::OrganizationDirectory>(
      sdk::kHostServiceOwner,
      std::make_shared<CoreOrganizationDirectory>(std::shared_ptr<const sdk::Access>(shared_access_)));
  plugins_ = std::make_unique<PluginManager>(services_, events_);
  services_.provide<sdk::AnnualReport>(sdk::kHostServiceOwner, std::make_shared<CoreAnnualReport>(*plugins_));
  plugins_->load_folder(options_.plugin_dir);
  if (installed_plugins) plugins_->load_folder(user_plugin_dir());
  // Contributions are collected before any database is open: the CLI mounts plugin subcommands
  // before it parses the command line. They touch the database only when they run.
  plugins_->register_all();
  guard_ = std::make_unique<RowGuard>(access_);
  for (const auto& r : plugins_->plugins()) {
    if (r.state != PluginState::Loaded || !r.contributions) continue;
    try {
      for (const auto& t : sdk::impl::contributions(*r.contributions).owned_tables) guard_->add(r.id, t);
    } catch (const std::exception& e) {
      plugins_->disable(r.id, e.what());
    }
  }
}

App::~App() {
  // Plugin objects and their libraries go before the database they may still reference.
  plugins_.reset();
  services_.clear();
  events_.clear();
}

void App::open_database() {
  if (db_) return;
  fs::path path = options_.db_path;
  if (path.empty()) {
    path = default_db_path();
    // Only the default folder is ever created; it holds the database, so 0700. A failure shows
    // when the database cannot be opened there.
    try {
      sdk::create_folder(path.parent_path(), true);
    } catch (const sdk::Error&) {
    }
  }
  // A postgresql:// URI opens that server (docs/engines.md); anything else is a SQLite file.
  if (sdk::is_server_target(path.string())) path = with_server_password(path.string());
  auto db = std::make_unique<sdk::Database>(sdk::Database::open(
      path, options_.create ? sdk::Database::Mode::ReadWriteCreate : sdk::Database::Mode::ReadWrite));
  db->set_actor(options_.actor);
  sdk::migrate(*db, "core", core_migrations());
  db->enable_audit(true);
  db_ = std::move(db);
  plugins_->migrate(*db_);
  needs_sign_in_ = Accounts(*db_).any();
  // One officer's laptop without accounts: everything. Otherwise nothing until someone signs in.
  access_ = needs_sign_in_ ? sdk::Access{} : sdk::Access::everything();
  access_.session = next_session();
  if (needs_sign_in_) guard_->install(*db_);
  if (needs_sign_in_ && !options_.login.empty()) sign_in(options_.login, options_.passphrase);
}

sdk::Database& App::db() {
  if (!db_) open_database();
  if (needs_sign_in_)
    throw sdk::InputError(
        "this database has officer accounts: sign in first (wasshoi-cli --user LOGIN, "
        "the passphrase from WASSHOI_PASSPHRASE or standard input)");
  return *db_;
}

void App::sign_in(const std::string& login, const std::string& passphrase) {
  if (!db_) open_database();
  access_ = Accounts(*db_).authenticate(login, passphrase);
  access_.session = next_session();
  guard_->install(*db_);  // every write below the plugins is checked against this officer from now on
  db_->set_actor(access_.account);
  if (access_.role == sdk::Role::Viewer) db_->set_read_only(true, "a 閲覧 account may only read");
  needs_sign_in_ = false;
}

void App::enter(OrgId org, const std::string& plugin) {
  Organizations o = orgs();
  enforce_access(db(), access_, o, org, plugin);
}

void App::require(sdk::Act act, OrgId org) {
  Organizations o = orgs();
  host::require(access_, o, act, org);
}

void App::require_visible(std::string_view table, std::int64_t id) {
  guard_->require_visible(db(), table, id);
}

bool App::may_enter(OrgId org, const std::string& plugin) {
  Organizations o = orgs();
  return access_level(access_, o, org, plugin) != AccessLevel::None;
}

void App::sign_out() {
  if (!db_ || !Accounts(*db_).any()) return;
  access_ = sdk::Access{};
  access_.session = next_session();
  db_->set_actor(options_.actor);
  db_->set_read_only(false);
  needs_sign_in_ = true;
}

OrgId App::add_organization(OrgKind kind, const std::string& name, std::optional<OrgId> parent) {
  Organizations list = orgs();
  host::require(access_, list, sdk::Act::AddOrganization, 0);
  sdk::Transaction tx(db(), "org.create", name + " with its toolkit");
  const OrgId id = list.add(kind, name, parent);
  if (kind == OrgKind::Jichikai || kind == OrgKind::Kyodotai) {
    for (const auto& r : plugins_->plugins())
      if (r.state == PluginState::Loaded) list.enable_plugin(id, r.id);
  } else if ((kind == OrgKind::Npo || kind == OrgKind::City) && plugins_->is_loaded("evaluation")) {
    // An NPO and the city's 担当課 are partners of 協働事業: each evaluates its own part (評価・検証).
    list.enable_plugin(id, "evaluation");
  }
  tx.commit();
  return id;
}

std::vector<std::string> App::enable_plugin(OrgId org, const std::string& plugin_id) {
  const PluginRecord* rec = plugins_->find(plugin_id);
  if (!rec) throw sdk::InputError("no plugin with id '" + plugin_id + "' (see `wasshoi-cli plugins list`)");
  if (rec->state != PluginState::Loaded)
    throw sdk::InputError("the plugin '" + plugin_id + "' failed to load: " + rec->reason);
  Organizations o = orgs();
  o.get(org);
  host::require(access_, o, sdk::Act::ManageOrganization, org);
  std::vector<std::string> enabled;
  std::set<std::string> seen;
  std::function<void(const std::string&)> add = [&](const std::string& id) {
    if (!seen.insert(id).second) return;
    const PluginRecord* r = plugins_->find(id);
    if (!r) return;
    for (const auto& req : r->info.required_plugins) add(req);
    enabled.push_back(id);
  };
  add(plugin_id);
  sdk::Transaction tx(db(), "org.plugin.enable");
  for (const auto& id : enabled) o.enable_plugin(org, id);
  tx.commit();
  return enabled;
}

std::vector<const PluginRecord*> App::enabled_plugins(OrgId org) {
  std::vector<std::string> ids = orgs().enabled_plugins(org);
  std::vector<const PluginRecord*> out;
  for (const auto& r : plugins_->plugins())
    if (r.state == PluginState::Loaded && std::find(ids.begin(), ids.end(), r.id) != ids.end())
      out.push_back(&r);
  return out;
}

std::vector<std::pair<const PluginRecord*, const sdk::Panel*>> App::panels_for(OrgId org) {
  std::vector<std::pair<const PluginRecord*, const sdk::Panel*>> out;
  std::vector<const PluginRecord*> recs;
  if (org == 0) {
    for (const auto& r : plugins_->plugins())
      if (r.state == PluginState::Loaded) recs.push_back(&r);
  } else {
    recs = enabled_plugins(org);
  }
  // A screen is offered only in an organization of a kind it means something for.
  std::optional<sdk::OrgKind> kind;
  if (org != 0)
    if (auto found = orgs().find(org)) kind = found->kind;
  auto offered = [&](const sdk::Panel& p) {
    return !kind || p.kinds.empty() || std::find(p.kinds.begin(), p.kinds.end(), *kind) != p.kinds.end();
  };
  for (const auto* r : recs)
    if (r->contributions)
      for (const auto& p : sdk::impl::contributions(*r->contributions).panels)
        if (offered(p)) out.emplace_back(r, &p);
  return out;
}

void App::run_demo(sdk::Context& ctx, const sdk::DemoOptions& options) {
  std::vector<std::pair<int, const sdk::DemoStep*>> steps;
  for (const auto& r : plugins_->plugins())
    if (r.state == PluginState::Loaded && r.contributions)
      for (const auto& s : sdk::impl::contributions(*r.contributions).demo_steps)
        steps.emplace_back(s.order, &s);
  std::stable_sort(steps.begin(), steps.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (const auto& [order, step] : steps) step->fill(ctx, options);
}

std::string App::glyph_text() {
  std::string text;
  if (!db_) return text;
  // Row by row: group_concat is SQLite's, string_agg PostgreSQL's.
  for (const char* sql : {"SELECT name FROM organizations", "SELECT name FROM han"}) {
    sdk::Statement names(*db_, sql);
    while (names.step()) text += names.get_text(0);
  }
  for (const auto& r : plugins_->plugins()) {
    if (r.state != PluginState::Loaded || !r.contributions) continue;
    for (const auto& source : sdk::impl::contributions(*r.contributions).glyph_sources) {
      try {
        text += source(*db_);
      } catch (const std::exception& e) {
        plugins_->disable(r.id, std::string("its glyph source failed: ") + e.what());
      }
    }
  }
  return text;
}

}  // namespace wasshoi::host
