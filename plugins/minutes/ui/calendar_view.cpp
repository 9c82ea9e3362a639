#include "ui/calendar_view.hpp"

#include "ui/widgets.hpp"

namespace wasshoi::minutes::ui {

namespace {

int days_in_month(int year, int month) {
  const Date first{year, month, 1};
  const Date next = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
  return next.days_since_epoch() - first.days_since_epoch();
}

void month_switcher(int& year, int& month) {
  if (ImGui::ArrowButton("##cal_prev", ImGuiDir_Left)) {
    if (--month == 0) month = 12, --year;
  }
  ImGui::SameLine();
  sdk::ui::Text(sdk::format_wareki(Date{year, month, 1})
                    .substr(0, sdk::format_wareki(Date{year, month, 1}).find("月") + 3));
  const std::string western = "（" + std::to_string(year) + "年" + std::to_string(month) + "月）";
  sdk::ui::same_line_if_fits(
      sdk::ui::text_width(western) + ImGui::GetStyle().ItemSpacing.x + ImGui::GetFrameHeight(), 0);
  sdk::ui::Text(western);
  ImGui::SameLine();
  if (ImGui::ArrowButton("##cal_next", ImGuiDir_Right)) {
    if (++month == 13) month = 1, ++year;
  }
}

void day_cell(const std::vector<Meeting>& meetings, const Date& day, MeetingId& selected) {
  const bool today = day == sdk::today();
  if (today) ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, IM_COL32(255, 244, 200, 255));
  ImGui::TextDisabled("%d", day.day);
  for (const auto& m : meetings) {
    if (!m.start || m.start->date != day) continue;
    ImGui::PushStyleColor(ImGuiCol_Text, state_colour(m.state));
    if (sdk::ui::SelectableEllipsis(m.kind + "##cal" + std::to_string(m.id), selected == m.id))
      selected = m.id;
    ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", (m.title + "\n" + short_when(*m.start)).c_str());
  }
}

}  // namespace

void month_calendar(const std::vector<Meeting>& meetings, int& year, int& month, MeetingId& selected) {
  month_switcher(year, month);
  static const char* const kDays[] = {"日", "月", "火", "水", "木", "金", "土"};
  const float row_h = ImGui::GetTextLineHeightWithSpacing() * 3.2f;
  if (!ImGui::BeginTable("##month", 7, ImGuiTableFlags_Borders | ImGuiTableFlags_SizingStretchSame)) return;
  for (const char* d : kDays) ImGui::TableSetupColumn(d);
  ImGui::TableHeadersRow();
  const Date first{year, month, 1};
  const int lead = first.weekday(), days = days_in_month(year, month);
  for (int cell = 0; cell < ((lead + days + 6) / 7) * 7; ++cell) {
    if (cell % 7 == 0) ImGui::TableNextRow(0, row_h);
    ImGui::TableNextColumn();
    const int day = cell - lead + 1;
    if (day >= 1 && day <= days) day_cell(meetings, Date{year, month, day}, selected);
  }
  ImGui::EndTable();
}

}  // namespace wasshoi::minutes::ui
