#pragma once
// Dues (会費) as 自治会 collect them, per 年度 (April–March):
//  * the 年度's setting: the yearly amount per household and how it is collected — once a year,
//    half-yearly (前期 4–9月 / 後期 10–3月) or monthly. The collection sheet (集金表), the unpaid
//    list and the 集金率 are "through a period": a household is settled when it has paid what is
//    due up to and including that period (the yearly amount split evenly, rounded up, so the
//    last period brings it to the whole year);
//  * per household: an amount of its own (単身世帯 ¥3,000 instead of ¥6,000) and 減免, full or
//    partial, always with the reason. A fully exempt household owes nothing and is neither
//    unpaid nor counted in the 集金率 (it is listed apart);
//  * payments as the 班長 collect them; a payment recorded by mistake is reversed, never
//    deleted: a reversal row with the reason takes it back, and the history shows both.
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
// A household's own amount may be 0 (a 世帯 that pays nothing by the rules, not by 減免).
inline constexpr sdk::IntRange kHouseholdAmountRange{0, kDuesCeiling, "yen", "ceiling"};

// How a 年度's dues are collected.
enum class DuesSchedule { Yearly, HalfYearly, Monthly };
// 1, 2 or 12.
int instalments(DuesSchedule schedule);
// "yearly", "half", "monthly" (as stored and in JSON).
const char* schedule_key(DuesSchedule schedule);
// "yearly", "half", "monthly", and 年払い / 半期 / 月払い; InputError naming the choices otherwise.
DuesSchedule parse_schedule(std::string_view text);
// The name of period `period` (1-based): 年額, 前期 / 後期, 4月 … 3月.
std::string period_name(DuesSchedule schedule, int period);
// The period that `day` falls in for a 年度 collected by `schedule`: the last period for a day
// after the 年度, the first for one before it.
int period_of(DuesSchedule schedule, int fiscal_year, const Date& day);
// "前期", "後期", "1", "2" (half); "5月", "5" — the month — (monthly); anything for yearly → 1.
// InputError otherwise.
int parse_period(DuesSchedule schedule, std::string_view text);
// What is due of `yearly` up to and including `period` of `n`: rounded up, the whole at the end.
std::int64_t due_through(std::int64_t yearly, int n, int period);

struct DuesSetting {
  std::int64_t amount = 0;  // yen per household for the year
  DuesSchedule schedule = DuesSchedule::Yearly;
};

// InputError unless 0 < amount <= kDuesCeiling. Without `schedule` the 年度 keeps how it is
// collected (yearly for a new one).
void set_dues_amount(sdk::Database& db, OrgId org, int fiscal_year, std::int64_t amount,
                     std::optional<DuesSchedule> schedule = std::nullopt);
std::optional<std::int64_t> dues_amount(sdk::Database& db, OrgId org, int fiscal_year);
std::optional<DuesSetting> dues_setting(sdk::Database& db, OrgId org, int fiscal_year);

// 減免 of one household for one 年度.
enum class Exemption { None, Full, Partial };
struct HouseholdDues {
  std::optional<std::int64_t> amount;  // its own yearly amount; none: the 年度's
  Exemption exemption = Exemption::None;
  std::int64_t waived = 0;  // yen waived of the year (Partial only)
  std::string reason;       // why (required with an exemption): 単身世帯, 生活保護受給 …
  bool is_default() const { return !amount && exemption == Exemption::None; }
};
// Stores it (back to the 年度's amount when is_default()). InputError for an exemption without
// a reason, a partial one without an amount waived, amounts out of range; a 班長 is refused
// below the plugin (it is officers' work). The audit detail names the household and the reason.
void set_household_dues(sdk::Database& db, HouseholdId household, int fiscal_year, const HouseholdDues& dues);
HouseholdDues household_dues(sdk::Database& db, HouseholdId household, int fiscal_year);

struct DuesPayment {
  HouseholdId household = 0;
  int fiscal_year = 0;
  std::optional<std::int64_t> amount;  // none: what is owed through `through_period`
  Date paid_on;
  std::string collected_by;  // the 班長 or 会計 who took it
  // The period collected for (1-based); none: the period of paid_on (the last, for a payment of
  // a past 年度).
  std::optional<int> through_period;
};
// Returns the payment's id. InputError when nothing is owed and no amount is given (paid in
// full through the period, or fully exempt).
std::int64_t record_payment(sdk::Database& db, const DuesPayment& payment);

// Takes a payment back (recorded by mistake): a reversal row of the same amount referring to it,
// dated `on`, with the reason (required) in the row and in the audit detail. InputError for a
// blank reason, a payment that does not exist, one already reversed, or a reversal itself.
// Returns the reversal's id.
std::int64_t reverse_payment(sdk::Database& db, std::int64_t payment, const std::string& reason,
                             const Date& on, const std::string& by = {});

// One row of a household's payment history: payments and reversals, oldest first.
struct PaymentRecord {
  std::int64_t id = 0;
  HouseholdId household = 0;
  int fiscal_year = 0;
  std::int64_t amount = 0;  // negative for a reversal
  std::optional<Date> paid_on;
  std::string collected_by;
  std::optional<std::int64_t> reverses;  // a reversal: the payment it takes back
  bool reversed = false;                 // a payment that a reversal took back
  std::string reason;                    // a reversal's reason
};
std::vector<PaymentRecord> payment_history(sdk::Database& db, HouseholdId household, int fiscal_year);

// One household on the 班's collection sheet (集金表).
struct DuesLine {
  HouseholdId household = 0;
  std::string head_name;
  std::string han;
  std::string address;
  std::int64_t due = 0;  // through the sheet's period
  std::int64_t paid = 0;
  std::optional<Date> last_paid;
  std::string collected_by;
  // Amounts an older version let in beyond kAmountRange (the rate or a payment): the line is
  // shown marked, with the figures as far as they can be trusted, and left out of the totals.
  bool out_of_range = false;
  std::int64_t year_due = 0;  // the whole 年度, after its own amount and 減免
  bool own_amount = false;    // the household has an amount of its own
  Exemption exemption = Exemption::None;
  std::string exemption_reason;
  bool exempt() const { return exemption == Exemption::Full; }
  // Out of range (an older version's amounts): never settled, so it is listed until corrected.
  bool settled() const { return !out_of_range && (exempt() || paid >= due); }
};
// Member households of the 年度 (of `han` only, when given), in 班 and reading order; dues
// through `period` (none: the period of today, sdk::today()).
std::vector<DuesLine> dues_sheet(sdk::Database& db, OrgId org, int fiscal_year, std::optional<HanId> han = {},
                                 std::optional<int> period = {});
std::vector<DuesLine> unpaid(sdk::Database& db, OrgId org, int fiscal_year, std::optional<HanId> han = {},
                             std::optional<int> period = {});
// The period a sheet of the 年度 shows when none is given: the period of today.
int current_period(sdk::Database& db, OrgId org, int fiscal_year);

struct CollectionRate {
  std::string han;  // empty for households in no 班
  bool total = false;
  int households = 0;  // households that owe (fully exempt ones are not among them)
  int settled = 0;
  int exempt = 0;  // fully exempt households, apart
  std::int64_t expected = 0;
  std::int64_t collected = 0;
  int out_of_range = 0;  // households whose amounts are out of range (counted, not summed)
  double rate() const { return households ? static_cast<double>(settled) / households : 0.0; }
};
// One line per 班, then the total (han empty); through `period` as dues_sheet.
std::vector<CollectionRate> collection_rates(sdk::Database& db, OrgId org, int fiscal_year,
                                             std::optional<int> period = {});

// An amount as documents and messages write it: 3,600円, -1,200円.
std::string yen(std::int64_t amount);

}  // namespace wasshoi::members
