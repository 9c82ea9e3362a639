#pragma once
// Drawing helpers shared by the calendars: colours, text into a rectangle, booking chips.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

#include "ui/calendar_model.hpp"

namespace wasshoi::booking::ui::paint {

inline constexpr ImU32 kCanvas = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kGrid = IM_COL32(190, 190, 190, 255);
inline constexpr ImU32 kGridLight = IM_COL32(228, 228, 228, 255);
inline constexpr ImU32 kHeader = IM_COL32(245, 245, 245, 255);
inline constexpr ImU32 kText = IM_COL32(33, 33, 33, 255);
inline constexpr ImU32 kMuted = IM_COL32(120, 120, 120, 255);
inline constexpr ImU32 kSunday = IM_COL32(198, 40, 40, 255);
inline constexpr ImU32 kSaturday = IM_COL32(21, 101, 192, 255);
inline constexpr ImU32 kToday = IM_COL32(255, 248, 214, 255);
inline constexpr ImU32 kClosed = IM_COL32(224, 224, 224, 255);
inline constexpr ImU32 kApproved = IM_COL32(46, 125, 50, 255);
inline constexpr ImU32 kApprovedText = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kTentative = IM_COL32(255, 236, 179, 255);
inline constexpr ImU32 kTentativeEdge = IM_COL32(239, 108, 0, 255);
inline constexpr ImU32 kTentativeText = IM_COL32(90, 55, 0, 255);
inline constexpr ImU32 kSelected = IM_COL32(13, 71, 161, 255);

// Text clipped to `clip`; database text goes through the SDK's stand-ins and glyph requests.
void text(ImDrawList* dl, ImVec2 pos, const ImVec4& clip, ImU32 colour, std::string_view s,
          float scale = 1.0f);
float text_width(std::string_view s, float scale = 1.0f);
// Red for 日曜・祝日, blue for 土曜, else the text colour.
ImU32 day_colour(const CalendarData& data, const sdk::Date& day);
// "5/10（日）"
std::string day_label(const sdk::Date& day);
// Short times for chips: "9時", "10:30"; spans "9–12時", "10:30–12:00".
std::string short_time(int minutes_of_day);
std::string short_span(const Booking& b);

// A booking drawn as a coloured block; each text line wraps inside it while there is room.
struct Chip {
  ImVec2 min, max;
  const CalendarEntry* entry;
};
// `wrap`: long lines continue on the next line (week); otherwise they are cut at the edge (month).
void chip(ImDrawList* dl, const Chip& c, const std::vector<std::string>& lines, bool selected,
          bool wrap = true);
// The height a wrapping chip of `width` needs for its lines.
float chip_height(const std::vector<std::string>& lines, float width);
// Tooltip for the chip under the mouse; a click selects it. Call after the canvas item.
void interact(const std::vector<Chip>& chips, std::optional<BookingId>& selected);

}  // namespace wasshoi::booking::ui::paint
