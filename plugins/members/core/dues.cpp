#include "core/dues.hpp"

#include <map>

#include "core/households.hpp"

namespace wasshoi::members {

namespace {

// Households that were members at some time in the 年度 ?2 (April 1 … March 31).
constexpr const char* kSheet = R"sql(
SELECT h.id,
       coalesce((SELECT name FROM members_persons p WHERE p.household_id = h.id ORDER BY p.is_head DESC, p.id LIMIT 1), ''),
       coalesce(han.name, ''), h.address,
       coalesce((SELECT sum(amount) FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2), 0),
       (SELECT max(paid_on) FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2),
       coalesce((SELECT collected_by FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2
                 ORDER BY paid_on DESC, id DESC LIMIT 1), '')
FROM members_households h
LEFT JOIN han ON han.id = h.han_id
WHERE h.org_id = ?1
  AND (h.joined_on IS NULL OR h.joined_on <= printf('%04d-03-31', ?2 + 1))
  AND (h.left_on IS NULL OR h.left_on >= printf('%04d-04-01', ?2))
  AND (?3 IS NULL OR h.han_id = ?3)
ORDER BY han.sort_order IS NULL, han.sort_order, h.id
)sql";

std::string yen(std::int64_t amount) {
  return std::to_string(amount) + "円";
}

}  // namespace

void set_dues_amount(sdk::Database& db, OrgId org, int fiscal_year, std::int64_t amount) {
  if (amount < 0) throw sdk::InputError("the dues cannot be negative");
  sdk::Transaction tx(db, "members.dues.set", std::to_string(fiscal_year) + ": " + yen(amount));
  sdk::Statement st(db,
                    "INSERT INTO members_dues_rates(org_id, fiscal_year, amount) VALUES(?, ?, ?) "
                    "ON CONFLICT(org_id, fiscal_year) DO UPDATE SET amount = excluded.amount");
  st.bind_all(org, fiscal_year, amount).run();
  tx.commit();
}

std::optional<std::int64_t> dues_amount(sdk::Database& db, OrgId org, int fiscal_year) {
  sdk::Statement st(db, "SELECT amount FROM members_dues_rates WHERE org_id = ? AND fiscal_year = ?");
  st.bind_all(org, fiscal_year);
  if (!st.step()) return std::nullopt;
  return st.get_int(0);
}

std::vector<DuesLine> dues_sheet(sdk::Database& db, OrgId org, int fiscal_year, std::optional<HanId> han) {
  const std::int64_t due = dues_amount(db, org, fiscal_year).value_or(0);
  sdk::Statement st(db, kSheet);
  st.bind(1, org).bind(2, fiscal_year).bind(3, han);
  std::vector<DuesLine> out;
  while (st.step()) {
    DuesLine l{st.get_int(0), st.get_text(1), st.get_text(2),     st.get_text(3),
               due,           st.get_int(4),  date_column(st, 5), st.get_text(6)};
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<DuesLine> unpaid(sdk::Database& db, OrgId org, int fiscal_year, std::optional<HanId> han) {
  std::vector<DuesLine> lines = dues_sheet(db, org, fiscal_year, han);
  std::erase_if(lines, [](const DuesLine& l) { return l.settled(); });
  return lines;
}

std::int64_t record_payment(sdk::Database& db, const DuesPayment& p) {
  // What is still owed is read inside the write transaction: two officers recording the same
  // household at once end as if one came after the other (the second is told it is paid).
  sdk::Transaction tx(db, "members.dues.pay");
  Household h = get_household(db, p.household);
  if (!p.paid_on.valid()) throw sdk::InputError("the payment date is not a date");
  auto due = dues_amount(db, h.org, p.fiscal_year);
  std::int64_t amount = p.amount.value_or(0);
  if (!p.amount) {
    if (!due)
      throw sdk::InputError("no dues amount is set for " + std::to_string(p.fiscal_year) +
                            "; give --amount or set it first");
    for (const auto& line : dues_sheet(db, h.org, p.fiscal_year, h.data.han))
      if (line.household == h.id) amount = line.due - line.paid;
    if (amount <= 0)
      throw sdk::InputError("household " + std::to_string(h.id) + " (" + h.head_name + ") has paid " +
                            std::to_string(p.fiscal_year) + " in full");
  }
  if (amount <= 0) throw sdk::InputError("a payment must be more than 0円");
  tx.set_detail("household " + std::to_string(h.id) + " " + h.head_name + " " + std::to_string(p.fiscal_year) + ": " +
                yen(amount));
  sdk::Statement st(
      db,
      "INSERT INTO members_dues_payments(household_id, fiscal_year, amount, paid_on, collected_by) "
      "VALUES(?, ?, ?, ?, ?)");
  st.bind_all(h.id, p.fiscal_year, amount, p.paid_on.iso(), p.collected_by).run();
  auto id = db.last_insert_id();
  tx.commit();
  return id;
}

std::vector<CollectionRate> collection_rates(sdk::Database& db, OrgId org, int fiscal_year) {
  std::vector<CollectionRate> out;
  std::map<std::string, std::size_t> index;
  CollectionRate total;
  total.total = true;
  for (const auto& l : dues_sheet(db, org, fiscal_year)) {
    auto [it, added] = index.emplace(l.han, out.size());
    if (added) out.push_back(CollectionRate{l.han});
    for (CollectionRate* r : {&out[it->second], &total}) {
      ++r->households;
      r->settled += l.settled() ? 1 : 0;
      r->expected += l.due;
      r->collected += l.paid;
    }
  }
  out.push_back(total);
  return out;
}

}  // namespace wasshoi::members
