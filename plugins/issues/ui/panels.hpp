#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::issues {

#if WASSHOI_PLUGIN_UI
// The issues plugin's panels: the list with filters and a chart by category, the editor with
// photo preview, the merge dialog and the 懇談会 list builder.
void register_panels(sdk::Registry& registry);
#else
inline void register_panels(sdk::Registry&) {}  // built without the GUI: no ui/, no panels
#endif

}  // namespace wasshoi::issues
