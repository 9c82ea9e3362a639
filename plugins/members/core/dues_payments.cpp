// Dues payments (dues.hpp): recording what a 班長 collected, reversing one recorded by mistake,
// and a household's history of both.
#include <wasshoi/sdk/row_lock.hpp>
#include <wasshoi/sdk/text.hpp>

#include "core/dues.hpp"
#include "core/households.hpp"

namespace wasshoi::members {

namespace {

constexpr const char* kHistory = R"sql(
SELECT d.id, d.household_id, d.fiscal_year, d.amount, d.paid_on, d.collected_by, d.reverses,
       EXISTS (SELECT 1 FROM members_dues_payments r WHERE r.reverses = d.id), d.reason
FROM members_dues_payments d
WHERE d.household_id = ? AND d.fiscal_year = ?
ORDER BY d.id
)sql";

// What `household` still owes through the period of `p` (InputError when nothing is).
std::int64_t amount_owed(sdk::Database& db, const Household& h, const DuesPayment& p) {
  const auto setting = dues_setting(db, h.org, p.fiscal_year);
  if (!setting)
    throw sdk::InputError("no dues amount is set for " + std::to_string(p.fiscal_year) +
                          "; give the amount or set the 年度's dues first");
  const int through = p.through_period.value_or(period_of(setting->schedule, p.fiscal_year, p.paid_on));
  std::int64_t amount = 0;
  for (const auto& line : dues_sheet(db, h.org, p.fiscal_year, h.data.han, through))
    if (line.household == h.id) {
      if (line.out_of_range)
        throw sdk::InputError(
            "the dues or payments of household " + std::to_string(h.id) + " for " +
            std::to_string(p.fiscal_year) + " are beyond the ceiling of " +
            sdk::group_thousands(kDuesCeiling) +
            " yen (stored by an older version): set the 年度's dues again, or give the amount");
      if (line.exempt())
        throw sdk::InputError("household " + std::to_string(h.id) + " (" + h.head_name +
                              ") is exempt from the " + std::to_string(p.fiscal_year) +
                              " dues (減免: " + line.exemption_reason + ")");
      amount = line.due - line.paid;
    }
  if (amount <= 0)
    throw sdk::InputError("household " + std::to_string(h.id) + " (" + h.head_name + ") has paid " +
                          std::to_string(p.fiscal_year) + " in full" +
                          (instalments(setting->schedule) > 1
                               ? " through " + period_name(setting->schedule, through)
                               : std::string()));
  return amount;
}

}  // namespace

std::int64_t record_payment(sdk::Database& db, const DuesPayment& p) {
  // What is still owed is read inside the write transaction, the household's row locked (on a
  // server: sdk::lock_row): two officers recording the same household at once end as if one came
  // after the other (the second is told it is paid).
  sdk::Transaction tx(db, "members.dues.pay");
  sdk::lock_row(db, "members_households", "id", p.household);
  Household h = get_household(db, p.household);
  sdk::check_date("payment date", p.paid_on);
  sdk::check_year("年度", p.fiscal_year);
  sdk::check_text(sdk::TextKind::Name, "collected by", p.collected_by);
  if (p.amount) sdk::check_integer("amount", *p.amount, kAmountRange);
  const std::int64_t amount = p.amount ? *p.amount : amount_owed(db, h, p);
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

std::int64_t reverse_payment(sdk::Database& db, std::int64_t payment, const std::string& reason_text,
                             const Date& on, const std::string& by) {
  const std::string reason = sdk::trim(reason_text);
  if (reason.empty())
    throw sdk::InputError("a reversal needs the reason (why the payment was recorded by mistake)");
  sdk::check_text(sdk::TextKind::Line, "reason", reason);
  sdk::check_text(sdk::TextKind::Name, "by", by);
  sdk::check_date("reversal date", on);
  sdk::Transaction tx(db, "members.dues.reverse");
  sdk::lock_row(db, "members_dues_payments", "id", payment);  // reversed once, even by two at once
  sdk::Statement find(db,
                      "SELECT household_id, fiscal_year, amount, reverses, paid_on, "
                      "EXISTS (SELECT 1 FROM members_dues_payments r WHERE r.reverses = d.id) "
                      "FROM members_dues_payments d WHERE id = ?");
  find.bind(1, payment);
  if (!find.step()) throw sdk::InputError("no dues payment with id " + std::to_string(payment));
  if (!find.is_null(3))
    throw sdk::InputError("payment " + std::to_string(payment) + " is itself a reversal (of payment " +
                          std::to_string(find.get_int(3)) + ")");
  if (find.get_int(5)) throw sdk::InputError("payment " + std::to_string(payment) + " is reversed already");
  const HouseholdId household = find.get_int(0);
  const int fiscal_year = static_cast<int>(find.get_int(1));
  const std::int64_t amount = find.get_int(2);
  const std::string paid_on = sdk::iso_or_unknown(find.get_date(4));
  Household h = get_household(db, household);
  tx.set_detail("payment " + std::to_string(payment) + " of household " + std::to_string(h.id) + " " +
                h.head_name + " " + std::to_string(fiscal_year) + " (" + yen(amount) + ", " + paid_on +
                ") reversed — reason: " + reason);
  sdk::Statement st(
      db,
      "INSERT INTO members_dues_payments(household_id, fiscal_year, amount, paid_on, collected_by, "
      "reverses, reason) VALUES(?, ?, ?, ?, ?, ?, ?)");
  st.bind_all(household, fiscal_year, amount, on, by, payment, reason).run();
  const auto id = db.last_insert_id();
  tx.commit();
  return id;
}

std::vector<PaymentRecord> payment_history(sdk::Database& db, HouseholdId household, int fiscal_year) {
  sdk::Statement st(db, kHistory);
  st.bind_all(household, fiscal_year);
  std::vector<PaymentRecord> out;
  while (st.step()) {
    PaymentRecord r{st.get_int(0),          st.get_int(1),      static_cast<int>(st.get_int(2)),
                    st.get_int(3),          st.get_date(4),     st.get_text(5),
                    st.get_optional_int(6), st.get_int(7) != 0, st.get_text(8)};
    if (r.reverses) r.amount = -r.amount;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace wasshoi::members
