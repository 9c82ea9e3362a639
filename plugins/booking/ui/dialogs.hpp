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

// 施設の設定: add a room or change one of the organization's, its one-off closures, retire it.
void draw_setup(sdk::Context& ctx, SetupState& s);
// 予約の確認: 承認待ち with 承認, the bookings of the organization's rooms and its own, with
// 取消 (asking why) and 承認の取消.
void draw_requests(sdk::Context& ctx, RequestsState& s);

void draw_finder(sdk::Context& ctx, FinderState& s);
void draw_usage(sdk::Context& ctx, UsageState& s);

}  // namespace wasshoi::booking::ui
