#pragma once
// What the signed-in officer may open in the window, as host core decides (App::may_enter,
// App::enter): the GUI only asks, it holds no rules. Without accounts everything is open.
#include <string>
#include <vector>
#include <wasshoi/host/app.hpp>

namespace wasshoi::gui {

// The organizations the officer may work in: with the host, or with one of the plugins enabled
// there (a 地域協働体 officer looks at its 自治会' issues and proposals).
std::vector<host::Organization> enterable_orgs(host::App& app, std::vector<host::Organization> all);

// The plugins enabled for `org` whose panels and menus the officer may use there.
std::vector<std::string> enterable_plugins(host::App& app, sdk::OrgId org);

// Enters `org` (App::enter: the connection becomes read-only where the officer may only look),
// with the host or, when only some plugins are open to them there, the first of `plugins` (from
// enterable_plugins()). sdk::InputError in host core's words when they may not work there.
void enter_org(host::App& app, sdk::OrgId org, const std::vector<std::string>& plugins);

}  // namespace wasshoi::gui
