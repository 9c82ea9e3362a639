#include "ui/panels.hpp"

#include <map>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "core/calendar_page.hpp"
#include "core/facility_changes.hpp"
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
  const std::string line = "#" + std::to_string(b->id) + " " + (f ? f->name : "") + " " +
                           format_span(b->start, b->end) + " " + b->purpose;
  if (b->status == Status::Tentative) {
    sdk::ui::same_line_if_fits(sdk::ui::button_width(sdk::tr("booking.approve")));
    if (ImGui::Button(sdk::tr("booking.approve")))
      sdk::ui::run_action(s.message, sdk::tr("booking.approved"), [&] { approve(ctx, b->id); });
  }
  sdk::ui::same_line_if_fits(sdk::ui::button_width(sdk::tr("booking.cancel")));
  if (ImGui::Button(sdk::tr("booking.cancel")))
    s.cancel.open(sdk::tr("booking.cancel_title"), line, sdk::tr("booking.cancel"));
}

void cancel_prompt(sdk::Context& ctx, CalendarState& s) {
  if (auto reason = s.cancel.draw(); reason && s.selected) {
    const BookingId id = *s.selected;
    if (sdk::ui::run_action(s.message, sdk::tr("booking.cancelled"), [&] { cancel(ctx, id, *reason); }))
      s.selected.reset();
  }
}

// No rooms yet: who may set them up gets the button, anyone else learns who can.
void no_rooms(sdk::Context& ctx, CalendarState& s) {
  sdk::ui::TextWrapped(sdk::tr("booking.no_rooms"));
  if (may_manage_facilities(ctx, ctx.current_org())) {
    if (ImGui::Button(sdk::tr("booking.setup.open_setup"))) s.setup = true;
  } else {
    sdk::ui::TextWrapped(sdk::tr("booking.setup.who_may"));
  }
}

// 施設の設定 in place of the calendar, with the way back.
void setup_in_place(sdk::Context& ctx, CalendarState& s) {
  if (ImGui::Button(sdk::tr("booking.setup.back"))) {
    s.setup = false, s.setup_state = SetupState{}, s.initialised = false;
    return;
  }
  draw_setup(ctx, s.setup_state);
}

void draw_calendar(sdk::Context& ctx, CalendarState& s) {
  if (s.setup) return setup_in_place(ctx, s);
  auto all = list_facilities(ctx.db());
  if (all.empty()) return no_rooms(ctx, s);  // nothing to choose or show yet
  if (!s.initialised) s.owner = default_owner(ctx, all), s.anchor = sdk::today(), s.initialised = true;
  scope_combos(ctx, s, all);
  std::vector<const Facility*> shown;
  for (const auto& f : all)
    if (s.room ? f.id == s.room : f.owner == s.owner) shown.push_back(&f);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(sdk::tr("booking.new")));
  if (ImGui::Button(sdk::tr("booking.new")))
    open_booking_dialog(s.dialog, shown.empty() ? 0 : shown.front()->id, s.anchor);
  if (may_manage_facilities(ctx, ctx.current_org())) {
    sdk::ui::same_line_if_fits(sdk::ui::button_width(sdk::tr("booking.setup.open_setup_short")));
    if (ImGui::Button(sdk::tr("booking.setup.open_setup_short"))) s.setup = true;
  }
  if (shown.size() == 1) {
    const std::string room = shown[0]->name + "（定員 " + std::to_string(shown[0]->capacity) + "人）";
    sdk::ui::same_line_if_fits(sdk::ui::text_width(room), ImGui::GetFontSize());
    sdk::ui::Text(room);
    // The month shown (or the week's month) as the page for the door.
    const std::string label = sdk::tr("booking.door_page");
    sdk::ui::same_line_if_fits(
        sdk::ui::text_width(label) + sdk::ui::button_width(sdk::tr("sdk.ui.document.save_pdf")) * 2,
        ImGui::GetFontSize());
    ImGui::AlignTextToFramePadding();
    sdk::ui::Text(label);
    ImGui::SameLine();
    const FacilityId id = shown[0]->id;
    const sdk::Date month = s.anchor;
    s.door_page->draw(
        s.message,
        sdk::ui::document_file_name(
            {"利用予定", shown[0]->name, std::to_string(month.year) + "-" + std::to_string(month.month)},
            ".pdf"),
        [&] { return calendar_page(ctx.db(), sdk::organizations(ctx), id, month); });
  }
  navigation(s);
  draw_legend();
  selection_bar(ctx, s);  // its own line: what is chosen, with its buttons
  cancel_prompt(ctx, s);
  sdk::ui::show(s.message);
  if (s.owner == 0 && s.room == 0) return no_rooms(ctx, s);
  sdk::Date from = s.month ? month_grid_start(s.anchor.year, s.anchor.month) : week_start(s.anchor);
  sdk::Date to = s.month ? add_months(s.anchor, 1).add_days(-1) : from.add_days(6);
  to = to.add_days(6 - to.weekday());  // whole weeks: 5 or 6 rows for a month
  CalendarData data = load_calendar(ctx.db(), sdk::organizations(ctx), s.owner, s.room, from, to);
  if (s.month)
    draw_month(data, s);
  else
    draw_week(data, s);
  std::vector<Facility> mine, open;  // retired rooms take no new bookings
  for (const auto& f : all)
    if (!f.retired) (f.owner == s.owner ? mine : open).push_back(f);
  draw_booking_dialog(ctx, s.dialog, mine.empty() ? open : mine);
}

// Fresh for every organization and sign-in: the calendar opens again on the rooms of the
// organization now chosen, the finder searches again for it.
sdk::ui::PerOrg<CalendarState> week_state;
sdk::ui::PerOrg<CalendarState> month_state([] { return CalendarState{.month = true}; });
sdk::ui::PerOrg<FinderState> finder_state;
sdk::ui::PerOrg<UsageState> usage_state;
sdk::ui::PerOrg<SetupState> setup_state;
sdk::ui::PerOrg<RequestsState> requests_state;

}  // namespace

void register_panels(sdk::Registry& registry) {
  registry.add_panel(
      {"booking.week", "booking.panel.week", [](sdk::Context& c) { draw_calendar(c, week_state.get(c)); }});
  registry.add_panel({"booking.month", "booking.panel.month",
                      [](sdk::Context& c) { draw_calendar(c, month_state.get(c)); }});
  registry.add_panel({"booking.finder", "booking.panel.finder",
                      [](sdk::Context& c) { draw_finder(c, finder_state.get(c)); }});
  registry.add_panel({"booking.requests", "booking.panel.requests",
                      [](sdk::Context& c) { draw_requests(c, requests_state.get(c)); }});
  registry.add_panel(
      {"booking.setup", "booking.panel.setup", [](sdk::Context& c) { draw_setup(c, setup_state.get(c)); }});
  registry.add_panel(
      {"booking.usage", "booking.panel.usage", [](sdk::Context& c) { draw_usage(c, usage_state.get(c)); }});
}

}  // namespace wasshoi::booking
