#pragma once
// sdk::RoomFeeMoneySource: the 使用料 of the rooms an organization owns, offered to the ledger (会計).
#include <wasshoi/sdk/money_sources.hpp>

namespace wasshoi::booking {

class RoomFees final : public sdk::RoomFeeMoneySource {
 public:
  std::string label() const override { return "施設使用料"; }
  // Keys: "booking:<id>"; a cancelled booking adds "booking:<id>:cancel", which takes the fee back.
  std::vector<sdk::MoneyReceipt> receipts(sdk::Database& db, sdk::OrgId org, const sdk::Date& from,
                                          const sdk::Date& to) override;
};

}  // namespace wasshoi::booking
