#pragma once
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::members::ui {

// 世帯: the household chosen in the roster — its details, its persons (世帯主, 要支援者 and their
// helper), leaving (kept as history) — or a new household.
void draw_household_panel(sdk::Context& ctx);

}  // namespace wasshoi::members::ui
