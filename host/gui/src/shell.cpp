#include <algorithm>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/settings.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "org_panel.hpp"

namespace wasshoi::gui {

Shell::Shell(host::App& app, FontSet& fonts, ShellOptions options)
    : app_(app), fonts_(fonts), options_(std::move(options)), ctx_(app) {
  org_panel_ = std::make_unique<OrganizationsPanel>(
      app_, ctx_, [this] { orgs_stale_ = true; }, [this](sdk::OrgId org) { select_org(org); });
  host_panels_.push_back({kOrganizationsPanel, "gui.panel.organizations", [this] { org_panel_->draw(); }});
  host_panels_.push_back({kPluginsPanel, "gui.panel.plugins", [this] { draw_plugins_table(); }});
  // A plugin that writes may have added names the font lacks, or organizations.
  app_.events().subscribe<sdk::events::DataChanged>("host.gui", [this](const auto&) { orgs_stale_ = true; });
  refresh_organizations();
  ctx_.set_current_org(initial_org());
}

Shell::~Shell() {
  app_.events().remove_owner("host.gui");
}

void Shell::refresh_organizations() {
  orgs_ = app_.orgs().list();
  fonts_.add_text(app_.glyph_text());
  orgs_stale_ = false;
}

sdk::OrgId Shell::initial_org() {
  auto exists = [&](sdk::OrgId id) {
    return std::any_of(orgs_.begin(), orgs_.end(), [&](const auto& o) { return o.id == id; });
  };
  if (options_.start_org != 0 && exists(options_.start_org)) return options_.start_org;
  sdk::OrgId last = host::Settings(app_.db()).get_int("gui.last_org", 0);
  if (exists(last)) return last;
  for (const auto& o : orgs_)
    if (o.kind == host::OrgKind::Jichikai) return o.id;
  return orgs_.empty() ? 0 : orgs_.front().id;
}

void Shell::select_org(sdk::OrgId org) {
  if (org == ctx_.current_org()) return;
  ctx_.set_current_org(org);
  if (options_.remember) host::Settings(app_.db()).set("gui.last_org", std::to_string(org));
  // Keep a panel of the new organization in front when the old one's panels are gone.
  auto ids = panel_ids();
  if (std::find(ids.begin(), ids.end(), front_) == ids.end()) show_panel(ids.front());
}

void Shell::set_language(const std::string& lang) {
  sdk::strings().set_language(lang);
  if (options_.remember) host::Settings(app_.db()).set("gui.language", lang);
}

void Shell::set_font_size(int px) {
  fonts_.set_size(px);
  if (options_.remember) host::Settings(app_.db()).set("gui.font_size", std::to_string(fonts_.size()));
}

std::vector<std::string> Shell::panel_ids() {
  std::vector<std::string> ids;
  for (const auto& [record, panel] : app_.panels_for(ctx_.current_org())) ids.push_back(panel->id);
  for (const auto& p : host_panels_) ids.push_back(p.id);
  return ids;
}

bool Shell::show_panel(const std::string& id) {
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
  if (orgs_stale_) refresh_organizations();
  if (!started_) {
    started_ = true;
    if (open_.empty()) show_panel(panel_ids().front());  // unless show_panel() chose one already
  }
  const Layout l = layout(draw_menu_bar());
  draw_sidebar(l);
  draw_panels(l);
  draw_status_bar(l);
  draw_welcome();
  draw_about();
  // Characters the font lacked this frame: the atlas is rebuilt before the next one.
  fonts_.add_code_points(sdk::ui::take_glyph_requests());
}

}  // namespace wasshoi::gui
