#include "core/facility_changes.hpp"

#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::booking {

namespace {

Facility room_to_change(sdk::Database& db, FacilityId id) {
  Facility f = get_facility(db, id);
  if (f.retired) throw sdk::InputError(f.name + " is retired (no longer used); it cannot be changed");
  return f;
}

// "午前 9:00–12:00 ¥500, 午後 13:00–17:00 ¥800" or "free times ¥300/h": what the audit log keeps of
// the rules a booking is charged by.
std::string slots_summary(const Facility& f) {
  if (f.slots.empty()) return "free times ¥" + std::to_string(f.fee_per_hour) + "/h";
  std::string out;
  for (const auto& s : f.slots)
    out += (out.empty() ? "" : ", ") + sdk::trim(s.name) + " " + format_hm(s.start_min) + "–" +
           format_hm(s.end_min) + " ¥" + std::to_string(s.fee);
  return out;
}

OrgId owner_of(sdk::Context& ctx, FacilityId id) {
  return get_facility(ctx.db(), id).owner;
}

}  // namespace

bool may_manage_facilities(sdk::Context& ctx, OrgId owner) {
  if (owner == 0 || ctx.access().read_only) return false;
  try {
    ctx.require(sdk::Act::ManageFacilities, owner);
    return true;
  } catch (const sdk::InputError&) {
    return false;
  }
}

FacilityId add_facility(sdk::Context& ctx, const Facility& f) {
  ctx.require(sdk::Act::ManageFacilities, f.owner);
  return add_facility(ctx.db(), sdk::organizations(ctx), f);
}

void update_facility(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& changed) {
  Facility f = changed;
  f.owner = room_to_change(db, f.id).owner;  // a room does not change hands here
  check_facility(f, db, orgs);
  sdk::Transaction tx(db, "booking.facility.edit",
                      "#" + std::to_string(f.id) + " " + sdk::trim(f.name) + ": " + slots_summary(f));
  sdk::Statement(db,
                 "UPDATE booking_facilities SET name = ?, capacity = ?, open_min = ?, close_min = ?, "
                 "closed_weekdays = ?, closed_on_holidays = ?, new_year_closed = ?, requires_approval = ?, "
                 "fee_per_hour = ?, owner_exempt = ? WHERE id = ?")
      .bind_all(sdk::trim(f.name), f.capacity, f.open_min, f.close_min,
                static_cast<std::int64_t>(f.closed_weekdays), int(f.closed_on_holidays),
                int(f.new_year_closed), int(f.requires_approval), f.fee_per_hour, int(f.owner_exempt), f.id)
      .run();
  for (const char* table : {"booking_slots", "booking_equipment", "booking_exemptions"})
    sdk::Statement(db, std::string("DELETE FROM ") + table + " WHERE facility_id = ?").bind_all(f.id).run();
  store_details(db, f.id, f);
  tx.commit();
}

void update_facility(sdk::Context& ctx, const Facility& f) {
  ctx.require(sdk::Act::ManageFacilities, owner_of(ctx, f.id));
  update_facility(ctx.db(), sdk::organizations(ctx), f);
}

void add_closure(sdk::Context& ctx, FacilityId id, const sdk::Date& day, const std::string& reason) {
  ctx.require(sdk::Act::ManageFacilities, room_to_change(ctx.db(), id).owner);
  add_closure(ctx.db(), id, day, reason);
}

void remove_closure(sdk::Database& db, FacilityId id, const sdk::Date& day) {
  Facility f = get_facility(db, id);
  sdk::Statement find(db, "SELECT reason FROM booking_closures WHERE facility_id = ? AND day = ?");
  find.bind_all(id, day);
  if (!find.step()) throw sdk::InputError(f.name + " has no one-off closure on " + day.iso());
  const std::string reason = find.get_text(0);
  find.reset();
  sdk::Transaction tx(db, "booking.closure.remove", f.name + " " + day.iso() + " " + reason);
  sdk::Statement(db, "DELETE FROM booking_closures WHERE facility_id = ? AND day = ?")
      .bind_all(id, day)
      .run();
  tx.commit();
}

void remove_closure(sdk::Context& ctx, FacilityId id, const sdk::Date& day) {
  ctx.require(sdk::Act::ManageFacilities, owner_of(ctx, id));
  remove_closure(ctx.db(), id, day);
}

int retire_facility(sdk::Database& db, FacilityId id, const std::string& reason) {
  Facility f = room_to_change(db, id);
  sdk::check_text(sdk::TextKind::Line, "reason", reason);
  sdk::Transaction tx(db, "booking.facility.retire", "#" + std::to_string(id) + " " + f.name + ": " + reason);
  sdk::Statement(db, "UPDATE booking_facilities SET retired = 1 WHERE id = ?").bind_all(id).run();
  sdk::Statement live(db,
                      "SELECT count(*) FROM booking_bookings WHERE facility_id = ? AND start_min >= ? "
                      "AND status <> 'cancelled'");
  live.bind_all(id, sdk::DateTime{sdk::today(), 0, 0}.epoch_minutes());
  live.step();
  const int n = static_cast<int>(live.get_int(0));
  live.reset();
  tx.commit();
  return n;
}

int retire_facility(sdk::Context& ctx, FacilityId id, const std::string& reason) {
  ctx.require(sdk::Act::ManageFacilities, owner_of(ctx, id));
  return retire_facility(ctx.db(), id, reason);
}

}  // namespace wasshoi::booking
