#include "cli/cli_support.hpp"

namespace wasshoi::booking::cli {

int time_arg(const std::string& text, const char* option) {
  if (text == "24:00") return 24 * 60;
  auto t = sdk::parse_time_of_day(text);
  if (!t) throw sdk::InputError(std::string(option) + ": '" + text + "' is not a time of day (10:00)");
  return *t;
}

sdk::DateTime at(const sdk::Date& day, int minutes_of_day) {
  return sdk::DateTime::from_epoch_minutes(sdk::DateTime{day, 0, 0}.epoch_minutes() + minutes_of_day);
}

sdk::OrganizationDirectory& orgs(sdk::Context& ctx) {
  return sdk::organizations(ctx);
}

OrgId org_arg(sdk::CliContext& ctx) {
  // Booking for another organization is meant in one case: a 公民館 or other support body owns
  // rooms but has no toolkit (nor officers) of its own; the 自治会 around it list and book its
  // rooms with --org. Whoever writes its rows is checked below the plugin (the row guard: a
  // booking belongs to the booker and to the room's owner). Every other --org goes through the
  // host's access check, as for every plugin.
  if (OrgId org = ctx.current_org()) {
    auto o = orgs(ctx).organization(ctx.db(), org);
    if (!o) throw sdk::InputError("no organization with id " + std::to_string(org) + " (see `org list`)");
    if (o->kind == sdk::OrgKind::Support) return org;
  }
  return ctx.require_org();
}

nlohmann::json to_json(sdk::Context& ctx, const Facility& f) {
  nlohmann::json slots = nlohmann::json::array(), equipment = nlohmann::json::array();
  for (const auto& s : f.slots)
    slots.push_back(
        {{"name", s.name}, {"start", format_hm(s.start_min)}, {"end", format_hm(s.end_min)}, {"fee", s.fee}});
  for (const auto& e : f.equipment) equipment.push_back({{"name", e.name}, {"quantity", e.quantity}});
  nlohmann::json closed = nlohmann::json::array();
  for (int d = 0; d < 7; ++d)
    if (f.closed_weekdays & (1u << d)) closed.push_back(d);
  return {{"id", f.id},
          {"owner_id", f.owner},
          {"owner", orgs(ctx).name(ctx.db(), f.owner)},
          {"name", f.name},
          {"capacity", f.capacity},
          {"open", format_hm(f.open_min)},
          {"close", format_hm(f.close_min)},
          {"closed_weekdays", closed},
          {"closed_on_holidays", f.closed_on_holidays},
          {"new_year_closed", f.new_year_closed},
          {"requires_approval", f.requires_approval},
          {"fee_per_hour", f.fee_per_hour},
          {"owner_exempt", f.owner_exempt},
          {"exempt_orgs", f.exempt_orgs},
          {"slots", slots},
          {"equipment", equipment}};
}

nlohmann::json to_json(sdk::Context& ctx, const Booking& b) {
  auto f = find_facility(ctx.db(), b.facility_id);
  return {{"id", b.id},
          {"facility_id", b.facility_id},
          {"facility", f ? f->name : ""},
          {"org_id", b.org},
          {"org", orgs(ctx).name(ctx.db(), b.org)},
          {"series_id", b.series_id ? nlohmann::json(*b.series_id) : nlohmann::json(nullptr)},
          {"start", b.start.iso()},
          {"end", b.end.iso()},
          {"purpose", b.purpose},
          {"contact", b.contact},
          {"contact_person", b.contact_person ? nlohmann::json(*b.contact_person) : nlohmann::json(nullptr)},
          {"attendance", b.attendance},
          {"status", to_string(b.status)},
          {"status_ja", status_label_ja(b.status)},
          {"fee", b.fee}};
}

nlohmann::json to_json(const Occurrence& o) {
  return {{"date", o.day.iso()},
          {"problem", o.problem ? nlohmann::json(*o.problem) : nlohmann::json(nullptr)},
          {"conflict", o.conflict ? nlohmann::json(*o.conflict) : nlohmann::json(nullptr)}};
}

nlohmann::json to_json(const FreeSlot& s) {
  return {{"facility_id", s.facility},
          {"facility", s.facility_name},
          {"capacity", s.capacity},
          {"start", s.start.iso()},
          {"end", s.end.iso()},
          {"slot", s.slot},
          {"fee", s.fee}};
}

}  // namespace wasshoi::booking::cli
