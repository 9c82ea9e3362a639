// draft → signed (two 議事録署名人) → approved at a later meeting; locked; logged re-open.
#include "core/approval.hpp"

#include <catch2/catch.hpp>

#include "core/agenda.hpp"
#include "core/meetings.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;

namespace {
struct Pair {
  MeetingId may, june;
};
Pair two_meetings(test::Roster& r) {
  Pair p{r.meeting("役員会", {2026, 5, 9}), r.meeting("役員会", {2026, 6, 13})};
  add_item(r.db(), p.may, "夏祭りの開催について");
  return p;
}
}  // namespace

TEST_CASE("signing needs two different 議事録署名人") {
  test::Roster r;
  auto p = two_meetings(r);
  CHECK_THROWS_WITH(sign(r.db(), p.may, {"佐藤 一郎"}, {2026, 5, 16}), Catch::Contains("two 議事録署名人"));
  CHECK_THROWS_WITH(sign(r.db(), p.may, {"佐藤 一郎", "佐藤　一郎"}, {2026, 5, 16}),
                    Catch::Contains("two different people"));
  CHECK(get_meeting(r.db(), p.may).state == MinutesState::Draft);
  CHECK(test::count_rows(r.db(), "minutes_signatories") == 0);
  sign(r.db(), p.may, {"佐藤 一郎", "鈴木 花子"}, {2026, 5, 16});
  CHECK(get_meeting(r.db(), p.may).state == MinutesState::Signed);
  CHECK(signatories(r.db(), p.may).size() == 2);
}

TEST_CASE("minutes are approved at a later meeting, once, unsigned minutes cannot be approved") {
  test::Roster r;
  auto p = two_meetings(r);
  CHECK_THROWS_WITH(approve(r.db(), p.may, p.june), Catch::Contains("not signed yet"));
  sign(r.db(), p.may, {"佐藤 一郎", "鈴木 花子"}, {2026, 5, 16});
  CHECK_THROWS_WITH(approve(r.db(), p.may, p.may), Catch::Contains("later meeting"));
  CHECK_THROWS_WITH(approve(r.db(), p.june, p.may), Catch::Contains("not signed"));
  approve(r.db(), p.may, p.june);
  const Meeting m = get_meeting(r.db(), p.may);
  CHECK(m.state == MinutesState::Approved);
  CHECK(m.approved_at == p.june);
  CHECK_THROWS_WITH(approve(r.db(), p.may, p.june),
                    Catch::Contains("approved already, at meeting " + std::to_string(p.june)));
}

TEST_CASE("approved minutes are locked, an explicit re-open is logged and unlocks them") {
  test::Roster r;
  auto p = two_meetings(r);
  sign(r.db(), p.may, {"佐藤 一郎", "鈴木 花子"}, {2026, 5, 16});
  approve(r.db(), p.may, p.june);
  CHECK_THROWS_WITH(add_item(r.db(), p.may, "追加の議案"), Catch::Contains("approved and locked"));
  CHECK_THROWS_WITH(set_discussion(r.db(), p.may, 1, "書き換え"), Catch::Contains("reopen"));
  CHECK(agenda(r.db(), p.may).size() == 1);
  CHECK_THROWS_WITH(reopen(r.db(), p.may, "  "), Catch::Contains("reason"));
  reopen(r.db(), p.may, "第1号議案の誤記訂正");
  auto log = reopenings(r.db(), p.may);
  REQUIRE(log.size() == 1);
  CHECK(log[0].reason == "第1号議案の誤記訂正");
  CHECK(log[0].actor == "test");
  CHECK(sdk::query_int(r.db(), "SELECT count(*) FROM audit_log WHERE action = 'minutes.reopen'") == 1);
  CHECK(get_meeting(r.db(), p.may).state == MinutesState::Draft);
  CHECK_NOTHROW(set_discussion(r.db(), p.may, 1, "訂正後の要旨"));
}

TEST_CASE("changing signed minutes voids the signatures") {
  test::Roster r;
  auto p = two_meetings(r);
  sign(r.db(), p.may, {"佐藤 一郎", "鈴木 花子"}, {2026, 5, 16});
  CHECK_THROWS_WITH(sign(r.db(), p.may, {"佐藤 一郎", "鈴木 花子"}, {2026, 5, 16}),
                    Catch::Contains("signed already"));
  set_discussion(r.db(), p.may, 1, "要旨を追記");
  CHECK(get_meeting(r.db(), p.may).state == MinutesState::Draft);
  CHECK(signatories(r.db(), p.may).empty());
}
