#pragma once
// The plain sdk::Context over an App: the database, bus and services of the App, one organization
// chosen, messages kept. What demo runs, tests and benchmarks hand to plugin code without a GUI
// or a command line around it.
#include <string>
#include <vector>
#include <wasshoi/host/app.hpp>

namespace wasshoi::host {

class AppContext final : public sdk::Context {
 public:
  explicit AppContext(App& app, sdk::OrgId org = 0) : app_(app), org_(org) {}
  sdk::Database& db() override { return app_.db(); }
  sdk::EventBus& events() override { return app_.events(); }
  sdk::Services& services() override { return app_.services(); }
  sdk::OrgId current_org() const override { return org_; }
  std::string language() const override { return "ja"; }
  void notify(const std::string& message) override { messages.push_back(message); }
  const sdk::Access& access() const override { return app_.access(); }
  void require(sdk::Act act, sdk::OrgId org) override { app_.require(act, org); }
  void require_visible(std::string_view table, std::int64_t id) override { app_.require_visible(table, id); }
  void set_org(sdk::OrgId org) { org_ = org; }

  std::vector<std::string> messages;

 private:
  App& app_;
  sdk::OrgId org_;
};

}  // namespace wasshoi::host
