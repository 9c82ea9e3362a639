#pragma once
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::ledger::ui {

// 出納帳: fast keyboard entry (Tab through the row, Enter adds it and starts the next, 科目 by
// typing part of its name or reading), the year's entries with each account's running balance,
// corrections with their reason.
void draw_book_panel(sdk::Context& ctx);

}  // namespace wasshoi::ledger::ui
