#pragma once
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::members::ui {

// 役員: who holds which role in a 年度; assign, remove, and hand over at the 年度 change.
void draw_roles_panel(sdk::Context& ctx);

}  // namespace wasshoi::members::ui
