#include "ui/panels.hpp"

#include "ui/draw_panels.hpp"

namespace wasshoi::minutes {

void register_panels(sdk::Registry& registry) {
  registry.add_panel({"minutes.meetings", "minutes.panel.meetings", ui::draw_meetings_panel});
  registry.add_panel({"minutes.attendance", "minutes.panel.attendance", ui::draw_attendance_panel});
  registry.add_panel({"minutes.reception", "minutes.panel.reception", ui::draw_reception_panel});
  registry.add_panel({"minutes.agenda", "minutes.panel.agenda", ui::draw_agenda_panel});
  registry.add_panel({"minutes.actions", "minutes.panel.actions", ui::draw_actions_panel});
  registry.add_panel({"minutes.settings", "minutes.panel.settings", ui::draw_settings_panel});
  registry.add_panel({"minutes.gikansho", "minutes.panel.gikansho", ui::draw_gikansho_panel});
}

}  // namespace wasshoi::minutes
