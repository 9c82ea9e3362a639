#pragma once
#include <wasshoi/sdk/registry.hpp>

namespace wasshoi::evaluation {

#if WASSHOI_PLUGIN_UI
// The evaluation plugin's panels: 協働事業 (list, detail, comparison, the partners' ratings as a
// chart), 自主評価 (the officer's own organization's ratings), アンケート (questions and the
// keyboard-only answer grid) and the tally (counts, %, means, charts, cross-tabulation, free text).
void register_panels(sdk::Registry& registry);
#else
inline void register_panels(sdk::Registry&) {}  // built without the GUI: no ui/, no panels
#endif

}  // namespace wasshoi::evaluation
