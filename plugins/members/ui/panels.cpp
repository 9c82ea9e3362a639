// The members panels, one file each; here they are only listed.
#include "ui/panels.hpp"

#include "ui/dues_panel.hpp"
#include "ui/household_panel.hpp"
#include "ui/import_panel.hpp"
#include "ui/roles_panel.hpp"
#include "ui/roster_panel.hpp"
#include "ui/safety_panel.hpp"

namespace wasshoi::members {

void register_panels(sdk::Registry& registry) {
  // A roster of 班 and 世帯 is a 自治会's: a 地域協働体, an NPO or the city has none of its own.
  const std::vector<sdk::OrgKind> jichikai = {sdk::OrgKind::Jichikai};
  registry.add_panel({"members.roster", "members.panel.roster", ui::draw_roster_panel, jichikai});
  registry.add_panel({"members.household", "members.panel.household", ui::draw_household_panel, jichikai});
  registry.add_panel({"members.roles", "members.panel.roles", ui::draw_roles_panel, jichikai});
  registry.add_panel({"members.dues", "members.panel.dues", ui::draw_dues_panel, jichikai});
  registry.add_panel({"members.safety", "members.panel.safety", ui::draw_safety_panel, jichikai});
  registry.add_panel({"members.import", "members.panel.import", ui::draw_import_panel, jichikai});
}

}  // namespace wasshoi::members
