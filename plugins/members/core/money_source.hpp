#pragma once
// sdk::DuesMoneySource: the 会費 payments and reversals of a 自治会, offered to the ledger (会計).
#include <wasshoi/sdk/money_sources.hpp>

namespace wasshoi::members {

class DuesMoney final : public sdk::DuesMoneySource {
 public:
  std::string label() const override { return "会費"; }
  // Keys: "dues:<payment id>"; a reversal names the payment it takes back.
  std::vector<sdk::MoneyReceipt> receipts(sdk::Database& db, sdk::OrgId org, const sdk::Date& from,
                                          const sdk::Date& to) override;
};

}  // namespace wasshoi::members
