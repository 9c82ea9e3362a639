#pragma once
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::members::ui {

// 取り込み: a roster CSV — check first (dry run: columns, new 班, bad rows with their line),
// adjust the column mapping, then import in one transaction with a progress bar.
void draw_import_panel(sdk::Context& ctx);

}  // namespace wasshoi::members::ui
