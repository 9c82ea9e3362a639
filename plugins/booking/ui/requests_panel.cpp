// 予約の確認: what an organization does with bookings besides making them. The owner of rooms (a
// 公民館, or a 自治会 with its 集会所) sees who booked them and approves what waits (承認待ち); every
// organization sees its own bookings. Cancelling asks why (the audit log keeps it); an approval
// can be taken back at once (元に戻す); a series can be cancelled from a date on.
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_date.hpp>

#include "core/bookings.hpp"
#include "core/series.hpp"
#include "ui/dialogs.hpp"

namespace wasshoi::booking::ui {

namespace {

using sdk::tr;

constexpr int kDaysAhead = 92;

std::string line_of(sdk::Context& ctx, const Booking& b, const std::vector<Facility>& rooms) {
  std::string room = "#" + std::to_string(b.facility_id);
  for (const auto& f : rooms)
    if (f.id == b.facility_id) room = f.name;
  return format_span(b.start, b.end) + "  " + room + "  " + sdk::organizations(ctx).name(ctx.db(), b.org) +
         "「" + b.purpose + "」 " + status_label_ja(b.status);
}

// 日時を変える: the new date (the one date field) and times under the booking; 変更する asks why.
void move_form(RequestsState& s, const std::string& line) {
  ImGui::Indent();
  const auto day = sdk::ui::DateInput("##move_date", s.move_date);
  const float time_w = sdk::ui::text_width("00:00") + ImGui::GetStyle().FramePadding.x * 4;
  ImGui::SetNextItemWidth(time_w);
  sdk::ui::InputText("##move_start", s.move_start);
  ImGui::SameLine();
  sdk::ui::Text("〜");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(time_w);
  sdk::ui::InputText("##move_end", s.move_end);
  const auto start = sdk::parse_time_of_day(s.move_start), end = sdk::parse_time_of_day(s.move_end);
  const bool ok = day.date && start && end && *start < *end;
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("booking.move_do")));
  ImGui::BeginDisabled(!ok);
  if (ImGui::Button(tr("booking.move_do")))
    s.move.open(tr("booking.move_title"), line, tr("booking.move_do"));
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button(tr("sdk.ui.cancel"))) s.moving.reset();
  ImGui::Unindent();
}

// One booking: its buttons, then its line (wrapped beside them).
void row(sdk::Context& ctx, RequestsState& s, const Booking& b, const std::vector<Facility>& rooms,
         bool owner) {
  ImGui::PushID(static_cast<int>(b.id));
  const std::string line = line_of(ctx, b, rooms);
  if (owner && b.status == Status::Tentative) {
    if (ImGui::Button(tr("booking.approve"))) {
      const BookingId id = b.id;
      if (sdk::ui::run_action(s.message, "", [&] { approve(ctx, id); }))
        s.undo.offer(tr("booking.approved") + std::string(" ") + line,
                     [&ctx, id] { unapprove(ctx, id, tr("booking.undo_approve_reason")); });
    }
    ImGui::SameLine();
  }
  if (ImGui::Button(tr("booking.cancel")))
    s.cancelling = b.id, s.cancel.open(tr("booking.cancel_title"), line, tr("booking.cancel"));
  ImGui::SameLine();
  if (ImGui::Button(tr("booking.move"))) {
    s.moving = b.id;
    s.move_date = b.start.date.iso();
    s.move_start = format_hm(b.start.minutes_of_day());
    s.move_end = format_hm(b.end.minutes_of_day());
  }
  if (b.series_id) {
    ImGui::SameLine();
    if (ImGui::Button(tr("booking.cancel_rest")))
      s.cancelling_series = *b.series_id, s.series_from = b.start.date,
      s.cancel_series.open(tr("booking.cancel_rest_title"), line, tr("booking.cancel_rest"));
  }
  ImGui::SameLine();
  sdk::ui::TextWrapped(line);
  if (s.moving == b.id) move_form(s, line);
  ImGui::PopID();
}

void list(sdk::Context& ctx, RequestsState& s, const char* title_key, const std::vector<Booking>& bookings,
          const std::vector<Facility>& rooms, bool owner) {
  sdk::ui::section(tr(title_key));
  if (bookings.empty()) ImGui::TextDisabled("%s", tr("booking.none"));
  ImGui::PushID(title_key);  // a booking may be listed twice (承認待ち and all): buttons of their own
  for (const auto& b : bookings) row(ctx, s, b, rooms, owner);
  ImGui::PopID();
}

void prompts(sdk::Context& ctx, RequestsState& s) {
  if (auto reason = s.move.draw(); reason && s.moving) {
    const BookingId id = *s.moving;
    const auto day = sdk::parse_date(s.move_date);
    const auto start = sdk::parse_time_of_day(s.move_start), end = sdk::parse_time_of_day(s.move_end);
    if (day && start && end)
      if (sdk::ui::run_action(s.message, tr("booking.moved"), [&] {
            move_booking(ctx, id, {*day, *start / 60, *start % 60}, {*day, *end / 60, *end % 60}, *reason);
          }))
        s.moving.reset();
    s.undo.clear();
  }
  if (auto reason = s.cancel.draw(); reason && s.cancelling) {
    const BookingId id = *s.cancelling;
    sdk::ui::run_action(s.message, tr("booking.cancelled"), [&] { cancel(ctx, id, *reason); });
    s.undo.clear();
  }
  if (auto reason = s.cancel_series.draw(); reason && s.cancelling_series) {
    const SeriesId id = *s.cancelling_series;
    sdk::ui::run_action(s.message, tr("booking.cancelled"),
                        [&] { cancel_series_from(ctx, id, s.series_from, *reason); });
    s.undo.clear();
  }
}

}  // namespace

void draw_requests(sdk::Context& ctx, RequestsState& s) {
  const OrgId org = ctx.current_org();
  const auto rooms = list_facilities(ctx.db());
  bool owns_rooms = false;
  for (const auto& f : rooms) owns_rooms |= f.owner == org;
  sdk::ui::TextWrapped(tr("booking.requests_hint"));
  sdk::ui::show_undo(s.undo, s.message);
  sdk::ui::show(s.message);
  BookingFilter q;
  q.from = sdk::today();
  q.to = q.from->add_days(kDaysAhead);
  if (owns_rooms) {
    q.owner = org;
    auto all = list_bookings(ctx.db(), q);
    std::vector<Booking> waiting;
    for (const auto& b : all)
      if (b.status == Status::Tentative) waiting.push_back(b);
    list(ctx, s, "booking.waiting", waiting, rooms, true);
    list(ctx, s, "booking.of_our_rooms", all, rooms, true);
    q.owner = 0;
  }
  auto kind = sdk::organizations(ctx).organization(ctx.db(), org);
  if (!owns_rooms || (kind && kind->kind != sdk::OrgKind::Support)) {
    q.org = org;
    list(ctx, s, "booking.ours", list_bookings(ctx.db(), q), rooms, false);
  }
  prompts(ctx, s);
}

}  // namespace wasshoi::booking::ui
