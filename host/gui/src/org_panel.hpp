#pragma once
// The host's own panel "組織の管理": organizations and their hierarchy, adding organizations;
// for the one selected, its 班 and the plugins it uses, read only, with the way to 設定 where
// they are changed (settings_panel.hpp). Writes go through host::Organizations / host::App,
// exactly as `wasshoi-cli org …` does.
#include <functional>
#include <string>
#include <vector>
#include <wasshoi/gui/gui_context.hpp>
#include <wasshoi/host/app.hpp>

namespace wasshoi::gui {

class OrganizationsPanel {
 public:
  // `changed` runs after every write, done or refused (the shell refreshes its lists and glyphs);
  // `work_in` switches the whole window to another organization; `open_settings` switches to it
  // and brings its 設定 to the front.
  OrganizationsPanel(host::App& app, GuiContext& ctx, std::function<void()> changed,
                     std::function<void(sdk::OrgId)> work_in, std::function<void(sdk::OrgId)> open_settings)
      : app_(app),
        ctx_(ctx),
        changed_(std::move(changed)),
        work_in_(std::move(work_in)),
        open_settings_(std::move(open_settings)) {}
  void draw();

 private:
  void draw_list(const std::vector<host::Organization>& orgs);
  void draw_add_form(const std::vector<host::Organization>& orgs);
  void draw_details(const host::Organization& org, const std::vector<host::Organization>& orgs);
  void draw_han(const host::Organization& org);
  void draw_plugins(const host::Organization& org);
  // Runs one write concerning `org` (0: none yet); what the core refuses (empty name, wrong
  // parent, an organization the officer may not change …) goes to the status bar.
  void write(sdk::OrgId org, const std::function<void()>& action, const char* done_key);

  host::App& app_;
  GuiContext& ctx_;
  std::function<void()> changed_;
  std::function<void(sdk::OrgId)> work_in_;
  std::function<void(sdk::OrgId)> open_settings_;
  sdk::OrgId selected_ = 0;
  std::string new_name_;
  int new_kind_ = 0;
  sdk::OrgId new_parent_ = 0;
};

}  // namespace wasshoi::gui
