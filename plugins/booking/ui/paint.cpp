#include "ui/paint.hpp"

#include <string>
#include <vector>
#include <wasshoi/sdk/ui.hpp>

namespace wasshoi::booking::ui::paint {

void text(ImDrawList* dl, ImVec2 pos, const ImVec4& clip, ImU32 colour, std::string_view s, float scale) {
  std::string shown = sdk::ui::display_text(s);
  sdk::ui::request_glyphs(shown);
  dl->AddText(ImGui::GetFont(), ImGui::GetFontSize() * scale, pos, colour, shown.data(),
              shown.data() + shown.size(), 0.0f, &clip);
}

float text_width(std::string_view s, float scale) {
  std::string shown = sdk::ui::display_text(s);
  return ImGui::GetFont()
      ->CalcTextSizeA(ImGui::GetFontSize() * scale, FLT_MAX, 0.0f, shown.data(), shown.data() + shown.size())
      .x;
}

ImU32 day_colour(const CalendarData& data, const sdk::Date& day) {
  if (day.weekday() == 0 || data.holidays.count(day)) return kSunday;
  if (day.weekday() == 6) return kSaturday;
  return kText;
}

std::string day_label(const sdk::Date& day) {
  static const char* const names[] = {"日", "月", "火", "水", "木", "金", "土"};
  return std::to_string(day.month) + "/" + std::to_string(day.day) + "（" + names[day.weekday()] + "）";
}

std::string short_time(int m) {
  return m % 60 == 0 ? std::to_string(m / 60) + "時" : format_hm(m);
}

std::string short_span(const Booking& b) {
  int a = b.start.minutes_of_day(), e = b.end.date == b.start.date ? b.end.minutes_of_day() : 24 * 60;
  if (a % 60 == 0 && e % 60 == 0) return std::to_string(a / 60) + "–" + std::to_string(e / 60) + "時";
  return format_hm(a) + "–" + format_hm(e);
}

float chip_height(const std::vector<std::string>& lines, float width) {
  float pad = ImGui::GetFontSize() * 0.25f, h = pad * 1.5f;
  for (const auto& line : lines) {
    std::string shown = sdk::ui::display_text(line);
    h += ImGui::GetFont()
             ->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, width - 2 * pad, shown.data(),
                             shown.data() + shown.size())
             .y;
  }
  return h;
}

void chip(ImDrawList* dl, const Chip& c, const std::vector<std::string>& lines, bool selected,
          bool wrap_lines) {
  bool approved = c.entry->booking.status == Status::Approved;
  float r = ImGui::GetFontSize() * 0.25f;
  dl->AddRectFilled(c.min, c.max, approved ? kApproved : kTentative, r);
  if (!approved) dl->AddRect(c.min, c.max, kTentativeEdge, r, 0, 2.0f);
  if (selected)
    dl->AddRect(ImVec2(c.min.x - 2, c.min.y - 2), ImVec2(c.max.x + 2, c.max.y + 2), kSelected, r, 0, 3.0f);
  float pad = ImGui::GetFontSize() * 0.25f;
  ImVec4 clip(c.min.x + pad, c.min.y, c.max.x - pad, c.max.y);
  float y = c.min.y + pad * 0.5f, wrap = wrap_lines ? c.max.x - c.min.x - 2 * pad : 0.0f;
  ImFont* font = ImGui::GetFont();
  // A time span too wide for the chip ("10–12時" at 28 px) breaks after its dash, never inside a
  // number as the wrapping would ("10–1" / "2時").
  std::vector<std::string> shown_lines;
  for (const auto& line : lines) {
    const auto dash = line.find("–");
    if (wrap > 0 && dash != std::string::npos && text_width(line, 1.0f) > wrap) {
      shown_lines.push_back(line.substr(0, dash + 3));
      shown_lines.push_back(line.substr(dash + 3));
    } else {
      shown_lines.push_back(line);
    }
  }
  for (const auto& line : shown_lines) {
    if (y + ImGui::GetFontSize() * 0.8f > c.max.y) break;
    std::string shown = sdk::ui::display_text(line);
    sdk::ui::request_glyphs(shown);
    const char* end = shown.data() + shown.size();
    dl->AddText(font, ImGui::GetFontSize(), ImVec2(c.min.x + pad, y),
                approved ? kApprovedText : kTentativeText, shown.data(), end, wrap, &clip);
    y += font->CalcTextSizeA(ImGui::GetFontSize(), FLT_MAX, wrap, shown.data(), end).y;
  }
}

void interact(const std::vector<Chip>& chips, std::optional<BookingId>& selected) {
  ImVec2 mouse = ImGui::GetIO().MousePos;
  for (const auto& c : chips) {
    if (mouse.x < c.min.x || mouse.x > c.max.x || mouse.y < c.min.y || mouse.y > c.max.y) continue;
    if (!ImGui::IsWindowHovered()) return;
    const Booking& b = c.entry->booking;
    ImGui::BeginTooltip();
    sdk::ui::Text(c.entry->room + "  " + format_span(b.start, b.end));
    sdk::ui::Text(c.entry->org + "「" + b.purpose + "」");
    sdk::ui::Text(std::string(status_label_ja(b.status)) + " / " + std::to_string(b.attendance) + "人 / " +
                  std::to_string(b.fee) + "円" + (b.contact.empty() ? "" : " / 担当 " + b.contact));
    ImGui::EndTooltip();
    if (ImGui::IsMouseClicked(ImGuiMouseButton_Left)) selected = b.id;
    return;
  }
}

}  // namespace wasshoi::booking::ui::paint
