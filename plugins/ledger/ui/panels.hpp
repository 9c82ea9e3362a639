#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::ledger {

#if WASSHOI_PLUGIN_UI
// The ledger panels: 出納帳, 予算, 決算, 補助金, 口座と科目.
void register_panels(sdk::Registry& registry);
#else
inline void register_panels(sdk::Registry&) {}  // built without the GUI: no ui/, no panels
#endif

}  // namespace wasshoi::ledger
