#include <algorithm>

#include "ui/calendar_view.hpp"
#include "ui/paint.hpp"

namespace wasshoi::booking::ui {

namespace {

using namespace paint;

constexpr const char* kWeekdays[] = {"日", "月", "火", "水", "木", "金", "土"};

ImU32 weekday_colour(int wd) {
  return wd == 0 ? kSunday : wd == 6 ? kSaturday : kText;
}

std::string chip_line(const CalendarEntry& e, bool several_rooms) {
  const Booking& b = e.booking;
  // With several rooms the room is what matters at a glance; the purpose is in the tooltip.
  return short_time(b.start.minutes_of_day()) + " " + (several_rooms ? e.room : b.purpose);
}

struct Cell {
  ImVec2 a, b;
  sdk::Date day;
  bool in_month;
};

void draw_cell(ImDrawList* dl, const CalendarData& data, const Cell& cell, CalendarState& state,
               std::vector<Chip>& chips) {
  float fs = ImGui::GetFontSize();
  ImVec4 clip(cell.a.x, cell.a.y, cell.b.x, cell.b.y);
  const std::string* closed = data.closed_for_all(cell.day);
  if (closed && cell.in_month)
    dl->AddRectFilled(cell.a, cell.b, kClosed);
  else if (cell.day == sdk::today())
    dl->AddRectFilled(cell.a, cell.b, kToday);
  ImU32 num = cell.in_month ? day_colour(data, cell.day) : kGridLight;
  text(dl, ImVec2(cell.a.x + fs * 0.3f, cell.a.y + fs * 0.15f), clip, num, std::to_string(cell.day.day),
       1.1f);
  float label_x = cell.a.x + fs * 1.9f;
  if (auto it = data.holidays.find(cell.day); it != data.holidays.end() && cell.in_month)
    text(dl, ImVec2(label_x, cell.a.y + fs * 0.3f), clip, kSunday, it->second, 0.75f);
  else if (closed && cell.in_month)
    text(dl, ImVec2(label_x, cell.a.y + fs * 0.3f), clip, kMuted, *closed, 0.75f);
  if (!cell.in_month) return;
  float y = cell.a.y + fs * 1.4f, chip_h = fs * 1.3f;
  std::vector<const CalendarEntry*> todays;
  for (const auto& e : data.entries)
    if (e.booking.start.date == cell.day) todays.push_back(&e);
  for (std::size_t i = 0; i < todays.size(); ++i) {
    bool room_for_more = y + chip_h + fs * 0.95f <= cell.b.y;
    if (y + chip_h > cell.b.y || (!room_for_more && i + 1 < todays.size())) {
      text(dl, ImVec2(cell.a.x + fs * 0.3f, y), clip, kMuted,
           "ほか " + std::to_string(todays.size() - i) + " 件", 0.85f);
      break;
    }
    Chip c{ImVec2(cell.a.x + 3, y), ImVec2(cell.b.x - 3, y + chip_h - 2), todays[i]};
    chip(dl, c, {chip_line(*todays[i], data.rooms.size() > 1)}, state.selected == todays[i]->booking.id,
         false);
    chips.push_back(c);
    y += chip_h;
  }
}

}  // namespace

void draw_month(const CalendarData& data, CalendarState& state) {
  if (data.rooms.empty()) {
    ImGui::TextUnformatted("—");
    return;
  }
  float fs = ImGui::GetFontSize();
  ImVec2 avail = ImGui::GetContentRegionAvail();
  ImVec2 origin = ImGui::GetCursorScreenPos();
  float header = fs * 1.6f;
  float width = std::max(avail.x, 400.0f);
  int weeks = static_cast<int>((data.days.size() + 6) / 7);
  float row_h = std::max(fs * 4.0f, (avail.y - header - 2) / float(weeks));
  float col_w = width / 7.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  ImVec2 end(origin.x + width, origin.y + header + row_h * weeks);
  dl->AddRectFilled(origin, end, kCanvas);
  dl->AddRectFilled(origin, ImVec2(end.x, origin.y + header), kHeader);
  for (int i = 0; i < 7; ++i)
    text(dl, ImVec2(origin.x + i * col_w + col_w / 2 - fs / 2, origin.y + fs * 0.3f),
         ImVec4(origin.x, origin.y, end.x, end.y), weekday_colour(i), kWeekdays[i]);
  std::vector<Chip> chips;
  int month = state.anchor.month;
  for (std::size_t k = 0; k < data.days.size() && k < 42; ++k) {
    int row = static_cast<int>(k / 7), col = static_cast<int>(k % 7);
    Cell cell{ImVec2(origin.x + col * col_w, origin.y + header + row * row_h),
              ImVec2(origin.x + (col + 1) * col_w, origin.y + header + (row + 1) * row_h), data.days[k],
              data.days[k].month == month};
    draw_cell(dl, data, cell, state, chips);
  }
  for (int i = 0; i <= 7; ++i)
    dl->AddLine(ImVec2(origin.x + i * col_w, origin.y), ImVec2(origin.x + i * col_w, end.y), kGrid);
  for (int r = 0; r <= weeks; ++r)
    dl->AddLine(ImVec2(origin.x, origin.y + header + r * row_h), ImVec2(end.x, origin.y + header + r * row_h),
                kGrid);
  dl->AddRect(origin, end, kGrid);
  ImGui::InvisibleButton("##month", ImVec2(width, end.y - origin.y));
  interact(chips, state.selected);
}

}  // namespace wasshoi::booking::ui
