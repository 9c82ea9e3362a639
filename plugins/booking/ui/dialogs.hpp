#pragma once
#include <vector>
#include <wasshoi/sdk/context.hpp>

#include "ui/state.hpp"

namespace wasshoi::booking::ui {

// The booking dialog: room, date, slot or times, purpose, contact, attendance, repeat; a series
// is checked first and its conflicts and closures listed per date, then the user books the free
// dates or cancels all.
void open_booking_dialog(DialogState& d, FacilityId room, const sdk::Date& day);
void draw_booking_dialog(sdk::Context& ctx, DialogState& d, const std::vector<Facility>& rooms);

void draw_finder(sdk::Context& ctx, FinderState& s);
void draw_usage(sdk::Context& ctx, UsageState& s);

}  // namespace wasshoi::booking::ui
