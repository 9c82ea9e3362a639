#pragma once
// What the ledger's panels share: the data generation (a write here or in members/booking makes
// every panel reload), the 年度 chooser, and whether the officer writes the books.
#include <imgui.h>

#include <cstdint>
#include <string>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "core/model.hpp"

namespace wasshoi::ledger::ui {

using sdk::tr;

// Bumped by every write of the ledger and by DataChanged of other plugins.
std::uint64_t generation();
void bump_generation();
// After a write in a panel: reload everywhere, tell the other plugins.
void changed(sdk::Context& ctx, const std::string& what);

// Brings in 会費 and 使用料 (when the officer may write) once per generation; true when the
// books exist for the organization (a reader of a 自治会 without books sees a note instead).
bool prepare(sdk::Context& ctx);
bool writes(sdk::Context& ctx);

// A combo of 年度 (令和7年度 (2025)) from the first year of the books to the next one.
bool year_combo(const char* id, sdk::Context& ctx, int& year);
int current_year(sdk::Context& ctx);

// A note in the disabled colour, wrapped at the window's edge.
void note(std::string_view text);

// 12,345 / △12,345 right-aligned in the cell.
void amount_cell(std::int64_t amount);
std::string yen(std::int64_t amount);

}  // namespace wasshoi::ledger::ui
