// Meetings: kinds, times, titles, places, templates, the MeetingDirectory service.
#include "core/meetings.hpp"

#include <catch2/catch.hpp>
#include <wasshoi/sdk/meeting_directory.hpp>

#include "core/agenda.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;

TEST_CASE("a meeting whose end is before its start is refused and nothing is written") {
  test::Roster r;
  MeetingInput in{r.org(), "役員会", {}, {{2026, 5, 9}, 19, 0}, {{2026, 5, 9}, 18, 0}, "集会所", {}, {}, {}};
  CHECK_THROWS_WITH(add_meeting(r.db(), in, nullptr), Catch::Contains("must be after the start"));
  in.end = in.start;
  CHECK_THROWS_AS(add_meeting(r.db(), in, nullptr), sdk::InputError);
  CHECK(test::count_rows(r.db(), "minutes_meetings") == 0);
}

TEST_CASE("an unknown meeting kind is refused, naming the kinds, an organization adds its own") {
  test::Roster r;
  MeetingInput in{r.org(), "防災訓練反省会", {}, {{2026, 9, 6}, 13, 0}, {{2026, 9, 6}, 14, 0}, {}, {}, {},
                  {}};
  CHECK_THROWS_WITH(
      add_meeting(r.db(), in, nullptr),
      Catch::Contains(
          "総会, 臨時総会, 役員会, 班長会, 地域協働推進会議, まちづくり懇談会, 説明会, ワークショップ"));
  add_kind(r.db(), r.org(), "防災訓練反省会", false);
  const MeetingId id = add_meeting(r.db(), in, nullptr);
  CHECK(get_meeting(r.db(), id).kind == "防災訓練反省会");
  CHECK_THROWS(find_kind(r.db(), r.opts.jichikai[1], "防災訓練反省会"));  // only for that 自治会
}

TEST_CASE("meetings get the usual titles, numbered within the 年度") {
  test::Roster r;
  const MeetingId sokai = r.meeting("総会", {2026, 4, 19});
  const MeetingId b1 = r.meeting("役員会", {2026, 5, 9});
  const MeetingId b2 = r.meeting("役員会", {2026, 6, 13});
  const MeetingId b3 = r.meeting("役員会", {2027, 4, 10});
  CHECK(get_meeting(r.db(), sokai).title == "令和8年度 定期総会");
  CHECK(get_meeting(r.db(), sokai).general_assembly);
  CHECK(get_meeting(r.db(), b1).title == "令和8年度 第1回 役員会");
  CHECK(get_meeting(r.db(), b2).title == "令和8年度 第2回 役員会");
  CHECK(get_meeting(r.db(), b3).title == "令和9年度 第1回 役員会");
  CHECK_FALSE(get_meeting(r.db(), b1).general_assembly);
}

TEST_CASE("templates give the usual 総会 and 役員会 agendas") {
  test::Roster r;
  const MeetingId sokai = r.meeting("総会", {2026, 4, 19});
  CHECK(apply_template(r.db(), sokai) == 6);
  auto items = agenda(r.db(), sokai);
  CHECK(items[0].title == "令和7年度 事業報告について");
  CHECK(items[3].title == "令和8年度 事業計画（案）について");
  CHECK(items[5].number == 6);
  const MeetingId board = r.meeting("役員会", {2026, 5, 9});
  apply_template(r.db(), board);
  CHECK(agenda(r.db(), board).front().title == "前回議事録の承認について");
}

TEST_CASE("a booking id without the booking plugin is refused, free text is the place otherwise") {
  test::Roster r;
  MeetingInput in{r.org(), "説明会", {}, {{2026, 7, 4}, 10, 0}, {{2026, 7, 4}, 11, 0}, "  公民館 和室 ",
                  42,      {},       {}};
  CHECK_THROWS_WITH(add_meeting(r.db(), in, nullptr), Catch::Contains("booking plugin"));
  in.booking_id.reset();
  CHECK(get_meeting(r.db(), add_meeting(r.db(), in, nullptr)).place == "公民館 和室");
}

TEST_CASE("the MeetingDirectory service lists an organization's meetings for other plugins") {
  test::Roster r;
  const MeetingId id = r.meeting("総会", {2026, 4, 19});
  r.meeting("役員会", {2026, 5, 9});
  auto dir = r.app.services().find<sdk::MeetingDirectory>();
  REQUIRE(dir);
  auto ref = dir->meeting(r.db(), id);
  REQUIRE(ref);
  CHECK(ref->kind == "総会");
  CHECK(ref->state == "draft");
  CHECK(dir->meetings(r.db(), r.org(), {2026, 4, 1}, {2026, 4, 30}).size() == 1);
  CHECK(dir->meetings(r.db(), r.org(), {2026, 4, 1}, {2027, 3, 31}).size() == 2);
  CHECK_FALSE(dir->meeting(r.db(), 4242));
}

TEST_CASE(
    "adding a meeting with its template agenda is one act: audited minutes.add with the kind, nothing on "
    "refusal") {
  test::Roster r;
  MeetingInput in{r.org(), "総会", {}, {{2026, 4, 19}, 10, 0}, {{2026, 4, 19}, 12, 0}, "集会所", {}, {}, {}};
  const MeetingId id = schedule_meeting(r.db(), in, nullptr, true);
  CHECK(get_meeting(r.db(), id).title == "令和8年度 定期総会");
  CHECK(agenda(r.db(), id).size() == 6);
  CHECK(sdk::query_int(
            r.db(), "SELECT count(*) FROM audit_log WHERE action = 'minutes.add' AND detail = '総会'") == 1);
  in.kind = "役員会";
  const MeetingId bare = schedule_meeting(r.db(), in, nullptr, false);
  CHECK(agenda(r.db(), bare).empty());

  in.end = {{2026, 4, 19}, 9, 0};
  CHECK_THROWS_WITH(schedule_meeting(r.db(), in, nullptr, true), Catch::Contains("must be after the start"));
  in.end = {{2026, 4, 19}, 12, 0};
  in.booking_id = 1;
  CHECK_THROWS_WITH(schedule_meeting(r.db(), in, nullptr, true), Catch::Contains("needs the booking plugin"));
  CHECK(test::count_rows(r.db(), "minutes_meetings") == 2);
  CHECK(test::count_rows(r.db(), "minutes_items") == 6);
}
