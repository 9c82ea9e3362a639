#include "core/bulk_writer.hpp"

#include <algorithm>
#include <optional>
#include <wasshoi/sdk/error.hpp>

#include "core/households.hpp"

namespace wasshoi::members {

namespace {

constexpr int kBatch = 64;
constexpr const char* kHouseholdColumns =
    "INSERT INTO members_households(id, org_id, han_id, address, phone, people, joined_on, left_on, notes) "
    "VALUES ";
constexpr int kHouseholdParams = 9;
constexpr const char* kPersonColumns =
    "INSERT INTO members_persons(id, household_id, org_id, name, reading, relation, birth_year, is_head, "
    "needs_support, helper_id, support_note, sort_key, search) VALUES ";
constexpr int kPersonParams = 13;

// "INSERT … VALUES (?, …), (?, …)" for `rows` rows of `params` values.
std::string insert_sql(const char* head, int params, int rows) {
  std::string row = "(?";
  for (int i = 1; i < params; ++i) row += ",?";
  row += ")";
  std::string sql = head;
  for (int r = 0; r < rows; ++r) sql += (r ? "," : "") + row;
  return sql;
}

std::string date_column(const std::optional<Date>& date) {
  return date ? date->iso() : std::string();
}

// Empty: no date (NULL).
void bind_date(sdk::Statement& st, int index, const std::string& iso) {
  if (iso.empty())
    st.bind(index, nullptr);
  else
    st.bind_unowned(index, iso);
}

std::int64_t first_id(sdk::Database& db, const char* table) {
  if (db.engine() != sdk::Engine::SQLite) return 0;  // taken from the sequence as rows come
  return db.take_ids(table, "id", 1).front();
}

constexpr std::size_t kCopyRows = 4096;  // persons per COPY on PostgreSQL

std::optional<std::string> text_or_null(const std::string& text) {
  if (text.empty()) return std::nullopt;
  return text;
}
template <typename T>
std::optional<std::string> number_or_null(const std::optional<T>& v) {
  if (!v) return std::nullopt;
  return std::to_string(*v);
}

}  // namespace

RosterBulkWriter::RosterBulkWriter(sdk::Database& db, OrgId org)
    : db_(db),
      org_(org),
      copy_(db.engine() != sdk::Engine::SQLite),
      next_household_(first_id(db, "members_households")),
      next_person_(first_id(db, "members_persons")),
      household_batch_(db, insert_sql(kHouseholdColumns, kHouseholdParams, kBatch)),
      person_batch_(db, insert_sql(kPersonColumns, kPersonParams, kBatch)) {
  if (!db.in_transaction()) throw sdk::Error("RosterBulkWriter needs an open transaction");
  households_.reserve(kBatch);
  persons_.reserve(kBatch * 4);
}

std::int64_t RosterBulkWriter::next_id(std::vector<std::int64_t>& taken, std::size_t& next_take,
                                       const char* table) {
  if (taken.empty()) {
    // 64 at first, twice as many each time up to what one COPY writes: a small import takes few
    // numbers, a large one a round trip to the server per 4096 rows.
    taken = db_.take_ids(table, "id", next_take);
    next_take = std::min(next_take * 2, kCopyRows);
    std::reverse(taken.begin(), taken.end());
  }
  const std::int64_t id = taken.back();
  taken.pop_back();
  return id;
}

HouseholdId RosterBulkWriter::add_household(const HouseholdData& data, std::optional<HanId> han) {
  if (copy_) {
    const HouseholdId id = next_id(household_ids_, household_take_, "members_households");
    household_rows_.push_back({std::to_string(id), std::to_string(org_), number_or_null(han), data.address,
                               data.phone, std::to_string(data.people),
                               text_or_null(date_column(data.joined)), text_or_null(date_column(data.left)),
                               data.notes});
    return id;
  }
  if (households_.size() == kBatch) write_households();
  households_.push_back({next_household_, &data, han, date_column(data.joined), date_column(data.left)});
  return next_household_++;
}

PersonId RosterBulkWriter::add_person(HouseholdId household, const PersonData& data, PersonSearchText text) {
  if (copy_) {
    const PersonId id = next_id(person_ids_, person_take_, "members_persons");
    person_rows_.push_back({std::to_string(id), std::to_string(household), std::to_string(org_), data.name,
                            data.reading, data.relation, number_or_null(data.birth_year),
                            data.head ? "1" : "0", data.needs_support ? "1" : "0",
                            number_or_null(data.helper), data.support_note, std::move(text.sort_key),
                            std::move(text.search)});
    if (person_rows_.size() >= kCopyRows) copy_pending();
    return id;
  }
  if (persons_.size() == kBatch) flush();
  persons_.push_back({next_person_, household, &data, std::move(text)});
  return next_person_++;
}

void RosterBulkWriter::copy_pending() {
  db_.copy_in("members_households",
              {"id", "org_id", "han_id", "address", "phone", "people", "joined_on", "left_on", "notes"},
              household_rows_);
  household_rows_.clear();
  db_.copy_in("members_persons",
              {"id", "household_id", "org_id", "name", "reading", "relation", "birth_year", "is_head",
               "needs_support", "helper_id", "support_note", "sort_key", "search"},
              person_rows_);
  person_rows_.clear();
}

void RosterBulkWriter::release() {
  if (!copy_) flush();
}

void RosterBulkWriter::flush() {
  if (copy_) return copy_pending();
  write_households();  // first: the persons refer to them
  write_persons();
}

// One INSERT for what is pending (never more than kBatch rows: add_* write when it is full).
template <typename Row, typename BindRow>
void RosterBulkWriter::write_batch(std::vector<Row>& pending, sdk::Statement& full_batch, const char* head,
                                   int params, BindRow bind_row) {
  if (pending.empty()) return;
  const int rows = static_cast<int>(pending.size());
  std::optional<sdk::Statement> tail;  // the last, shorter batch
  if (rows < kBatch) tail.emplace(db_, insert_sql(head, params, rows));
  sdk::Statement& st = tail ? *tail : full_batch;
  for (int r = 0; r < rows; ++r) bind_row(st, r * params, pending[static_cast<std::size_t>(r)]);
  st.run();
  pending.clear();
}

void RosterBulkWriter::write_households() {
  write_batch(households_, household_batch_, kHouseholdColumns, kHouseholdParams,
              [this](sdk::Statement& st, int at, const PendingHousehold& h) {
                const HouseholdData& d = *h.data;
                st.bind(at + 1, h.id).bind(at + 2, org_).bind(at + 3, h.han);
                st.bind_unowned(at + 4, d.address).bind_unowned(at + 5, d.phone).bind(at + 6, d.people);
                bind_date(st, at + 7, h.joined);
                bind_date(st, at + 8, h.left);
                st.bind_unowned(at + 9, d.notes);
              });
}

void RosterBulkWriter::write_persons() {
  write_batch(
      persons_, person_batch_, kPersonColumns, kPersonParams,
      [this](sdk::Statement& st, int at, const PendingPerson& p) {
        const PersonData& d = *p.data;
        st.bind(at + 1, p.id).bind(at + 2, p.household).bind(at + 3, org_);
        st.bind_unowned(at + 4, d.name).bind_unowned(at + 5, d.reading).bind_unowned(at + 6, d.relation);
        st.bind(at + 7, d.birth_year).bind(at + 8, d.head ? 1 : 0).bind(at + 9, d.needs_support ? 1 : 0);
        st.bind(at + 10, d.helper).bind_unowned(at + 11, d.support_note);
        st.bind_unowned(at + 12, p.text.sort_key).bind_unowned(at + 13, p.text.search);
      });
}

}  // namespace wasshoi::members
