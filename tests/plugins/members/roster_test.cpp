// Households and persons: the roster's own rules, and the list the GUI and CLI show.
#include "core/roster.hpp"

#include <catch2/catch.hpp>

#include "core/han.hpp"
#include "core/households.hpp"
#include "core/roles.hpp"
#include "members_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

namespace {

std::vector<std::string> names(const std::vector<RosterRow>& rows) {
  std::vector<std::string> out;
  for (const auto& r : rows) out.push_back(r.name);
  return out;
}

RosterQuery query(test::RosterDb& r) {
  RosterQuery q;
  q.org = r.org;
  return q;
}

}  // namespace

TEST_CASE("a household that leaves is kept with its leaving date, out of the current roster") {
  test::RosterDb r;
  HouseholdId id = add_household(r.db(), r.org, HouseholdData{}, {PersonData{.name = "佐藤　太郎"}});
  household_leave(r.db(), id, sdk::Date{2025, 3, 31});
  CHECK(get_household(r.db(), id).data.left == sdk::Date{2025, 3, 31});
  CHECK(roster(r.db(), query(r)).empty());
  RosterQuery left = query(r);
  left.membership = Membership::Left;
  CHECK(names(roster(r.db(), left)) == std::vector<std::string>{"佐藤　太郎"});
  CHECK_THROWS_WITH(household_leave(r.db(), id, sdk::Date{2025, 4, 1}), Catch::Contains("already left"));
}

TEST_CASE("the roster filters by 班, 要支援者 and role, and sorts by reading or by 班") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  RosterQuery q = query(r);
  q.han = r.orgs().find_han(r.db(), r.org, "3班")->id;
  CHECK(names(roster(r.db(), q)) == std::vector<std::string>{"小林　剛", "林　美智子"});  // こばやし < はやし

  q = query(r);
  q.sort = RosterSort::Han;
  q.descending = true;
  CHECK(roster(r.db(), q).front().han == "3班");

  PersonId hayashi = roster(r.db(), RosterQuery{.org = r.org, .search = "はやし"}).at(0).person;
  Person p = get_person(r.db(), hayashi);
  p.data.needs_support = true;
  update_person(r.db(), hayashi, p.data);
  q = query(r);
  q.needs_support_only = true;
  CHECK(names(roster(r.db(), q)) == std::vector<std::string>{"林　美智子"});

  RoleKind kaicho = find_role_kind(r.db(), r.org, "会長");
  assign_role(r.db(), r.org, hayashi, kaicho.id, 2025);
  q = query(r);
  q.role_kind = kaicho.id;
  q.fiscal_year = 2025;
  auto rows = roster(r.db(), q);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].roles == "会長");
}

TEST_CASE("one 世帯主 per household: marking another clears the first, removing the head passes it on") {
  test::RosterDb r;
  HouseholdId id =
      add_household(r.db(), r.org, HouseholdData{.people = 2},
                    {PersonData{.name = "田中　一郎"}, PersonData{.name = "田中　花子", .relation = "妻"}});
  auto persons = household_persons(r.db(), id);
  REQUIRE(persons.size() == 2);
  CHECK(persons[0].data.head);
  PersonData hanako = persons[1].data;
  hanako.head = true;
  update_person(r.db(), persons[1].id, hanako);
  CHECK(get_household(r.db(), id).head_name == "田中　花子");
  remove_person(r.db(), persons[1].id);
  CHECK(get_household(r.db(), id).head_name == "田中　一郎");
  CHECK(household_persons(r.db(), id)[0].data.head);
  CHECK_THROWS_WITH(remove_person(r.db(), persons[0].id),
                    Catch::Contains("record the household leaving instead"));
}

TEST_CASE("a 要支援者's helper must be another person of the same 自治会") {
  test::RosterDb r;
  HouseholdId id = add_household(r.db(), r.org, HouseholdData{}, {PersonData{.name = "森　キヨ"}});
  PersonId kiyo = household_persons(r.db(), id)[0].id;
  PersonData d = get_person(r.db(), kiyo).data;
  d.needs_support = true;
  d.helper = kiyo;
  CHECK_THROWS_WITH(update_person(r.db(), kiyo, d), Catch::Contains("their own helper"));
  d.helper = 9999;
  CHECK_THROWS_WITH(update_person(r.db(), kiyo, d), Catch::Contains("no person with id 9999"));
}

TEST_CASE("a household's new address is searchable at once") {
  test::RosterDb r;
  HouseholdId id =
      add_household(r.db(), r.org, HouseholdData{.address = "一関市大町1"}, {PersonData{.name = "阿部　誠"}});
  HouseholdData d = get_household(r.db(), id).data;
  d.address = "一関市萩荘2";
  update_household(r.db(), id, d);
  CHECK(roster(r.db(), RosterQuery{.org = r.org, .search = "萩荘"}).size() == 1);
  CHECK(roster(r.db(), RosterQuery{.org = r.org, .search = "大町"}).empty());
}

TEST_CASE("only a 自治会 keeps a roster") {
  test::RosterDb r;
  sdk::OrgId npo = r.app.orgs().add(host::OrgKind::Npo, "NPO法人 テスト");
  ImportOptions o = test::options_for("roster_cp932.csv");
  CHECK_THROWS_WITH(
      import_roster(r.db(), r.orgs(), npo, read_roster(test::fixture("roster_cp932.csv"), o), o),
      Catch::Contains("a roster belongs to a 自治会"));
}
