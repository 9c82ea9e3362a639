#include "core/facilities.hpp"

#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::booking {

namespace {

constexpr const char* kInsertFacility =
    "INSERT INTO booking_facilities(owner_id, name, capacity, open_min, close_min, closed_weekdays, "
    "closed_on_holidays, new_year_closed, requires_approval, fee_per_hour, owner_exempt) "
    "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectFacility =
    "SELECT id, owner_id, name, capacity, open_min, close_min, closed_weekdays, closed_on_holidays, "
    "new_year_closed, requires_approval, fee_per_hour, owner_exempt, retired FROM booking_facilities";

}  // namespace

void check_facility(const Facility& f, sdk::Database& db, sdk::OrganizationDirectory& orgs) {
  if (sdk::trim(f.name).empty()) throw sdk::InputError("a facility needs a name");
  sdk::check_text(sdk::TextKind::Name, "facility name", f.name);
  for (const auto& s : f.slots) {
    if (sdk::trim(s.name).empty())
      throw sdk::InputError("every slot of " + f.name + " needs a name (午前, 午後 …)");
    sdk::check_text(sdk::TextKind::Name, "slot name", s.name);
    if (s.fee < 0) throw sdk::InputError("the fee of slot " + s.name + " cannot be negative");
  }
  for (const auto& e : f.equipment) {
    if (sdk::trim(e.name).empty()) throw sdk::InputError("every equipment of " + f.name + " needs a name");
    sdk::check_text(sdk::TextKind::Name, "equipment name", e.name);
  }
  for (std::size_t i = 0; i < f.slots.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (sdk::trim(f.slots[i].name) == sdk::trim(f.slots[j].name))
        throw sdk::InputError(f.name + " has two slots named " + f.slots[i].name);
  for (std::size_t i = 0; i < f.equipment.size(); ++i)
    for (std::size_t j = 0; j < i; ++j)
      if (sdk::trim(f.equipment[i].name) == sdk::trim(f.equipment[j].name))
        throw sdk::InputError(f.name + " lists the equipment " + f.equipment[i].name + " twice");
  if (f.fee_per_hour < 0) throw sdk::InputError("the fee per hour of " + f.name + " cannot be negative");
  if (f.capacity <= 0) throw sdk::InputError("capacity of " + f.name + " must be 1 or more");
  orgs.get(db, f.owner);  // InputError "no organization with id N"
  if (f.open_min < 0 || f.close_min > 24 * 60 || f.open_min >= f.close_min)
    throw sdk::InputError("opening hours of " + f.name + " must end after they start (" +
                          format_hm(f.open_min) + "–" + format_hm(f.close_min) + ")");
  for (const auto& s : f.slots)
    if (s.start_min >= s.end_min || s.start_min < f.open_min || s.end_min > f.close_min)
      throw sdk::InputError("slot " + s.name + " (" + format_hm(s.start_min) + "–" + format_hm(s.end_min) +
                            ") must lie inside the opening hours " + format_hm(f.open_min) + "–" +
                            format_hm(f.close_min));
  for (const auto& e : f.equipment)
    if (e.quantity <= 0) throw sdk::InputError("equipment " + e.name + " needs a quantity of 1 or more");
}

namespace {

Facility read_facility(sdk::Statement& st) {
  Facility f;
  f.id = st.get_int(0);
  f.owner = st.get_int(1);
  f.name = st.get_text(2);
  f.capacity = static_cast<int>(st.get_int(3));
  f.open_min = static_cast<int>(st.get_int(4));
  f.close_min = static_cast<int>(st.get_int(5));
  f.closed_weekdays = static_cast<unsigned>(st.get_int(6));
  f.closed_on_holidays = st.get_int(7) != 0;
  f.new_year_closed = st.get_int(8) != 0;
  f.requires_approval = st.get_int(9) != 0;
  f.fee_per_hour = static_cast<int>(st.get_int(10));
  f.owner_exempt = st.get_int(11) != 0;
  f.retired = st.get_int(12) != 0;
  return f;
}

// A facility's slots, equipment and fee exemptions in one query (one round trip to a server),
// prepared once for a whole list: each row is its kind (0 slot, 1 equipment, 2 exemption), a
// name, three numbers, and the order within its kind.
struct DetailQueries {
  explicit DetailQueries(sdk::Database& db)
      : details(
            db,
            "SELECT 0, name, start_min, end_min, fee, start_min, '' FROM booking_slots WHERE facility_id = "
            "?1 "
            "UNION ALL SELECT 1, name, quantity, 0, 0, position, name FROM booking_equipment "
            "WHERE facility_id = ?1 "
            "UNION ALL SELECT 2, '', org_id, 0, 0, org_id, '' FROM booking_exemptions WHERE facility_id = ?1 "
            "ORDER BY 1, 6, 7") {}

  void load(Facility& f) {
    details.bind(1, f.id);
    while (details.step()) {
      const auto number = [&](int col) { return static_cast<int>(details.get_int(col)); };
      switch (details.get_int(0)) {
        case 0:
          f.slots.push_back({details.get_text(1), number(2), number(3), number(4)});
          break;
        case 1:
          f.equipment.push_back({details.get_text(1), number(2)});
          break;
        default:
          f.exempt_orgs.push_back(details.get_int(2));
      }
    }
    details.reset();
  }

  sdk::Statement details;
};

}  // namespace

void store_details(sdk::Database& db, FacilityId id, const Facility& f) {
  for (const auto& s : f.slots)
    sdk::Statement(
        db, "INSERT INTO booking_slots(facility_id, name, start_min, end_min, fee) VALUES(?, ?, ?, ?, ?)")
        .bind_all(id, sdk::trim(s.name), s.start_min, s.end_min, s.fee)
        .run();
  int position = 0;
  for (const auto& e : f.equipment)
    sdk::Statement(db,
                   "INSERT INTO booking_equipment(facility_id, name, quantity, position) VALUES(?, ?, ?, ?)")
        .bind_all(id, sdk::trim(e.name), e.quantity, ++position)
        .run();
  for (OrgId org : f.exempt_orgs)
    sdk::Statement(db,
                   "INSERT INTO booking_exemptions(facility_id, org_id) VALUES(?, ?) ON CONFLICT DO NOTHING")
        .bind_all(id, org)
        .run();
}

FacilityId add_facility(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Facility& f) {
  check_facility(f, db, orgs);
  sdk::Transaction tx(db, "booking.facility.add", f.name);
  sdk::Statement(db, kInsertFacility)
      .bind_all(f.owner, sdk::trim(f.name), f.capacity, f.open_min, f.close_min,
                static_cast<std::int64_t>(f.closed_weekdays), int(f.closed_on_holidays),
                int(f.new_year_closed), int(f.requires_approval), f.fee_per_hour, int(f.owner_exempt))
      .run();
  FacilityId id = db.last_insert_id();
  store_details(db, id, f);
  tx.commit();
  return id;
}

std::optional<Facility> find_facility(sdk::Database& db, FacilityId id) {
  sdk::Statement st(db, std::string(kSelectFacility) + " WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  Facility f = read_facility(st);
  DetailQueries(db).load(f);
  return f;
}

Facility get_facility(sdk::Database& db, FacilityId id) {
  auto f = find_facility(db, id);
  if (!f)
    throw sdk::InputError("no facility with id " + std::to_string(id) + " (see `booking facility list`)");
  return *f;
}

std::vector<Facility> list_facilities(sdk::Database& db, OrgId owner) {
  sdk::Statement st(db, std::string(kSelectFacility) + " WHERE ? = 0 OR owner_id = ? ORDER BY owner_id, id");
  st.bind_all(owner, owner);
  std::vector<Facility> out;
  while (st.step()) out.push_back(read_facility(st));
  DetailQueries details(db);
  for (auto& f : out) details.load(f);
  return out;
}

void add_closure(sdk::Database& db, FacilityId id, const sdk::Date& day, const std::string& reason) {
  get_facility(db, id);
  sdk::check_date("closed day", day);
  sdk::check_text(sdk::TextKind::Line, "reason", reason);
  sdk::Transaction tx(db, "booking.closure.add", day.iso() + " " + reason);
  sdk::Statement(db,
                 "INSERT INTO booking_closures(facility_id, day, reason) VALUES(?, ?, ?) "
                 "ON CONFLICT(facility_id, day) DO UPDATE SET reason = excluded.reason")
      .bind_all(id, day, reason)
      .run();
  tx.commit();
}

std::vector<Closure> closures(sdk::Database& db, FacilityId id, const sdk::Date& from, const sdk::Date& to) {
  sdk::Statement st(
      db,
      "SELECT day, reason FROM booking_closures WHERE facility_id = ? AND day BETWEEN ? AND ? ORDER BY day");
  st.bind_all(id, from, to);
  std::vector<Closure> out;
  while (st.step()) out.push_back({st.get_date(0), st.get_text(1)});
  return out;
}

const Slot& find_slot(const Facility& f, std::string_view name) {
  for (const auto& s : f.slots)
    if (s.name == name) return s;
  std::string names;
  for (const auto& s : f.slots) names += (names.empty() ? "" : ", ") + s.name;
  throw sdk::InputError(f.name + " has no slot '" + std::string(name) + "'" +
                        (names.empty() ? ": it is booked by free times" : " (slots: " + names + ")"));
}

}  // namespace wasshoi::booking
