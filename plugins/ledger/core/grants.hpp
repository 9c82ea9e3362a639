#pragma once
// 補助金: each grant (name, granting body, amount, purpose, period, conditions) with the entries
// tagged to it, and its 実績報告 (the 収支 of the granted activity, the receipts listed).
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::ledger {

struct Grant {
  Id id = 0;
  std::string name, body;  // 自治会等活動費総合補助金, 一関市
  std::int64_t amount = 0;
  std::string purpose;
  std::optional<Date> from, to;
  std::string conditions;
};
// InputError for a blank name, an amount out of range, a period that ends before it starts.
Id add_grant(sdk::Database& db, OrgId org, const Grant& grant);
std::vector<Grant> grants(sdk::Database& db, OrgId org);
Grant get_grant(sdk::Database& db, OrgId org, Id id);
// Tags an entry to a grant (or, with nullopt, untags it); InputError in a closed 年度.
void tag_entry(sdk::Database& db, OrgId org, Id entry, std::optional<Id> grant);

struct GrantReport {
  Grant grant;
  std::vector<Entry> entries;  // tagged, by day
  std::int64_t income = 0, expense = 0;
  std::int64_t balance() const { return income - expense; }
};
GrantReport grant_report(sdk::Database& db, OrgId org, Id grant);

}  // namespace wasshoi::ledger
