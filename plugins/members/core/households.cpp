#include "core/households.hpp"

#include <wasshoi/sdk/input.hpp>

#include "core/search_text.hpp"

namespace wasshoi::members {

namespace {

constexpr const char* kInsertHousehold =
    "INSERT INTO members_households(org_id, han_id, address, phone, people, joined_on, left_on, notes) "
    "VALUES(?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kInsertPerson =
    "INSERT INTO members_persons(household_id, org_id, name, reading, relation, birth_year, is_head, "
    "needs_support, helper_id, support_note, sort_key, search) VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* kSelectHousehold =
    "SELECT h.id, h.org_id, h.han_id, h.address, h.phone, h.people, h.joined_on, h.left_on, h.notes, "
    "coalesce(han.name, ''), coalesce((SELECT name FROM members_persons p WHERE p.household_id = h.id "
    "ORDER BY p.is_head DESC, p.id LIMIT 1), '') "
    "FROM members_households h LEFT JOIN han ON han.id = h.han_id WHERE h.id = ?";
constexpr const char* kSelectPerson =
    "SELECT id, household_id, org_id, name, reading, relation, birth_year, is_head, needs_support, "
    "helper_id, "
    "support_note FROM members_persons";

Person read_person(const sdk::Statement& st) {
  Person p;
  p.id = st.get_int(0);
  p.household = st.get_int(1);
  p.org = st.get_int(2);
  p.data.name = st.get_text(3);
  p.data.reading = st.get_text(4);
  p.data.relation = st.get_text(5);
  if (auto y = st.get_optional_int(6)) p.data.birth_year = static_cast<int>(*y);
  p.data.head = st.get_int(7) != 0;
  p.data.needs_support = st.get_int(8) != 0;
  p.data.helper = st.get_optional_int(9);
  p.data.support_note = st.get_text(10);
  return p;
}

// The folded search text of every person in the household, after its address changed.
void refresh_search(sdk::Database& db, HouseholdId household, std::string_view address) {
  sdk::Statement select(db, "SELECT id, name, reading FROM members_persons WHERE household_id = ?");
  select.bind(1, household);
  sdk::Statement update(db, "UPDATE members_persons SET sort_key = ?, search = ? WHERE id = ?");
  while (select.step()) {
    PersonSearchText t = person_search_text(select.get_text(1), select.get_text(2), address);
    update.bind_all(t.sort_key, t.search, select.get_int(0)).run();
  }
}

void bind_household(sdk::Statement& st, int first, const HouseholdData& d) {
  st.bind(first, d.han)
      .bind(first + 1, d.address)
      .bind(first + 2, d.phone)
      .bind(first + 3, d.people)
      .bind(first + 4, d.joined)
      .bind(first + 5, d.left)
      .bind(first + 6, d.notes);
}

}  // namespace

void validate(const HouseholdData& d) {
  if (d.people < 0) throw sdk::InputError("the number of people (世帯人数) cannot be negative");
  sdk::check_integer("the number of people (世帯人数)", d.people, kPeopleRange);
  if (d.joined) sdk::check_date("the joining date (加入日)", *d.joined);
  if (d.left) sdk::check_date("the leaving date (退会日)", *d.left);
  sdk::check_text(sdk::TextKind::Address, "address (住所)", d.address);
  sdk::check_text(sdk::TextKind::Phone, "phone (電話番号)", d.phone);
  sdk::check_text(sdk::TextKind::Note, "notes (備考)", d.notes);
  if (d.joined && d.left && *d.left < *d.joined)
    throw sdk::InputError("the leaving date " + d.left->iso() + " is before the joining date " +
                          d.joined->iso());
}

void validate(const PersonData& d) {
  if (sdk::trim(d.name).empty()) throw sdk::InputError("a person needs a name (氏名)");
  sdk::check_text(sdk::TextKind::Name, "name (氏名)", d.name);
  sdk::check_text(sdk::TextKind::Name, "reading (フリガナ)", d.reading);
  sdk::check_text(sdk::TextKind::Line, "relation (続柄)", d.relation);
  sdk::check_text(sdk::TextKind::Note, "support note", d.support_note);
  if (d.birth_year && (*d.birth_year < 1880 || *d.birth_year > sdk::today().year))
    throw sdk::InputError("the birth year " + std::to_string(*d.birth_year) + " is not plausible");
}

SearchBulkLoad::SearchBulkLoad(sdk::Database& db)
    : db_(db),
      last_before_(sdk::query_int(db, "SELECT coalesce(max(id), 0) FROM members_persons").value_or(0)) {
  if (!db.in_transaction()) throw sdk::Error("SearchBulkLoad needs an open transaction");
  db_.exec("INSERT INTO members_search_bulk(active) VALUES (1)");
}

void SearchBulkLoad::finish() {
  if (db_.engine() != sdk::Engine::SQLite) {  // PostgreSQL's GIN index follows every row itself
    db_.exec("DELETE FROM members_search_bulk");
    return;
  }
  // The text as the index holds it (with the 自治会's word): the view the index reads.
  sdk::Statement add(
      db_,
      "INSERT INTO members_search(rowid, search) SELECT id, search FROM members_search_text WHERE id > ?");
  add.bind(1, last_before_).run();
  db_.exec("DELETE FROM members_search_bulk");
}

RosterWriter::RosterWriter(sdk::Database& db, OrgId org)
    : db_(db), org_(org), household_(db, kInsertHousehold), person_(db, kInsertPerson) {}

HouseholdId RosterWriter::insert_household(const HouseholdData& d) {
  household_.bind(1, org_);
  bind_household(household_, 2, d);
  household_.run();
  return db_.last_insert_id();
}

PersonId RosterWriter::insert_person(HouseholdId household, const PersonData& d, std::string_view address) {
  PersonSearchText t = person_search_text(d.name, d.reading, address);
  person_.bind_all(household, org_, d.name, d.reading, d.relation, d.birth_year, d.head ? 1 : 0,
                   d.needs_support ? 1 : 0, d.helper, d.support_note, t.sort_key, t.search);
  person_.run();
  return db_.last_insert_id();
}

HouseholdId add_household(sdk::Database& db, OrgId org, const HouseholdData& data,
                          const std::vector<PersonData>& persons) {
  validate(data);
  if (persons.empty()) throw sdk::InputError("a household needs at least one person (the 世帯主)");
  for (const auto& p : persons) validate(p);
  sdk::Transaction tx(db, "members.household.add", persons.front().name);
  RosterWriter writer(db, org);
  HouseholdId id = writer.insert_household(data);
  bool has_head = false;
  for (const auto& p : persons) has_head = has_head || p.head;
  for (std::size_t i = 0; i < persons.size(); ++i) {
    PersonData p = persons[i];
    if (!has_head && i == 0) p.head = true;  // the first person listed is the 世帯主
    writer.insert_person(id, p, data.address);
  }
  tx.set_detail(persons.front().name + " → household " + std::to_string(id));
  tx.commit();
  return id;
}

void update_household(sdk::Database& db, HouseholdId id, const HouseholdData& data) {
  validate(data);
  Household before = get_household(db, id);
  sdk::Transaction tx(db, "members.household.update",
                      "household " + std::to_string(id) + " " + before.head_name);
  sdk::Statement st(
      db,
      "UPDATE members_households SET han_id = ?, address = ?, phone = ?, people = ?, joined_on = ?, "
      "left_on = ?, notes = ? WHERE id = ?");
  bind_household(st, 1, data);
  st.bind(8, id).run();
  if (before.data.address != data.address) refresh_search(db, id, data.address);
  tx.commit();
}

void household_leave(sdk::Database& db, HouseholdId id, const Date& on) {
  // Read inside the transaction: two officers recording the same leave at once get one each.
  sdk::Transaction tx(db, "members.household.leave", "household " + std::to_string(id));
  Household h = get_household(db, id);
  if (h.data.left)
    throw sdk::InputError("household " + std::to_string(id) + " (" + h.head_name + ") already left on " +
                          h.data.left->iso());
  h.data.left = on;
  validate(h.data);
  tx.set_detail("household " + std::to_string(id) + " " + h.head_name + " on " + on.iso());
  sdk::Statement st(db, "UPDATE members_households SET left_on = ? WHERE id = ?");
  st.bind_all(on, id).run();
  tx.commit();
}

void household_undo_leave(sdk::Database& db, HouseholdId id) {
  sdk::Transaction tx(db, "members.household.undo_leave", "household " + std::to_string(id));
  Household h = get_household(db, id);
  if (!h.data.left)
    throw sdk::InputError("household " + std::to_string(id) + " (" + h.head_name + ") has not left");
  tx.set_detail("household " + std::to_string(id) + " " + h.head_name + ": leaving on " + h.data.left->iso() +
                " taken back");
  sdk::Statement st(db, "UPDATE members_households SET left_on = NULL WHERE id = ?");
  st.bind(1, id).run();
  tx.commit();
}

std::vector<Household> current_households(sdk::Database& db, OrgId org, std::optional<HanId> han, int limit) {
  sdk::Statement st(
      db,
      "SELECT h.id FROM members_households h LEFT JOIN han ON han.id = h.han_id "
      "WHERE h.org_id = ?1 AND h.left_on IS NULL AND (CAST(?2 AS BIGINT) IS NULL OR h.han_id = ?2) "
      "ORDER BY han.sort_order IS NULL, han.sort_order, (SELECT sort_key FROM members_persons p "
      "WHERE p.household_id = h.id ORDER BY p.is_head DESC, p.id LIMIT 1), h.id LIMIT ?3");
  st.bind(1, org).bind(2, han).bind(3, limit);
  std::vector<HouseholdId> ids;
  while (st.step()) ids.push_back(st.get_int(0));
  std::vector<Household> out;
  for (HouseholdId id : ids)
    if (auto h = find_household(db, id)) out.push_back(std::move(*h));
  return out;
}

std::optional<Household> find_household(sdk::Database& db, HouseholdId id) {
  sdk::Statement st(db, kSelectHousehold);
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  Household h;
  h.id = st.get_int(0);
  h.org = st.get_int(1);
  h.data.han = st.get_optional_int(2);
  h.data.address = st.get_text(3);
  h.data.phone = st.get_text(4);
  h.data.people = static_cast<int>(st.get_int(5));
  h.data.joined = st.get_date(6);  // a stored date that is not one reads as none (db.hpp)
  h.data.left = st.get_date(7);
  h.data.notes = st.get_text(8);
  h.han_name = st.get_text(9);
  h.head_name = st.get_text(10);
  return h;
}

Household get_household(sdk::Database& db, HouseholdId id) {
  auto h = find_household(db, id);
  if (!h) throw sdk::InputError("no household with id " + std::to_string(id));
  return *h;
}

std::vector<Person> household_persons(sdk::Database& db, HouseholdId id) {
  sdk::Statement st(db, std::string(kSelectPerson) + " WHERE household_id = ? ORDER BY is_head DESC, id");
  st.bind(1, id);
  std::vector<Person> out;
  while (st.step()) out.push_back(read_person(st));
  return out;
}

std::optional<Person> find_person(sdk::Database& db, PersonId id) {
  sdk::Statement st(db, std::string(kSelectPerson) + " WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_person(st);
}

Person get_person(sdk::Database& db, PersonId id) {
  auto p = find_person(db, id);
  if (!p) throw sdk::InputError("no person with id " + std::to_string(id));
  return *p;
}

namespace {
void check_helper(sdk::Database& db, const PersonData& data, OrgId org, PersonId self) {
  if (!data.helper) return;
  auto helper = find_person(db, *data.helper);
  if (!helper || helper->org != org)
    throw sdk::InputError("no person with id " + std::to_string(*data.helper) +
                          " in this 自治会 to be the helper");
  if (helper->id == self) throw sdk::InputError("a person cannot be their own helper");
}

// Only one 世帯主 per household: marking one clears the others.
void clear_other_heads(sdk::Database& db, HouseholdId household, PersonId keep) {
  sdk::Statement st(db, "UPDATE members_persons SET is_head = 0 WHERE household_id = ? AND id <> ?");
  st.bind_all(household, keep).run();
}
}  // namespace

PersonId add_person(sdk::Database& db, HouseholdId household, const PersonData& data) {
  validate(data);
  Household h = get_household(db, household);
  check_helper(db, data, h.org, 0);
  sdk::Transaction tx(db, "members.person.add", data.name + " → household " + std::to_string(household));
  PersonId id = RosterWriter(db, h.org).insert_person(household, data, h.data.address);
  if (data.head) clear_other_heads(db, household, id);
  tx.commit();
  return id;
}

void update_person(sdk::Database& db, PersonId id, const PersonData& data) {
  validate(data);
  Person before = get_person(db, id);
  Household h = get_household(db, before.household);
  check_helper(db, data, h.org, id);
  PersonSearchText t = person_search_text(data.name, data.reading, h.data.address);
  sdk::Transaction tx(db, "members.person.update", "person " + std::to_string(id) + " " + data.name);
  sdk::Statement st(
      db,
      "UPDATE members_persons SET name = ?, reading = ?, relation = ?, birth_year = ?, is_head = ?, "
      "needs_support = ?, helper_id = ?, support_note = ?, sort_key = ?, search = ? WHERE id = ?");
  st.bind_all(data.name, data.reading, data.relation, data.birth_year, data.head ? 1 : 0,
              data.needs_support ? 1 : 0, data.helper, data.support_note, t.sort_key, t.search, id)
      .run();
  if (data.head) clear_other_heads(db, before.household, id);
  tx.commit();
}

void remove_person(sdk::Database& db, PersonId id) {
  // Counted inside the transaction: two removals at once never leave a household empty.
  sdk::Transaction tx(db, "members.person.remove", "person " + std::to_string(id));
  Person p = get_person(db, id);
  auto count = household_persons(db, p.household).size();
  if (count <= 1)
    throw sdk::InputError(p.data.name +
                          " is the only person in the household; record the household leaving instead");
  tx.set_detail("person " + std::to_string(id) + " " + p.data.name);
  sdk::Statement st(db, "DELETE FROM members_persons WHERE id = ?");
  st.bind(1, id).run();
  if (p.data.head) {  // someone must stay 世帯主
    sdk::Statement next(db,
                        "UPDATE members_persons SET is_head = 1 WHERE id = "
                        "(SELECT min(id) FROM members_persons WHERE household_id = ?)");
    next.bind(1, p.household).run();
  }
  tx.commit();
}

}  // namespace wasshoi::members
