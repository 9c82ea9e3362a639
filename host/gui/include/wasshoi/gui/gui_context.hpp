#pragma once
// The sdk::Context that panels receive in the GUI: the App's database, bus and services, the
// organization chosen in the switcher, the signed-in officer, and notify() feeding the status bar.
#include <string>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::gui {

class GuiContext final : public sdk::Context {
 public:
  explicit GuiContext(host::App& app) : app_(app) {}

  sdk::Database& db() override { return app_.db(); }
  sdk::EventBus& events() override { return app_.events(); }
  sdk::Services& services() override { return app_.services(); }
  sdk::OrgId current_org() const override { return org_; }
  std::string language() const override;
  void notify(const std::string& message) override { message_ = message; }
  const sdk::Access& access() const override { return app_.access(); }
  void require(sdk::Act act, sdk::OrgId org) override { app_.require(act, org); }
  void require_visible(std::string_view table, std::int64_t id) override { app_.require_visible(table, id); }

  // Switches organization and tells the plugins (events::OrganizationChanged).
  void set_current_org(sdk::OrgId org);
  const std::string& last_message() const { return message_; }
  host::App& app() { return app_; }

 private:
  host::App& app_;
  sdk::OrgId org_ = 0;
  std::string message_;
};

}  // namespace wasshoi::gui
