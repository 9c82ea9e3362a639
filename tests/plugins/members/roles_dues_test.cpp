// Roles per 年度 with the hand-over, and dues: payments, the unpaid list, 集金率.
#include <catch2/catch.hpp>

#include "core/dues.hpp"
#include "core/han.hpp"
#include "core/households.hpp"
#include "core/roles.hpp"
#include "core/roster.hpp"
#include "members_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

namespace {}  // namespace

TEST_CASE("at the 年度 change roles carry over for those who stay, a new 班長 is kept, leavers drop out") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  const auto kaicho = find_role_kind(r.db(), r.org, "会長").id;
  const auto kaikei = find_role_kind(r.db(), r.org, "会計").id;
  const auto hancho = find_role_kind(r.db(), r.org, "班長").id;
  assign_role(r.db(), r.org, r.person_of("さとう"), kaicho, 2024);
  assign_role(r.db(), r.org, r.person_of("こばやし"), kaikei, 2024);
  assign_role(r.db(), r.org, r.person_of("たかはしいちろう"), hancho, 2024);
  assign_role(r.db(), r.org, r.person_of("たかはしはなこ"), hancho, 2025);  // the new 1班 班長
  household_leave(r.db(), r.household_of("こばやし"), sdk::Date{2025, 3, 31});

  CHECK(hand_over(r.db(), r.org, 2024, 2025) == 1);
  auto roles = roles_in_year(r.db(), r.org, 2025);
  REQUIRE(roles.size() == 2);
  CHECK(roles[0].role == "会長");
  CHECK(roles[0].person_name == "佐藤　誠");
  CHECK(roles[1].role == "班長");
  CHECK(roles[1].person_name == "高橋　花子");
  CHECK(roles[1].han_name == "1班");                      // per-班 role takes the person's 班
  CHECK(roles_in_year(r.db(), r.org, 2024).size() == 3);  // the past year is history
}

TEST_CASE("a role is held once per person and 年度, and only by a current member") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  const auto kaicho = find_role_kind(r.db(), r.org, "会長").id;
  assign_role(r.db(), r.org, r.person_of("さとう"), kaicho, 2025);
  CHECK_THROWS_WITH(assign_role(r.db(), r.org, r.person_of("さとう"), kaicho, 2025),
                    Catch::Contains("already 会長"));
  const PersonId hayashi = r.person_of("はやし");
  household_leave(r.db(), r.household_of("はやし"), sdk::Date{2025, 3, 31});
  CHECK_THROWS_WITH(assign_role(r.db(), r.org, hayashi, kaicho, 2025), Catch::Contains("left on"));
  CHECK_THROWS_WITH(find_role_kind(r.db(), r.org, "総理"), Catch::Contains("会長, 副会長"));
}

TEST_CASE("an organization adds its own role") {
  test::RosterDb r;
  add_role_kind(r.db(), r.org, "子ども会担当", false);
  CHECK(find_role_kind(r.db(), r.org, "子ども会担当").name == "子ども会担当");
  CHECK_FALSE(find_role_kind(r.db(), r.org, "子ども会担当").builtin);
  CHECK_THROWS_WITH(add_role_kind(r.db(), r.org, "会長", false), Catch::Contains("exists already"));
}

TEST_CASE("the unpaid list and the 集金率 per 班 follow the payments") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");  // 1班: 2 households, 2班: 2, 3班: 2
  set_dues_amount(r.db(), r.org, 2025, 3000);
  record_payment(r.db(),
                 DuesPayment{r.household_of("たかはしいちろう"), 2025, std::nullopt, {2025, 5, 10}, "1班長"});
  record_payment(r.db(), DuesPayment{r.household_of("たかはしはなこ"), 2025, 1000, {2025, 5, 10}, "1班長"});
  record_payment(r.db(), DuesPayment{r.household_of("さとう"), 2025, 3000, {2025, 6, 1}, "会計"});

  auto open = unpaid(r.db(), r.org, 2025, r.orgs().find_han(r.db(), r.org, "1班")->id);
  REQUIRE(open.size() == 1);
  CHECK(open[0].head_name == "高橋　花子");
  CHECK(open[0].paid == 1000);

  auto rates = collection_rates(r.db(), r.org, 2025);
  REQUIRE(rates.size() == 4);
  CHECK(rates[0].han == "1班");
  CHECK(rates[0].settled == 1);
  CHECK(rates[0].collected == 4000);
  CHECK(rates[1].rate() == Approx(0.5));
  CHECK(rates[2].settled == 0);
  CHECK(rates[3].total);
  CHECK(rates[3].households == 6);
  CHECK(rates[3].settled == 2);
  CHECK(rates[3].expected == 18000);
  CHECK(rates[3].collected == 7000);

  // The rest of what 高橋花子 owes, without an amount.
  record_payment(r.db(), DuesPayment{r.household_of("たかはしはなこ"), 2025, std::nullopt, {2025, 7, 1}, ""});
  CHECK(unpaid(r.db(), r.org, 2025, r.orgs().find_han(r.db(), r.org, "1班")->id).empty());
  CHECK_THROWS_WITH(
      record_payment(r.db(),
                     DuesPayment{r.household_of("たかはしはなこ"), 2025, std::nullopt, {2025, 7, 2}, ""}),
      Catch::Contains("in full"));
}

TEST_CASE(
    "a household owes the dues of the 年度 in which it was a member, not of the years before it joined or "
    "after it left") {
  test::RosterDb r;
  HouseholdId gone = add_household(r.db(), r.org, HouseholdData{.joined = sdk::Date{2010, 4, 1}},
                                   {PersonData{.name = "前田　進"}});
  household_leave(r.db(), gone, sdk::Date{2025, 3, 31});
  add_household(r.db(), r.org, HouseholdData{.joined = sdk::Date{2026, 4, 1}},
                {PersonData{.name = "後藤　新"}});
  add_household(r.db(), r.org, HouseholdData{.joined = sdk::Date{2025, 10, 1}},
                {PersonData{.name = "中野　中"}});
  set_dues_amount(r.db(), r.org, 2025, 3000);
  auto sheet = dues_sheet(r.db(), r.org, 2025);
  REQUIRE(sheet.size() == 1);
  CHECK(sheet[0].head_name == "中野　中");
  auto before =
      dues_sheet(r.db(), r.org, 2024);  // 前田 was a member until 2025-03-31, the last day of 2024年度
  REQUIRE(before.size() == 1);
  CHECK(before[0].head_name == "前田　進");
}
