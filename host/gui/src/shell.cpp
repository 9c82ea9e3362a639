#include <algorithm>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/settings.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "access.hpp"
#include "open_database.hpp"
#include "org_panel.hpp"
#include "settings_panel.hpp"
#include "sign_in.hpp"

namespace wasshoi::gui {

Shell::Shell(host::App& app, FontSet& fonts, ShellOptions options)
    : app_(app), fonts_(fonts), options_(std::move(options)), ctx_(app) {
  org_panel_ = std::make_unique<OrganizationsPanel>(
      app_, ctx_, [this] { orgs_stale_ = true; }, [this](sdk::OrgId org) { select_org(org); },
      [this](sdk::OrgId org) {
        select_org(org);
        if (ctx_.current_org() == org) show_panel(kSettingsPanel);
      });
  settings_panel_ = std::make_unique<SettingsPanel>(app_, ctx_, [this] { orgs_stale_ = true; });
  host_panels_.push_back({kOrganizationsPanel, "gui.panel.organizations", [this] { org_panel_->draw(); }});
  host_panels_.push_back({kSettingsPanel, "gui.panel.settings", [this] { settings_panel_->draw(); },
                          [this] { return settings_panel_->offered(ctx_.current_org()); }});
  host_panels_.push_back({kPluginsPanel, "gui.panel.plugins", [this] { draw_plugins_table(); }});
  // A plugin that writes may have added names the font lacks, or organizations.
  app_.events().subscribe<sdk::events::DataChanged>("host.gui", [this](const auto&) { orgs_stale_ = true; });
  sign_in_ = std::make_unique<SignInScreen>(app_);
  opener_ = std::make_unique<DatabaseOpener>(app_, ctx_, options_);
  signing_in_ = app_.needs_sign_in();
  if (!signing_in_) open_work();
}

Shell::~Shell() {
  sign_in_.reset();  // waits for a passphrase check that is still running
  opener_.reset();   // and for a database still opening
  app_.events().remove_owner("host.gui");
}

bool Shell::busy() const {
  return (signing_in_ && sign_in_->checking()) || opener_->busy();
}

std::optional<OpenedDatabase> Shell::take_opened_database() {
  return opener_->take_opened();
}

void Shell::open_work() {
  signing_in_ = false;
  han_name_.clear();
  const sdk::Access& who = app_.access();
  if (who.han)
    for (const auto& h : app_.orgs().han(who.org))
      if (h.id == *who.han) han_name_ = h.name;
  refresh_organizations();
  const sdk::OrgId org = initial_org();
  if (enter(org)) ctx_.set_current_org(org);
}

void Shell::close_work() {
  sign_out_requested_ = false;
  open_.clear();
  focus_.clear();
  front_.clear();
  pending_panel_.clear();
  started_ = false;
  orgs_.clear();
  org_plugins_.clear();
  ctx_.set_current_org(0);
  ctx_.notify("");
  app_.sign_out();
  sign_in_->reset();
  signing_in_ = true;
}

void Shell::refresh_organizations() {
  orgs_ = enterable_orgs(app_, app_.orgs().list());
  fonts_.add_text(app_.glyph_text());
  orgs_stale_ = false;
  // Plugins enabled or disabled for the current organization change what is offered there.
  if (ctx_.current_org() != 0) enter(ctx_.current_org());
}

// Asks host core whether the officer may work in `org` and with which plugins.
bool Shell::enter(sdk::OrgId org) {
  try {
    std::vector<std::string> plugins = enterable_plugins(app_, org);
    enter_org(app_, org, plugins);
    org_plugins_ = std::move(plugins);
    return true;
  } catch (const sdk::Error& e) {
    ctx_.notify(e.what());
    return false;
  }
}

sdk::OrgId Shell::initial_org() {
  auto exists = [&](sdk::OrgId id) {
    return std::any_of(orgs_.begin(), orgs_.end(), [&](const auto& o) { return o.id == id; });
  };
  if (options_.start_org != 0 && exists(options_.start_org)) return options_.start_org;
  // An officer starts in their own organization; the last one used belongs to whoever used it.
  if (const sdk::Access& who = app_.access(); !who.full() && exists(who.org)) return who.org;
  sdk::OrgId last = host::Settings(app_.db()).get_int("gui.last_org", 0);
  if (exists(last)) return last;
  for (const auto& o : orgs_)
    if (o.kind == host::OrgKind::Jichikai) return o.id;
  return orgs_.empty() ? 0 : orgs_.front().id;
}

void Shell::select_org(sdk::OrgId org) {
  if (org == ctx_.current_org() || !enter(org)) return;
  ctx_.set_current_org(org);
  remember("gui.last_org", std::to_string(org));
  // Keep a panel of the new organization in front when the old one's panels are gone.
  auto ids = panel_ids();
  if (std::find(ids.begin(), ids.end(), front_) == ids.end()) show_panel(ids.front());
}

void Shell::set_language(const std::string& lang) {
  sdk::strings().set_language(lang);
  remember("gui.language", lang);
}

void Shell::set_font_size(int px) {
  fonts_.set_size(px);
  remember("gui.font_size", std::to_string(fonts_.size()));
}

// Settings belong to the installation; an account that may only read leaves them as they are.
void Shell::remember(const std::string& key, const std::string& value) {
  if (!options_.remember || signing_in_ || app_.db().read_only()) return;
  try {
    host::Settings(app_.db()).set(key, value);
  } catch (const sdk::Error& e) {
    ctx_.notify(e.what());
  }
}

// Each plugin's code runs as host core lets the officer work with that plugin here (a 地域協働体
// officer reads its 自治会' issues; the connection is read-only while that plugin runs).
bool Shell::enter_for(const std::string& plugin) {
  if (app_.access().full()) return true;
  try {
    app_.enter(ctx_.current_org(), plugin);
    return true;
  } catch (const sdk::Error& e) {
    ctx_.notify(e.what());
    return false;
  }
}

bool Shell::plugin_open_here(const std::string& plugin) const {
  return std::find(org_plugins_.begin(), org_plugins_.end(), plugin) != org_plugins_.end();
}

std::vector<std::pair<const host::PluginRecord*, const sdk::Panel*>> Shell::org_panels() {
  auto panels = app_.panels_for(ctx_.current_org());
  if (!signing_in_ && !app_.access().full())
    std::erase_if(panels, [&](const auto& p) { return !plugin_open_here(p.first->id); });
  return panels;
}

std::vector<std::string> Shell::panel_ids() {
  std::vector<std::string> ids;
  for (const auto& [record, panel] : org_panels()) ids.push_back(panel->id);
  for (const auto& p : host_panels_)
    if (offered(p)) ids.push_back(p.id);
  return ids;
}

bool Shell::show_panel(const std::string& id) {
  if (signing_in_) {
    pending_panel_ = id;
    return true;
  }
  if (id == kOpenServerPanel || id == kFileMenuPanel) {
    if (!opener_->offered()) return false;
    if (id == kOpenServerPanel) opener_->show_server_form();
    file_menu_requested_ = id == kFileMenuPanel;
    return true;
  }
  // host.settings.org / .han / .accounts / .plugins: 設定 with that tab in front.
  static const std::pair<const char*, SettingsPanel::Tab> kTabs[] = {
      {".org", SettingsPanel::Tab::Organization},
      {".han", SettingsPanel::Tab::Han},
      {".accounts", SettingsPanel::Tab::Accounts},
      {".plugins", SettingsPanel::Tab::Plugins}};
  for (const auto& [suffix, tab] : kTabs)
    if (id == std::string(kSettingsPanel) + suffix) {
      if (!show_panel(kSettingsPanel)) return false;
      settings_panel_->show_tab(tab);
      return true;
    }
  auto ids = panel_ids();
  if (std::find(ids.begin(), ids.end(), id) == ids.end()) return false;
  open_[id] = true;
  focus_ = id;
  return true;
}

bool Shell::is_open(const std::string& id) const {
  auto it = open_.find(id);
  return it != open_.end() && it->second;
}

Shell::Layout Shell::layout(float menu_height) const {
  const ImGuiStyle& style = ImGui::GetStyle();
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  Layout l;
  l.menu_height = menu_height;
  l.status_height = ImGui::GetFrameHeight() + style.WindowPadding.y * 2;
  l.sidebar_width = std::min(ImGui::GetFontSize() * 15.0f, display.x * 0.4f);
  l.main_pos = ImVec2(l.sidebar_width, l.menu_height);
  l.main_size = ImVec2(std::max(display.x - l.sidebar_width, 100.0f),
                       std::max(display.y - l.menu_height - l.status_height, 100.0f));
  return l;
}

void Shell::draw_frame() {
  if (signing_in_) {
    if (sign_in_->draw()) {
      open_work();
      if (options_.on_sign_in) options_.on_sign_in(*this);
    }
  } else {
    if (orgs_stale_) refresh_organizations();
    if (!started_) {
      started_ = true;
      if (!pending_panel_.empty()) show_panel(pending_panel_);
      pending_panel_.clear();
      if (open_.empty()) show_panel(panel_ids().front());  // unless show_panel() chose one already
    }
    const Layout l = layout(draw_menu_bar());
    draw_sidebar(l);
    draw_panels(l);
    draw_status_bar(l);
    draw_welcome();
    draw_about();
    opener_->draw();
    if (sign_out_requested_) close_work();
  }
  // Characters the font lacked this frame: the atlas is rebuilt before the next one.
  fonts_.add_code_points(sdk::ui::take_glyph_requests());
}

}  // namespace wasshoi::gui
