// Action items: carried to the next meeting of the same organization while open; overdue list.
#include "core/actions.hpp"

#include <catch2/catch.hpp>

#include "core/agenda.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;

TEST_CASE("an action item left open at one 役員会 shows on the next one's agenda") {
  test::Roster r;
  const MeetingId may = r.meeting("役員会", {2026, 5, 9});
  add_item(r.db(), may, "街路灯の修繕について");
  const ActionId open =
      add_action(r.db(), {may, 1, "街路灯修繕の要望を市に提出する", "髙橋 一郎", sdk::Date{2026, 5, 31}});
  const ActionId done =
      add_action(r.db(), {may, std::nullopt, "集会所の鍵を交換する", "﨑山 花子", sdk::Date{2026, 5, 20}});
  set_action_done(r.db(), done, true, {2026, 5, 18});
  const MeetingId june = r.meeting("役員会", {2026, 6, 13});
  const MeetingId other = add_meeting(
      r.db(),
      {r.opts.jichikai[1], "役員会", {}, {{2026, 6, 13}, 19, 0}, {{2026, 6, 13}, 20, 0}, {}, {}, {}, {}},
      nullptr);

  auto carried = carried_actions(r.db(), june);
  REQUIRE(carried.size() == 1);
  CHECK(carried[0].id == open);
  CHECK(carried[0].meeting_title == "令和8年度 第1回 役員会");
  CHECK(carried_actions(r.db(), other).empty());  // another 自治会's meeting
  CHECK(carried_actions(r.db(), may).empty());

  const std::string md = minutes_document(r.db(), r.orgs(), &r.members(), june).to_markdown();
  CHECK_THAT(md, Catch::Contains("前回からの継続事項"));
  CHECK_THAT(md, Catch::Contains("街路灯修繕の要望を市に提出する"));
  CHECK_THAT(md, !Catch::Contains("集会所の鍵を交換する"));

  set_action_done(r.db(), open, true, {2026, 6, 20});
  const MeetingId july = r.meeting("役員会", {2026, 7, 11});
  CHECK(carried_actions(r.db(), july).empty());
  CHECK(carried_actions(r.db(), june).size() == 1);  // still open on the day of the June meeting
}

TEST_CASE("the overdue overview lists open items past their 期限 only") {
  test::Roster r;
  const MeetingId may = r.meeting("役員会", {2026, 5, 9});
  add_action(r.db(), {may, std::nullopt, "防災訓練の案内文を作成する", "防災担当", sdk::Date{2026, 6, 1}});
  add_action(r.db(), {may, std::nullopt, "敬老会の記念品を手配する", "会計", sdk::Date{2026, 9, 1}});
  const ActionId done = add_action(r.db(), {may, std::nullopt, "回覧を回す", "書記", sdk::Date{2026, 5, 15}});
  add_action(r.db(), {may, std::nullopt, "いつか検討する", "会長", std::nullopt});
  set_action_done(r.db(), done, true, {2026, 5, 14});
  auto overdue = overdue_actions(r.db(), r.org(), {2026, 7, 1});
  REQUIRE(overdue.size() == 1);
  CHECK(overdue[0].title == "防災訓練の案内文を作成する");
  CHECK(org_actions(r.db(), r.org(), true).size() == 3);
  CHECK(org_actions(r.db(), r.org(), false).size() == 4);
  CHECK_THROWS_WITH(add_action(r.db(), {may, 4, "x", "y", std::nullopt}), Catch::Contains("第4号議案"));
}
