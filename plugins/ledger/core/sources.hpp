#pragma once
// Money recorded elsewhere (会費 in members, 使用料 in booking; sdk/money_sources.hpp) entered in
// the 出納帳 once: as income of the source's 科目 into the income account, marked with the
// source, keyed so that a second sync adds nothing. A reversal in the source reverses the entry;
// a receipt taken back before it ever came in is not entered at all. A receipt dated in a closed
// 年度 goes in on the first day of the next open one, its own date in the 摘要.
#include <vector>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/money_sources.hpp>

#include "core/model.hpp"

namespace wasshoi::ledger {

struct SyncResult {
  int added = 0;
  int reversed = 0;
  bool any() const { return added + reversed > 0; }
};
// One audited transaction over every source given (those not there are nullptr and skipped);
// receipts dated up to `through`. Nothing is written when there is nothing new.
SyncResult sync_money(sdk::Database& db, OrgId org, const std::vector<sdk::MoneySource*>& sources,
                      const Date& through, const std::string& by);

}  // namespace wasshoi::ledger
