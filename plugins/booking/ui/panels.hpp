#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::booking {

#if WASSHOI_PLUGIN_UI
// The booking panels: calendar (week/month, per room or all rooms of an owner), free-slot
// finder and usage report.
void register_panels(sdk::Registry& registry);
#else
inline void register_panels(sdk::Registry&) {}  // built without the GUI: no ui/, no panels
#endif

}  // namespace wasshoi::booking
