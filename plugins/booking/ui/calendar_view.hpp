#pragma once
// Week and month calendars drawn with the window's draw list: large text, one colour per status
// (承認 green, 仮予約 amber with an orange frame), closed days grey with the reason, 日曜・祝日 red.
#include "ui/calendar_model.hpp"
#include "ui/state.hpp"

namespace wasshoi::booking::ui {

void draw_legend();
// One room: a time grid of 7 days. Several rooms: a row per room, a column per day.
void draw_week(const CalendarData& data, CalendarState& state);
// Six weeks from the Sunday before the 1st; bookings as chips "10:00 役員会".
void draw_month(const CalendarData& data, CalendarState& state);

}  // namespace wasshoi::booking::ui
