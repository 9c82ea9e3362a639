#include "ui/panels.hpp"

#include <map>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "ui/calendar_view.hpp"
#include "ui/dialogs.hpp"

namespace wasshoi::booking {

namespace {

using namespace ui;

// The owner shown first: the user's organization when it owns rooms, else the one owning most.
OrgId default_owner(sdk::Context& ctx, const std::vector<Facility>& all) {
  std::map<OrgId, int> count;
  for (const auto& f : all) ++count[f.owner];
  if (count.count(ctx.current_org())) return ctx.current_org();
  OrgId best = 0;
  for (auto [owner, n] : count)
    if (!best || n > count[best]) best = owner;
  return best;
}

void scope_combos(sdk::Context& ctx, CalendarState& s, const std::vector<Facility>& all) {
  std::map<OrgId, std::string> owners;
  auto& orgs = sdk::organizations(ctx);
  for (const auto& f : all) owners.emplace(f.owner, orgs.name(ctx.db(), f.owner));
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
  if (sdk::ui::BeginCombo("##owner", owners[s.owner])) {
    for (const auto& [id, name] : owners)
      if (sdk::ui::Selectable(name + "##o" + std::to_string(id), id == s.owner)) s.owner = id, s.room = 0;
    ImGui::EndCombo();
  }
  sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 10);
  std::string room_label = sdk::tr("booking.all_rooms");
  for (const auto& f : all)
    if (f.id == s.room) room_label = f.name;
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
  if (sdk::ui::BeginCombo("##room", room_label)) {
    if (ImGui::Selectable(sdk::tr("booking.all_rooms"), s.room == 0)) s.room = 0;
    for (const auto& f : all)
      if (f.owner == s.owner && sdk::ui::Selectable(f.name + "##r" + std::to_string(f.id), f.id == s.room))
        s.room = f.id;
    ImGui::EndCombo();
  }
}

std::string period_title(const CalendarState& s) {
  if (s.month) return std::to_string(s.anchor.year) + "年" + std::to_string(s.anchor.month) + "月";
  sdk::Date a = week_start(s.anchor), b = a.add_days(6);
  return std::to_string(a.year) + "年" + std::to_string(a.month) + "月" + std::to_string(a.day) + "日 〜 " +
         std::to_string(b.month) + "月" + std::to_string(b.day) + "日";
}

void navigation(CalendarState& s) {
  int step = s.month ? 0 : 7;
  if (ImGui::ArrowButton("##prev", ImGuiDir_Left))
    s.anchor = s.month ? add_months(s.anchor, -1) : s.anchor.add_days(-step);
  ImGui::SameLine();
  if (ImGui::Button(sdk::tr("booking.today"))) s.anchor = sdk::today();
  ImGui::SameLine();
  if (ImGui::ArrowButton("##next", ImGuiDir_Right))
    s.anchor = s.month ? add_months(s.anchor, 1) : s.anchor.add_days(step);
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(sdk::tr("booking.week")));
  if (ImGui::RadioButton(sdk::tr("booking.week"), !s.month)) s.month = false;
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(sdk::tr("booking.month")));
  if (ImGui::RadioButton(sdk::tr("booking.month"), s.month)) s.month = true;
  const std::string title = period_title(s);
  sdk::ui::same_line_if_fits(sdk::ui::text_width(title) * 1.25f, ImGui::GetFontSize() * 1.5f);
  ImGui::SetWindowFontScale(1.25f);
  ImGui::TextUnformatted(title.c_str());
  ImGui::SetWindowFontScale(1.0f);
}

void selection_bar(sdk::Context& ctx, CalendarState& s) {
  auto b = s.selected ? find_booking(ctx.db(), *s.selected) : std::nullopt;
  if (!b || b->status == Status::Cancelled) {
    ImGui::TextDisabled("%s", sdk::tr("booking.select_hint"));
    return;
  }
  auto f = find_facility(ctx.db(), b->facility_id);
  sdk::ui::Text("#" + std::to_string(b->id) + "  " + (f ? f->name : "") + "  " +
                format_span(b->start, b->end) + "  " + sdk::organizations(ctx).name(ctx.db(), b->org) + "「" +
                b->purpose + "」 " + status_label_ja(b->status));
  try {  // a 閲覧 account cannot write: the host refuses with a message
    ImGui::SameLine();
    if (b->status == Status::Tentative && ImGui::Button(sdk::tr("booking.approve"))) approve(ctx, b->id);
    ImGui::SameLine();
    if (ImGui::Button(sdk::tr("booking.cancel"))) cancel(ctx, b->id), s.selected.reset();
  } catch (const sdk::InputError& e) {
    ctx.notify(e.what());
  }
}

void draw_calendar(sdk::Context& ctx, CalendarState& s) {
  auto all = list_facilities(ctx.db());
  if (!s.initialised) s.owner = default_owner(ctx, all), s.anchor = sdk::today(), s.initialised = true;
  scope_combos(ctx, s, all);
  std::vector<const Facility*> shown;
  for (const auto& f : all)
    if (s.room ? f.id == s.room : f.owner == s.owner) shown.push_back(&f);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(sdk::tr("booking.new")));
  if (ImGui::Button(sdk::tr("booking.new")))
    open_booking_dialog(s.dialog, shown.empty() ? 0 : shown.front()->id, s.anchor);
  if (shown.size() == 1) {
    const std::string room = shown[0]->name + "（定員 " + std::to_string(shown[0]->capacity) + "人）";
    sdk::ui::same_line_if_fits(sdk::ui::text_width(room), ImGui::GetFontSize());
    sdk::ui::Text(room);
  }
  navigation(s);
  draw_legend();
  selection_bar(ctx, s);  // its own line: what is chosen, with its buttons
  if (s.owner == 0 && s.room == 0) {
    ImGui::TextUnformatted(sdk::tr("booking.no_rooms"));
    return;
  }
  sdk::Date from = s.month ? month_grid_start(s.anchor.year, s.anchor.month) : week_start(s.anchor);
  sdk::Date to = s.month ? add_months(s.anchor, 1).add_days(-1) : from.add_days(6);
  to = to.add_days(6 - to.weekday());  // whole weeks: 5 or 6 rows for a month
  CalendarData data = load_calendar(ctx.db(), sdk::organizations(ctx), s.owner, s.room, from, to);
  if (s.month)
    draw_month(data, s);
  else
    draw_week(data, s);
  std::vector<Facility> mine;
  for (const auto& f : all)
    if (f.owner == s.owner) mine.push_back(f);
  draw_booking_dialog(ctx, s.dialog, mine.empty() ? all : mine);
}

// Fresh for every organization and sign-in: the calendar opens again on the rooms of the
// organization now chosen, the finder searches again for it.
sdk::ui::PerOrg<CalendarState> week_state;
sdk::ui::PerOrg<CalendarState> month_state([] { return CalendarState{.month = true}; });
sdk::ui::PerOrg<FinderState> finder_state;
sdk::ui::PerOrg<UsageState> usage_state;

}  // namespace

void register_panels(sdk::Registry& registry) {
  registry.add_panel(
      {"booking.week", "booking.panel.week", [](sdk::Context& c) { draw_calendar(c, week_state.get(c)); }});
  registry.add_panel({"booking.month", "booking.panel.month",
                      [](sdk::Context& c) { draw_calendar(c, month_state.get(c)); }});
  registry.add_panel({"booking.finder", "booking.panel.finder",
                      [](sdk::Context& c) { draw_finder(c, finder_state.get(c)); }});
  registry.add_panel(
      {"booking.usage", "booking.panel.usage", [](sdk::Context& c) { draw_usage(c, usage_state.get(c)); }});
}

}  // namespace wasshoi::booking
