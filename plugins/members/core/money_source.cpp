#include "core/money_source.hpp"

namespace wasshoi::members {

namespace {

constexpr const char* kReceipts = R"sql(
SELECT d.id, d.paid_on, d.amount, d.fiscal_year, d.reverses, d.reason, h.id, coalesce(n.name, '')
FROM members_dues_payments d
JOIN members_households h ON h.id = d.household_id
LEFT JOIN han n ON n.id = h.han_id
WHERE h.org_id = ? AND d.paid_on >= ? AND d.paid_on <= ?
ORDER BY d.paid_on, d.id
)sql";

}  // namespace

std::vector<sdk::MoneyReceipt> DuesMoney::receipts(sdk::Database& db, sdk::OrgId org, const sdk::Date& from,
                                                   const sdk::Date& to) {
  sdk::Statement st(db, kReceipts);
  st.bind_all(org, from, to);
  std::vector<sdk::MoneyReceipt> out;
  while (st.step()) {
    auto on = st.get_date(1);
    if (!on || st.get_int(2) <= 0) continue;  // a stored date that is not a date: not money yet
    sdk::MoneyReceipt r;
    r.key = "dues:" + std::to_string(st.get_int(0));
    r.on = *on;
    r.amount = st.get_int(2);
    const std::string han = st.get_text(7);
    r.description = "会費 " + std::to_string(st.get_int(3)) + "年度 " +
                    (han.empty() ? std::string() : han + " ") + "世帯" + std::to_string(st.get_int(6));
    if (auto rev = st.get_optional_int(4)) {
      r.reverses = "dues:" + std::to_string(*rev);
      r.reason = st.get_text(5);
      r.description = "会費の取消 " + r.description;
    }
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace wasshoi::members
