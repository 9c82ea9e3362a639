#pragma once
// The proposals plugin's panels: the editor (list, the three sections, life-cycle steps and a live
// preview of the 要望書 as it will print) and the dashboard. Without sdk_ui in the build,
// register_panels adds nothing.
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::proposals {

void register_panels(sdk::Registry& registry);

}  // namespace wasshoi::proposals
