#pragma once
// Rooms as an officer sets them up (施設の設定): add, edit (hours, slots and fees, closed days,
// equipment, 減免), one-off closures (臨時休館) added and removed, and a room retired when it is
// no longer used. Only the 会長 and 役員 of the owning organization may (sdk::Act::ManageFacilities,
// docs/access.md); host core also refuses the write below the plugin (the rows' owner is the
// room's). Each is one transaction in the audit log; a refusal writes nothing.
#include <wasshoi/sdk/context.hpp>

#include "core/facilities.hpp"

namespace wasshoi::booking {

// add_facility for the signed-in officer: InputError unless they may manage `f.owner`'s rooms.
FacilityId add_facility(sdk::Context& ctx, const Facility& f);

// Replaces everything of room `f.id` but its owner: name, capacity, hours, slots with their fees,
// closed days, approval, fees, equipment, exemptions. Checked as a new room is. Bookings already
// made keep their times and fees. InputError for an unknown or retired room.
void update_facility(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f);
void update_facility(sdk::Context& ctx, const Facility& f);

// A one-off closure (臨時休館) on `day`, as add_closure, for the signed-in officer.
void add_closure(sdk::Context& ctx, FacilityId id, const sdk::Date& day, const std::string& reason);
// Takes the one-off closure of `day` away (the room is open again that day, by its rules).
// InputError when there is none that day.
void remove_closure(sdk::Database& db, FacilityId id, const sdk::Date& day);
void remove_closure(sdk::Context& ctx, FacilityId id, const sdk::Date& day);

// The room is no longer used: it takes no new bookings and leaves the booking forms; the bookings
// it has (past and future) stay as they are and are still listed. Returns how many live bookings
// from today on it still has (the officer may want to cancel or move them). InputError for a
// room already retired.
int retire_facility(sdk::Database& db, FacilityId id, const std::string& reason);
int retire_facility(sdk::Context& ctx, FacilityId id, const std::string& reason);

// Whether the signed-in officer may set up the rooms of `owner` (no write, no message).
bool may_manage_facilities(sdk::Context& ctx, OrgId owner);

}  // namespace wasshoi::booking
