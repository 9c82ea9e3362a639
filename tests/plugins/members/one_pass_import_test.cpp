// The one-pass import (read_and_import_roster, what `wasshoi-cli members import` runs): rows are
// written while a second thread still reads the file, yet what lands, what is refused and what
// the messages say must be those of reading first and importing the plan.
#include <algorithm>
#include <catch2/catch.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/error.hpp>

#include "core/directory.hpp"
#include "core/households.hpp"
#include "members_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

namespace {

// A lifelike roster of `rows` households, a row each, in UTF-8; `bad` rows get an impossible
// 加入日. Every 11th row's note holds a line break.
std::string roster(int rows, const std::vector<int>& bad = {}) {
  static const char* kNames[] = {"髙橋　一郎", "山﨑　健太", "𠮷田　悟", "佐藤　誠", "林　美智子"};
  static const char* kReadings[] = {"ﾀｶﾊｼ ｲﾁﾛｳ", "ヤマザキ ケンタ", "よしだ さとる", "ｻﾄｳ ﾏｺﾄ",
                                    "ハヤシ ミチコ"};
  std::string csv = "班,氏名,フリガナ,住所,電話番号,世帯人数,加入日,備考\n";
  for (int i = 0; i < rows; ++i) {
    const bool broken = std::find(bad.begin(), bad.end(), i) != bad.end();
    csv += std::to_string(i % 7 + 1) + "班," + kNames[i % 5] + "," + kReadings[i % 5] + ",\"一関市大手町" +
           std::to_string(i) + "-1, 101号\",0191-00-" + std::to_string(1000 + i % 9000) + "," +
           std::to_string(i % 5 + 1) + "," + (broken ? "2023/13/45" : "令和5年4月1日") + "," +
           (i % 11 == 0 ? "\"回覧板は\n郵便受けへ\"" : "") + "\n";
  }
  return csv;
}

// The line row `index` starts on: after the header, and the line breaks in the notes before it.
std::string line_of(int index) {
  return "line " + std::to_string(2 + index + (index + 10) / 11);
}

ImportOptions named(const char* source) {
  ImportOptions o;
  o.source = source;
  return o;
}

ImportSummary one_pass(test::RosterDb& r, const std::string& bytes, const ImportOptions& o) {
  ImportPlan read;
  return read_and_import_roster(r.db(), r.orgs(), r.org, bytes, o, read);
}

ImportSummary planned(test::RosterDb& r, const std::string& bytes, const ImportOptions& o) {
  return import_roster(r.db(), r.orgs(), r.org, read_roster(bytes, o), o);
}

// Everything an import writes about a person and their household, a line each, in id order.
std::vector<std::string> contents(test::RosterDb& r) {
  sdk::Statement st(r.db(), R"sql(
    SELECT coalesce(han.name, '') || '|' || h.address || '|' || h.phone || '|' || h.people || '|' ||
           coalesce(h.joined_on, '') || '|' || h.notes || '|' || p.name || '|' || p.reading || '|' ||
           p.relation || '|' || p.is_head || '|' || coalesce(CAST(p.birth_year AS TEXT), '') || '|' || p.needs_support ||
           '|' || p.sort_key || '|' || p.search
    FROM members_persons p JOIN members_households h ON h.id = p.household_id
    LEFT JOIN han ON han.id = h.han_id ORDER BY p.id)sql");
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.get_text(0));
  return out;
}

// The ids the search index gives for a character every imported person has (大).
std::int64_t indexed_persons(test::RosterDb& r) {
  // SQLite: the FTS5 index; PostgreSQL: the GIN index on the characters (schema.cpp, version 6).
  return sdk::query_int(r.db(),
                        r.db().engine() == sdk::Engine::SQLite
                            ? "SELECT count(*) FROM members_search WHERE members_search MATCH '\"大\"'"
                            : "SELECT count(*) FROM members_persons "
                              "WHERE string_to_array(search, ' ') @> ARRAY['大']")
      .value_or(-1);
}

struct Counts {
  std::int64_t households, persons, han, audit, indexed;
  bool operator==(const Counts&) const = default;
};
Counts counts(test::RosterDb& r) {
  return {r.count("members_households"), r.count("members_persons"), r.count("han"), r.count("audit_log"),
          indexed_persons(r)};
}

}  // namespace

TEST_CASE("the one-pass import writes exactly what reading first and importing the plan writes") {
  for (const auto& [what, bytes] : std::vector<std::pair<std::string, std::string>>{
           {"roster_cp932.csv", test::fixture("roster_cp932.csv")},
           {"roster_utf8_bom.csv (世帯番号: read whole first)", test::fixture("roster_utf8_bom.csv")},
           {"5000 rows", roster(5000)}}) {
    SECTION(what) {
      test::RosterDb a, b;
      a.app.orgs().add_han(a.org, "3班");
      b.app.orgs().add_han(b.org, "3班");
      ImportSummary one = one_pass(a, bytes, named("roster.csv"));
      ImportSummary two = planned(b, bytes, named("roster.csv"));
      CHECK(one.households == two.households);
      CHECK(one.persons == two.persons);
      CHECK(one.created_han == two.created_han);
      CHECK(contents(a) == contents(b));
      CHECK_FALSE(contents(a).empty());
      CHECK(sdk::query_int(a.db(), "SELECT count(*) FROM members_search_bulk") == 0);
    }
  }
}

TEST_CASE("the one-pass import of 5000 rows indexes every person for search and says what it did") {
  test::RosterDb r;
  ImportPlan read;
  ImportSummary s = read_and_import_roster(r.db(), r.orgs(), r.org, roster(5000), named("roster.csv"), read);
  CHECK(s.households == 5000);
  CHECK(s.persons == 5000);
  CHECK(s.created_han.size() == 7);
  CHECK(read.data_rows == 5000);
  CHECK(read.encoding == sdk::Encoding::Utf8);
  CHECK(read.columns.index_of(Field::Joined) == 6);
  CHECK(indexed_persons(r) == 5000);
  CHECK(r.count("members_persons WHERE is_head = 1") == 5000);
  CHECK_THAT(sdk::query_text(r.db(), "SELECT detail FROM audit_log ORDER BY id DESC LIMIT 1").value_or(""),
             Catch::Contains("5000 households"));
}

TEST_CASE("bad rows after thousands of good ones refuse the whole file, all of them named, nothing written") {
  test::RosterDb r;
  planned(r, test::fixture("roster_cp932.csv"), named("before.csv"));
  const Counts before = counts(r);
  // Batches of rows were written before the reader met row 2500.
  const std::string bytes = roster(5000, {2500, 4900});
  CHECK_THROWS_WITH(
      one_pass(r, bytes, named("big.csv")),
      Catch::Contains("big.csv: 2 rows cannot be imported, so nothing was imported") &&
          Catch::Contains("big.csv " + line_of(2500) + ", column 加入日: 2023/13/45 is not a date") &&
          Catch::Contains("big.csv " + line_of(4900) + ", column 加入日"));
  CHECK(counts(r) == before);
  CHECK(r.count("members_search_bulk") == 0);
  // The same file with the bad rows skipped: the rest lands and the bad ones are listed.
  ImportOptions skip = named("big.csv");
  skip.skip_bad_rows = true;
  ImportSummary s = one_pass(r, bytes, skip);
  CHECK(s.households == 4998);
  REQUIRE(s.skipped.size() == 2);
  CHECK("line " + std::to_string(s.skipped[0].line) == line_of(2500));
  CHECK("line " + std::to_string(s.skipped[1].line) == line_of(4900));
  CHECK(r.count("members_persons") == before.persons + 4998);
  CHECK(indexed_persons(r) == before.indexed + 4998);
}

TEST_CASE("a file that breaks off near its end (a quote never closed) writes nothing") {
  test::RosterDb r;
  const Counts before = counts(r);
  std::string bytes = roster(4000) + "1班,\"最後の行,ｻｲｺﾞ,一関市\n";
  CHECK_THROWS_WITH(one_pass(r, bytes, named("cut.csv")),
                    Catch::Contains("cut.csv") && Catch::Contains(line_of(4000)));
  CHECK(counts(r) == before);
}

TEST_CASE("a write failing half-way stops the reading thread and leaves the file as it was") {
  WASSHOI_SQLITE_ONLY("a SQLite TEMP trigger makes the write fail");
  test::RosterDb r;
  const Counts before = counts(r);
  // Row 2000 (address 大手町2000-1) cannot be written; 18 000 rows remain for the reader, which
  // is waiting on a full queue by then and must be stopped, not waited for.
  r.db().exec(
      "CREATE TEMP TRIGGER fail_once BEFORE INSERT ON members_persons WHEN instr(new.search, '町 2 0 0 0 -') "
      "> 0 "
      "BEGIN SELECT RAISE(ABORT, 'the disk said no'); END");
  CHECK_THROWS_WITH(one_pass(r, roster(20000), named("big.csv")), Catch::Contains("the disk said no"));
  CHECK(counts(r) == before);
  r.db().exec("DROP TRIGGER temp.fail_once");
  CHECK(one_pass(r, roster(3000), named("big.csv")).households == 3000);
}

TEST_CASE(
    "imports leave every reference whole and the connection checking foreign keys and running triggers") {
  test::RosterDb r;
  planned(r, test::fixture("roster_cp932.csv"), named("a.csv"));
  one_pass(r, roster(3000), named("b.csv"));
  one_pass(r, test::fixture("roster_utf8_bom.csv"), named("c.csv"));  // 世帯番号: read whole first
  // SQLite's pragmas; PostgreSQL checks every reference as it is written (BulkTransaction there
  // switches nothing off).
  const bool sqlite = r.db().engine() == sdk::Engine::SQLite;
  if (sqlite) CHECK(sdk::query_int(r.db(), "SELECT count(*) FROM pragma_foreign_key_check") == 0);
  if (sqlite) CHECK(sdk::query_int(r.db(), "PRAGMA foreign_keys") == 1);
  // A refused import too gives the connection back as it was.
  CHECK_THROWS(one_pass(r, roster(3000, {10}), named("d.csv")));
  if (sqlite) CHECK(sdk::query_int(r.db(), "PRAGMA foreign_keys") == 1);
  // The search index trigger runs again for a household added by hand.
  HouseholdData h;
  h.address = "一関市髙﨑町9";
  PersonData p;
  p.name = "千葉　ﾐﾉﾘ";
  add_household(r.db(), r.org, h, {p});
  CHECK(search_person_ids(r.db(), r.org, "千葉みのり", 5).size() == 1);
}

TEST_CASE("the tables an import writes have only the triggers it does the work of itself") {
  WASSHOI_SQLITE_ONLY("sqlite_schema's triggers");
  // Imports run without triggers (importer.cpp): a trigger added to one of these tables would be
  // skipped by every import. Add its work to the import, then to this list.
  test::RosterDb r;
  sdk::Statement st(r.db(),
                    "SELECT tbl_name || ': ' || name FROM sqlite_schema WHERE type = 'trigger' "
                    "AND tbl_name IN ('han', 'members_households', 'members_persons') ORDER BY 1");
  std::vector<std::string> triggers;
  while (st.step()) triggers.push_back(st.get_text(0));
  CHECK(triggers == std::vector<std::string>{"members_persons: members_persons_search_delete",
                                             "members_persons: members_persons_search_insert",
                                             "members_persons: members_persons_search_update"});
}
