// The minutes as Markdown and the meetings as iCalendar (the PDF is checked in quorum_test).
#include <catch2/catch.hpp>

#include "core/actions.hpp"
#include "core/agenda.hpp"
#include "core/approval.hpp"
#include "core/attendance.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;

TEST_CASE("the Markdown export has 日時 in 和暦 and 西暦, 出席者, 議案ごとの議決 and 署名欄") {
  test::Roster r;
  const MeetingId id = r.meeting("役員会", {2026, 5, 9});
  for (const auto& p : r.persons(6)) add_member(r.db(), r.members(), id, p.id);
  add_guest(r.db(), id, "一関 太郎", "一関市 まちづくり推進課");
  add_item(r.db(), id, "夏祭りの開催について", "雨天時は公民館で実施する。");
  record_vote(r.db(), id, 1, Votes{5, 1, 0});
  add_action(r.db(), {id, 1, "テントを点検する", "副会長", sdk::Date{2026, 6, 30}});
  sign(r.db(), id, {"佐藤 一郎", "鈴木 花子"}, {2026, 5, 16});
  const std::string md = minutes_document(r.db(), r.orgs(), &r.members(), id).to_markdown();
  CHECK_THAT(md, Catch::Contains("令和8年5月9日（土） 10:00〜12:00（西暦 2026年5月9日）"));
  CHECK_THAT(md, Catch::Contains("出席6名、来賓・職員1名"));
  CHECK_THAT(md, Catch::Contains("一関市 まちづくり推進課 一関 太郎 様"));
  CHECK_THAT(md, Catch::Contains("第1号議案　夏祭りの開催について"));
  CHECK_THAT(md, Catch::Contains("賛成5、反対1、棄権0で原案のとおり可決した。"));
  CHECK_THAT(md, Catch::Contains("テントを点検する"));
  CHECK_THAT(md, Catch::Contains("議事録署名人　佐藤 一郎"));
  CHECK_THAT(md, !Catch::Contains("定足数"));  // a 役員会 has none
}

TEST_CASE("meetings export to iCalendar with stable UIDs, place and agenda") {
  test::Roster r;
  const MeetingId id = r.meeting("総会", {2026, 4, 19});
  add_item(r.db(), id, "役員の選任について");
  const std::string ics = meetings_ics(r.db(), {get_meeting(r.db(), id)}, "わっしょい第一自治会");
  CHECK_THAT(ics, Catch::Contains("BEGIN:VCALENDAR"));
  CHECK_THAT(ics, Catch::Contains("UID:minutes-" + std::to_string(id) + "@wasshoi"));
  CHECK_THAT(ics, Catch::Contains("DTSTART;TZID=Asia/Tokyo:20260419T100000"));
  CHECK_THAT(ics, Catch::Contains("SUMMARY:令和8年度 定期総会"));
  CHECK_THAT(test::squeeze(ics), Catch::Contains("役員の選任"));
  CHECK_THAT(ics, Catch::Contains("\r\n"));
}

TEST_CASE("the 行事一覧 of a 年度 lists its meetings in date order with 和暦 and 西暦 and the place") {
  test::Roster r(5);
  r.meeting("総会", {2026, 4, 19});
  r.meeting("役員会", {2026, 3, 10});  // 令和7年度
  r.meeting("役員会", {2027, 3, 14});  // the last month of 令和8年度
  r.meeting("班長会", {2026, 11, 3});
  const auto doc = events_document(r.db(), r.orgs(), r.org(), 2026);
  CHECK(doc.is_landscape());
  CHECK(doc.page_count() == 1);
  const auto pdf = r.tmp / "events.pdf";
  doc.save_pdf(pdf);
  const std::string t = test::squeeze(test::pdf_text(pdf));
  CHECK(t.find("令和8年度行事一覧") != std::string::npos);
  const auto a = t.find("令和8年4月19日（日）"), b = t.find("令和8年11月3日（火）"),
             c = t.find("令和9年3月14日（日）");
  REQUIRE(a != std::string::npos);
  REQUIRE(b != std::string::npos);
  REQUIRE(c != std::string::npos);
  CHECK((a < b && b < c));
  CHECK(t.find("2026年4月19日") != std::string::npos);
  CHECK(t.find("10:00〜12:00") != std::string::npos);
  CHECK(t.find("わっしょい第一自治会集会所") != std::string::npos);
  CHECK(t.find("令和8年3月10日") == std::string::npos);  // another 年度
  CHECK(t.find("全3件") != std::string::npos);
  CHECK(t.find("髙橋") == std::string::npos);  // no persons on a list for the 回覧板
}

TEST_CASE("the minutes of 役員の選任 name who was elected, from the roles of the 年度, once it is approved") {
  test::Roster r;
  const MeetingId id = r.meeting("総会", {2026, 4, 25});
  for (const auto& p : r.persons(6)) add_member(r.db(), r.members(), id, p.id);
  add_item(r.db(), id, "令和7年度 事業報告について");
  add_item(r.db(), id, "令和8年度 役員の選任について");
  record_vote(r.db(), id, 1, Votes{6, 0, 0});
  const auto officers = r.members().officers(r.db(), r.org(), 2026);
  REQUIRE(officers.size() >= 3);
  // Not decided yet: no list.
  CHECK_THAT(minutes_document(r.db(), r.orgs(), &r.members(), id).to_markdown(),
             !Catch::Contains("選任された役員"));
  record_vote(r.db(), id, 2, Votes{6, 0, 0});
  const auto doc = minutes_document(r.db(), r.orgs(), &r.members(), id);
  const std::string md = doc.to_markdown();
  CHECK_THAT(md, Catch::Contains("選任された役員（令和8年度）"));
  // Under the 2nd item, not the 1st.
  CHECK(md.find("選任された役員") > md.find("第2号議案"));
  for (const auto& o : officers) {
    INFO(o.role << " " << o.person.name);
    CHECK_THAT(md, Catch::Contains(o.person.name));
  }
  // On paper too, 役職 beside 氏名.
  const auto pdf = r.tmp / "soukai.pdf";
  doc.save_pdf(pdf);
  const std::string text = test::squeeze(test::pdf_text(pdf));
  CHECK_THAT(text, Catch::Contains("選任された役員"));
  std::string first = officers.front().role + officers.front().person.name;  // 会長伊藤　誠
  for (auto at = first.find("\u3000"); at != std::string::npos; at = first.find("\u3000")) first.erase(at, 3);
  std::string flat = text;
  for (auto at = flat.find("\u3000"); at != std::string::npos; at = flat.find("\u3000")) flat.erase(at, 3);
  CHECK_THAT(flat, Catch::Contains(test::squeeze(first)));
  // Without the members plugin the item's notes carry the names: no list, no failure.
  CHECK_THAT(minutes_document(r.db(), r.orgs(), nullptr, id).to_markdown(),
             !Catch::Contains("選任された役員"));
}
