#pragma once
// Dues (会費): one amount per household per 年度 (April–March) for each 自治会, payments as the
// 班長 collect them, the unpaid list per 班 and the 集金率 (collection rate) per 班 and in total.
// A household owes the year's dues when it was a member at some time in that 年度.
#include <vector>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/model.hpp"

namespace wasshoi::members {

// The ceiling on the dues of a 年度 and on any one payment (docs/input.md): far above any 自治会's
// 会費, far below where sums of many payments could overflow 64 bits.
inline constexpr std::int64_t kDuesCeiling = 10'000'000;
inline constexpr sdk::IntRange kAmountRange{1, kDuesCeiling, "yen", "ceiling"};

// InputError unless 0 < amount <= kDuesCeiling.
void set_dues_amount(sdk::Database& db, OrgId org, int fiscal_year, std::int64_t amount);
std::optional<std::int64_t> dues_amount(sdk::Database& db, OrgId org, int fiscal_year);

struct DuesPayment {
  HouseholdId household = 0;
  int fiscal_year = 0;
  std::optional<std::int64_t> amount;  // none: what is still owed
  Date paid_on;
  std::string collected_by;  // the 班長 or 会計 who took it
};
// Returns the payment's id. InputError when nothing is owed and no amount is given.
std::int64_t record_payment(sdk::Database& db, const DuesPayment& payment);

// One household on the 班's collection sheet (集金表).
struct DuesLine {
  HouseholdId household = 0;
  std::string head_name;
  std::string han;
  std::string address;
  std::int64_t due = 0;
  std::int64_t paid = 0;
  std::optional<Date> last_paid;
  std::string collected_by;
  // Amounts an older version let in beyond kAmountRange (the rate or a payment): the line is
  // shown marked, with the figures as far as they can be trusted, and left out of the totals.
  bool out_of_range = false;
  bool settled() const { return paid >= due; }
};
// Member households of the 年度 (of `han` only, when given), in 班 and reading order.
std::vector<DuesLine> dues_sheet(sdk::Database& db, OrgId org, int fiscal_year,
                                 std::optional<HanId> han = {});
std::vector<DuesLine> unpaid(sdk::Database& db, OrgId org, int fiscal_year, std::optional<HanId> han = {});

struct CollectionRate {
  std::string han;  // empty for households in no 班
  bool total = false;
  int households = 0;
  int settled = 0;
  std::int64_t expected = 0;
  std::int64_t collected = 0;
  int out_of_range = 0;  // households whose amounts are out of range (counted, not summed)
  double rate() const { return households ? static_cast<double>(settled) / households : 0.0; }
};
// One line per 班, then the total (han empty).
std::vector<CollectionRate> collection_rates(sdk::Database& db, OrgId org, int fiscal_year);

}  // namespace wasshoi::members
