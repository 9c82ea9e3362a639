#include "core/schema.hpp"

namespace wasshoi::booking {

namespace {

// Times are epoch minutes (Asia/Tokyo local) as INTEGER: overlap is two integer comparisons, and
// the index (facility_id, start_min) bounds the scan because no booking spans more than a day.
constexpr const char* kV1 = R"sql(
CREATE TABLE booking_facilities(
  id {id},
  owner_id INTEGER NOT NULL REFERENCES organizations(id),
  name TEXT NOT NULL,
  capacity INTEGER NOT NULL CHECK(capacity > 0),
  open_min INTEGER NOT NULL DEFAULT 540,
  close_min INTEGER NOT NULL DEFAULT 1260,
  closed_weekdays INTEGER NOT NULL DEFAULT 0,
  closed_on_holidays INTEGER NOT NULL DEFAULT 0,
  new_year_closed INTEGER NOT NULL DEFAULT 1,
  requires_approval INTEGER NOT NULL DEFAULT 0,
  fee_per_hour INTEGER NOT NULL DEFAULT 0,
  owner_exempt INTEGER NOT NULL DEFAULT 1,
  CHECK(open_min >= 0 AND close_min <= 1440 AND open_min < close_min));
CREATE TABLE booking_slots(
  facility_id INTEGER NOT NULL REFERENCES booking_facilities(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  start_min INTEGER NOT NULL,
  end_min INTEGER NOT NULL,
  fee INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY(facility_id, name),
  CHECK(start_min < end_min));
CREATE TABLE booking_equipment(
  facility_id INTEGER NOT NULL REFERENCES booking_facilities(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  quantity INTEGER NOT NULL CHECK(quantity > 0),
  PRIMARY KEY(facility_id, name));
CREATE TABLE booking_exemptions(
  facility_id INTEGER NOT NULL REFERENCES booking_facilities(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  PRIMARY KEY(facility_id, org_id));
CREATE TABLE booking_closures(
  id {id},
  facility_id INTEGER NOT NULL REFERENCES booking_facilities(id) ON DELETE CASCADE,
  day TEXT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  UNIQUE(facility_id, day));
CREATE TABLE booking_series(
  id {id},
  facility_id INTEGER NOT NULL REFERENCES booking_facilities(id),
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  rule TEXT NOT NULL,
  first_day TEXT NOT NULL,
  until_day TEXT,
  count INTEGER,
  start_tod INTEGER NOT NULL,
  end_tod INTEGER NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  sequence INTEGER NOT NULL DEFAULT 0);
CREATE TABLE booking_bookings(
  id {id},
  facility_id INTEGER NOT NULL REFERENCES booking_facilities(id),
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  series_id INTEGER REFERENCES booking_series(id),
  start_min INTEGER NOT NULL,
  end_min INTEGER NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  contact_person INTEGER,
  attendance INTEGER NOT NULL DEFAULT 0,
  status TEXT NOT NULL DEFAULT 'tentative' CHECK(status IN ('tentative', 'approved', 'cancelled')),
  fee INTEGER NOT NULL DEFAULT 0,
  CHECK(start_min < end_min AND end_min - start_min <= 1440));
CREATE INDEX booking_bookings_room_start ON booking_bookings(facility_id, start_min);
CREATE INDEX booking_bookings_org_start ON booking_bookings(org_id, start_min);
CREATE INDEX booking_bookings_series ON booking_bookings(series_id);
)sql";

// A room no longer used is retired, not deleted: its bookings (and the minutes that name them)
// keep pointing at it.
constexpr const char* kV2 = "ALTER TABLE booking_facilities ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;";

// A room's equipment in the order it was entered: SQLite listed it by rowid, which PostgreSQL
// does not have.
constexpr const char* kV3 = R"sql(
ALTER TABLE booking_equipment ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
--@ sqlite
UPDATE booking_equipment SET position = rowid;
)sql";

// On PostgreSQL the server itself refuses a double booking, even from a client that skipped
// the check (find_overlap): two live bookings of one room may not overlap ([start, end), so one
// may end when the next begins). insert_booking turns its violation into the ConflictError the
// check gives. On SQLite the check runs under the write lock (BEGIN IMMEDIATE) instead.
// btree_gist (trusted: a database owner may create it) gives GiST the equality on facility_id.
constexpr const char* kV4 = R"sql(
--@ postgresql
CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA public;
ALTER TABLE booking_bookings ADD CONSTRAINT booking_bookings_no_overlap
  EXCLUDE USING gist (facility_id WITH =, int4range(start_min, end_min) WITH &&)
  WHERE (status <> 'cancelled');
)sql";

}  // namespace

std::vector<sdk::Migration> migrations() {
  return {{1, "facilities, slots, equipment, exemptions, closures, series, bookings", kV1},
          {2, "facilities can be retired", kV2},
          {3, "equipment keeps its order", kV3},
          {4, "no double booking, enforced by the server (PostgreSQL)", kV4}};
}

std::vector<sdk::OwnedTable> owned_tables() {
  const std::string facility_owner = "(SELECT owner_id FROM booking_facilities WHERE id = $.facility_id)";
  return {
      {.table = "booking_facilities", .noun = "facility", .org = "$.owner_id"},
      {.table = "booking_slots", .noun = "slot", .org = facility_owner, .id = "rowid"},
      {.table = "booking_equipment", .noun = "equipment", .org = facility_owner, .id = "rowid"},
      {.table = "booking_exemptions", .noun = "fee exemption", .org = facility_owner, .id = "rowid"},
      {.table = "booking_closures", .noun = "closure", .org = facility_owner},
      // A booking belongs to the organization that booked and to the room's owner, who approves
      // it: a 自治会 books the 公民館's hall. A 班長 may book for their 自治会.
      {.table = "booking_series",
       .noun = "booking series",
       .org = "$.org_id",
       .co_org = facility_owner,
       .han_leaders_write = true},
      {.table = "booking_bookings",
       .noun = "booking",
       .org = "$.org_id",
       .co_org = facility_owner,
       .han_leaders_write = true},
  };
}

}  // namespace wasshoi::booking
