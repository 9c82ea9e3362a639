// Money from the other plugins into the 出納帳 (sources.hpp).
#include "core/sources.hpp"

#include <map>
#include <set>

#include "core/books.hpp"
#include "core/entries.hpp"

namespace wasshoi::ledger {

namespace {

// The day an entry of `on` can have: `on` itself while its 年度 is open, else the first day of
// the first open 年度 after it.
Date open_day(sdk::Database& db, OrgId org, const Date& on, int start) {
  int year = fiscal_year_of(on, start);
  if (year_state(db, org, year) == "open") return on;
  while (year_state(db, org, year) != "open") ++year;
  return year_start(year, start);
}

}  // namespace

SyncResult sync_money(sdk::Database& db, OrgId org, const std::vector<sdk::MoneySource*>& sources,
                      const Date& through, const std::string& by) {
  SyncResult r;
  ensure_books(db, org);
  sdk::Transaction tx(db, "ledger.sync");
  lock_books(db, org);
  std::map<std::string, Id> entered;  // source key → entry
  std::set<Id> reversed;
  {
    sdk::Statement st(
        db,
        "SELECT source_key, id, EXISTS (SELECT 1 FROM ledger_entries r WHERE r.reverses = e.id) FROM "
        "ledger_entries e WHERE org_id = ? AND source_key IS NOT NULL");
    st.bind(1, org);
    while (st.step()) {
      entered[st.get_text(0)] = st.get_int(1);
      if (st.get_int(2)) reversed.insert(st.get_int(1));
    }
  }
  const int start = start_month(db, org);
  const Id account = income_account(db, org);
  sdk::Statement ins(
      db,
      "INSERT INTO ledger_entries(org_id, fiscal_year, day, account_id, category_id, kind, amount, "
      "summary, entered_by, reverses, reason, source, source_key) "
      "VALUES(?, ?, ?, ?, ?, 'entry', ?, ?, ?, ?, ?, ?, ?)");
  for (sdk::MoneySource* source : sources) {
    if (!source) continue;
    const std::string label = source->label();
    const auto receipts = source->receipts(db, org, Date{1900, 1, 1}, through);
    std::set<std::string> taken_back;
    for (const auto& rc : receipts)
      if (rc.reverses) taken_back.insert(*rc.reverses);
    std::optional<Id> category;
    for (const auto& rc : receipts) {
      if (entered.count(rc.key) || rc.amount <= 0 || rc.amount > kAmountCeiling) continue;
      std::optional<Id> reverses;
      if (rc.reverses) {
        auto original = entered.find(*rc.reverses);
        if (original == entered.end() || reversed.count(original->second))
          continue;  // never came in, or taken back
        reverses = original->second;
      } else if (taken_back.count(rc.key)) {
        continue;  // taken back before it came in: entered neither
      }
      if (!category) category = category_for_source(db, org, label);
      const Date day = open_day(db, org, rc.on, start);
      std::string summary = rc.description;
      if (day != rc.on) summary += "（" + rc.on.iso() + "分）";
      ins.reset();
      ins.bind_all(org, fiscal_year_of(day, start), day, account, *category,
                   reverses ? -rc.amount : rc.amount, summary, by, reverses, rc.reason, label, rc.key)
          .run();
      entered[rc.key] = db.last_insert_id();
      if (reverses)
        reversed.insert(*reverses), ++r.reversed;
      else
        ++r.added;
    }
  }
  if (!r.any()) return r;  // nothing new: rolled back, no audit row
  tx.set_detail(std::to_string(r.added) + " receipts entered, " + std::to_string(r.reversed) + " reversed");
  tx.commit();
  return r;
}

}  // namespace wasshoi::ledger
