#pragma once
// The ledger's panels (ui/panels.cpp registers them).
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::ledger::ui {

void draw_settlement_panel(sdk::Context& ctx);
void draw_budget_panel(sdk::Context& ctx);
void draw_grants_panel(sdk::Context& ctx);
void draw_setup_panel(sdk::Context& ctx);

}  // namespace wasshoi::ledger::ui
