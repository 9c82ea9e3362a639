#pragma once
// The importer's write path: rows go to the database in multi-row INSERTs, one statement step
// per batch of rows instead of per row (at 100 000 rows the per-step cost was a third of the
// import). Ids are given here (sdk::Database::take_ids): on SQLite counting on from the largest
// in use, which is safe because it only works inside the write transaction (BEGIN IMMEDIATE)
// the import holds; on PostgreSQL from the identity sequences. On PostgreSQL the rows go in
// with COPY … FROM STDIN (sdk::Database::copy_in), a few thousand at a time.
#include <string>
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"
#include "core/search_text.hpp"

namespace wasshoi::members {

class RosterBulkWriter {
 public:
  RosterBulkWriter(sdk::Database& db, OrgId org);

  // `data` (and each PersonData) must stay alive until the next flush(): rows are bound then,
  // without copies.
  HouseholdId add_household(const HouseholdData& data, std::optional<HanId> han);
  // `text` is person_search_text(data.name, data.reading, the household's address).
  PersonId add_person(HouseholdId household, const PersonData& data, PersonSearchText text);
  // Writes what is pending; call before the transaction commits.
  void flush();
  // The data given to add_* may go away now: writes the rows bound to it (SQLite). On PostgreSQL
  // the rows are copies, and wait until a COPY's worth is pending.
  void release();

 private:
  struct PendingHousehold {
    HouseholdId id;
    const HouseholdData* data;
    std::optional<HanId> han;
    std::string joined, left;  // ISO dates, empty for none
  };
  struct PendingPerson {
    PersonId id;
    HouseholdId household;
    const PersonData* data;
    PersonSearchText text;
  };
  void write_households();
  void write_persons();
  template <typename Row, typename BindRow>
  void write_batch(std::vector<Row>& pending, sdk::Statement& full_batch, const char* head, int params,
                   BindRow bind_row);

  // PostgreSQL: the rows as COPY takes them, and ids taken from the sequences ahead of use.
  void copy_pending();
  std::int64_t next_id(std::vector<std::int64_t>& taken, std::size_t& next_take, const char* table);

  sdk::Database& db_;
  OrgId org_;
  bool copy_ = false;  // PostgreSQL
  HouseholdId next_household_ = 0;
  PersonId next_person_ = 0;
  std::vector<std::int64_t> household_ids_, person_ids_;  // taken, not yet used (reversed)
  std::size_t household_take_ = 64, person_take_ = 64;    // how many to take next
  std::vector<sdk::Database::CopyRow> household_rows_, person_rows_;
  std::vector<PendingHousehold> households_;
  std::vector<PendingPerson> persons_;
  sdk::Statement household_batch_;
  sdk::Statement person_batch_;
};

}  // namespace wasshoi::members
