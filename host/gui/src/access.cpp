#include "access.hpp"

#include <algorithm>
#include <wasshoi/host/setup.hpp>

namespace wasshoi::gui {

namespace {
bool may_work_in(host::App& app, sdk::OrgId org) {
  if (app.may_enter(org, "")) return true;
  const auto plugins = app.enabled_plugins(org);
  return std::any_of(plugins.begin(), plugins.end(),
                     [&](const auto* r) { return app.may_enter(org, r->id); });
}
}  // namespace

std::vector<host::Organization> enterable_orgs(host::App& app, std::vector<host::Organization> all) {
  // A retired organization is no longer offered to work in (its data stays, read only).
  const auto retired = host::retired_organizations(app.db());
  std::erase_if(all, [&](const host::Organization& o) { return retired.count(o.id) > 0; });
  if (app.access().full()) return all;
  std::erase_if(all, [&](const host::Organization& o) { return !may_work_in(app, o.id); });
  return all;
}

std::vector<std::string> enterable_plugins(host::App& app, sdk::OrgId org) {
  std::vector<std::string> ids;
  if (org == 0) return ids;
  for (const host::PluginRecord* r : app.enabled_plugins(org))
    if (app.may_enter(org, r->id)) ids.push_back(r->id);
  return ids;
}

void enter_org(host::App& app, sdk::OrgId org, const std::vector<std::string>& plugins) {
  if (org == 0 || app.access().full()) return;
  // Each plugin panel enters again with its own plugin before it draws (Shell::draw_plugin_panel).
  const bool host_too = app.may_enter(org, "");
  app.enter(org, host_too || plugins.empty() ? std::string() : plugins.front());
}

}  // namespace wasshoi::gui
