#include <algorithm>
#include <cstdio>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_date.hpp>

#include "core/facilities.hpp"
#include "ui/dialogs.hpp"

namespace wasshoi::booking::ui {

namespace {

constexpr const char* kPopup = "booking.dialog";

// A catalog text with printf fields ("予約 #%lld を登録しました").
template <typename... Args>
std::string printf_text(const char* format, Args... args) {
  const int n = std::snprintf(nullptr, 0, format, args...);
  std::string out(static_cast<std::size_t>(std::max(n, 0)), '\0');
  std::snprintf(out.data(), out.size() + 1, format, args...);
  return out;
}

sdk::DateTime at(const sdk::Date& d, int tod) {
  return sdk::DateTime::from_epoch_minutes(sdk::DateTime{d, 0, 0}.epoch_minutes() + tod);
}

const Facility* room_of(const std::vector<Facility>& rooms, FacilityId id) {
  for (const auto& f : rooms)
    if (f.id == id) return &f;
  return rooms.empty() ? nullptr : &rooms.front();
}

// The request the form describes; InputError for what the user must fix.
SeriesRequest request_of(sdk::Context& ctx, const DialogState& d, const Facility& f) {
  auto day = sdk::parse_date(d.date);
  if (!day) throw sdk::InputError(d.date + sdk::tr("booking.dialog.not_a_date"));
  int from = 0, to = 0;
  if (d.slot >= 0 && d.slot < static_cast<int>(f.slots.size())) {
    from = f.slots[d.slot].start_min, to = f.slots[d.slot].end_min;
  } else {
    auto a = sdk::parse_time_of_day(d.start), b = sdk::parse_time_of_day(d.end);
    if (!a || !b) throw sdk::InputError(sdk::tr("booking.dialog.bad_time"));
    from = *a, to = *b;
  }
  if (!ctx.current_org()) throw sdk::InputError(sdk::tr("booking.dialog.no_org"));
  SeriesRequest r;
  r.first = {f.id,      ctx.current_org(), at(*day, from), at(*day, to),
             d.purpose, d.contact,         std::nullopt,   d.people};
  static const char* rules[] = {"", "weekly", "weekly:2", "monthly", "monthly-nth:"};
  if (d.repeat == 4) {
    static const char* days[] = {"SU", "MO", "TU", "WE", "TH", "FR", "SA"};
    int nth = (day->day - 1) / 7 + 1;
    r.rule = parse_recurrence("monthly-nth:" + std::to_string(std::min(nth, 4)) + days[day->weekday()]);
  } else if (d.repeat > 0) {
    r.rule = parse_recurrence(rules[d.repeat]);
  }
  r.rule.count = d.count;
  return r;
}

void form(DialogState& d, const std::vector<Facility>& rooms, const Facility& f) {
  if (sdk::ui::BeginCombo(sdk::tr("booking.room"), f.name)) {
    for (const auto& r : rooms)
      if (sdk::ui::Selectable(r.name + " " + printf_text(sdk::tr("booking.dialog.capacity"), r.capacity) +
                                  "##" + std::to_string(r.id),
                              r.id == f.id))
        d.room = r.id, d.slot = r.slots.empty() ? -1 : 0, d.plan.reset();
    ImGui::EndCombo();
  }
  sdk::ui::DateInput(sdk::tr("booking.date"), d.date);
  std::string slot_label = d.slot >= 0 && d.slot < static_cast<int>(f.slots.size())
                               ? f.slots[d.slot].name
                               : sdk::tr("booking.free_time");
  if (sdk::ui::BeginCombo(sdk::tr("booking.slot"), slot_label)) {
    for (int i = 0; i < static_cast<int>(f.slots.size()); ++i)
      if (sdk::ui::Selectable(
              f.slots[i].name + " " + format_hm(f.slots[i].start_min) + "–" + format_hm(f.slots[i].end_min),
              d.slot == i))
        d.slot = i;
    if (ImGui::Selectable(sdk::tr("booking.free_time"), d.slot < 0)) d.slot = -1;
    ImGui::EndCombo();
  }
  if (d.slot < 0) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    sdk::ui::InputText(sdk::tr("booking.start"), d.start);
    ImGui::SameLine();
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 5);
    sdk::ui::InputText(sdk::tr("booking.end"), d.end);
  }
  sdk::ui::InputText(sdk::tr("booking.purpose"), d.purpose);
  sdk::ui::InputText(sdk::tr("booking.contact"), d.contact);
  ImGui::InputInt(sdk::tr("booking.people"), &d.people);
  const char* repeats[] = {sdk::tr("booking.repeat.none"), sdk::tr("booking.repeat.weekly"),
                           sdk::tr("booking.repeat.biweekly"), sdk::tr("booking.repeat.monthly"),
                           sdk::tr("booking.repeat.nth")};
  if (ImGui::Combo(sdk::tr("booking.repeat"), &d.repeat, repeats, 5)) d.plan.reset();
  if (d.repeat > 0) ImGui::InputInt(sdk::tr("booking.count"), &d.count);
}

void plan_list(const SeriesPlan& plan) {
  ImGui::Separator();
  ImGui::Text(sdk::tr("booking.plan_summary"), plan.bookable(), static_cast<int>(plan.dates.size()));
  ImGui::BeginChild("##plan", ImVec2(0, ImGui::GetFontSize() * 9), true);
  for (const auto& o : plan.dates) {
    if (o.ok())
      ImGui::TextColored(ImVec4(0.18f, 0.49f, 0.2f, 1), "○ %s", o.day.iso().c_str());
    else
      ImGui::TextColored(ImVec4(0.78f, 0.16f, 0.16f, 1), "× %s  %s", o.day.iso().c_str(), o.problem->c_str());
  }
  ImGui::EndChild();
}

void actions(sdk::Context& ctx, DialogState& d, const Facility& f) {
  try {
    SeriesRequest r = request_of(ctx, d, f);
    if (d.repeat == 0 && ImGui::Button(sdk::tr("booking.book"))) {
      BookingId id = book(ctx.db(), sdk::organizations(ctx), r.first);
      d.message.done(printf_text(sdk::tr("booking.dialog.booked"), static_cast<long long>(id)));
    }
    if (d.repeat > 0 && ImGui::Button(sdk::tr("booking.check")))
      d.plan = plan_series(ctx.db(), sdk::organizations(ctx), r);
    if (d.plan) {
      plan_list(*d.plan);
      if (d.plan->bookable() > 0 && ImGui::Button(sdk::tr("booking.book_free"))) {
        auto result = book_series(ctx.db(), sdk::organizations(ctx), r, OnProblem::SkipProblems);
        d.message.done(printf_text(sdk::tr("booking.dialog.series_booked"), static_cast<long long>(result.id),
                                   static_cast<int>(result.booked.size())));
        d.plan.reset();
      }
      ImGui::SameLine();
      if (ImGui::Button(sdk::tr("booking.cancel_all"))) d.plan.reset(), ImGui::CloseCurrentPopup();
    }
  } catch (const sdk::InputError& e) {  // checked every frame: what the form says is wrong, at once
    d.message.error(e.what()), d.plan.reset();
  }
}

}  // namespace

void open_booking_dialog(DialogState& d, FacilityId room, const sdk::Date& day) {
  d.open_requested = true;
  d.room = room;
  d.date = day.iso();
  d.plan.reset();
  d.message.clear();
}

void draw_booking_dialog(sdk::Context& ctx, DialogState& d, const std::vector<Facility>& rooms) {
  if (d.open_requested) {
    ImGui::OpenPopup(kPopup), d.open_requested = false;
    if (const Facility* f = room_of(rooms, d.room)) d.room = f->id, d.slot = f->slots.empty() ? -1 : 0;
  }
  // As tall as what it shows: a message or a series' dates appear under the form and the
  // buttons below them stay in view.
  const float width = std::min(ImGui::GetFontSize() * 34, ImGui::GetIO().DisplaySize.x * 0.9f);
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, ImGui::GetIO().DisplaySize.y * 0.9f));
  if (!ImGui::BeginPopupModal(kPopup, nullptr,
                              ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_AlwaysAutoResize))
    return;
  ImGui::TextUnformatted(sdk::tr("booking.dialog_title"));
  ImGui::Separator();
  if (const Facility* f = room_of(rooms, d.room)) {
    if (d.room != f->id) d.room = f->id, d.slot = f->slots.empty() ? -1 : 0;
    form(d, rooms, *f);
    actions(ctx, d, *f);
  }
  sdk::ui::show(d.message);
  if (ImGui::Button(sdk::tr("booking.close"))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace wasshoi::booking::ui
