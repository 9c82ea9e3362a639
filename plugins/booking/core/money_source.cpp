#include "core/money_source.hpp"

namespace wasshoi::booking {

namespace {

// Fees are paid on the day of use: a booking's fee is received on its day.
constexpr const char* kFees = R"sql(
SELECT b.id, b.start_min, b.fee, b.status, f.name, coalesce(o.name, ''), b.purpose
FROM booking_bookings b
JOIN booking_facilities f ON f.id = b.facility_id
LEFT JOIN organizations o ON o.id = b.org_id
WHERE f.owner_id = ? AND b.fee > 0 AND b.start_min >= ? AND b.start_min < ?
ORDER BY b.start_min, b.id
)sql";

}  // namespace

std::vector<sdk::MoneyReceipt> RoomFees::receipts(sdk::Database& db, sdk::OrgId org, const sdk::Date& from,
                                                  const sdk::Date& to) {
  sdk::Statement st(db, kFees);
  st.bind_all(org, sdk::DateTime{from, 0, 0}.epoch_minutes(),
              sdk::DateTime{to.add_days(1), 0, 0}.epoch_minutes());
  std::vector<sdk::MoneyReceipt> out;
  while (st.step()) {
    sdk::MoneyReceipt r;
    r.key = "booking:" + std::to_string(st.get_int(0));
    r.on = sdk::DateTime::from_epoch_minutes(st.get_int(1)).date;
    r.amount = st.get_int(2);
    r.description = "施設使用料 " + st.get_text(4) + " " + st.get_text(5);
    if (const auto purpose = st.get_text(6); !purpose.empty()) r.description += "（" + purpose + "）";
    const bool cancelled = st.get_text(3) == "cancelled";
    out.push_back(r);
    if (cancelled) {
      sdk::MoneyReceipt back = r;
      back.key += ":cancel";
      back.reverses = r.key;
      back.reason = "予約の取消";
      back.description = "施設使用料の取消 " + r.description.substr(std::string("施設使用料 ").size());
      out.push_back(std::move(back));
    }
  }
  return out;
}

}  // namespace wasshoi::booking
