#pragma once
// The one date field of every panel (library wasshoi::sdk_ui, like ui.hpp and ui_panel.hpp).
//
//   [ 令和8.5.10     ] [カレンダー] 開催日   令和8年5月10日（2026年）
//
//  * The officer types the date as they write it: 2026-12-03, 2026/5/10, 2026年5月10日,
//    R8.5.10, 令和8年5月10日, full-width digits (anything sdk::parse_date reads).
//  * Beside the field (under it when the line has no room) the date it reads as, in both forms:
//    令和8年5月10日（2026年）. A text that is not a date gets a red frame and 日付として読めません;
//    the caller gets no date for it (and keeps what was typed, so the officer can correct it).
//  * カレンダー opens a month: ◀ ▶ for the months, today framed, Sundays and national holidays
//    (sdk/holidays.hpp) in red, Saturdays in blue, a holiday's name on hover. A click on a day
//    writes it into the field (as 2026-05-10) and closes the calendar.
//  * The field and everything beside it are one ImGui group: SameLine() after DateInput places
//    the next item right of the whole date field.
#include <imgui.h>

#include <optional>
#include <string>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk::ui {

struct DateInputResult {
  bool changed = false;      // the text changed this frame: typed, or a day picked in the calendar
  std::optional<Date> date;  // what the text reads as; nullopt when it is empty or not a date
  bool valid = true;         // empty or a date (an empty field is not an error: "no date")
  // A date was entered: valid and not empty.
  bool has_date() const { return date.has_value(); }
};

// A date field. `label` as for ImGui ("開催日", "##due" for no visible label); `text` is what the
// officer typed, kept as typed between frames (the caller stores it, as for ui::InputText).
DateInputResult DateInput(const char* label, std::string& text);

// What DateInput shows beside a date: 令和8年5月10日（2026年）.
std::string date_both_forms(const Date& date);
// The text DateInput writes for a date picked in the calendar: 2026-05-10.
std::string date_field_text(const Date& date);

}  // namespace wasshoi::sdk::ui
