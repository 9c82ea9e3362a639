#pragma once
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::members::ui {

// 会費: the collection sheet (集金表) per 班 for a 年度 — who has paid, one click to record a
// payment — with the 集金率 per 班 and in total.
void draw_dues_panel(sdk::Context& ctx);

}  // namespace wasshoi::members::ui
