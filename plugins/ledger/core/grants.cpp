// 補助金 (grants.hpp).
#include "core/grants.hpp"

#include <algorithm>

#include "core/books.hpp"
#include "core/entries.hpp"

namespace wasshoi::ledger {

Id add_grant(sdk::Database& db, OrgId org, const Grant& g) {
  const std::string name = sdk::trim(g.name);
  if (name.empty()) throw sdk::InputError("grant: a name is required");
  sdk::check_text(sdk::TextKind::Line, "grant name", name);
  sdk::check_text(sdk::TextKind::Name, "granting body", g.body);
  sdk::check_text(sdk::TextKind::Line, "purpose", g.purpose);
  sdk::check_text(sdk::TextKind::Note, "conditions", g.conditions);
  sdk::check_integer("amount", g.amount, kBudgetRange);
  if (g.from && g.to && *g.to < *g.from) throw sdk::InputError("grant period: it ends before it starts");
  sdk::Transaction tx(db, "ledger.grant.add",
                      name + " " + g.body + " " + sdk::group_thousands(g.amount) + "円");
  lock_books(db, org);
  sdk::Statement(
      db,
      "INSERT INTO ledger_grants(org_id, name, body, amount, purpose, period_from, period_to, conditions) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(org, name, sdk::trim(g.body), g.amount, sdk::trim(g.purpose), g.from, g.to, g.conditions)
      .run();
  const Id id = db.last_insert_id();
  tx.commit();
  return id;
}

std::vector<Grant> grants(sdk::Database& db, OrgId org) {
  sdk::Statement st(
      db,
      "SELECT id, name, body, amount, purpose, period_from, period_to, conditions FROM ledger_grants "
      "WHERE org_id = ? ORDER BY id");
  st.bind(1, org);
  std::vector<Grant> out;
  while (st.step())
    out.push_back({st.get_int(0), st.get_text(1), st.get_text(2), st.get_int(3), st.get_text(4),
                   st.get_date(5), st.get_date(6), st.get_text(7)});
  return out;
}

Grant get_grant(sdk::Database& db, OrgId org, Id id) {
  for (auto& g : grants(db, org))
    if (g.id == id) return g;
  throw sdk::InputError("no grant " + std::to_string(id) + " in this organization's books");
}

void tag_entry(sdk::Database& db, OrgId org, Id entry, std::optional<Id> grant) {
  sdk::Transaction tx(db, "ledger.grant.tag");
  lock_books(db, org);
  const Entry e = get_entry(db, org, entry);
  require_open_year(db, org, e.fiscal_year);
  std::string name = "none";
  if (grant) name = get_grant(db, org, *grant).name;
  tx.set_detail("entry " + std::to_string(entry) + " → " + name);
  sdk::Statement(db, "UPDATE ledger_entries SET grant_id = ? WHERE id = ? AND org_id = ?")
      .bind_all(grant, entry, org)
      .run();
  tx.commit();
}

GrantReport grant_report(sdk::Database& db, OrgId org, Id grant) {
  GrantReport r;
  r.grant = get_grant(db, org, grant);
  sdk::Statement years(
      db, "SELECT DISTINCT fiscal_year FROM ledger_entries WHERE org_id = ? AND grant_id = ? ORDER BY 1");
  years.bind_all(org, grant);
  while (years.step())
    for (auto& e : book(db, org, {.year = static_cast<int>(years.get_int(0)), .grant = grant})) {
      if (e.kind != EntryKind::Entry) continue;
      r.entries.push_back(std::move(e));
    }
  const auto cats = categories(db, org, true);
  for (const auto& e : r.entries) {
    auto c = std::find_if(cats.begin(), cats.end(),
                          [&](const Category& x) { return e.category && x.id == *e.category; });
    if (c != cats.end() && c->side == Side::Income)
      r.income += e.amount;
    else
      r.expense -= e.amount;
  }
  return r;
}

}  // namespace wasshoi::ledger
