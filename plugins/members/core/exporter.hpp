#pragma once
// Roster export to CSV as Excel opens it: UTF-8 with BOM, or Shift_JIS (CP932). One row per
// person; household columns repeat on each row and 世帯番号 groups them, so importing the file
// again gives the same roster. A character CP932 cannot hold (𠮷) is never replaced: the
// export fails naming every row, field and character.
#include <string>
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::members {

enum class OutputEncoding { Utf8Bom, Cp932 };
// "utf-8-bom", "utf-8", "utf8", "cp932", "sjis" …; else InputError.
OutputEncoding parse_output_encoding(std::string_view text);

struct ExportOptions {
  OutputEncoding encoding = OutputEncoding::Utf8Bom;
  bool redact = false;       // leaves out phone numbers and notes (lists for outsiders)
  std::optional<HanId> han;  // only this 班 (a 班長's list)
};

// A row that cannot be written in CP932.
struct ExportProblem {
  int row = 0;  // data row, 1 = the first after the header
  HouseholdId household = 0;
  std::string person;     // the person's name
  std::string column;     // 氏名
  std::string character;  // 𠮷
};

struct ExportResult {
  std::string bytes;  // empty when problems is not
  int rows = 0;
  std::vector<ExportProblem> problems;
  std::vector<std::string> personal_data;  // headers of the columns that are personal data
};

// Everything in `org`'s roster (or one 班's), current and left households (退会日 says which).
ExportResult export_roster(sdk::Database& db, OrgId org, const ExportOptions& options);
// The message for a failed CP932 export.
std::string problems_message(const std::vector<ExportProblem>& problems);

}  // namespace wasshoi::members
