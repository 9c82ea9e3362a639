// The date field every panel uses (sdk/ui_date.hpp): typed 西暦 or 和暦, shown in both forms,
// an invalid text marked, a month calendar to pick from.
#include <array>
#include <string_view>
#include <unordered_map>
#include <wasshoi/sdk/holidays.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_date.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

namespace wasshoi::sdk::ui {

namespace {

// format_wareki goes through ICU's Japanese calendar: cached, since a field draws every frame.
const std::string& wareki(const Date& d) {
  static std::unordered_map<std::string, std::string> cache;
  const std::string key = d.iso();
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (cache.size() > 1024) cache.clear();
  return cache.emplace(key, format_wareki(d)).first->second;
}

std::optional<std::string> holiday(const Date& d) {
  if (d.year < kFirstHolidayYear || d.year > kLastHolidayYear) return std::nullopt;
  return holiday_name(d);
}

int days_in_month(int year, int month) {
  const Date first{year, month, 1};
  const Date next = month == 12 ? Date{year + 1, 1, 1} : Date{year, month + 1, 1};
  return next.days_since_epoch() - first.days_since_epoch();
}

std::string replaced(std::string text, std::string_view what, const std::string& with) {
  if (auto at = text.find(what); at != std::string::npos) text.replace(at, what.size(), with);
  return text;
}

// 2026年5月（令和8年）
std::string month_title(int year, int month) {
  std::string title = replaced(replaced(tr("sdk.ui.date.month"), "{year}", std::to_string(year)), "{month}",
                               std::to_string(month));
  if (year >= 1873) {
    const std::string& w = wareki(Date{year, month, 1});
    if (auto at = w.find("年"); at != std::string::npos) title += "（" + w.substr(0, at + 3) + "）";
  }
  return title;
}

ImVec4 sunday_colour() {
  return error_colour();
}
ImVec4 saturday_colour() {
  return {0.10f, 0.30f, 0.75f, 1.0f};
}

// The month on show in a field's calendar, kept in ImGui's storage as year * 12 + month - 1.
int month_key(const Date& d) {
  return d.year * 12 + d.month - 1;
}

// The calendar popup of the field whose month is stored under `key` in `storage`. A day clicked:
// its date.
std::optional<Date> calendar(ImGuiStorage& storage, ImGuiID key, const std::optional<Date>& chosen) {
  std::optional<Date> picked;
  if (!ImGui::BeginPopup("calendar")) return picked;
  const Date now = today();
  int shown = storage.GetInt(key, month_key(now));
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left)) --shown;
  ImGui::SameLine();
  const int year = shown / 12, month = shown % 12 + 1;
  ImGui::AlignTextToFramePadding();
  Text(month_title(year, month));
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right)) ++shown;
  ImGui::SameLine();
  if (Button(tr("sdk.ui.date.this_month"))) shown = month_key(now);
  storage.SetInt(key, shown);

  const float cell = ImGui::CalcTextSize("00").x + ImGui::GetStyle().FramePadding.x * 2;
  const float height = ImGui::GetFrameHeight();
  const std::string weekdays = tr("sdk.ui.date.weekdays");  // 日 月 火 水 木 金 土
  std::array<std::string, 7> names;
  {
    std::size_t start = 0;
    for (int i = 0; i < 7; ++i) {
      const std::size_t end = weekdays.find(' ', start);
      names[static_cast<std::size_t>(i)] = weekdays.substr(start, end - start);
      start = end == std::string::npos ? weekdays.size() : end + 1;
    }
  }
  ImGui::PushStyleVar(ImGuiStyleVar_SelectableTextAlign, ImVec2(0.5f, 0.5f));
  for (int i = 0; i < 7; ++i) {
    if (i) ImGui::SameLine();
    const bool coloured = i == 0 || i == 6;
    if (coloured) ImGui::PushStyleColor(ImGuiCol_Text, i == 0 ? sunday_colour() : saturday_colour());
    ImGui::Selectable(names[static_cast<std::size_t>(i)].c_str(), false, ImGuiSelectableFlags_Disabled,
                      ImVec2(cell, height));
    if (coloured) ImGui::PopStyleColor();
  }
  ImGui::Separator();
  const int first = Date{year, month, 1}.weekday();
  const int days = days_in_month(year, month);
  for (int slot = 0; slot < first + days; ++slot) {
    if (slot % 7) ImGui::SameLine();
    if (slot < first) {
      ImGui::Dummy(ImVec2(cell, height));
      continue;
    }
    const Date d{year, month, slot - first + 1};
    const auto holiday_of_day = holiday(d);
    const bool red = d.weekday() == 0 || holiday_of_day;
    const bool blue = !red && d.weekday() == 6;
    if (red || blue) ImGui::PushStyleColor(ImGuiCol_Text, red ? sunday_colour() : saturday_colour());
    if (ImGui::Selectable(std::to_string(d.day).c_str(), chosen == d, ImGuiSelectableFlags_None,
                          ImVec2(cell, height))) {
      picked = d;
      ImGui::CloseCurrentPopup();
    }
    if (red || blue) ImGui::PopStyleColor();
    if (d == now) {
      ImGui::GetWindowDrawList()->AddRect(ImGui::GetItemRectMin(), ImGui::GetItemRectMax(),
                                          ImGui::GetColorU32(ImGuiCol_CheckMark), 3.0f, 0, 2.0f);
    }
    if (ImGui::IsItemHovered()) {
      std::string tip = date_both_forms(d);
      if (d == now) tip += "\n" + std::string(tr("sdk.ui.date.today"));
      if (holiday_of_day) tip += "\n" + *holiday_of_day;
      ImGui::BeginTooltip();
      Text(tip);
      ImGui::EndTooltip();
    }
  }
  ImGui::PopStyleVar();
  ImGui::EndPopup();
  return picked;
}

}  // namespace

std::string date_both_forms(const Date& date) {
  return wareki(date) + "（" + std::to_string(date.year) + "年）";
}

std::string date_field_text(const Date& date) {
  return date.iso();
}

DateInputResult DateInput(const char* label, std::string& text) {
  DateInputResult result;
  auto read = [&] {
    const std::string t = trim(text);
    result.date = t.empty() ? std::nullopt : parse_date(t);
    result.valid = t.empty() || result.date.has_value();
  };
  read();
  const ImGuiStyle& style = ImGui::GetStyle();
  ImGui::PushID(label);
  ImGui::BeginGroup();

  // The field: wide enough for the longest way of writing a date.
  const float width = ImGui::CalcTextSize("令和10年12月31日").x + style.FramePadding.x * 2;
  const bool marked = !result.valid;
  if (marked) {
    ImGui::PushStyleColor(ImGuiCol_Border, error_colour());
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, 2.0f);
  }
  ImGui::SetNextItemWidth(width);
  result.changed = InputText("##date", text);
  if (marked) {
    ImGui::PopStyleVar();
    ImGui::PopStyleColor();
  }
  if (result.changed) read();

  // The calendar, opened on the month of the date in the field (else this month).
  ImGuiStorage& storage = *ImGui::GetStateStorage();
  const ImGuiID key = ImGui::GetID("calendar_month");
  ImGui::SameLine(0, style.ItemInnerSpacing.x);
  if (Button(tr("sdk.ui.date.calendar"))) {
    storage.SetInt(key, month_key(result.date.value_or(today())));
    ImGui::OpenPopup("calendar");
  }
  if (auto picked = calendar(storage, key, result.date)) {
    text = date_field_text(*picked);
    result.changed = true;
    read();
  }

  // The label, then the date in both forms (or why it is not one): beside, or under the field
  // when the line has no room for it.
  const std::string_view shown(label, std::string_view(label).find("##") == std::string_view::npos
                                          ? std::string_view(label).size()
                                          : std::string_view(label).find("##"));
  if (!shown.empty()) {
    ImGui::SameLine(0, style.ItemInnerSpacing.x);
    ImGui::AlignTextToFramePadding();
    Text(shown);
  }
  const std::string status = !result.valid ? std::string(tr("sdk.ui.date.not_a_date"))
                             : result.date ? date_both_forms(*result.date)
                                           : "";
  if (!status.empty()) {
    const float line_end = ImGui::GetItemRectMax().x + style.ItemSpacing.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
    if (right - line_end >= ImGui::CalcTextSize(status.c_str()).x) ImGui::SameLine();
    ImGui::AlignTextToFramePadding();
    if (result.valid) {
      TextDisabled(status);
    } else {
      ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
      Text(status);
      ImGui::PopStyleColor();
    }
  }
  ImGui::EndGroup();
  ImGui::PopID();
  return result;
}

}  // namespace wasshoi::sdk::ui
