#include "core/dues.hpp"

#include <algorithm>
#include <map>
#include <wasshoi/sdk/input.hpp>

#include "core/households.hpp"

namespace wasshoi::members {

namespace {

// Households that were members at some time in the 年度 ?2 (April 1 … March 31), with their
// own amount and 減免 (members_dues_households). A reversal row counts against the payment it
// takes back; the last payment shown is the last one that stands.
constexpr const char* kSheet = R"sql(
SELECT h.id,
       coalesce((SELECT name FROM members_persons p WHERE p.household_id = h.id ORDER BY p.is_head DESC, p.id LIMIT 1), ''),
       coalesce(han.name, ''), h.address,
       (SELECT coalesce(sum(CAST(CASE WHEN d.reverses IS NULL THEN amount ELSE -amount END AS DOUBLE PRECISION)), 0)
          FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2),
       (SELECT max(paid_on) FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2
           AND d.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM members_dues_payments r WHERE r.reverses = d.id)),
       coalesce((SELECT collected_by FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2
                   AND d.reverses IS NULL AND NOT EXISTS (SELECT 1 FROM members_dues_payments r WHERE r.reverses = d.id)
                 ORDER BY paid_on DESC, id DESC LIMIT 1), ''),
       (SELECT count(*) FROM members_dues_payments d WHERE d.household_id = h.id AND d.fiscal_year = ?2
                                                      AND ({not_integer} OR amount < 1 OR amount > ?4)),
       hd.amount, coalesce(hd.exemption, ''), coalesce(hd.waived, 0), coalesce(hd.reason, '')
FROM members_households h
LEFT JOIN han ON han.id = h.han_id
LEFT JOIN members_dues_households hd ON hd.household_id = h.id AND hd.fiscal_year = ?2
WHERE h.org_id = ?1
  AND (h.joined_on IS NULL OR h.joined_on <= CAST(?2 + 1 AS TEXT) || '-03-31')
  AND (h.left_on IS NULL OR h.left_on >= CAST(?2 AS TEXT) || '-04-01')
  AND (CAST(?3 AS BIGINT) IS NULL OR h.han_id = ?3)
ORDER BY han.sort_order IS NULL, han.sort_order, h.id
)sql";

// kSheet for the engine: a SQLite column may hold a text or a real where an integer belongs
// (a file written by other means); a PostgreSQL integer column holds integers only.
std::string sheet_sql(const sdk::Database& db) {
  std::string sql = kSheet;
  const std::string_view word = "{not_integer}";
  sql.replace(sql.find(word), word.size(),
              db.engine() == sdk::Engine::SQLite ? "typeof(amount) <> 'integer'" : "FALSE");
  return sql;
}

Exemption exemption_of(std::string_view stored) {
  return stored == "full" ? Exemption::Full : stored == "partial" ? Exemption::Partial : Exemption::None;
}
const char* exemption_key(Exemption e) {
  return e == Exemption::Full ? "full" : e == Exemption::Partial ? "partial" : "";
}

// Sums are of doubles (as SQLite's total(): they cannot overflow as an integer sum() does: "integer overflow"
// made every listing of a 年度 fail for good). Payments are each at most the ceiling, so any
// honest total is exact; one beyond this bound comes from rows out of range, and is marked.
constexpr double kMaxTrustedTotal = 1e15;

}  // namespace

int instalments(DuesSchedule schedule) {
  return schedule == DuesSchedule::Monthly ? 12 : schedule == DuesSchedule::HalfYearly ? 2 : 1;
}

const char* schedule_key(DuesSchedule schedule) {
  return schedule == DuesSchedule::Monthly      ? "monthly"
         : schedule == DuesSchedule::HalfYearly ? "half"
                                                : "yearly";
}

DuesSchedule parse_schedule(std::string_view text) {
  const std::string t = sdk::trim(text);
  if (t == "yearly" || t == "年払い" || t == "年1回") return DuesSchedule::Yearly;
  if (t == "half" || t == "半期" || t == "前期後期" || t == "年2回") return DuesSchedule::HalfYearly;
  if (t == "monthly" || t == "月払い" || t == "毎月") return DuesSchedule::Monthly;
  throw sdk::InputError(
      "how the dues are collected: yearly (年払い), half (半期: 前期/後期) or monthly (月払い), not '" + t +
      "'");
}

std::string period_name(DuesSchedule schedule, int period) {
  if (schedule == DuesSchedule::HalfYearly) return period <= 1 ? "前期" : "後期";
  if (schedule == DuesSchedule::Monthly) return std::to_string((period + 2) % 12 + 1) + "月";
  return "年額";
}

int period_of(DuesSchedule schedule, int fiscal_year, const Date& day) {
  const int n = instalments(schedule);
  const int fy = sdk::fiscal_year(day);
  if (fy < fiscal_year) return 1;
  if (fy > fiscal_year) return n;
  const int month_index = (day.month + 8) % 12;  // April 0 … March 11
  return month_index * n / 12 + 1;
}

int parse_period(DuesSchedule schedule, std::string_view text) {
  const std::string t = sdk::trim(text);
  if (schedule == DuesSchedule::Yearly) return 1;
  if (schedule == DuesSchedule::HalfYearly) {
    if (t == "前期" || t == "1") return 1;
    if (t == "後期" || t == "2") return 2;
    throw sdk::InputError("--period of dues collected half-yearly: 前期 or 後期, not '" + t + "'");
  }
  std::string digits = t;
  if (digits.size() > 3 && digits.ends_with("月")) digits.resize(digits.size() - 3);
  int month = 0;
  for (char c : digits) month = (c >= '0' && c <= '9' && month < 100) ? month * 10 + (c - '0') : 100;
  if (digits.empty() || month < 1 || month > 12)
    throw sdk::InputError("--period of dues collected monthly: the month (4月, 5 …), not '" + t + "'");
  return (month + 8) % 12 + 1;
}

std::int64_t due_through(std::int64_t yearly, int n, int period) {
  if (n <= 1 || period >= n) return yearly;
  if (period < 1) return 0;
  return (yearly * period + n - 1) / n;  // yearly ≤ 10,000,000: no overflow
}

void set_dues_amount(sdk::Database& db, OrgId org, int fiscal_year, std::int64_t amount,
                     std::optional<DuesSchedule> schedule) {
  sdk::check_integer("amount", amount, kAmountRange);
  sdk::check_year("年度", fiscal_year);
  const DuesSchedule how =
      schedule ? *schedule : dues_setting(db, org, fiscal_year).value_or(DuesSetting{}).schedule;
  sdk::Transaction tx(db, "members.dues.set",
                      std::to_string(fiscal_year) + ": " + yen(amount) + " (" + schedule_key(how) + ")");
  sdk::Statement st(
      db,
      "INSERT INTO members_dues_rates(org_id, fiscal_year, amount, schedule) VALUES(?, ?, ?, ?) "
      "ON CONFLICT(org_id, fiscal_year) DO UPDATE SET amount = excluded.amount, "
      "schedule = excluded.schedule");
  st.bind_all(org, fiscal_year, amount, schedule_key(how)).run();
  tx.commit();
}

std::optional<std::int64_t> dues_amount(sdk::Database& db, OrgId org, int fiscal_year) {
  if (auto s = dues_setting(db, org, fiscal_year)) return s->amount;
  return std::nullopt;
}

std::optional<DuesSetting> dues_setting(sdk::Database& db, OrgId org, int fiscal_year) {
  sdk::Statement st(db,
                    "SELECT amount, schedule FROM members_dues_rates WHERE org_id = ? AND fiscal_year = ?");
  st.bind_all(org, fiscal_year);
  if (!st.step()) return std::nullopt;
  const std::string how = st.get_text(1);
  return DuesSetting{st.get_int(0), how == "monthly" ? DuesSchedule::Monthly
                                    : how == "half"  ? DuesSchedule::HalfYearly
                                                     : DuesSchedule::Yearly};
}

int current_period(sdk::Database& db, OrgId org, int fiscal_year) {
  const auto setting = dues_setting(db, org, fiscal_year).value_or(DuesSetting{});
  return period_of(setting.schedule, fiscal_year, sdk::today());
}

std::vector<DuesLine> dues_sheet(sdk::Database& db, OrgId org, int fiscal_year, std::optional<HanId> han,
                                 std::optional<int> period) {
  const auto setting = dues_setting(db, org, fiscal_year);
  const std::int64_t rate = setting ? setting->amount : 0;
  const DuesSchedule how = setting ? setting->schedule : DuesSchedule::Yearly;
  const int n = instalments(how);
  const int through = period.value_or(period_of(how, fiscal_year, sdk::today()));
  const bool rate_out_of_range = rate < 0 || rate > kDuesCeiling;
  sdk::Statement st(db, sheet_sql(db));
  st.bind(1, org).bind(2, fiscal_year).bind(3, han).bind(4, kDuesCeiling);
  std::vector<DuesLine> out;
  while (st.step()) {
    const double total = st.is_null(4) ? 0.0 : st.get_double(4);
    const bool total_ok = total >= 0 && total <= kMaxTrustedTotal;
    DuesLine l{st.get_int(0),
               st.get_text(1),
               st.get_text(2),
               st.get_text(3),
               0,
               total_ok ? static_cast<std::int64_t>(total) : (total < 0 ? 0 : INT64_MAX),
               st.get_date(5),
               st.get_text(6)};
    const auto own = st.get_optional_int(8);
    l.own_amount = own.has_value();
    std::int64_t yearly = own.value_or(rate);
    bool amounts_ok = !rate_out_of_range && yearly >= 0 && yearly <= kDuesCeiling;
    l.exemption = exemption_of(st.get_text(9));
    l.exemption_reason = st.get_text(11);
    if (l.exemption == Exemption::Full) yearly = 0;
    if (l.exemption == Exemption::Partial) yearly = std::max<std::int64_t>(0, yearly - st.get_int(10));
    l.year_due = amounts_ok ? yearly : 0;
    l.due = due_through(l.year_due, n, through);
    l.out_of_range = !amounts_ok || !total_ok || st.get_int(7) > 0;
    out.push_back(std::move(l));
  }
  return out;
}

std::vector<DuesLine> unpaid(sdk::Database& db, OrgId org, int fiscal_year, std::optional<HanId> han,
                             std::optional<int> period) {
  std::vector<DuesLine> lines = dues_sheet(db, org, fiscal_year, han, period);
  std::erase_if(lines, [](const DuesLine& l) { return l.settled(); });
  return lines;
}

void set_household_dues(sdk::Database& db, HouseholdId household, int fiscal_year, const HouseholdDues& d) {
  sdk::check_year("年度", fiscal_year);
  if (d.amount) sdk::check_integer("amount", *d.amount, kHouseholdAmountRange);
  const std::string reason = sdk::trim(d.reason);
  sdk::check_text(sdk::TextKind::Line, "reason", reason);
  if (d.exemption != Exemption::None && reason.empty())
    throw sdk::InputError("減免 (an exemption) needs the reason");
  if (d.exemption == Exemption::Partial) sdk::check_integer("amount waived", d.waived, kAmountRange);
  sdk::Transaction tx(db, "members.dues.household");
  Household h = get_household(db, household);
  std::string what = d.amount ? yen(*d.amount) : "the 年度's amount";
  if (d.exemption == Exemption::Full) what += ", 全額免除";
  if (d.exemption == Exemption::Partial) what += ", 一部免除 " + yen(d.waived);
  tx.set_detail("household " + std::to_string(h.id) + " " + h.head_name + " " + std::to_string(fiscal_year) +
                ": " + what + (reason.empty() ? "" : " — reason: " + reason));
  if (d.is_default()) {
    sdk::Statement del(db, "DELETE FROM members_dues_households WHERE household_id = ? AND fiscal_year = ?");
    del.bind_all(h.id, fiscal_year).run();
  } else {
    sdk::Statement st(
        db,
        "INSERT INTO members_dues_households(household_id, fiscal_year, amount, exemption, waived, "
        "reason) VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(household_id, fiscal_year) DO UPDATE SET "
        "amount = excluded.amount, exemption = excluded.exemption, waived = excluded.waived, "
        "reason = excluded.reason");
    st.bind_all(h.id, fiscal_year, d.amount, exemption_key(d.exemption),
                d.exemption == Exemption::Partial ? d.waived : std::int64_t{0}, reason)
        .run();
  }
  tx.commit();
}

HouseholdDues household_dues(sdk::Database& db, HouseholdId household, int fiscal_year) {
  sdk::Statement st(db,
                    "SELECT amount, exemption, waived, reason FROM members_dues_households "
                    "WHERE household_id = ? AND fiscal_year = ?");
  st.bind_all(household, fiscal_year);
  if (!st.step()) return {};
  return HouseholdDues{st.get_optional_int(0), exemption_of(st.get_text(1)), st.get_int(2), st.get_text(3)};
}

std::vector<CollectionRate> collection_rates(sdk::Database& db, OrgId org, int fiscal_year,
                                             std::optional<int> period) {
  std::vector<CollectionRate> out;
  std::map<std::string, std::size_t> index;
  CollectionRate total;
  total.total = true;
  for (const auto& l : dues_sheet(db, org, fiscal_year, std::nullopt, period)) {
    auto [it, added] = index.emplace(l.han, out.size());
    if (added) out.push_back(CollectionRate{l.han});
    for (CollectionRate* r : {&out[it->second], &total}) {
      if (l.exempt()) {  // owes nothing: neither unpaid nor in the rate
        ++r->exempt;
        continue;
      }
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

std::string yen(std::int64_t amount) {
  return sdk::group_thousands(amount) + "円";
}

}  // namespace wasshoi::members
