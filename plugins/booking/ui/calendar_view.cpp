#include "ui/calendar_view.hpp"

#include <algorithm>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "ui/paint.hpp"

namespace wasshoi::booking::ui {

namespace {

using namespace paint;

struct Canvas {
  ImDrawList* dl;
  ImVec2 origin, size;
  float fs;
};

Canvas begin_canvas(float min_height) {
  ImVec2 avail = ImGui::GetContentRegionAvail();
  Canvas c{ImGui::GetWindowDrawList(), ImGui::GetCursorScreenPos(),
           ImVec2(std::max(avail.x, 400.0f), std::max(avail.y, min_height)), ImGui::GetFontSize()};
  c.dl->AddRectFilled(c.origin, ImVec2(c.origin.x + c.size.x, c.origin.y + c.size.y), kCanvas);
  return c;
}

void end_canvas(const Canvas& c, const std::vector<Chip>& chips, CalendarState& state) {
  ImGui::InvisibleButton("##calendar", c.size);
  interact(chips, state.selected);
}

ImVec4 clip_of(ImVec2 a, ImVec2 b) {
  return ImVec4(a.x, a.y, b.x, b.y);
}

// Day header: "5/10（日）" and the holiday's name under it.
void day_header(const Canvas& c, const CalendarData& data, const sdk::Date& d, ImVec2 a, ImVec2 b) {
  bool today = d == sdk::today();
  c.dl->AddRectFilled(a, b, today ? kToday : kHeader);
  // 「12/1（火）」 where it fits; in a narrow column (large text) 「12/1火」, then 「12/1」 (the
  // colour still tells Sundays, Saturdays and 祝日): never a date cut in the middle.
  static const char* const names[] = {"日", "月", "火", "水", "木", "金", "土"};
  const std::string day = std::to_string(d.month) + "/" + std::to_string(d.day);
  std::string label = day_label(d);
  for (const std::string& shorter : {day + names[d.weekday()], day})
    if (ImGui::CalcTextSize(label.c_str()).x > b.x - a.x - c.fs * 0.4f) label = shorter;
  text(c.dl, ImVec2(a.x + c.fs * 0.3f, a.y + c.fs * 0.15f), clip_of(a, b), day_colour(data, d), label);
  if (auto it = data.holidays.find(d); it != data.holidays.end())
    text(c.dl, ImVec2(a.x + c.fs * 0.3f, a.y + c.fs * 1.25f), clip_of(a, b), kSunday, it->second, 0.8f);
}

void closed_cell(const Canvas& c, ImVec2 a, ImVec2 b, const std::string& reason) {
  c.dl->AddRectFilled(a, b, kClosed);
  c.dl->PushClipRect(a, b, true);  // hatching: visibly not bookable
  for (float x = a.x - (b.y - a.y); x < b.x; x += c.fs * 0.9f)
    c.dl->AddLine(ImVec2(x, b.y), ImVec2(x + (b.y - a.y), a.y), IM_COL32(206, 206, 206, 255));
  c.dl->PopClipRect();
  text(c.dl, ImVec2(a.x + c.fs * 0.3f, a.y + c.fs * 0.3f), clip_of(a, b), kMuted, reason, 0.85f);
}

std::vector<const CalendarEntry*> entries_on(const CalendarData& data, FacilityId room, const sdk::Date& d) {
  std::vector<const CalendarEntry*> out;
  for (const auto& e : data.entries)
    if (e.booking.start.date == d && (room == 0 || e.booking.facility_id == room)) out.push_back(&e);
  return out;
}

// One room: hours down, days across.
void week_one_room(const CalendarData& data, CalendarState& state) {
  const Facility& f = data.rooms.front();
  float fs = ImGui::GetFontSize();
  int first_hour = f.open_min / 60, last_hour = (f.close_min + 59) / 60;
  float header = fs * 2.4f, axis = fs * 3.2f;
  float avail_y = ImGui::GetContentRegionAvail().y;
  float hour_h = std::max(fs * 1.3f, (avail_y - header - 4) / float(last_hour - first_hour));
  Canvas c = begin_canvas(header + hour_h * (last_hour - first_hour) + 2);
  float col_w = (c.size.x - axis) / 7.0f;
  std::vector<Chip> chips;
  for (int h = first_hour; h <= last_hour; ++h) {
    float y = c.origin.y + header + (h - first_hour) * hour_h;
    c.dl->AddLine(ImVec2(c.origin.x + axis, y), ImVec2(c.origin.x + c.size.x, y),
                  h == first_hour ? kGrid : kGridLight);
    if (h < last_hour)
      text(c.dl, ImVec2(c.origin.x + fs * 0.3f, y + 2),
           clip_of(c.origin, ImVec2(c.origin.x + axis, y + hour_h)), kMuted, std::to_string(h) + ":00");
  }
  for (std::size_t i = 0; i < data.days.size() && i < 7; ++i) {
    const sdk::Date& d = data.days[i];
    float x0 = c.origin.x + axis + i * col_w, x1 = x0 + col_w;
    ImVec2 body_a(x0, c.origin.y + header), body_b(x1, c.origin.y + c.size.y);
    if (d == sdk::today()) c.dl->AddRectFilled(body_a, body_b, IM_COL32(255, 252, 235, 255));
    if (auto* why = data.closed_reason(f.id, d)) closed_cell(c, body_a, body_b, *why);
    day_header(c, data, d, ImVec2(x0, c.origin.y), ImVec2(x1, c.origin.y + header));
    c.dl->AddLine(ImVec2(x0, c.origin.y), ImVec2(x0, c.origin.y + c.size.y), kGrid);
    for (const auto* e : entries_on(data, f.id, d)) {
      const Booking& b = e->booking;
      float y0 = body_a.y + (b.start.minutes_of_day() - first_hour * 60) / 60.0f * hour_h;
      float y1 =
          body_a.y + (std::min(b.end.minutes_of_day() == 0 ? 1440 : b.end.minutes_of_day(), last_hour * 60) -
                      first_hour * 60) /
                         60.0f * hour_h;
      Chip chip_rect{ImVec2(x0 + 3, y0 + 2), ImVec2(x1 - 3, y1 - 2), e};
      std::vector<std::string> lines = {short_span(b) + (b.status == Status::Tentative ? " 仮予約" : ""),
                                        b.purpose, e->org};
      chip(c.dl, chip_rect, lines, state.selected == b.id);
      chips.push_back(chip_rect);
    }
  }
  c.dl->AddRect(c.origin, ImVec2(c.origin.x + c.size.x, c.origin.y + c.size.y), kGrid);
  end_canvas(c, chips, state);
}

std::vector<std::string> room_chip_lines(const Booking& b) {
  return {short_span(b), b.purpose};
}

// Several rooms: a row per room, a column per day, bookings stacked as chips that fit their text.
void week_rooms(const CalendarData& data, CalendarState& state) {
  float fs = ImGui::GetFontSize();
  float header = fs * 2.4f, label = fs * 7.5f, gap = fs * 0.25f;
  float col_w = (std::max(ImGui::GetContentRegionAvail().x, 400.0f) - label) / 7.0f;
  std::vector<float> need(data.rooms.size(), fs * 3);
  for (std::size_t r = 0; r < data.rooms.size(); ++r)
    for (const auto& d : data.days) {
      float h = fs * 0.6f;
      for (const auto* e : entries_on(data, data.rooms[r].id, d))
        h += chip_height(room_chip_lines(e->booking), col_w - 6) + gap;
      need[r] = std::max(need[r], h);
    }
  float total = 0;
  for (float h : need) total += h;
  float spare = std::max(0.0f, ImGui::GetContentRegionAvail().y - header - total) /
                std::max<std::size_t>(1, need.size());
  for (float& h : need) h += spare;
  Canvas c = begin_canvas(header + total + spare * need.size());
  std::vector<Chip> chips;
  for (std::size_t i = 0; i < data.days.size() && i < 7; ++i)
    day_header(c, data, data.days[i], ImVec2(c.origin.x + label + i * col_w, c.origin.y),
               ImVec2(c.origin.x + label + (i + 1) * col_w, c.origin.y + header));
  float y0 = c.origin.y + header;
  for (std::size_t r = 0; r < data.rooms.size(); ++r) {
    const Facility& f = data.rooms[r];
    float y1 = y0 + need[r];
    ImVec4 label_clip = clip_of(ImVec2(c.origin.x, y0), ImVec2(c.origin.x + label, y1));
    c.dl->AddRectFilled(ImVec2(c.origin.x, y0), ImVec2(c.origin.x + label, y1), kHeader);
    text(c.dl, ImVec2(c.origin.x + fs * 0.3f, y0 + fs * 0.3f), label_clip, kText, f.name);
    text(c.dl, ImVec2(c.origin.x + fs * 0.3f, y0 + fs * 1.5f), label_clip, kMuted,
         std::to_string(f.capacity) + "人", 0.85f);
    for (std::size_t i = 0; i < data.days.size() && i < 7; ++i) {
      const sdk::Date& d = data.days[i];
      ImVec2 a(c.origin.x + label + i * col_w, y0), b(a.x + col_w, y1);
      if (d == sdk::today()) c.dl->AddRectFilled(a, b, IM_COL32(255, 252, 235, 255));
      if (auto* why = data.closed_reason(f.id, d)) closed_cell(c, a, b, *why);
      float y = y0 + fs * 0.3f;
      for (const auto* e : entries_on(data, f.id, d)) {
        auto lines = room_chip_lines(e->booking);
        Chip chip_rect{ImVec2(a.x + 3, y), ImVec2(b.x - 3, y + chip_height(lines, col_w - 6)), e};
        chip(c.dl, chip_rect, lines, state.selected == e->booking.id);  // 仮予約: amber with an orange frame
        chips.push_back(chip_rect);
        y = chip_rect.max.y + gap;
      }
    }
    c.dl->AddLine(ImVec2(c.origin.x, y1), ImVec2(c.origin.x + c.size.x, y1), kGrid);
    y0 = y1;
  }
  for (int i = 0; i <= 7; ++i)
    c.dl->AddLine(ImVec2(c.origin.x + label + i * col_w, c.origin.y),
                  ImVec2(c.origin.x + label + i * col_w, c.origin.y + c.size.y), kGrid);
  c.dl->AddRect(c.origin, ImVec2(c.origin.x + c.size.x, c.origin.y + c.size.y), kGrid);
  end_canvas(c, chips, state);
}

}  // namespace

void draw_legend() {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  float fs = ImGui::GetFontSize();
  // Each swatch with its word; the legend goes on to the next line when the line is full.
  bool first = true;
  auto swatch = [&](ImU32 fill, ImU32 edge, const char* key) {
    if (!first)
      sdk::ui::same_line_if_fits(
          fs * 1.7f + ImGui::GetStyle().ItemSpacing.x + sdk::ui::text_width(sdk::tr(key)), fs * 1.2f);
    first = false;
    ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(ImVec2(p.x, p.y + fs * 0.15f), ImVec2(p.x + fs * 1.6f, p.y + fs * 1.05f), fill,
                      fs * 0.2f);
    if (edge)
      dl->AddRect(ImVec2(p.x, p.y + fs * 0.15f), ImVec2(p.x + fs * 1.6f, p.y + fs * 1.05f), edge, fs * 0.2f,
                  0, 2.0f);
    ImGui::Dummy(ImVec2(fs * 1.7f, fs));
    ImGui::SameLine();
    ImGui::TextUnformatted(sdk::tr(key));
  };
  swatch(kApproved, 0, "booking.status.approved");
  swatch(kTentative, kTentativeEdge, "booking.status.tentative");
  swatch(kClosed, 0, "booking.legend.closed");
  sdk::ui::same_line_if_fits(sdk::ui::text_width(sdk::tr("booking.legend.holiday")), fs * 1.2f);
  ImGui::TextColored(ImVec4(198 / 255.0f, 40 / 255.0f, 40 / 255.0f, 1), "%s",
                     sdk::tr("booking.legend.holiday"));
}

void draw_week(const CalendarData& data, CalendarState& state) {
  if (data.rooms.empty()) {
    ImGui::TextUnformatted(sdk::tr("booking.no_rooms"));
    return;
  }
  if (data.rooms.size() == 1)
    week_one_room(data, state);
  else
    week_rooms(data, state);
}

}  // namespace wasshoi::booking::ui
