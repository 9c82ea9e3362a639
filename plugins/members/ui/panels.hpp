#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::members {

#if WASSHOI_PLUGIN_UI
// The members panels: roster, household editor, roles, dues sheet, 安否確認, import.
void register_panels(sdk::Registry& registry);
#else
inline void register_panels(sdk::Registry&) {}  // built without the GUI: no ui/, no panels
#endif

}  // namespace wasshoi::members
