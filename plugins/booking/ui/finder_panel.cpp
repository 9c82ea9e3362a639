#include <algorithm>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_date.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "ui/dialogs.hpp"

namespace wasshoi::booking::ui {

namespace {

FreeQuery query_of(sdk::Context& ctx, const FinderState& s) {
  auto from = sdk::parse_date(s.from), to = sdk::parse_date(s.to);
  if (!from || !to) throw sdk::InputError("期間の日付を 2027-03-01 のように入力してください");
  FreeQuery q{s.people, 0, 0, *from, *to};
  q.weekdays = 0;
  for (int i = 0; i < 7; ++i)
    if (s.weekdays[i]) q.weekdays |= 1u << i;
  static const char* slots[] = {"午前", "午後", "夜間"};
  if (s.slot < 3) q.slot = slots[s.slot];
  q.org = ctx.current_org();
  return q;
}

// "午後 13:00–17:00"
std::string time_text(const FreeSlot& r) {
  return r.slot + " " + format_hm(r.start.minutes_of_day()) + "–" + format_hm(r.end.minutes_of_day());
}

void results(FinderState& s) {
  if (!ImGui::BeginTable("##free", 5,
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  // Date, time, capacity and fee as wide as their longest value at this font size; the room
  // takes the rest (cut with "…", whole on hover).
  std::string longest_time = "午後 00:00–00:00", most_people = "000人", most_fee = "00,000円";
  for (const auto& r : s.results) {
    const std::string t = time_text(r);
    if (sdk::ui::text_width(t) > sdk::ui::text_width(longest_time)) longest_time = t;
    most_fee = std::max(most_fee, std::to_string(r.fee) + "円",
                        [](auto& a, auto& b) { return a.size() < b.size(); });
  }
  sdk::ui::fixed_column(sdk::tr("booking.date"), {"0000-00-00（水）"});
  sdk::ui::fixed_column(sdk::tr("booking.time"), {longest_time});
  ImGui::TableSetupColumn(sdk::tr("booking.room"), ImGuiTableColumnFlags_WidthStretch);
  sdk::ui::fixed_column(sdk::tr("booking.capacity"), {most_people});
  sdk::ui::fixed_column(sdk::tr("booking.fee"), {most_fee});
  ImGui::TableHeadersRow();
  static const char* days[] = {"日", "月", "火", "水", "木", "金", "土"};
  for (const auto& r : s.results) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%s（%s）", r.start.date.iso().c_str(), days[r.start.date.weekday()]);
    ImGui::TableNextColumn();
    sdk::ui::Text(time_text(r));
    ImGui::TableNextColumn();
    sdk::ui::TextEllipsis(r.facility_name);
    ImGui::TableNextColumn();
    ImGui::Text("%d人", r.capacity);
    ImGui::TableNextColumn();
    ImGui::Text("%d円", r.fee);
  }
  ImGui::EndTable();
}

}  // namespace

void draw_finder(sdk::Context& ctx, FinderState& s) {
  if (s.from.empty()) {
    sdk::Date t = sdk::today();
    s.from = t.iso(), s.to = t.add_days(30).iso();
  }
  sdk::ui::TextWrapped(sdk::tr("booking.finder_hint"));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputInt(sdk::tr("booking.people"), &s.people);
  sdk::ui::DateInput(sdk::tr("booking.from"), s.from);
  sdk::ui::DateInput(sdk::tr("booking.to"), s.to);
  static const char* days[] = {"日", "月", "火", "水", "木", "金", "土"};
  for (int i = 0; i < 7; ++i) {
    if (i) sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(days[i]));
    ImGui::Checkbox((std::string(days[i]) + "##wd" + std::to_string(i)).c_str(), &s.weekdays[i]);
  }
  const char* slots[] = {"午前", "午後", "夜間", sdk::tr("booking.any_slot")};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::Combo(sdk::tr("booking.slot"), &s.slot, slots, 4);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(sdk::tr("booking.search")));
  if (ImGui::Button(sdk::tr("booking.search")) || !s.searched) {  // the first frame shows results at once
    try {
      s.results = find_free(ctx.db(), query_of(ctx, s));
      s.searched = true, s.message.clear();
    } catch (const sdk::InputError& e) {
      s.message.error(e.what()), s.searched = true, s.results.clear();
    }
  }
  sdk::ui::show(s.message);
  if (s.searched) ImGui::Text(sdk::tr("booking.found"), static_cast<int>(s.results.size()));
  results(s);
}

}  // namespace wasshoi::booking::ui
