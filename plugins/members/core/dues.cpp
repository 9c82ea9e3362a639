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
       (SELECT total(amount) FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2),
       (SELECT max(paid_on) FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2),
       coalesce((SELECT collected_by FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2
                 ORDER BY paid_on DESC, id DESC LIMIT 1), ''),
       (SELECT count(*) FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2
                                                      AND (typeof(amount) <> 'integer' OR amount < 1 OR amount > ?4))
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

// Sums use SQLite's total() (a double, which cannot overflow as sum() does: "integer overflow"
// made every listing of a 年度 fail for good). Payments are each at most the ceiling, so any
// honest total is exact; one beyond this bound comes from rows out of range, and is marked.
constexpr double kMaxTrustedTotal = 1e15;

}  // namespace

void set_dues_amount(sdk::Database& db, OrgId org, int fiscal_year, std::int64_t amount) {
  sdk::check_integer("amount", amount, kAmountRange);
  sdk::check_year("年度", fiscal_year);
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
  const bool due_out_of_range = due < 0 || due > kDuesCeiling;
  sdk::Statement st(db, kSheet);
  st.bind(1, org).bind(2, fiscal_year).bind(3, han).bind(4, kDuesCeiling);
  std::vector<DuesLine> out;
  while (st.step()) {
    const double total = st.is_null(4) ? 0.0 : st.get_double(4);
    const bool total_ok = total >= 0 && total <= kMaxTrustedTotal;
    DuesLine l{st.get_int(0),
               st.get_text(1),
               st.get_text(2),
               st.get_text(3),
               due,
               total_ok ? static_cast<std::int64_t>(total) : (total < 0 ? 0 : INT64_MAX),
               st.get_date(5),
               st.get_text(6)};
    l.out_of_range = due_out_of_range || !total_ok || st.get_int(7) > 0;
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
  sdk::check_date("payment date", p.paid_on);
  sdk::check_year("年度", p.fiscal_year);
  sdk::check_text(sdk::TextKind::Name, "collected by", p.collected_by);
  if (p.amount) sdk::check_integer("amount", *p.amount, kAmountRange);
  auto due = dues_amount(db, h.org, p.fiscal_year);
  std::int64_t amount = p.amount.value_or(0);
  if (!p.amount) {
    if (!due)
      throw sdk::InputError("no dues amount is set for " + std::to_string(p.fiscal_year) +
                            "; give --amount or set it first");
    for (const auto& line : dues_sheet(db, h.org, p.fiscal_year, h.data.han))
      if (line.household == h.id) {
        if (line.out_of_range)
          throw sdk::InputError("the dues or payments of household " + std::to_string(h.id) + " for " +
                                std::to_string(p.fiscal_year) + " are beyond the ceiling of " +
                                sdk::group_thousands(kDuesCeiling) +
                                " yen (stored by an older version): set the dues again with `dues set`, "
                                "or give --amount");
        amount = line.due - line.paid;
      }
    if (amount <= 0)
      throw sdk::InputError("household " + std::to_string(h.id) + " (" + h.head_name + ") has paid " +
                            std::to_string(p.fiscal_year) + " in full");
  }
  if (amount <= 0) throw sdk::InputError("a payment must be more than 0円");
  tx.set_detail("household " + std::to_string(h.id) + " " + h.head_name + " " +
                std::to_string(p.fiscal_year) + ": " + yen(amount));
  sdk::Statement st(
      db,
      "INSERT INTO members_dues_payments(household_id, fiscal_year, amount, paid_on, collected_by) "
      "VALUES(?, ?, ?, ?, ?)");
  st.bind_all(h.id, p.fiscal_year, amount, p.paid_on, p.collected_by).run();
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
      auto expected = sdk::checked_add(r->expected, l.due),
           collected = sdk::checked_add(r->collected, l.paid);
      if (l.out_of_range || !expected || !collected) {
        ++r->out_of_range;  // counted, not summed: one bad row must not make every total wrong
        continue;
      }
      r->expected = *expected;
      r->collected = *collected;
    }
  }
  out.push_back(total);
  return out;
}

}  // namespace wasshoi::members
