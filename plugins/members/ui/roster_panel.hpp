#pragma once
#include <cstddef>
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::members::ui {

// 名簿: the roster table — search as you type, filters, sortable columns — smooth at 100 000
// persons (ImGuiListClipper over a RosterView).
void draw_roster_panel(sdk::Context& ctx);
// For tests and the benchmark: persons matching the current filter, and pages of rows read
// from the database since the panel started.
std::size_t roster_panel_size();
std::size_t roster_panel_pages_loaded();

}  // namespace wasshoi::members::ui
