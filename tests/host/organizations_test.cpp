#include <catch2/catch.hpp>
#include <wasshoi/host/app.hpp>
#include <wasshoi/host/settings.hpp>

#include "scratch_db.hpp"
#include "test_support.hpp"

using namespace wasshoi;

namespace {
struct OrgsFixture {
  test::TempDir tmp;
  test::ScratchDb scratch;  // a SQLite file, or a schema of the server in WASSHOI_TEST_DB
  host::App app{{.db_path = scratch.target(), .plugin_dir = tmp / "no-plugins"}};
  host::Organizations orgs = app.orgs();
};
}  // namespace

TEST_CASE_METHOD(OrgsFixture, "a 自治会 belongs to at most one 地域協働体") {
  auto kyodotai = orgs.add(host::OrgKind::Kyodotai, "山目地区まちづくり協議会");
  auto jichikai = orgs.add(host::OrgKind::Jichikai, "山目第一自治会", kyodotai);
  CHECK(orgs.get(jichikai).parent == kyodotai);
  CHECK(orgs.children(kyodotai).size() == 1);
  auto other = orgs.add(host::OrgKind::Jichikai, "山目第二自治会");
  CHECK_THROWS_WITH(orgs.add(host::OrgKind::Jichikai, "子自治会", other),
                    Catch::Contains("can only belong to a 地域協働体"));
  CHECK_THROWS_WITH(orgs.add(host::OrgKind::Support, "公民館", kyodotai), Catch::Contains("does not belong"));
  CHECK_THROWS_WITH(orgs.add(host::OrgKind::Jichikai, "x", 999),
                    Catch::Contains("no organization with id 999"));
}

TEST_CASE_METHOD(OrgsFixture, "an unknown kind or an empty name is refused and nothing is written") {
  CHECK_THROWS_WITH(host::parse_kind("club"), Catch::Contains("unknown organization kind 'club'"));
  CHECK_THROWS_WITH(orgs.add(host::OrgKind::Jichikai, "　 "), Catch::Contains("must not be empty"));
  CHECK(orgs.list().empty());
  CHECK(*sdk::query_int(app.db(), "SELECT count(*) FROM audit_log") == 0);
}

TEST_CASE_METHOD(OrgsFixture, "班 are named units inside a 自治会, in order") {
  auto j = orgs.add(host::OrgKind::Jichikai, "﨑山町内会");
  orgs.add_han(j, "1班");
  orgs.add_han(j, "2班");
  auto han = orgs.han(j);
  REQUIRE(han.size() == 2);
  CHECK(han[0].name == "1班");
  CHECK(han[1].sort_order > han[0].sort_order);
  CHECK_THROWS_WITH(orgs.add_han(j, "1班"), Catch::Contains("already has a 班 named 1班"));
  auto k = orgs.add(host::OrgKind::Kyodotai, "協議会");
  CHECK_THROWS_WITH(orgs.add_han(k, "1班"), Catch::Contains("班 belong to a 自治会"));
}

TEST_CASE_METHOD(OrgsFixture, "every write is in the audit log with who, what and when") {
  app.db().set_actor("会長@test");
  auto j = orgs.add(host::OrgKind::Jichikai, "𠮷田町内会");
  orgs.rename(j, "𠮷田自治会");
  sdk::Statement st(app.db(), "SELECT actor, action, detail, at FROM audit_log ORDER BY id");
  REQUIRE(st.step());
  CHECK(st.get_text(0) == "会長@test");
  CHECK(st.get_text(1) == "org.add");
  CHECK_THAT(st.get_text(2), Catch::Contains("𠮷田町内会"));
  CHECK(st.get_text(3).size() >= 20);  // ISO 8601 time
  REQUIRE(st.step());
  CHECK(st.get_text(1) == "org.rename");
  CHECK(orgs.get(j).name == "𠮷田自治会");  // beyond U+FFFF, kept as is
}

TEST_CASE_METHOD(OrgsFixture, "settings are stored in the database") {
  host::Settings settings(app.db());
  CHECK(settings.get_int("gui.font_size", 20) == 20);
  settings.set("gui.font_size", "24");
  settings.set("gui.font_size", "26");
  CHECK(settings.get_int("gui.font_size", 20) == 26);
  CHECK(settings.get_or("gui.language", "ja") == "ja");
}
