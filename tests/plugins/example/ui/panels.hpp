#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::kairanban {

#if WASSHOI_PLUGIN_UI
// The circulars panel.
void register_panels(sdk::Registry& registry);
#else
inline void register_panels(sdk::Registry&) {}  // built without the GUI: no ui/, no panels
#endif

}  // namespace wasshoi::kairanban
