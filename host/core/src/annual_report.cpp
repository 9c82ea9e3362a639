#include <algorithm>
#include <wasshoi/host/annual_report.hpp>
#include <wasshoi/host/organizations.hpp>

namespace wasshoi::host {

std::vector<sdk::ReportSection> CoreAnnualReport::sections(sdk::Database& db, sdk::OrgId org) {
  const std::vector<std::string> enabled = Organizations(db).enabled_plugins(org);
  std::vector<sdk::ReportSection> out;
  for (const auto& r : plugins_.plugins()) {
    if (r.state != PluginState::Loaded || !r.contributions) continue;
    if (std::find(enabled.begin(), enabled.end(), r.id) == enabled.end()) continue;
    for (const auto& s : sdk::impl::contributions(*r.contributions).report_sections) out.push_back(s);
  }
  std::stable_sort(out.begin(), out.end(), [](const sdk::ReportSection& a, const sdk::ReportSection& b) {
    return std::tie(a.part, a.order, a.id) < std::tie(b.part, b.order, b.id);
  });
  return out;
}

}  // namespace wasshoi::host
