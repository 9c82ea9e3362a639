// Search as officers expect it: kana, width and spaces do not matter; short queries work.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/directory.hpp"
#include "core/households.hpp"
#include "core/roster.hpp"
#include "core/search_text.hpp"
#include "members_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

namespace {

std::vector<std::string> names_found(test::RosterDb& r, const std::string& query) {
  std::vector<std::string> names;
  for (auto id : search_person_ids(r.db(), r.org, query, 50))
    names.push_back(get_person(r.db(), id).data.name);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace

TEST_CASE("searching たかはし finds 髙橋 and 高橋 rows by their reading, and 佐藤 finds 佐藤") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  CHECK(names_found(r, "たかはし") == std::vector<std::string>{"高橋　花子", "髙橋　一郎"});
  CHECK(names_found(r, "佐藤") == std::vector<std::string>{"佐藤　誠"});
}

TEST_CASE("one- and two-character queries find substrings of names (林 finds 林 and 小林)") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  CHECK(names_found(r, "林") == std::vector<std::string>{"小林　剛", "林　美智子"});
  CHECK(names_found(r, "佐藤").size() == 1);
  CHECK(names_found(r, "誠") == std::vector<std::string>{"佐藤　誠"});
}

TEST_CASE("hiragana, katakana, half-width kana, full-width letters and spaces all find the same person") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  for (const char* q : {"こばやし", "コバヤシ", "ｺﾊﾞﾔｼ", "こばやし　つよし", "コバヤシツヨシ", "ｺﾊﾞﾔｼ ﾂﾖｼ"})
    CHECK(names_found(r, q) == std::vector<std::string>{"小林　剛"});
}

TEST_CASE(
    "the everyday form of a variant kanji finds it: 高橋 finds 髙橋, 山崎 finds 山﨑, 吉田 finds 𠮷田") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  r.import_fixture("roster_utf8_bom.csv");
  CHECK(names_found(r, "高橋") == std::vector<std::string>{"高橋　花子", "髙橋　一郎"});
  CHECK(names_found(r, "山崎") == std::vector<std::string>{"山﨑　健太"});
  CHECK(names_found(r, "吉田").size() == 2);
}

TEST_CASE("an address substring finds the household's persons, a query matches no text across fields") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  CHECK(names_found(r, "中里") == std::vector<std::string>{"小林　剛", "林　美智子"});
  CHECK(names_found(r, "ＴＥＬ").empty());
  // "剛" ends the name and "こ" starts the reading: no match across the separator.
  CHECK(names_found(r, "剛こ").empty());
}

TEST_CASE("households that left are not found by the directory search but stay in the roster") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  auto id = search_person_ids(r.db(), r.org, "佐藤", 5).at(0);
  household_leave(r.db(), get_person(r.db(), id).household, sdk::Date{2025, 3, 31});
  CHECK(names_found(r, "佐藤").empty());
  RosterQuery q;
  q.org = r.org;
  q.membership = Membership::Left;
  q.search = "さとう";
  REQUIRE(roster(r.db(), q).size() == 1);
}

TEST_CASE("the stored search text is folded, a character per word, with the fields kept apart") {
  CHECK(fold("ﾀｶﾊｼ　ｲﾁﾛｳ") == "たかはしいちろう");
  CHECK(fold("髙﨑") == "高崎");
  PersonSearchText t = person_search_text("髙橋　一郎", "ﾀｶﾊｼ", "一関市");
  CHECK(t.search ==
        "高 橋 一 郎 " + std::string(kFieldToken) + " た か は し " + std::string(kFieldToken) + " 一 関 市");
  CHECK(t.sort_key == "たかはし");
  SearchQuery q = search_query("ﾀｶ ﾊﾀ");
  CHECK(q.spaced == "た か は た");
  CHECK(q.match == "\"た\" \"か\" \"は\"");  // each character once
  CHECK(search_query("　").empty());
  CHECK(search_query("1-2").match == "\"1\" \"2\"");  // the index leaves out ASCII punctuation
  CHECK(search_query("\"").match.empty());
  CHECK(search_query("\"").spaced == "\"");
  CHECK(fold(std::string("a") + kFieldSeparator + "b" + std::string(kFieldToken)) == "ab");
}

TEST_CASE("punctuation is searched as written, and query syntax in a query is only text") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  for (const char* q : {"\"", "・", "\"\" OR 林", "*", "林*", "NEAR(林 小)"})
    CHECK(names_found(r, q).empty());
  // Only 髙橋's address (一関市山目字中野1-2) holds a hyphen; "12" is not in it.
  CHECK(names_found(r, "-") == std::vector<std::string>{"髙橋　一郎"});
  CHECK(names_found(r, "1-2") == std::vector<std::string>{"髙橋　一郎"});
  CHECK(names_found(r, "12").empty());
}

TEST_CASE("a person whose text holds the query's characters, but not in a row, is not found") {
  test::RosterDb r;
  r.import_fixture("roster_cp932.csv");
  // たかはし holds し and か, never "しか"; the index alone would offer both 高橋.
  CHECK(names_found(r, "しか").empty());
  CHECK(names_found(r, "かは") == std::vector<std::string>{"高橋　花子", "髙橋　一郎"});
  RosterQuery q;
  q.org = r.org;
  q.search = "しか";
  CHECK(roster(r.db(), q).empty());
  q.search = "かは";
  CHECK(roster(r.db(), q).size() == 2);
}

TEST_CASE("the search finds the same persons on the engine under test as on a SQLite file") {
  // On SQLite both are files (FTS5); with WASSHOI_TEST_DB the first is PostgreSQL (GIN on the
  // characters, schema.cpp version 6), compared with what SQLite's index answers.
  test::RosterDb engine, file(true);
  for (auto* r : {&engine, &file}) {
    r->import_fixture("roster_cp932.csv");
    r->import_fixture("roster_utf8_bom.csv");
  }
  const std::vector<std::string> queries = {"たかはし",
                                            "佐藤",
                                            "林",
                                            "誠",
                                            "こばやし",
                                            "コバヤシ",
                                            "ｺﾊﾞﾔｼ",
                                            "こばやし　つよし",
                                            "コバヤシツヨシ",
                                            "高橋",
                                            "山崎",
                                            "吉田",
                                            "中里",
                                            "ＴＥＬ",
                                            "剛こ",
                                            "\"",
                                            "・",
                                            "\"\" OR 林",
                                            "*",
                                            "林*",
                                            "-",
                                            "1-2",
                                            "12",
                                            "しか",
                                            "かは",
                                            "一関",
                                            "市",
                                            "た",
                                            "a",
                                            "Ａ",
                                            "髙﨑",
                                            "𠮷",
                                            "ん",
                                            "　",
                                            "NEAR(林 小)",
                                            "%",
                                            "_",
                                            "\\",
                                            "'",
                                            "1"};
  std::size_t found = 0;
  for (const auto& q : queries) {
    INFO("query: " << q);
    const auto mine = names_found(engine, q);
    CHECK(mine == names_found(file, q));
    found += mine.size();
    for (const auto membership : {Membership::Current, Membership::Left, Membership::All}) {
      RosterQuery rq;
      rq.search = q;
      rq.membership = membership;
      auto names = [&](test::RosterDb& r) {
        rq.org = r.org;
        std::vector<std::string> out;
        for (const auto& row : roster(r.db(), rq)) out.push_back(row.name);
        return out;  // in the roster's order (by reading), which must agree too
      };
      CHECK(names(engine) == names(file));
    }
  }
  CHECK(found > 20);  // the queries do find people
}
