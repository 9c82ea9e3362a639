#pragma once
// The host's own panel "組織の管理": organizations and their hierarchy, adding organizations,
// the 班 of a 自治会, and which plugins each organization uses. Everything goes through
// host::Organizations / host::App, exactly as `wasshoi-cli org …` does.
#include <functional>
#include <string>
#include <vector>
#include <wasshoi/gui/gui_context.hpp>
#include <wasshoi/host/app.hpp>

namespace wasshoi::gui {

class OrganizationsPanel {
 public:
  // `changed` runs after every write, done or refused (the shell refreshes its lists and glyphs);
  // `work_in` switches the whole window to another organization.
  OrganizationsPanel(host::App& app, GuiContext& ctx, std::function<void()> changed,
                     std::function<void(sdk::OrgId)> work_in)
      : app_(app), ctx_(ctx), changed_(std::move(changed)), work_in_(std::move(work_in)) {}
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
  sdk::OrgId selected_ = 0;
  std::string new_name_;
  int new_kind_ = 0;
  sdk::OrgId new_parent_ = 0;
  std::string new_han_;
};

}  // namespace wasshoi::gui
