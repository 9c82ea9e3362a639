#pragma once
// The CLI's side of sdk::CliContext: global options, lazy database, output as text or JSON.
#include <iostream>
#include <memory>
#include <string>
#include <wasshoi/host/app.hpp>
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::cli {

struct GlobalOptions {
  std::string user;
  std::string db_path;
  std::string plugin_dir;
  bool json = false;
  sdk::OrgId org = 0;
};

class Session : public sdk::CliContext {
 public:
  // `owner`: the plugin whose command runs ("" for the host's own), checked against the
  // organization's enabled plugins by require_org().
  Session(host::App& app, const GlobalOptions& opts, std::string owner = {})
      : app_(app), opts_(opts), owner_(std::move(owner)) {}

  // The database, opened (and migrated) on first use; refused to a plugin whose migration failed.
  // From then on every commit of this process is counted (committed_writes).
  sdk::Database& db() override;
  sdk::EventBus& events() override { return app_.events(); }
  sdk::Services& services() override { return app_.services(); }
  sdk::OrgId current_org() const override { return opts_.org; }
  std::string language() const override { return "ja"; }
  void notify(const std::string& message) override { std::cerr << message << '\n'; }
  bool json() const override { return opts_.json; }
  void emit(const nlohmann::json& value, const std::function<void(std::ostream&)>& human) override;
  sdk::OrgId require_org() override;
  const sdk::Access& access() const override { return app_.access(); }
  void require(sdk::Act act, sdk::OrgId org) override { app_.require(act, org); }
  void require_visible(std::string_view table, std::int64_t id) override { app_.require_visible(table, id); }

  host::App& app() { return app_; }

 private:
  host::App& app_;
  const GlobalOptions& opts_;
  std::string owner_;
};

// Write transactions this process committed through a Session's db() (sdk::Database::commits(),
// on both engines), so a failed plugin command can say truthfully whether it had saved anything.
int committed_writes();

}  // namespace wasshoi::cli
