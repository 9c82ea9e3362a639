#pragma once
// Host core's sdk::AnnualReport: the report sections (sdk/annual_report.hpp) of the plugins that are
// loaded and enabled for an organization. App provides it under sdk::kHostServiceOwner; it reads
// the plugin manager's records at each call, so a plugin disabled since is not asked.
#include <wasshoi/host/plugin_manager.hpp>
#include <wasshoi/sdk/annual_report.hpp>

namespace wasshoi::host {

class CoreAnnualReport final : public sdk::AnnualReport {
 public:
  explicit CoreAnnualReport(const PluginManager& plugins) : plugins_(plugins) {}
  std::vector<sdk::ReportSection> sections(sdk::Database& db, sdk::OrgId org) override;

 private:
  const PluginManager& plugins_;
};

}  // namespace wasshoi::host
