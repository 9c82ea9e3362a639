#pragma once
// The issues plugin's panels: the list with filters and a chart by category, the editor with
// photo preview, the merge dialog and the 懇談会 list builder. Without sdk_ui in the build,
// register_panels adds nothing.
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::issues {

void register_panels(sdk::Registry& registry);

}  // namespace wasshoi::issues
