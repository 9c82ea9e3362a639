// 会費 as 自治会 collect it: a household's own amount and 減免, 前期/後期 and monthly collection,
// reversals of payments recorded by mistake, role corrections with the reason, readings shown
// in full-width katakana, and who is refused (a 班長 of another 班, a 閲覧, another 自治会).
#include <catch2/catch.hpp>

#include "core/dues.hpp"
#include "core/households.hpp"
#include "core/reading.hpp"
#include "core/roles.hpp"
#include "core/roster.hpp"
#include "members_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

namespace {

const DuesLine& line_of(const std::vector<DuesLine>& lines, HouseholdId h) {
  for (const auto& l : lines)
    if (l.household == h) return l;
  FAIL("household " << h << " not on the sheet");
  throw;
}

std::string last_audit(test::RosterDb& r, const std::string& action) {
  return sdk::query_text(
             r.db(), "SELECT detail FROM audit_log WHERE action = '" + action + "' ORDER BY id DESC LIMIT 1")
      .value_or("");
}

}  // namespace

TEST_CASE("a reversed payment stays in the history and the household is unpaid again") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  set_dues_amount(r.db(), r.org, 2025, 3000);
  const HouseholdId sato = r.household_of("さとう");
  const auto paid = record_payment(r.db(), DuesPayment{sato, 2025, std::nullopt, {2025, 5, 10}, "会計"});
  CHECK(line_of(dues_sheet(r.db(), r.org, 2025), sato).settled());
  const auto before = collection_rates(r.db(), r.org, 2025).back();

  CHECK_THROWS_WITH(reverse_payment(r.db(), paid, "　 ", {2025, 5, 11}), Catch::Contains("reason"));
  const auto reversal = reverse_payment(r.db(), paid, "隣の世帯の分と取り違え", {2025, 5, 11}, "会計");
  CHECK(last_audit(r, "members.dues.reverse").find("reason: 隣の世帯の分と取り違え") != std::string::npos);
  const auto line = line_of(dues_sheet(r.db(), r.org, 2025), sato);
  CHECK(line.paid == 0);
  CHECK_FALSE(line.settled());
  CHECK_FALSE(line.last_paid);
  const auto after = collection_rates(r.db(), r.org, 2025).back();
  CHECK(after.settled == before.settled - 1);
  CHECK(after.collected == before.collected - 3000);

  auto history = payment_history(r.db(), sato, 2025);
  REQUIRE(history.size() == 2);
  CHECK(history[0].amount == 3000);
  CHECK(history[0].reversed);
  CHECK(history[1].amount == -3000);
  CHECK(history[1].reverses == paid);
  CHECK(history[1].reason == "隣の世帯の分と取り違え");
  CHECK_THROWS_WITH(reverse_payment(r.db(), paid, "again", {2025, 5, 12}),
                    Catch::Contains("reversed already"));
  CHECK_THROWS_WITH(reverse_payment(r.db(), reversal, "again", {2025, 5, 12}),
                    Catch::Contains("itself a reversal"));
  CHECK(r.count("members_dues_payments") == 2);
  // Collected again: owed in full once more.
  record_payment(r.db(), DuesPayment{sato, 2025, std::nullopt, {2025, 5, 20}, "会計"});
  CHECK(line_of(dues_sheet(r.db(), r.org, 2025), sato).settled());
}

TEST_CASE(
    "a household's own amount and 減免 with its reason: exempt households are not unpaid nor in the rate") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  set_dues_amount(r.db(), r.org, 2025, 6000);
  const HouseholdId sato = r.household_of("さとう"), hayashi = r.household_of("はやし");
  const HouseholdId kobayashi = r.household_of("こばやし");
  set_household_dues(r.db(), sato, 2025, HouseholdDues{.amount = 3000, .reason = "単身世帯"});
  CHECK_THROWS_WITH(set_household_dues(r.db(), hayashi, 2025, HouseholdDues{.exemption = Exemption::Full}),
                    Catch::Contains("reason"));
  set_household_dues(r.db(), hayashi, 2025,
                     HouseholdDues{.exemption = Exemption::Full, .reason = "生活保護受給"});
  set_household_dues(r.db(), kobayashi, 2025,
                     HouseholdDues{.exemption = Exemption::Partial, .waived = 2000, .reason = "高齢単身"});
  CHECK(last_audit(r, "members.dues.household").find("高齢単身") != std::string::npos);

  const auto sheet = dues_sheet(r.db(), r.org, 2025);
  CHECK(line_of(sheet, sato).due == 3000);
  CHECK(line_of(sheet, sato).own_amount);
  CHECK(line_of(sheet, hayashi).exempt());
  CHECK(line_of(sheet, kobayashi).due == 4000);
  auto open = unpaid(r.db(), r.org, 2025);
  CHECK(std::none_of(open.begin(), open.end(), [&](const DuesLine& l) { return l.household == hayashi; }));
  const auto total = collection_rates(r.db(), r.org, 2025).back();
  CHECK(total.exempt == 1);
  CHECK(total.households == static_cast<int>(sheet.size()) - 1);
  CHECK(total.expected == 6000 * (total.households - 2) + 3000 + 4000);
  CHECK_THROWS_WITH(record_payment(r.db(), DuesPayment{hayashi, 2025, std::nullopt, {2025, 6, 1}, ""}),
                    Catch::Contains("exempt"));
  record_payment(r.db(), DuesPayment{sato, 2025, std::nullopt, {2025, 6, 1}, ""});
  CHECK(sdk::query_int(r.db(), "SELECT amount FROM members_dues_payments") == 3000);
  set_household_dues(r.db(), hayashi, 2025, HouseholdDues{});  // back to the 年度's amount
  CHECK(line_of(dues_sheet(r.db(), r.org, 2025), hayashi).due == 6000);
}

TEST_CASE("dues collected 前期 and 後期 or monthly: the sheet and the rate run through a period") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  set_dues_amount(r.db(), r.org, 2025, 6000, DuesSchedule::HalfYearly);
  const HouseholdId sato = r.household_of("さとう");
  record_payment(r.db(), DuesPayment{sato, 2025, std::nullopt, {2025, 5, 1}, "", 1});
  CHECK(sdk::query_int(r.db(), "SELECT amount FROM members_dues_payments") == 3000);  // 前期 only
  CHECK(line_of(dues_sheet(r.db(), r.org, 2025, {}, 1), sato).settled());
  CHECK_FALSE(line_of(dues_sheet(r.db(), r.org, 2025, {}, 2), sato).settled());
  CHECK_THROWS_WITH(record_payment(r.db(), DuesPayment{sato, 2025, std::nullopt, {2025, 5, 2}, "", 1}),
                    Catch::Contains("through 前期"));
  CHECK(parse_period(DuesSchedule::HalfYearly, "後期") == 2);
  CHECK(period_of(DuesSchedule::HalfYearly, 2025, {2025, 10, 1}) == 2);
  CHECK(period_of(DuesSchedule::Monthly, 2025, {2026, 3, 31}) == 12);
  CHECK(parse_period(DuesSchedule::Monthly, "5月") == 2);
  CHECK(period_name(DuesSchedule::Monthly, 12) == "3月");
  CHECK(due_through(6000, 12, 1) == 500);
  CHECK(due_through(1000, 12, 12) == 1000);
  CHECK(due_through(1000, 12, 1) == 84);       // rounded up; the last month brings it to the year
  set_dues_amount(r.db(), r.org, 2025, 7000);  // the amount changes, the schedule stays
  CHECK(dues_setting(r.db(), r.org, 2025)->schedule == DuesSchedule::HalfYearly);
  CHECK_THROWS_WITH(parse_schedule("weekly"), Catch::Contains("yearly"));
}

TEST_CASE("a role assigned by mistake is changed or removed with the reason and kinds are the 自治会's own") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  const auto kaicho = find_role_kind(r.db(), r.org, "会長").id;
  const PersonId sato = roster(r.db(), RosterQuery{.org = r.org, .search = "さとう"}).at(0).person;
  const PersonId hayashi = roster(r.db(), RosterQuery{.org = r.org, .search = "はやし"}).at(0).person;
  const auto a = assign_role(r.db(), r.org, sato, kaicho, 2025);
  CHECK_THROWS_WITH(change_role_holder(r.db(), r.org, a, hayashi, ""), Catch::Contains("reason"));
  change_role_holder(r.db(), r.org, a, hayashi, "名前を取り違えた");
  CHECK(roles_in_year(r.db(), r.org, 2025).at(0).person == hayashi);
  CHECK(last_audit(r, "members.role.change").find("名前を取り違えた") != std::string::npos);
  remove_role(r.db(), a, "会長は来年度から");
  CHECK(roles_in_year(r.db(), r.org, 2025).empty());
  CHECK(last_audit(r, "members.role.remove").find("会長は来年度から") != std::string::npos);

  const auto own = add_role_kind(r.db(), r.org, "子ども会担当", false);
  rename_role_kind(r.db(), r.org, own, "子ども会係");
  CHECK(find_role_kind(r.db(), r.org, "子ども会係").id == own);
  CHECK_THROWS_WITH(rename_role_kind(r.db(), r.org, kaicho, "代表"), Catch::Contains("every 自治会 has"));
  assign_role(r.db(), r.org, sato, own, 2025);
  CHECK_THROWS_WITH(remove_role_kind(r.db(), r.org, own), Catch::Contains("is held"));
}

TEST_CASE(
    "dues corrections are refused to a 班長 of another 班 a 閲覧 and another 自治会 and write nothing") {
  WASSHOI_SQLITE_ONLY("officer accounts are refused on a server until issue 20");
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");  // 1班, 2班, 3班
  set_dues_amount(r.db(), r.org, 2025, 3000);
  const HouseholdId sato = r.household_of("さとう");
  const auto paid = record_payment(r.db(), DuesPayment{sato, 2025, std::nullopt, {2025, 5, 10}, ""});
  const auto sato_han = get_household(r.db(), sato).data.han;
  std::optional<std::int64_t> other_han;
  for (const auto& h : r.orgs().han(r.db(), r.org))
    if (h.id != sato_han) other_han = h.id;
  const auto payments = r.count("members_dues_payments");

  r.app.guard().install(r.db());  // as at a sign-in: every write checked against `access` below
  sdk::Access& access = r.app.access();
  access.role = sdk::Role::HanLeader, access.org = r.org, access.han = other_han;
  CHECK_THROWS(reverse_payment(r.db(), paid, "間違い", {2025, 5, 11}));
  CHECK_THROWS(record_payment(r.db(), DuesPayment{sato, 2025, 100, {2025, 5, 11}, ""}));
  access.han = sato_han;  // even their own 班: 減免 is the officers'
  CHECK_THROWS(
      set_household_dues(r.db(), sato, 2025, HouseholdDues{.exemption = Exemption::Full, .reason = "x"}));
  access = sdk::Access{};
  access.role = sdk::Role::Chair, access.org = r.org + 1000;  // another organization's officer
  CHECK_THROWS(reverse_payment(r.db(), paid, "間違い", {2025, 5, 11}));
  access.role = sdk::Role::Viewer, access.org = r.org;
  r.app.enter(r.org, "members");
  CHECK(r.db().read_only());
  CHECK_THROWS(reverse_payment(r.db(), paid, "間違い", {2025, 5, 11}));
  r.db().set_read_only(false);
  access = sdk::Access::everything();
  CHECK(r.count("members_dues_payments") == payments);
  CHECK(r.count("members_dues_households") == 0);
}

TEST_CASE("readings show as full-width katakana whatever they were imported in") {
  CHECK(reading_for_display("ｻﾄｳ ﾏｺﾄ") == "サトウ マコト");
  CHECK(reading_for_display("ｶﾞｯｺｳ ﾊﾟﾝ ｳﾞｨ") == "ガッコウ パン ヴィ");
  CHECK(reading_for_display("さとう まこと") == "サトウ マコト");
  CHECK(reading_for_display("タカハシ　髙﨑") == "タカハシ　髙﨑");
  CHECK(reading_for_display("ﾂﾞ ﾄﾞ ﾁﾞ ﾎﾟ") == "ヅ ド ヂ ポ");
}
