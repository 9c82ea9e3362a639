#pragma once
// Money that another plugin already records (会費 payments in members, 使用料 in booking) offered to
// the ledger (会計), which enters it in the 出納帳 once. The providing plugin only lists what it
// holds; the ledger decides where it goes and remembers what it has entered (by `key`), so a
// receipt is never entered twice and a reversal takes back exactly the entry it names.
//   if (auto dues = ctx.services().find<sdk::DuesMoneySource>())
//     for (const auto& r : dues->receipts(ctx.db(), org, from, to)) …
// Each source is its own service (one provider each): members provides DuesMoneySource, booking
// RoomFeeMoneySource.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

// One movement of money received by `org`.
struct MoneyReceipt {
  std::string key;                      // stable and unique within its source: "dues:123"
  Date on;                              // when it was received (or taken back)
  std::int64_t amount = 0;              // whole yen, > 0; a reversal gives the amount it takes back
  std::string description;              // 摘要: "会費 3班 佐藤一郎 2025年度"
  std::optional<std::string> reverses;  // a reversal: the key of the receipt it takes back
  std::string reason;                   // a reversal's reason
};

class MoneySource {
 public:
  virtual ~MoneySource() = default;
  // What the source calls itself in the 出納帳's 摘要 and source column: "会費", "施設使用料".
  virtual std::string label() const = 0;
  // Receipts (and reversals) of `org` dated from `from` to `to`, both included, oldest first.
  virtual std::vector<MoneyReceipt> receipts(Database& db, OrgId org, const Date& from, const Date& to) = 0;
};

// 会費 payments and their reversals (the members plugin).
class DuesMoneySource : public MoneySource {
 public:
  static constexpr const char* kServiceId = "members.money";
};

// Room fees (使用料) of the rooms an organization owns, paid by those who booked them; a
// cancellation takes the fee back (the booking plugin).
class RoomFeeMoneySource : public MoneySource {
 public:
  static constexpr const char* kServiceId = "booking.money";
};

}  // namespace wasshoi::sdk
