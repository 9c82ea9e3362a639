// The main menu bar: ファイル, 表示, the menus plugins add, ヘルプ.
#include <algorithm>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/backups.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "open_database.hpp"

namespace wasshoi::gui {

using sdk::tr;

namespace {
// Plugins put items into the host's menus by these catalog keys, or open menus of their own.
constexpr const char* kFileMenu = "menu.file";
constexpr const char* kViewMenu = "menu.view";
constexpr const char* kHelpMenu = "menu.help";

bool is_host_menu(const std::string& key) {
  return key == kFileMenu || key == kViewMenu || key == kHelpMenu;
}
}  // namespace

float Shell::draw_menu_bar() {
  float height = ImGui::GetFrameHeight();
  if (!ImGui::BeginMainMenuBar()) return height;
  height = ImGui::GetWindowHeight();
  // --panel host.file_menu (screenshots): the menu opened without the mouse, once no panel is
  // being brought to the front (focusing a window closes the menus); open until it is closed.
  const bool open_file_menu = file_menu_requested_ && focus_.empty();
  if (open_file_menu) {
    ImGui::OpenPopup(tr(kFileMenu));
    file_menu_requested_ = false;
  }
  if (ImGui::BeginMenu(tr(kFileMenu))) {
    draw_file_menu(open_file_menu);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr(kViewMenu))) {
    draw_view_menu();
    ImGui::EndMenu();
  }
  draw_plugin_menus();
  if (ImGui::BeginMenu(tr(kHelpMenu))) {
    draw_help_menu();
    ImGui::EndMenu();
  }
  ImGui::EndMainMenuBar();
  return height;
}

void Shell::draw_file_menu(bool open_recent) {
  if (opener_->offered()) {
    opener_->draw_menu_items(open_recent);
    ImGui::Separator();
  }
  if (ImGui::MenuItem(tr("gui.menu.backup_now"))) {
    try {
      auto file = host::automatic_backup(app_.db());
      ctx_.notify(std::string(tr("gui.msg.backup_done")) + file.string());
    } catch (const std::exception& e) {
      ctx_.notify(std::string(tr("gui.msg.backup_failed")) + e.what());
    }
  }
  for (const auto& [owner, item] : plugin_menu_items())
    if (item->menu_key == kFileMenu && ImGui::MenuItem(tr(item->label_key)))
      run_menu_action(owner->id, *item);
  ImGui::Separator();
  if (!app_.access().full() && ImGui::MenuItem(tr("gui.menu.sign_out"))) sign_out();
  if (ImGui::MenuItem(tr("gui.menu.quit"))) quit_ = true;
}

void Shell::draw_view_menu() {
  if (ImGui::BeginMenu(tr("gui.menu.language"))) {
    for (const char* lang : {"ja", "en"})
      if (ImGui::MenuItem(tr(std::string("gui.language.") + lang), nullptr,
                          sdk::strings().language() == lang))
        set_language(lang);
    ImGui::EndMenu();
  }
  if (ImGui::BeginMenu(tr("gui.menu.font_size"))) {
    for (int px = kMinFontSize; px <= kMaxFontSize; px += 2) {
      std::string label = std::to_string(px) + " px";
      if (px == kDefaultFontSize) label += std::string(" ") + tr("gui.font_size.default");
      if (ImGui::MenuItem(label.c_str(), nullptr, fonts_.size() == px)) set_font_size(px);
    }
    ImGui::EndMenu();
  }
  ImGui::Separator();
  for (const auto& p : host_panels_)
    if (offered(p) && ImGui::MenuItem(tr(p.title_key), nullptr, is_open(p.id))) show_panel(p.id);
  for (const auto& [owner, item] : plugin_menu_items())
    if (item->menu_key == kViewMenu && ImGui::MenuItem(tr(item->label_key)))
      run_menu_action(owner->id, *item);
}

void Shell::draw_help_menu() {
  if (ImGui::MenuItem(tr("gui.menu.about"))) about_requested_ = true;
  for (const auto& [owner, item] : plugin_menu_items())
    if (item->menu_key == kHelpMenu && ImGui::MenuItem(tr(item->label_key)))
      run_menu_action(owner->id, *item);
}

std::vector<std::pair<const host::PluginRecord*, const sdk::MenuItem*>> Shell::plugin_menu_items() {
  std::vector<std::pair<const host::PluginRecord*, const sdk::MenuItem*>> items;
  if (ctx_.current_org() == 0) return items;
  for (const host::PluginRecord* r : app_.enabled_plugins(ctx_.current_org()))
    if (r->contributions && (app_.access().full() || plugin_open_here(r->id)))
      for (const auto& item : sdk::impl::contributions(*r->contributions).menu_items)
        items.emplace_back(r, &item);
  return items;
}

// Menus of their own that plugins open (e.g. "menu.tools"), in the order they first appear.
void Shell::draw_plugin_menus() {
  auto items = plugin_menu_items();
  std::vector<std::string> menus;
  for (const auto& [owner, item] : items)
    if (!is_host_menu(item->menu_key) && std::find(menus.begin(), menus.end(), item->menu_key) == menus.end())
      menus.push_back(item->menu_key);
  for (const auto& menu : menus) {
    if (!ImGui::BeginMenu(tr(menu))) continue;
    for (const auto& [owner, item] : items)
      if (item->menu_key == menu && ImGui::MenuItem(tr(item->label_key))) run_menu_action(owner->id, *item);
    ImGui::EndMenu();
  }
}

void Shell::run_menu_action(const std::string& owner, const sdk::MenuItem& item) {
  if (!enter_for(owner)) return;
  try {
    item.action(ctx_);
  } catch (const sdk::Error& e) {
    ctx_.notify(e.what());  // the user's input or the data was wrong: the plugin is fine
  } catch (const std::exception& e) {
    fail_plugin(owner, "menu item " + item.label_key + " threw: " + e.what());
  }
}

}  // namespace wasshoi::gui
