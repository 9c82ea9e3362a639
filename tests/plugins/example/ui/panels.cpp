// The circulars panel: draws the window's content only; the host opens the window.
#include "ui/panels.hpp"

#include <imgui.h>

#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "core/circulars.hpp"

namespace wasshoi::kairanban {

namespace {

void draw_circulars(sdk::Context& ctx) {
  const sdk::OrgId org = ctx.current_org();
  if (org == 0) return sdk::ui::TextDisabled(sdk::tr("kairanban.no_org"));
  for (const auto& c : list_circulars(ctx.db(), sdk::organizations(ctx), org, ctx.access().han_scope(org))) {
    sdk::ui::Text(c.title);  // stored text: sdk::ui::Text keeps 𠮷 legible
    if (!c.han.empty()) {
      ImGui::SameLine();
      sdk::ui::TextDisabled(c.han);
    }
  }
}

}  // namespace

void register_panels(sdk::Registry& registry) {
  registry.add_panel({"kairanban.circulars", "kairanban.panel.circulars", draw_circulars});
}

}  // namespace wasshoi::kairanban
