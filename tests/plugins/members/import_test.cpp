// Importing rosters as officers keep them in Excel.
#include <catch2/catch.hpp>

#include "core/han.hpp"
#include "core/households.hpp"
#include "core/roster.hpp"
#include "members_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

namespace {

RosterRow only_row(test::RosterDb& r, const std::string& name) {
  RosterQuery q;
  q.org = r.org;
  q.membership = Membership::All;
  for (const auto& row : roster(r.db(), q))
    if (row.name == name) return row;
  FAIL("no row named " << name);
  return {};
}

}  // namespace

TEST_CASE("a CP932 roster with 髙橋, 山﨑, half-width katakana, quoted commas and newlines imports exactly") {
  test::RosterDb r;
  ImportSummary s = r.import_fixture("roster_cp932.csv");
  CHECK(s.households == 6);
  CHECK(s.persons == 6);

  RosterRow takahashi = only_row(r, "髙橋　一郎");
  CHECK(takahashi.reading == "ﾀｶﾊｼ ｲﾁﾛｳ");
  CHECK(takahashi.address == "一関市山目字中野1-2, 101号");
  CHECK(takahashi.han == "1班");
  CHECK(takahashi.people == 3);
  CHECK(takahashi.joined == sdk::Date{2023, 4, 1});  // 令和5年4月1日

  Household hanako = get_household(r.db(), only_row(r, "高橋　花子").household);
  CHECK(hanako.data.notes == "犬あり、\"番犬\"注意");
  CHECK(hanako.data.joined == sdk::Date{2023, 4, 1});  // R5.4.1

  RosterRow yamazaki = only_row(r, "山﨑　健太");
  CHECK(yamazaki.han == "2班");  // written "２"
  CHECK(get_household(r.db(), yamazaki.household).data.notes == "回覧板は\r\n郵便受けへ");

  CHECK(only_row(r, "佐藤　誠").joined == sdk::Date{2019, 4, 30});  // 平成31年4月30日
  RosterRow hayashi = only_row(r, "林　美智子");
  CHECK(hayashi.address == "一関市中里6");  // 全角スペース trimmed
  CHECK(hayashi.people == 2);               // ２
  CHECK_FALSE(only_row(r, "小林　剛").joined.has_value());
}

TEST_CASE("a 班 that does not exist yet is created by the import") {
  test::RosterDb r;
  r.app.orgs().add_han(r.org, "1班");
  ImportSummary s = r.import_fixture("roster_cp932.csv");
  CHECK(s.created_han == std::vector<std::string>{"2班", "3班"});
  std::vector<std::string> names;
  for (const auto& h : r.orgs().han(r.db(), r.org)) names.push_back(h.name);
  CHECK(names == std::vector<std::string>{"1班", "2班", "3班"});
}

TEST_CASE("a roster with an impossible date is refused with its line number and the database is unchanged") {
  test::RosterDb r;
  const auto audit_before = r.count("audit_log");
  try {
    r.import_fixture("roster_bad_date.csv");
    FAIL("the import was not refused");
  } catch (const sdk::InputError& e) {
    CHECK_THAT(e.what(),
               Catch::Contains("roster_bad_date.csv line 4, column 加入日: 2023/13/45 is not a date"));
    CHECK_THAT(e.what(), Catch::Contains("nothing was imported"));
  }
  CHECK(r.count("members_households") == 0);
  CHECK(r.count("members_persons") == 0);
  CHECK(r.count("han") == 0);
  CHECK(r.count("audit_log") == audit_before);
}

TEST_CASE("a roster cell with a NUL or another control character is refused naming its line and column") {
  test::RosterDb r;
  ImportOptions o;
  o.source = "nul.csv";
  using namespace std::string_literals;
  for (const std::string& csv : {"班,氏名\n1班,\0佐藤\n"s, "班,氏名\n\x01,佐藤\n"s}) {
    ImportPlan plan = read_roster(csv, o);
    REQUIRE(plan.errors.size() == 1);
    CHECK_THAT(plan.errors[0].message,
               Catch::Contains("nul.csv line 2, column") && Catch::Contains("invisible control character"));
    CHECK_THROWS_AS(import_roster(r.db(), r.orgs(), r.org, plan, o), sdk::InputError);
  }
  CHECK(r.count("members_persons") == 0);
  CHECK(r.count("han") == 0);
  // Tabs and line breaks inside a quoted cell are text in the 備考, which has several lines…
  ImportPlan fine = read_roster("班,氏名,備考\n1班,佐藤,\"一行目\n二行目\t終わり\"\n", o);
  CHECK(fine.errors.empty());
  // …and refused in a one-line column, naming the line and column.
  for (const std::string& csv :
       {"班,氏名,住所\n1班,\"佐藤\n花子\",\n"s, "班,氏名,住所\n1班,佐藤,\"一関市\t1-2\"\n"s}) {
    ImportPlan plan = read_roster(csv, o);
    REQUIRE(plan.errors.size() == 1);
    CHECK_THAT(plan.errors[0].message,
               Catch::Contains("nul.csv line 2, column") &&
                   (Catch::Contains("line break (Alt+Enter in Excel)") || Catch::Contains("contains a tab")));
    CHECK_THROWS_AS(import_roster(r.db(), r.orgs(), r.org, plan, o), sdk::InputError);
  }
  CHECK(r.count("members_persons") == 0);
}

TEST_CASE("with skip-bad-rows the good rows are imported and the bad ones are listed") {
  test::RosterDb r;
  ImportOptions o = test::options_for("roster_bad_date.csv");
  o.skip_bad_rows = true;
  ImportSummary s = r.import_fixture("roster_bad_date.csv", o);
  CHECK(s.households == 3);
  REQUIRE(s.skipped.size() == 1);
  CHECK(s.skipped[0].line == 4);
  CHECK(r.count("members_persons") == 3);
}

TEST_CASE("a dry run writes nothing but says what would be imported and which 班 would be created") {
  test::RosterDb r;
  ImportOptions o = test::options_for("roster_cp932.csv");
  o.dry_run = true;
  ImportSummary s = r.import_fixture("roster_cp932.csv", o);
  CHECK(s.dry_run);
  CHECK(s.households == 6);
  CHECK(s.created_han == std::vector<std::string>{"1班", "2班", "3班"});
  CHECK(r.count("members_households") == 0);
  CHECK(r.count("han") == 0);
}

TEST_CASE("rows with the same 世帯番号 form one household with one 世帯主, from a UTF-8 file with BOM") {
  test::RosterDb r;
  ImportPlan plan =
      read_roster(test::fixture("roster_utf8_bom.csv"), test::options_for("roster_utf8_bom.csv"));
  CHECK(plan.encoding == sdk::Encoding::Utf8Bom);
  ImportSummary s = import_roster(r.db(), r.orgs(), r.org, plan, test::options_for("roster_utf8_bom.csv"));
  CHECK(s.households == 2);
  CHECK(s.persons == 3);
  RosterQuery q;
  q.org = r.org;
  q.heads_only = true;
  auto heads = roster(r.db(), q);
  REQUIRE(heads.size() == 2);
  auto yoshida =
      household_persons(r.db(), heads[0].name == "𠮷田　悟" ? heads[0].household : heads[1].household);
  REQUIRE(yoshida.size() == 2);
  CHECK(yoshida[0].data.name == "𠮷田　悟");
  CHECK(yoshida[0].data.head);
  CHECK(yoshida[1].data.relation == "妻");
  CHECK(yoshida[1].data.birth_year == 1950);  // 昭和25年
  CHECK(yoshida[1].data.needs_support);       // ○
}

TEST_CASE("a header the importer does not know is named with an explicit mapping, past a title row") {
  test::RosterDb r;
  CHECK_THROWS_WITH(
      read_roster(test::fixture("roster_title_row.csv"), test::options_for("roster_title_row.csv")),
      Catch::Contains("--map COLUMN=name"));
  ImportOptions o = test::options_for("roster_title_row.csv");
  o.mapping.push_back(parse_mapping("お名前=name"));
  ImportPlan plan = read_roster(test::fixture("roster_title_row.csv"), o);
  CHECK(plan.header_line == 3);
  REQUIRE(plan.households.size() == 2);
  CHECK(plan.households[0].persons[0].data.name == "千葉　修");
  CHECK(plan.households[0].persons[0].data.reading == "チバ オサム");
  CHECK(plan.households[0].han_name == "5班");  // 組 = 5
}

TEST_CASE("a Shift_JIS file read as UTF-8 on request is refused with a hint") {
  ImportOptions o = test::options_for("roster_cp932.csv");
  o.encoding = InputEncoding::Utf8;
  CHECK_THROWS_WITH(read_roster(test::fixture("roster_cp932.csv"), o), Catch::Contains("--encoding cp932"));
}

TEST_CASE("an unknown field in a mapping lists the fields there are") {
  CHECK_THROWS_WITH(parse_mapping("お名前=namae"), Catch::Contains("name, reading"));
  CHECK_THROWS_WITH(parse_mapping("お名前"), Catch::Contains("COLUMN=field"));
}

TEST_CASE("an import gives the connection its cache size back and leaves its TEMP tables alone") {
  WASSHOI_SQLITE_ONLY("SQLite's cache_size and temp_store pragmas");
  test::RosterDb r;
  const auto cache = sdk::query_int(r.db(), "PRAGMA cache_size");
  // Changing temp_store drops a connection's TEMP tables: the import must not touch it.
  r.db().exec("CREATE TEMP TABLE kept(x); INSERT INTO kept VALUES (1)");
  r.import_fixture("roster_cp932.csv");
  ImportPlan read;
  read_and_import_roster(r.db(), r.orgs(), r.org, test::fixture("roster_utf8_bom.csv"),
                         test::options_for("b.csv"), read);
  CHECK(sdk::query_int(r.db(), "PRAGMA cache_size") == cache);
  CHECK(sdk::query_int(r.db(), "PRAGMA temp_store") == 2);  // memory, set when the file is opened
  CHECK(sdk::query_int(r.db(), "SELECT count(*) FROM temp.kept") == 1);
}
