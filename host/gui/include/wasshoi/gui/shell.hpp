#pragma once
// The whole window of `wasshoi`, drawn with ImGui and nothing else: menu bar, organization
// switcher and panel list (sidebar), the panels of the plugins enabled for the organization,
// the host's own Organizations and Plugins panels, status bar, welcome on an empty database,
// and the sign-in screen in front of all that on a database with officer accounts. What a
// signed-in officer is offered (organizations, panels) is what host core lets them enter.
// It knows nothing of GLFW or OpenGL, so tests draw it without a window.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/gui/fonts.hpp>
#include <wasshoi/gui/gui_context.hpp>
#include <wasshoi/host/app.hpp>

namespace wasshoi::gui {

// The host's own panels; `wasshoi --panel` takes these ids as well as plugin panel ids.
inline constexpr const char* kOrganizationsPanel = "host.organizations";
inline constexpr const char* kPluginsPanel = "host.plugins";
// 設定: the organization, its 班, officer accounts and plugins (offered to those who may change them).
inline constexpr const char* kSettingsPanel = "host.settings";
// Not panels, but --panel shows them too (screenshots): ファイル → サーバーのデータベースを開く…,
// and the ファイル menu itself, open, with 最近開いたデータベース.
inline constexpr const char* kOpenServerPanel = "host.open_server";
inline constexpr const char* kFileMenuPanel = "host.file_menu";

class Shell;
class RecentDatabases;

// Another database, opened for the window to switch to (ファイル menu), ready to take over.
struct OpenedDatabase {
  std::unique_ptr<host::App> app;  // open and migrated; nobody signed in yet
  std::string target;              // as opened (a server's URI may hold the password typed)
  bool existing_data = false;      // a file that had content before it was opened (backup)
};

struct ShellOptions {
  sdk::OrgId start_org = 0;  // --org; else the officer's own, else the last one used, else the first 自治会
  bool remember = true;      // store the choices (language, size, organization) in Settings
  // Runs on the frame an officer gets in through the sign-in screen (stored settings, backup).
  std::function<void(Shell&)> on_sign_in;
  // Opens another database, on a second thread: the ファイル menu's データベースを開く items call
  // it. Throws what host::App throws (sdk::ConnectionError for a server). Without it (a Shell drawn
  // alone, in tests) the menu offers no other database.
  std::function<OpenedDatabase(const std::string& target)> open_database;
  // 最近開いたデータベース; null: no such submenu.
  const RecentDatabases* recent = nullptr;
};

class DatabaseOpener;
class OrganizationsPanel;
class SettingsPanel;
class SignInScreen;

class Shell {
 public:
  Shell(host::App& app, FontSet& fonts, ShellOptions options = {});
  ~Shell();
  Shell(const Shell&) = delete;
  Shell& operator=(const Shell&) = delete;

  // One frame of the whole window, between ImGui::NewFrame() and ImGui::Render().
  void draw_frame();
  bool quit_requested() const { return quit_; }
  GuiContext& context() { return ctx_; }
  // False while the sign-in screen is shown.
  bool signed_in() const { return !signing_in_; }
  // A passphrase is being checked, or another database opened: keep drawing frames (the answer
  // comes from another thread).
  bool busy() const;
  // The database the ファイル menu opened, once, after the frame it became ready; the owner
  // (gui::Workspace) then closes this Shell and its App and goes on with that one.
  std::optional<OpenedDatabase> take_opened_database();
  // サインアウト: back to the sign-in screen once the current frame is drawn.
  void sign_out() { sign_out_requested_ = !signing_in_; }

  // Opens the panel and brings it to the front; false when the current organization has none
  // with that id. Before sign-in the wish is kept for after it (true).
  bool show_panel(const std::string& id);
  bool is_open(const std::string& id) const;
  // The panels available for the current organization: host panels and plugin panels.
  std::vector<std::string> panel_ids();
  // Works in `org` from now on, when host core lets the officer in (else the status bar says why).
  void select_org(sdk::OrgId org);
  void set_language(const std::string& lang);
  void set_font_size(int px);

 private:
  struct Layout {
    float menu_height = 0, status_height = 0, sidebar_width = 0;
    ImVec2 main_pos, main_size;  // where panels open
  };
  struct HostPanel {
    std::string id, title_key;
    std::function<void()> draw;
    std::function<bool()> offered;  // empty: always
  };
  bool offered(const HostPanel& p) const { return !p.offered || p.offered(); }

  void open_work();   // after sign-in (or at once without accounts): organizations, panels
  void close_work();  // サインアウト
  void refresh_organizations();
  sdk::OrgId initial_org();
  bool enter(sdk::OrgId org);
  // The plugin panels of the current organization the officer may open.
  std::vector<std::pair<const host::PluginRecord*, const sdk::Panel*>> org_panels();
  bool plugin_open_here(const std::string& plugin) const;
  bool enter_for(const std::string& plugin);
  void remember(const std::string& key, const std::string& value);
  Layout layout(float menu_height) const;
  // menu_bar.cpp
  float draw_menu_bar();
  void draw_file_menu(bool open_recent);  // open_recent: 最近開いたデータベース opened without the mouse
  void draw_view_menu();
  void draw_help_menu();
  void draw_plugin_menus();
  std::vector<std::pair<const host::PluginRecord*, const sdk::MenuItem*>> plugin_menu_items();
  void run_menu_action(const std::string& owner, const sdk::MenuItem& item);
  // sidebar.cpp
  void draw_sidebar(const Layout& l);
  void draw_org_switcher();
  void draw_panel_list();
  const host::Organization* current_organization() const;
  // panels.cpp
  void draw_panels(const Layout& l);
  bool begin_panel_window(const std::string& id, const std::string& title_key, const Layout& l);
  void draw_plugin_panel(const host::PluginRecord& owner, const sdk::Panel& panel, const Layout& l);
  void fail_plugin(const std::string& id, const std::string& reason);
  void draw_plugins_table();
  // status_bar.cpp
  void draw_status_bar(const Layout& l);
  std::string account_label() const;
  void draw_welcome();
  void draw_about();
  void create_sample_data();
  void draw_first_start();  // the welcome's second step: the 自治会's name and its 班

  host::App& app_;
  FontSet& fonts_;
  ShellOptions options_;
  GuiContext ctx_;
  std::unique_ptr<OrganizationsPanel> org_panel_;
  std::unique_ptr<SettingsPanel> settings_panel_;
  std::vector<HostPanel> host_panels_;
  std::vector<host::Organization> orgs_;  // those the officer may enter; refreshed on changes
  bool orgs_stale_ = true;
  std::vector<std::string> org_plugins_;  // plugins the officer may use in the current org
  std::unique_ptr<SignInScreen> sign_in_;
  std::unique_ptr<DatabaseOpener> opener_;
  bool file_menu_requested_ = false;  // --panel host.file_menu: open it without the mouse
  bool signing_in_ = false;
  bool sign_out_requested_ = false;
  std::string han_name_;       // a 班長's 班, for the status bar
  std::string pending_panel_;  // show_panel() before sign-in
  std::map<std::string, bool> open_;
  std::string focus_;  // panel to bring to the front on the next frame
  std::string front_;  // panel last focused
  bool started_ = false;
  bool quit_ = false;
  bool welcome_dismissed_ = false;
  bool first_start_ = false;  // the welcome asks for the 自治会's name and 班
  bool first_focus_ = false;
  std::string first_name_, first_han_;
  bool about_requested_ = false;
};

}  // namespace wasshoi::gui
