#pragma once
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::members::ui {

// 安否確認: the 要支援者 per 班 with their helpers, to tick off during a disaster or a drill.
void draw_safety_panel(sdk::Context& ctx);

}  // namespace wasshoi::members::ui
