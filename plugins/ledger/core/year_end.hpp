#pragma once
// The end of a 会計年度: closing (no more entries; the 繰越金 carried; budgets copied as a draft
// for the next 年度), the 監査 (two 監事, after which the year is locked for good: corrections are
// reversing entries in an open year), and the hand-over file next year's 会計 opens.
#include <string>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::ledger {

struct CloseResult {
  std::int64_t carried = 0;  // 次年度繰越金 of every fund together
  int budget_lines = 0;      // copied as a draft into the next 年度 (those it had not yet)
};
// InputError for a year closed already.
CloseResult close_year(sdk::Database& db, OrgId org, int year, const Date& on);

struct Audit {
  std::string auditor1, auditor2;  // the two 監事
  Date on;
  std::string opinion;  // 監査意見; the usual wording when empty
};
// The year must be closed first; InputError for a missing 監事 name or a year audited already.
void record_audit(sdk::Database& db, OrgId org, int year, const Audit& audit);
struct YearInfo {
  int year = 0;
  std::string state;  // open, closed, audited
  std::int64_t carried = 0;
  std::string auditor1, auditor2, opinion;
  std::optional<Date> closed_on, audited_on;
};
YearInfo year_info(sdk::Database& db, OrgId org, int year);
inline constexpr const char* kDefaultOpinion =
    "帳簿、証憑書類等を監査した結果、収支決算書は適正に処理されていることを認めます。";

// The books of a 年度 as one file (JSON text): accounts and their balance at the start, 科目,
// the year's entries, the next year's budget. Read by import_handover.
std::string handover_file(sdk::Database& db, OrgId org, int year);
struct HandoverResult {
  int year = 0;
  int entries_added = 0;
  int entries_present = 0;  // already imported before: re-importing adds nothing
};
// Into `org`'s books (another file, or a fresh one): missing funds, accounts and 科目 are added,
// each entry once (keyed by the file's organization, year and entry). InputError for a file that
// is not a hand-over, or books that hold entries of that 年度 of their own.
HandoverResult import_handover(sdk::Database& db, OrgId org, const std::string& file_text,
                               const std::string& by);

}  // namespace wasshoi::ledger
