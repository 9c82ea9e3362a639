#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

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

void results(FinderState& s) {
  if (!ImGui::BeginTable("##free", 5,
                         ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY))
    return;
  ImGui::TableSetupScrollFreeze(0, 1);
  for (const char* key : {"booking.date", "booking.time", "booking.room", "booking.capacity", "booking.fee"})
    ImGui::TableSetupColumn(sdk::tr(key));
  ImGui::TableHeadersRow();
  static const char* days[] = {"日", "月", "火", "水", "木", "金", "土"};
  for (const auto& r : s.results) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%s（%s）", r.start.date.iso().c_str(), days[r.start.date.weekday()]);
    ImGui::TableNextColumn();
    ImGui::Text("%s %s–%s", r.slot.c_str(), format_hm(r.start.minutes_of_day()).c_str(),
                format_hm(r.end.minutes_of_day()).c_str());
    ImGui::TableNextColumn();
    sdk::ui::Text(r.facility_name);
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
  ImGui::TextUnformatted(sdk::tr("booking.finder_hint"));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6);
  ImGui::InputInt(sdk::tr("booking.people"), &s.people);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  sdk::ui::InputText(sdk::tr("booking.from"), s.from);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  sdk::ui::InputText(sdk::tr("booking.to"), s.to);
  static const char* days[] = {"日", "月", "火", "水", "木", "金", "土"};
  for (int i = 0; i < 7; ++i) {
    ImGui::Checkbox((std::string(days[i]) + "##wd" + std::to_string(i)).c_str(), &s.weekdays[i]);
    ImGui::SameLine();
  }
  ImGui::NewLine();
  const char* slots[] = {"午前", "午後", "夜間", sdk::tr("booking.any_slot")};
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
  ImGui::Combo(sdk::tr("booking.slot"), &s.slot, slots, 4);
  ImGui::SameLine();
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
