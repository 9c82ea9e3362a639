#pragma once
// Households (世帯) and the persons in them: the one write path for the roster. The GUI's
// household editor, the CLI, the importer and the demo all come through here.
#include <vector>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/model.hpp"

namespace wasshoi::members {

// Inserts without opening transactions of its own and with its statements prepared once: the
// importer and the demo write 100 000 rows through it inside their single transaction.
class RosterWriter {
 public:
  RosterWriter(sdk::Database& db, OrgId org);
  HouseholdId insert_household(const HouseholdData& data);
  PersonId insert_person(HouseholdId household, const PersonData& data, std::string_view address);

 private:
  sdk::Database& db_;
  OrgId org_;
  sdk::Statement household_;
  sdk::Statement person_;
};

// Inside one transaction, persons inserted between construction and finish() are added to
// the search index in one statement by finish() rather than a row at a time by the trigger
// (schema.cpp). Only inserts may happen meanwhile. Without finish() the transaction must not
// commit (the rows would be missing from the index): let it roll back.
class SearchBulkLoad {
 public:
  explicit SearchBulkLoad(sdk::Database& db);
  void finish();

 private:
  sdk::Database& db_;
  std::int64_t last_before_;
};

// 世帯人数: everyone living there, listed or not.
inline constexpr sdk::IntRange kPeopleRange{0, 999, "people"};

// Each throws InputError with a message for the user when the data cannot be stored.
void validate(const HouseholdData& data);
void validate(const PersonData& data);

HouseholdId add_household(sdk::Database& db, OrgId org, const HouseholdData& data,
                          const std::vector<PersonData>& persons);
void update_household(sdk::Database& db, HouseholdId id, const HouseholdData& data);
// The household is kept with its leaving date (history), never deleted.
void household_leave(sdk::Database& db, HouseholdId id, const Date& on);
// Takes a leaving back (recorded by mistake, the window's 元に戻す). InputError when it has not left.
void household_undo_leave(sdk::Database& db, HouseholdId id);

std::optional<Household> find_household(sdk::Database& db, HouseholdId id);
// Current households of `org` (of `han` only, when given) in 班 and reading order, at most `limit`:
// a 班 browsed in the household editor.
std::vector<Household> current_households(sdk::Database& db, OrgId org, std::optional<HanId> han, int limit);
Household get_household(sdk::Database& db, HouseholdId id);  // InputError when there is none
std::vector<Person> household_persons(sdk::Database& db, HouseholdId id);

PersonId add_person(sdk::Database& db, HouseholdId household, const PersonData& data);
void update_person(sdk::Database& db, PersonId id, const PersonData& data);
void remove_person(sdk::Database& db, PersonId id);
std::optional<Person> find_person(sdk::Database& db, PersonId id);
Person get_person(sdk::Database& db, PersonId id);

}  // namespace wasshoi::members
