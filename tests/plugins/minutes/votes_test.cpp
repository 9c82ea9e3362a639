// 議案 and 議決: counts checked against the attendance.
#include <catch2/catch.hpp>

#include "fixture.hpp"

#include "core/agenda.hpp"
#include "core/attendance.hpp"
#include "core/meetings.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;

namespace {
MeetingId board_with(test::Roster& r, int present) {
  const MeetingId id = r.meeting("役員会", {2026, 5, 9});
  for (const auto& p : r.persons(present)) add_member(r.db(), r.members(), id, p.id);
  add_guest(r.db(), id, "地域 花子", "地域担当職員");
  add_item(r.db(), id, "夏祭りの開催について", "雨天時は公民館で実施する。");
  return id;
}
}  // namespace

TEST_CASE("votes adding up to more than those present are refused and nothing is written") {
  test::Roster r;
  const MeetingId id = board_with(r, 8);
  CHECK(voters(r.db(), get_meeting(r.db(), id)) == 8);  // the guest does not vote
  CHECK_THROWS_WITH(record_vote(r.db(), id, 1, Votes{7, 1, 1}),
                    Catch::Contains("add up to 9") && Catch::Contains("only 8 may vote"));
  const AgendaItem item = get_item(r.db(), id, 1);
  CHECK_FALSE(item.votes);
  CHECK_FALSE(item.result);
}

TEST_CASE("a vote records the counts and the result, 可決 needs more than half of the votes cast") {
  test::Roster r;
  const MeetingId id = board_with(r, 8);
  CHECK(record_vote(r.db(), id, 1, Votes{6, 1, 1}) == VoteResult::Approved);
  CHECK(get_item(r.db(), id, 1).votes->in_favour == 6);
  CHECK(record_vote(r.db(), id, 1, Votes{4, 3, 1}) == VoteResult::Rejected);
  CHECK(record_vote(r.db(), id, 1, Votes{4, 3, 1}, VoteResult::Continued) == VoteResult::Continued);
  continue_item(r.db(), id, 1);
  CHECK_FALSE(get_item(r.db(), id, 1).votes);
  CHECK(get_item(r.db(), id, 1).result == VoteResult::Continued);
}

TEST_CASE("at a 総会 the voters are households present plus 委任状 and 議決権行使書") {
  test::Roster r;
  const MeetingId id = r.meeting("総会", {2026, 4, 19});
  add_item(r.db(), id, "令和8年度 事業計画（案）について");
  auto hs = r.households(r.org());
  for (int i = 0; i < 5; ++i) add_household(r.db(), r.members(), id, hs[static_cast<std::size_t>(i)].id);
  add_absent_vote(r.db(), r.members(), id, hs[5].id, AbsentVoteKind::Proxy);
  add_absent_vote(r.db(), r.members(), id, hs[6].id, AbsentVoteKind::Written);
  CHECK(voters(r.db(), get_meeting(r.db(), id)) == 7);
  CHECK_NOTHROW(record_vote(r.db(), id, 1, Votes{6, 1, 0}));
  CHECK_THROWS_WITH(record_vote(r.db(), id, 1, Votes{7, 1, 0}), Catch::Contains("委任状"));
}

TEST_CASE("an unknown 議案 number is named") {
  test::Roster r;
  const MeetingId id = board_with(r, 3);
  CHECK_THROWS_WITH(record_vote(r.db(), id, 7, Votes{1, 0, 0}), Catch::Contains("第7号議案"));
  CHECK_THROWS_WITH(record_vote(r.db(), 9999, 1, Votes{1, 0, 0}), Catch::Contains("no meeting with id 9999"));
  CHECK_THROWS_WITH(add_item(r.db(), id, "   "), Catch::Contains("needs a title"));
}
