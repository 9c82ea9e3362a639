// 施設の設定: an officer of the owning organization adds a room and changes it later — hours,
// slots with their fees or free times with a fee per hour, closed days, approval, equipment,
// 減免 — adds and removes one-off closures, and retires a room no longer used. Every write is a
// core/ function that checks the officer (core/facility_changes.hpp).
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_date.hpp>

#include "core/bookings.hpp"
#include "core/facility_changes.hpp"
#include "ui/dialogs.hpp"

namespace wasshoi::booking::ui {

namespace {

using sdk::tr;

// 1200, １２００, 1,200, ¥1200, 1200円 → 1200; nullopt for anything else. Empty reads as 0.
std::optional<int> parse_amount(const std::string& text) {
  std::string digits;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c >= '0' && c <= '9') {
      digits += static_cast<char>(c), ++i;
    } else if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC &&
               static_cast<unsigned char>(text[i + 2]) >= 0x90 &&
               static_cast<unsigned char>(text[i + 2]) <= 0x99) {
      digits += static_cast<char>('0' + (static_cast<unsigned char>(text[i + 2]) - 0x90)), i += 3;
    } else if (c == ',' || c == ' ') {
      ++i;
    } else if (text.compare(i, 2, "¥") == 0) {
      i += 2;
    } else if (text.compare(i, 3, "円") == 0 || text.compare(i, 3, "￥") == 0 ||
               text.compare(i, 3, "人") == 0) {
      i += 3;
    } else {
      return std::nullopt;
    }
  }
  if (digits.size() > 7) return std::nullopt;
  return digits.empty() ? 0 : std::stoi(digits);
}

int amount(const std::string& text, const std::string& field) {
  auto v = parse_amount(text);
  if (!v) throw sdk::InputError(field + ": 「" + text + "」" + tr("booking.setup.not_a_number"));
  return *v;
}

int time_of(const std::string& text, const std::string& field) {
  auto t = sdk::parse_time_of_day(text);
  if (!t) throw sdk::InputError(field + ": 「" + text + "」" + tr("booking.setup.not_a_time"));
  return *t;
}

void load(SetupState& s, const Facility& f) {
  SetupState fresh;
  fresh.loaded = true;
  fresh.room = f.id;
  fresh.name = f.name;
  fresh.capacity = std::to_string(f.capacity);
  fresh.open = format_hm(f.open_min), fresh.close = format_hm(f.close_min);
  fresh.by_slots = !f.slots.empty();
  for (const auto& sl : f.slots)
    fresh.slots.push_back({sl.name, format_hm(sl.start_min), format_hm(sl.end_min), std::to_string(sl.fee)});
  fresh.fee_per_hour = std::to_string(f.fee_per_hour);
  for (int d = 0; d < 7; ++d) fresh.closed[d] = (f.closed_weekdays >> d) & 1u;
  fresh.closed_on_holidays = f.closed_on_holidays;
  fresh.new_year_closed = f.new_year_closed;
  fresh.requires_approval = f.requires_approval;
  fresh.owner_pays = !f.owner_exempt;
  for (const auto& e : f.equipment) fresh.equipment.push_back({e.name, std::to_string(e.quantity)});
  fresh.exempt.insert(f.exempt_orgs.begin(), f.exempt_orgs.end());
  fresh.message = s.message;  // "saved" stays on screen after the reload
  s = std::move(fresh);
}

void start_new(SetupState& s) {
  sdk::ui::PanelMessage kept = s.message;
  s = SetupState{};
  s.loaded = true;
  s.message = kept;
}

// The room the form describes; InputError naming the field the officer must fix.
Facility facility_of(const SetupState& s, OrgId owner) {
  Facility f{.id = s.room, .owner = owner, .name = s.name};
  f.capacity = amount(s.capacity, tr("booking.setup.capacity"));
  f.open_min = time_of(s.open, tr("booking.setup.open"));
  f.close_min = time_of(s.close, tr("booking.setup.close"));
  if (s.by_slots) {
    if (s.slots.empty()) throw sdk::InputError(tr("booking.setup.need_slot"));
    for (const auto& row : s.slots)
      f.slots.push_back({row.name, time_of(row.start, tr("booking.setup.slot_start")),
                         time_of(row.end, tr("booking.setup.slot_end")),
                         amount(row.fee, tr("booking.setup.slot_fee"))});
  } else {
    f.fee_per_hour = amount(s.fee_per_hour, tr("booking.setup.fee_per_hour"));
  }
  for (int d = 0; d < 7; ++d)
    if (s.closed[d]) f.closed_weekdays |= 1u << d;
  f.closed_on_holidays = s.closed_on_holidays;
  f.new_year_closed = s.new_year_closed;
  f.requires_approval = s.requires_approval;
  f.owner_exempt = !s.owner_pays;
  for (const auto& row : s.equipment)
    f.equipment.push_back({row.name, amount(row.quantity, tr("booking.setup.equipment_quantity"))});
  f.exempt_orgs.assign(s.exempt.begin(), s.exempt.end());
  return f;
}

void field(const char* label, std::string& value, float ems) {
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * ems);
  sdk::ui::InputText(label, value);
}

void room_picker(sdk::Context& ctx, SetupState& s, const std::vector<Facility>& rooms) {
  std::string current = tr("booking.setup.new_room");
  for (const auto& f : rooms)
    if (f.id == s.room) current = f.name + (f.retired ? tr("booking.setup.retired_suffix") : "");
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
  if (sdk::ui::BeginCombo(tr("booking.setup.room"), current)) {
    if (sdk::ui::Selectable(tr("booking.setup.new_room"), s.room == 0)) s.message.clear(), start_new(s);
    for (const auto& f : rooms)
      if (sdk::ui::Selectable(
              f.name + (f.retired ? tr("booking.setup.retired_suffix") : "") + "##f" + std::to_string(f.id),
              f.id == s.room))
        s.message.clear(), load(s, f);
    ImGui::EndCombo();
  }
  (void)ctx;
}

void slot_rows(SetupState& s) {
  int remove = -1;
  for (int i = 0; i < static_cast<int>(s.slots.size()); ++i) {
    ImGui::PushID(i);
    auto& row = s.slots[i];
    field(tr("booking.setup.slot_name"), row.name, 6);
    sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 7);
    field(tr("booking.setup.slot_start"), row.start, 4);
    sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 7);
    field(tr("booking.setup.slot_end"), row.end, 4);
    sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 9);
    field(tr("booking.setup.slot_fee"), row.fee, 5);
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("booking.setup.remove_slot")));
    if (ImGui::Button(tr("booking.setup.remove_slot"))) remove = i;
    ImGui::PopID();
  }
  if (remove >= 0) s.slots.erase(s.slots.begin() + remove);
  if (ImGui::Button(tr("booking.setup.add_slot"))) s.slots.push_back({});
}

void booking_unit(SetupState& s) {
  sdk::ui::section(tr("booking.setup.unit"), sdk::ui::Heading::Muted);
  if (ImGui::RadioButton(tr("booking.setup.by_slots"), s.by_slots)) s.by_slots = true;
  sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr("booking.setup.by_free_times")));
  if (ImGui::RadioButton(tr("booking.setup.by_free_times"), !s.by_slots)) s.by_slots = false;
  if (s.by_slots)
    slot_rows(s);
  else
    field(tr("booking.setup.fee_per_hour"), s.fee_per_hour, 5);
}

void closed_days(SetupState& s) {
  sdk::ui::section(tr("booking.setup.closed_days"), sdk::ui::Heading::Muted);
  static const char* const keys[] = {"booking.setup.mon", "booking.setup.tue", "booking.setup.wed",
                                     "booking.setup.thu", "booking.setup.fri", "booking.setup.sat",
                                     "booking.setup.sun"};
  for (int i = 0; i < 7; ++i) {
    const int weekday = (i + 1) % 7;  // 月〜日 on screen, 0 = Sunday stored
    if (i > 0) sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(tr(keys[i])));
    ImGui::Checkbox(tr(keys[i]), &s.closed[weekday]);
  }
  ImGui::Checkbox(tr("booking.setup.holidays"), &s.closed_on_holidays);
  ImGui::Checkbox(tr("booking.setup.new_year"), &s.new_year_closed);
}

void rules(sdk::Context& ctx, SetupState& s, OrgId owner) {
  sdk::ui::section(tr("booking.setup.rules"), sdk::ui::Heading::Muted);
  ImGui::Checkbox(tr("booking.setup.approval"), &s.requires_approval);
  ImGui::Checkbox(tr("booking.setup.owner_pays"), &s.owner_pays);
  sdk::ui::section(tr("booking.setup.equipment"), sdk::ui::Heading::Muted);
  int remove = -1;
  for (int i = 0; i < static_cast<int>(s.equipment.size()); ++i) {
    ImGui::PushID(1000 + i);
    field(tr("booking.setup.equipment_name"), s.equipment[i].name, 8);
    sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 6);
    field(tr("booking.setup.equipment_quantity"), s.equipment[i].quantity, 3);
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("booking.setup.remove_slot")));
    if (ImGui::Button(tr("booking.setup.remove_slot"))) remove = i;
    ImGui::PopID();
  }
  if (remove >= 0) s.equipment.erase(s.equipment.begin() + remove);
  if (ImGui::Button(tr("booking.setup.add_equipment"))) s.equipment.push_back({});
  sdk::ui::section(tr("booking.setup.exempt"), sdk::ui::Heading::Muted);
  auto& orgs = sdk::organizations(ctx);
  bool first = true;
  for (auto kind : {sdk::OrgKind::Kyodotai, sdk::OrgKind::Jichikai, sdk::OrgKind::Npo, sdk::OrgKind::Company,
                    sdk::OrgKind::Support, sdk::OrgKind::City})
    for (const auto& o : orgs.of_kind(ctx.db(), kind)) {
      if (o.id == owner) continue;
      const std::string label = sdk::ui::display_text(o.name) + "##x" + std::to_string(o.id);
      if (!first) sdk::ui::same_line_if_fits(sdk::ui::checkbox_width(label));
      first = false;
      bool on = s.exempt.count(o.id) > 0;
      if (ImGui::Checkbox(label.c_str(), &on)) on ? (void)s.exempt.insert(o.id) : (void)s.exempt.erase(o.id);
    }
  if (first) ImGui::TextDisabled("%s", tr("booking.none"));
}

void closures_section(sdk::Context& ctx, SetupState& s) {
  sdk::ui::section(tr("booking.setup.closures"), sdk::ui::Heading::Muted);
  const sdk::Date today = sdk::today();
  for (const auto& c : closures(ctx.db(), s.room, today, today.add_days(2 * 366))) {
    if (!c.day) continue;
    ImGui::PushID(c.day->iso().c_str());
    const std::string line = sdk::ui::date_both_forms(*c.day) + "  " + c.reason;
    sdk::ui::Text(line);
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("booking.setup.remove_closure")));
    if (ImGui::Button(tr("booking.setup.remove_closure"))) {
      const sdk::Date day = *c.day;
      sdk::ui::run_action(s.message, tr("booking.setup.closure_removed"),
                          [&] { remove_closure(ctx, s.room, day); });
    }
    ImGui::PopID();
  }
  auto date = sdk::ui::DateInput(tr("booking.setup.closure_date"), s.closure_date);
  field(tr("booking.setup.closure_reason"), s.closure_reason, 12);
  sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("booking.setup.add_closure")));
  if (ImGui::Button(tr("booking.setup.add_closure"))) {
    if (!date.has_date())
      s.message.error(tr("booking.setup.closure_needs_date"));
    else if (sdk::ui::run_action(s.message, tr("booking.setup.closure_added"),
                                 [&] { add_closure(ctx, s.room, *date.date, sdk::trim(s.closure_reason)); }))
      s.closure_date.clear(), s.closure_reason.clear();
  }
}

// A retired room: what is left of it is its bookings, shown with who made them.
void retired_room(sdk::Context& ctx, const Facility& f) {
  sdk::ui::TextWrapped(tr("booking.setup.retired_note"));
  BookingFilter q;
  q.facility = f.id;
  q.from = sdk::today();
  auto& orgs = sdk::organizations(ctx);
  for (const auto& b : list_bookings(ctx.db(), q))
    sdk::ui::BulletText(format_span(b.start, b.end) + "  " + orgs.name(ctx.db(), b.org) + "「" + b.purpose +
                        "」 " + status_label_ja(b.status));
}

void save_and_retire(sdk::Context& ctx, SetupState& s, OrgId owner) {
  ImGui::Spacing();
  if (ImGui::Button(tr(s.room ? "booking.setup.save" : "booking.setup.add"))) {
    sdk::ui::run_action(s.message, tr(s.room ? "booking.setup.saved" : "booking.setup.added"), [&] {
      Facility f = facility_of(s, owner);
      if (s.room) {
        update_facility(ctx, f);
      } else {
        s.room = add_facility(ctx, f);
      }
      load(s, get_facility(ctx.db(), s.room));
    });
  }
  if (s.room) {
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("booking.setup.retire")));
    if (ImGui::Button(tr("booking.setup.retire")))
      s.retire.open(tr("booking.setup.retire_title"), s.name + "\n" + tr("booking.setup.retire_text"),
                    tr("booking.setup.retire"));
  }
  if (s.retire.draw())
    sdk::ui::run_action(s.message, tr("booking.setup.retired"), [&] { retire_facility(ctx, s.room, ""); });
}

}  // namespace

void draw_setup(sdk::Context& ctx, SetupState& s) {
  const OrgId owner = ctx.current_org();
  if (!may_manage_facilities(ctx, owner)) {
    sdk::ui::TextWrapped(tr("booking.setup.who_may"));
    return;
  }
  auto rooms = list_facilities(ctx.db(), owner);
  if (!s.loaded) {
    if (rooms.empty())
      start_new(s);
    else
      load(s, rooms.front());
  }
  room_picker(ctx, s, rooms);
  const Facility* current = nullptr;
  for (const auto& f : rooms)
    if (f.id == s.room) current = &f;
  if (current && current->retired) {
    retired_room(ctx, *current);
    sdk::ui::show(s.message);
    return;
  }
  field(tr("booking.setup.name"), s.name, 14);
  field(tr("booking.setup.capacity"), s.capacity, 4);
  field(tr("booking.setup.open"), s.open, 4);
  sdk::ui::same_line_if_fits(ImGui::GetFontSize() * 7);
  field(tr("booking.setup.close"), s.close, 4);
  booking_unit(s);
  closed_days(s);
  rules(ctx, s, owner);
  save_and_retire(ctx, s, owner);
  sdk::ui::show(s.message);
  if (s.room) closures_section(ctx, s);
}

}  // namespace wasshoi::booking::ui
