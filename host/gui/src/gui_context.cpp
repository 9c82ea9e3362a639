#include <wasshoi/gui/gui_context.hpp>
#include <wasshoi/sdk/i18n.hpp>

namespace wasshoi::gui {

std::string GuiContext::language() const {
  return sdk::strings().language();
}

void GuiContext::set_current_org(sdk::OrgId org) {
  if (org == org_) return;
  org_ = org;
  app_.events().publish(sdk::events::OrganizationChanged{org});
}

}  // namespace wasshoi::gui
