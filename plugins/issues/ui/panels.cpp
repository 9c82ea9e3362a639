// The issues panels, one file each; here they are only listed.
#include "ui/panels.hpp"

#include "ui/list_panel.hpp"

namespace wasshoi::issues {

void register_panels(sdk::Registry& registry) {
  registry.add_panel({"issues.list", "issues.panel.list", ui::draw_list_panel});
  registry.add_panel({"issues.editor", "issues.panel.editor", ui::draw_editor_panel});
  registry.add_panel({"issues.agenda", "issues.panel.agenda", ui::draw_agenda_panel});
}

}  // namespace wasshoi::issues
