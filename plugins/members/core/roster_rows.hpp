#pragma once
// A roster's rows one at a time, decoded and checked: what read_roster collects into a plan,
// and what the one-pass import (read_and_import_roster) hands to its writer as it goes.
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>
#include <wasshoi/sdk/csv.hpp>

#include "core/importer.hpp"

namespace wasshoi::members {

// One data row: the household it belongs to and its person, or the problem that refuses it.
struct ReadRow {
  int line = 0;
  std::string key;  // 世帯番号 as written; empty when each row is a household
  std::string han;  // normalized ("3" → "3班"); empty when none
  HouseholdData household;
  PersonData person;
  std::optional<ImportProblem> problem;  // set: the row is bad and the fields above are partial
};

class RosterRows {
 public:
  // Decodes the bytes and finds the header. InputError (naming options.source) when the file as
  // a whole is unusable: bad bytes, no name column.
  RosterRows(std::string_view bytes, const ImportOptions& options);

  // The next row that is not blank; false at the end. InputError when the file breaks off (a
  // quoted field never closed).
  bool next(ReadRow& row);

  sdk::Encoding encoding() const { return encoding_; }
  const ColumnMap& columns() const { return columns_; }
  int header_line() const { return header_line_; }
  int data_rows() const { return data_rows_; }  // rows read so far
  // A 世帯番号 column: a household's rows may be anywhere in the file, so none is complete
  // before the end.
  bool keyed() const { return columns_.index_of(Field::Household) >= 0; }

 private:
  bool next_record(sdk::CsvRecord& record);
  std::string han_name(const std::string& text);

  const ImportOptions& options_;
  sdk::Encoding encoding_ = sdk::Encoding::Utf8;
  std::optional<sdk::CsvReader> reader_;
  std::deque<sdk::CsvRecord> pending_;  // read while looking for the header
  ColumnMap columns_;
  int header_line_ = 0;
  int data_rows_ = 0;
  // 班 names repeat on every row of a roster; each distinct text is normalized once.
  std::unordered_map<std::string, std::string> han_names_;
};

// Every row of `rows` (from where it stands) into a plan, as read_roster(bytes, options).
ImportPlan read_roster(RosterRows& rows);

}  // namespace wasshoi::members
