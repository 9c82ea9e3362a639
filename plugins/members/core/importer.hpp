#pragma once
// Roster import: a CSV as officers keep it in Excel (UTF-8 with or without BOM, or CP932),
// read and checked whole first (`read_roster`, no database; the GUI shows this plan), then
// written in ONE transaction (`import_roster`): all of it lands, or nothing does — unless the
// user asks to skip bad rows. `read_and_import_roster` does both in one pass (the CLI).
#include <functional>
#include <string>
#include <vector>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/text.hpp>

#include "core/columns.hpp"
#include "core/model.hpp"

namespace wasshoi::members {

enum class InputEncoding { Auto, Utf8, Cp932 };
// "auto", "utf8", "utf-8", "utf-8-bom", "cp932", "sjis", "shift_jis" → the encoding; else InputError.
InputEncoding parse_input_encoding(std::string_view text);

struct ImportOptions {
  std::string source = "roster.csv";  // the file name errors are reported against
  InputEncoding encoding = InputEncoding::Auto;
  std::vector<std::pair<std::string, Field>> mapping;  // --map COL=field
  bool skip_bad_rows = false;
  bool dry_run = false;
};

struct ImportedPerson {
  int line = 0;
  PersonData data;
};

struct ImportedHousehold {
  int line = 0;          // where its first row starts
  std::string key;       // 世帯番号 as written; empty when each row is a household
  std::string han_name;  // normalized ("3" → "3班"); empty when none
  HouseholdData data;
  std::vector<ImportedPerson> persons;
};

// A row that cannot be imported: "roster.csv line 12, column 加入日: 2023/13/45 is not a date".
struct ImportProblem {
  int line = 0;
  std::string message;
};

struct ImportPlan {
  sdk::Encoding encoding = sdk::Encoding::Utf8;
  ColumnMap columns;
  int header_line = 0;
  int data_rows = 0;
  std::vector<ImportedHousehold> households;  // the good ones
  std::vector<ImportProblem> errors;          // bad rows
  std::vector<int> dropped_lines;             // good rows left out because their household has a bad row
  std::size_t person_count() const;
  std::vector<std::string> han_names() const;  // distinct, in order of appearance
};

// Decodes and checks every row. Throws InputError only when the file as a whole is unusable
// (bad bytes, no name column); bad rows are collected in `errors`.
ImportPlan read_roster(std::string_view bytes, const ImportOptions& options);

struct ImportSummary {
  bool dry_run = false;
  int households = 0;
  int persons = 0;
  std::vector<std::string> created_han;  // 班 that did not exist (created, or would be)
  std::vector<ImportProblem> skipped;    // with --skip-bad-rows
  std::vector<int> dropped_lines;
};

// Called with (steps done, steps in all) as the import goes: each household is two steps (its
// row, then its persons).
using ImportProgress = std::function<void(std::size_t, std::size_t)>;

// Refuses (InputError listing the bad rows, nothing written) when the plan has errors and
// options.skip_bad_rows is off. A dry run checks the same and writes nothing.
// 班 the file names that the 自治会 does not have yet are added through `orgs` (the host checks
// the officer may: the 会長 and 役員, who alone import).
ImportSummary import_roster(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                            const ImportPlan& plan, const ImportOptions& options,
                            const ImportProgress& progress = {});

// read_roster and import_roster in one pass, as the CLI imports a file. When each row is a
// household of its own (no 世帯番号 column), rows are written while the rest of the file is
// still being read and checked on a second thread; the transaction commits only when all rows
// were good (or bad ones are to be skipped), so what lands, what is refused and the messages are
// those of the two steps. `read` gets what was read: encoding, columns, rows, errors (and the
// households only when read whole first: with a 世帯番号 column, or a dry run).
ImportSummary read_and_import_roster(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                     std::string_view bytes, const ImportOptions& options, ImportPlan& read);

// The whole message for a refused import (first problems, then how many more).
std::string refusal_message(const ImportPlan& plan, const ImportOptions& options);

}  // namespace wasshoi::members
