// What other plugins and the host see: the MemberDirectory service, demo data, glyphs.
#include <catch2/catch.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/demo.hpp"
#include "core/exporter.hpp"
#include "core/glyphs.hpp"
#include "core/households.hpp"
#include "core/roles.hpp"
#include "members_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

TEST_CASE("the members plugin provides the MemberDirectory service to other plugins") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  auto& directory = r.app.services().get<sdk::MemberDirectory>();
  auto found = directory.search_persons(r.db(), r.org, "たかはし", 10, std::nullopt);
  REQUIRE(found.size() == 2);
  CHECK(found[0].reading == "ﾀｶﾊｼ ｲﾁﾛｳ");  // ordered by reading: たかはしいちろう < たかはしはなこ
  CHECK(found[0].han == "1班");
  auto household = directory.household(r.db(), found[0].household_id);
  REQUIRE(household);
  CHECK(household->head_name == "髙橋　一郎");
  CHECK(household->current);
  CHECK(directory.household_members(r.db(), found[0].household_id).size() == 1);
  CHECK(directory.search_households(r.db(), r.org, "中里", 10, std::nullopt).size() == 2);
  CHECK_FALSE(directory.person(r.db(), 999999).has_value());
}

TEST_CASE("the directory searches one 班 only when asked, as it is for a 班長") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  auto& directory = r.app.services().get<sdk::MemberDirectory>();
  const auto han_of = [&](const char* name) {
    sdk::Statement st(r.db(), "SELECT id FROM han WHERE org_id = ? AND name = ?");
    st.bind(1, r.org).bind(2, std::string(name));
    REQUIRE(st.step());
    return st.get_int(0);
  };
  CHECK(directory.search_persons(r.db(), r.org, "たかはし", 10, han_of("1班")).size() == 2);
  CHECK(directory.search_persons(r.db(), r.org, "たかはし", 10, han_of("2班")).empty());
  CHECK(directory.search_households(r.db(), r.org, "たかはし", 10, han_of("2班")).empty());
}

TEST_CASE("the member household count on a date counts those joined by then and not yet left") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");  // joined 2023-04-01 ×2, 2019-05-01, 2019-04-30, 2020-01-15, none
  auto& directory = r.app.services().get<sdk::MemberDirectory>();
  CHECK(directory.member_household_count(r.db(), r.org, sdk::Date{2019, 4, 30}) == 2);
  CHECK(directory.member_household_count(r.db(), r.org, sdk::Date{2025, 4, 1}) == 6);
  household_leave(r.db(), 1, sdk::Date{2025, 3, 31});
  CHECK(directory.member_household_count(r.db(), r.org, sdk::Date{2025, 4, 1}) == 5);
  CHECK(directory.member_household_count(r.db(), r.org, sdk::Date{2025, 3, 30}) == 6);
}

TEST_CASE("the directory lists a 年度's officers in role order") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  auto& directory = r.app.services().get<sdk::MemberDirectory>();
  auto sato = directory.search_persons(r.db(), r.org, "佐藤", 1, std::nullopt).at(0);
  auto hayashi = directory.search_persons(r.db(), r.org, "はやし", 1, std::nullopt).at(0);
  assign_role(r.db(), r.org, hayashi.id, find_role_kind(r.db(), r.org, "会計").id, 2025);
  assign_role(r.db(), r.org, sato.id, find_role_kind(r.db(), r.org, "会長").id, 2025);
  auto officers = directory.officers(r.db(), r.org, 2025);
  REQUIRE(officers.size() == 2);
  CHECK(officers[0].role == "会長");
  CHECK(officers[0].person.name == "佐藤　誠");
  CHECK(officers[1].role == "会計");
}

TEST_CASE(
    "demo data is the same for the same seed and lifelike: rare kanji, half-width readings, roles, dues") {
  test::RosterDb a, b;
  fill_demo_jichikai(a.db(), a.orgs(), a.org, 1500, 7);
  fill_demo_jichikai(b.db(), b.orgs(), b.org, 1500, 7);
  const std::string roster_a = export_roster(a.db(), a.org, {}).bytes;
  CHECK(roster_a == export_roster(b.db(), b.org, {}).bytes);
  CHECK(a.count("members_households") == 1500);
  for (const char* rare : {"髙橋", "﨑山", "𠮷田", "山﨑", "1班", "5班"}) {
    INFO(rare);
    CHECK(roster_a.find(rare) != std::string::npos);
  }
  CHECK(roster_a.find("ﾞ") != std::string::npos);  // half-width ｶﾀｶﾅ readings (ﾀﾞ, ｶﾞ …)
  CHECK(a.count("members_roles") > 10);
  CHECK(a.count("members_dues_payments") > 1500);
  CHECK(sdk::query_int(a.db(), "SELECT count(*) FROM members_persons WHERE needs_support = 1").value_or(0) >
        0);
  test::RosterDb c;
  fill_demo_jichikai(c.db(), c.orgs(), c.org, 1500, 8);
  CHECK(export_roster(c.db(), c.org, {}).bytes != roster_a);
}

TEST_CASE("the glyph source lists each stored character once, rare kanji included") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  const std::string glyphs = roster_glyphs(r.db());
  for (const char* c : {"髙", "﨑", "ﾀ", "番"}) CHECK(glyphs.find(c) != std::string::npos);
  CHECK(glyphs.find("髙") == glyphs.rfind("髙"));
}
