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
  registry.add_panel({"members.roster", "members.panel.roster", ui::draw_roster_panel});
  registry.add_panel({"members.household", "members.panel.household", ui::draw_household_panel});
  registry.add_panel({"members.roles", "members.panel.roles", ui::draw_roles_panel});
  registry.add_panel({"members.dues", "members.panel.dues", ui::draw_dues_panel});
  registry.add_panel({"members.safety", "members.panel.safety", ui::draw_safety_panel});
  registry.add_panel({"members.import", "members.panel.import", ui::draw_import_panel});
}

}  // namespace wasshoi::members
