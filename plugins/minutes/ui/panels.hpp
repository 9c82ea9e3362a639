#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::minutes {

#if WASSHOI_PLUGIN_UI
// The minutes panels: meetings (list + month calendar), attendance sheet with live quorum,
// agenda editor with votes, action-item board, and the meeting settings (定足数, kinds).
void register_panels(sdk::Registry& registry);
#else
inline void register_panels(sdk::Registry&) {}  // built without the GUI: no ui/, no panels
#endif

}  // namespace wasshoi::minutes
