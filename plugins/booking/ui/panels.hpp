#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::booking {

// The booking panels: calendar (week/month, per room or all rooms of an owner), free-slot
// finder and usage report. Without the GUI build (no wasshoi::sdk_ui) this registers nothing.
void register_panels(sdk::Registry& registry);

}  // namespace wasshoi::booking
