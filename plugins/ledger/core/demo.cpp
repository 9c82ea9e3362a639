// The sample books (demo.hpp): deterministic, fictional.
#include "core/demo.hpp"

#include <wasshoi/sdk/member_directory.hpp>

#include "core/books.hpp"
#include "core/entries.hpp"
#include "core/front.hpp"
#include "core/grants.hpp"
#include "core/reports.hpp"
#include "core/year_end.hpp"

namespace wasshoi::ledger {

namespace {

struct Plan {
  int month, day;
  const char* account;
  const char* category;
  std::int64_t amount;
  const char* summary;
  const char* receipt;
  bool grant = false;
};

// One 会計年度 of a 自治会 of about 120 households; months 4–12 of `year`, 1–3 of the next.
const std::vector<Plan>& year_plan() {
  static const std::vector<Plan> p = {
      {4, 12, "現金", "会議費", 3'240, "総会 お茶・菓子", "R-001"},
      {4, 20, "現金", "事務費", 5'830, "コピー用紙・封筒", "R-002"},
      {5, 11, "現金", "環境美化", 12'600, "春の一斉清掃 ごみ袋・軍手", "R-003", true},
      {5, 18, "現金", "会議費", 2'160, "役員会 お茶", "R-004"},
      {6, 2, "普通預金", "補助金・交付金", 150'000, "自治会等活動費総合補助金（一関市）", ""},
      {6, 15, "現金", "防災", 38'500, "防災倉庫 備蓄水・簡易トイレ", "R-005", true},
      {6, 22, "現金", "慶弔費", 10'000, "香典（3班）", "R-006"},
      {7, 6, "現金", "会議費", 2'480, "役員会 お茶", "R-007"},
      {7, 20, "普通預金", "寄付金", 30'000, "夏祭り協賛金（わっしょい商店会）", ""},
      {8, 1, "現金", "夏祭り", 46'200, "夏祭り 提灯・飾り付け", "R-008"},
      {8, 9, "現金", "夏祭り", 58'900, "夏祭り 模擬店材料", "R-009"},
      {8, 9, "現金", "夏祭り", 22'000, "夏祭り 音響機材レンタル", "R-010"},
      {8, 9, "現金", "事業収入", 71'400, "夏祭り 模擬店売上", ""},
      {8, 10, "現金", "夏祭り", 8'800, "夏祭り 片付け 飲み物", "R-011"},
      {9, 14, "現金", "敬老", 64'000, "敬老会 記念品（80名分）", "R-012"},
      {9, 21, "現金", "防災", 9'870, "防災訓練 炊き出し材料", "R-013", true},
      {10, 5, "現金", "環境美化", 14'300, "秋の一斉清掃 花苗", "R-014", true},
      {10, 19, "現金", "事務費", 4'400, "回覧板ケース", "R-015"},
      {11, 10, "普通預金", "負担金", 36'000, "社会福祉協議会 会費", ""},
      {11, 10, "普通預金", "負担金", 24'000, "地域協働体 負担金", ""},
      {12, 7, "現金", "会議費", 2'860, "役員会 お茶", "R-016"},
      {1, 11, "現金", "事業費", 18'000, "どんと祭 御神酒・お札", "R-017"},
      {2, 8, "現金", "事務費", 6'050, "総会資料 印刷", "R-018"},
      {2, 28, "普通預金", "雑収入", 38, "預金利息", ""},
      {3, 8, "現金", "会議費", 3'300, "役員会 お茶", "R-019"},
  };
  return p;
}

const std::vector<std::pair<const char*, std::int64_t>>& budget_plan() {
  static const std::vector<std::pair<const char*, std::int64_t>> b = {
      {"会費", 175'000},    {"補助金・交付金", 150'000},
      {"事業収入", 60'000}, {"寄付金", 30'000},
      {"雑収入", 100},      {"会議費", 20'000},
      {"事務費", 25'000},   {"防災", 50'000},
      {"環境美化", 30'000}, {"敬老", 65'000},
      {"夏祭り", 140'000},  {"事業費", 20'000},
      {"慶弔費", 30'000},   {"負担金", 60'000},
      {"予備費", 40'000},
  };
  return b;
}

// The 会計 banks the 会費 once collected, takes cash out before the 夏祭り and 敬老会, and moves
// the year's 積立 to the 修繕積立金 in March.
std::vector<NewTransfer> transfers(int year) {
  return {
      {Date{year, 6, 30}, "現金", "普通預金", 120'000, "会費を預け入れ", "会計"},
      {Date{year, 7, 28}, "普通預金", "現金", 200'000, "夏祭り・敬老会の資金を引き出し", "会計"},
      {Date{year + 1, 3, 15}, "普通預金", "集会所修繕積立金（定期）", 100'000, "修繕積立金へ繰出", "会計"}};
}

Date on(int year, const Plan& p) {
  return {p.month >= 4 ? year : year + 1, p.month, p.day};
}

std::pair<std::string, std::string> auditors(sdk::Context& ctx, OrgId org, int year) {
  std::vector<std::string> names;
  if (auto members = ctx.services().find<sdk::MemberDirectory>())
    for (const auto& r : members->officers(ctx.db(), org, year))
      if (r.role == "監事") names.push_back(r.person.name);
  while (names.size() < 2) names.push_back(names.empty() ? "髙橋 﨑子" : "佐々木 健一");
  return {names[0], names[1]};
}

}  // namespace

void fill_demo_books(sdk::Context& ctx, OrgId org, int year) {
  auto& db = ctx.db();
  const std::string by = "会計";
  ensure_books(db, org);
  add_fund(db, org, "修繕積立金会計");
  add_account(db, org, "修繕積立金会計", "集会所修繕積立金（定期）", AccountKind::Deposit);
  const Date first{year, 4, 1};
  set_opening_balance(db, org, "現金", first, 78'620, by);
  set_opening_balance(db, org, "普通預金", first, 356'415, by);
  set_opening_balance(db, org, "集会所修繕積立金（定期）", first, 1'200'000, by);
  for (const auto& [name, amount] : budget_plan())
    set_budget(db, org, year, find_category(db, org, name).id, amount);
  const Id grant =
      add_grant(db, org,
                {0, "自治会等活動費総合補助金", "一関市", 150'000, "地域の防災・環境美化活動", first,
                 Date{year + 1, 3, 31}, "実績報告を年度終了後30日以内に提出。領収書の写しを添付。"});
  auto dues = ctx.services().find<sdk::DuesMoneySource>();
  auto fees = ctx.services().find<sdk::RoomFeeMoneySource>();
  sync_money(db, org, {dues.get(), fees.get()}, Date{year + 1, 3, 31}, by);
  for (const auto& p : year_plan()) {
    const Id id = add_entry(db, org,
                            {on(year, p), p.account, p.category, p.amount, p.summary, p.receipt, by,
                             p.grant ? std::optional<Id>(grant) : std::nullopt});
    if (std::string(p.category) == "補助金・交付金") tag_entry(db, org, id, grant);
  }
  for (const auto& t : transfers(year)) add_transfer(db, org, t);
  // A mistake found in the year: the 10月 事務費 entered twice, taken back the same month.
  const Id twice =
      add_entry(db, org, {Date{year, 10, 19}, "現金", "事務費", 4'400, "回覧板ケース", "R-015", by});
  reverse_entry(db, org, twice, "同じ領収書（R-015）を二重に入力", Date{year, 10, 25}, by);
  close_year(db, org, year, Date{year + 1, 4, 18});
  const auto [one, two] = auditors(ctx, org, year);
  record_audit(db, org, year, {one, two, Date{year + 1, 4, 25}, ""});
  // After the 監査: the 敬老会 記念品 were 60,400円, not 64,000円 — reversed and entered again.
  for (const auto& e : book(db, org, {.year = year}))
    if (e.summary.starts_with("敬老会 記念品") && !e.reverses) {
      const Date fix{year + 1, 5, 10};
      reverse_entry(db, org, e.id, "監査後に判明: 敬老会記念品の領収書は60,400円（64,000円と誤記）", fix, by);
      add_entry(db, org, {fix, "現金", "敬老", 60'400, "敬老会 記念品（前年度分の訂正後の額）", "R-012", by});
      break;
    }
  approve_budget(db, org, year + 1);
  // This 年度 so far.
  const Date today = sdk::today();
  for (const auto& p : year_plan())
    if (const Date d = on(year + 1, p); d <= today && !p.grant)
      add_entry(db, org, {d, p.account, p.category, p.amount, p.summary, p.receipt, by});
  for (const auto& t : transfers(year + 1))
    if (t.day <= today) add_transfer(db, org, t);
  sync_money(db, org, {dues.get(), fees.get()}, today, by);
}

void fill_demo(sdk::Context& ctx, const sdk::DemoOptions& options) {
  if (options.jichikai.empty()) return;
  const OrgId org = options.jichikai.front();
  const int start = 4;
  fill_demo_books(ctx, org, fiscal_year_of(sdk::today(), start) - 1);
}

}  // namespace wasshoi::ledger
