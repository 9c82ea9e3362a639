#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::proposals {

#if WASSHOI_PLUGIN_UI
// The proposals plugin's panels: the editor (list, the three sections, life-cycle steps and a
// live preview of the 要望書 as it will print) and the dashboard.
void register_panels(sdk::Registry& registry);
#else
inline void register_panels(sdk::Registry&) {}  // built without the GUI: no ui/, no panels
#endif

}  // namespace wasshoi::proposals
