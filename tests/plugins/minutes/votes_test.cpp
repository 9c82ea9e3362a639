// 議案 and 議決: counts checked against the attendance.
#include <catch2/catch.hpp>

#include "core/agenda.hpp"
#include "core/attendance.hpp"
#include "core/meetings.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;
// edit_item / vote_item without the roster (their overloads with a MemberDirectory are elections_test's).
using Act = void (*)(sdk::Database&, MeetingId, int, const ItemOutcome&);

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

// The 議決 rule the 議案と議決 panel (edit_item) and `minutes vote` (vote_item) share, tested once here.
namespace {
std::int64_t audited(test::Roster& r, const std::string& action, const std::string& detail) {
  sdk::Statement st(r.db(), "SELECT count(*) FROM audit_log WHERE action = ? AND detail = ?");
  st.bind_all(action, detail);
  st.step();
  return st.get_int(0);
}
}  // namespace

TEST_CASE(
    "saving a 議案 without a count or a result keeps the notes only, 継続審議 without a count clears it") {
  test::Roster r;
  const MeetingId id = board_with(r, 8);
  record_vote(r.db(), id, 1, Votes{5, 2, 1});
  edit_item(r.db(), id, 1, {"雨天時は体育館で実施する。", std::nullopt, std::nullopt});
  AgendaItem item = get_item(r.db(), id, 1);
  CHECK(item.discussion == "雨天時は体育館で実施する。");
  CHECK(item.votes->in_favour == 5);  // the 議決 is left as it was
  CHECK(item.result == VoteResult::Approved);
  CHECK(audited(r, "minutes.item_edit", "夏祭りの開催について") == 1);

  edit_item(r.db(), id, 1, {std::nullopt, std::nullopt, VoteResult::Continued});
  item = get_item(r.db(), id, 1);
  CHECK_FALSE(item.votes);
  CHECK(item.result == VoteResult::Continued);
  CHECK(item.discussion == "雨天時は体育館で実施する。");

  edit_item(r.db(), id, 1, {std::nullopt, Votes{3, 4, 1}, std::nullopt});  // a count alone decides
  CHECK(get_item(r.db(), id, 1).result == VoteResult::Rejected);
  edit_item(r.db(), id, 1,
            {std::nullopt, Votes{3, 4, 1}, VoteResult::Continued});  // 継続審議 with a count keeps it
  CHECK(get_item(r.db(), id, 1).votes->against == 4);
  CHECK(get_item(r.db(), id, 1).result == VoteResult::Continued);
}

TEST_CASE("a refused count leaves the notes given with it unwritten too") {
  test::Roster r;
  const MeetingId id = board_with(r, 8);
  for (auto act : {static_cast<Act>(edit_item), static_cast<Act>(vote_item)})
    CHECK_THROWS_WITH(act(r.db(), id, 1, {"書き換えた要旨", Votes{7, 1, 1}, std::nullopt}),
                      Catch::Contains("only 8 may vote"));
  const AgendaItem item = get_item(r.db(), id, 1);
  CHECK(item.discussion == "雨天時は公民館で実施する。");
  CHECK_FALSE(item.votes);
  CHECK(sdk::query_int(r.db(),
                       "SELECT count(*) FROM audit_log WHERE action IN ('minutes.item_edit', "
                       "'minutes.vote', 'minutes.discussion')") == 0);
}

TEST_CASE("`minutes vote` records a count of none as 否決 and audits minutes.vote for the meeting") {
  test::Roster r;
  const MeetingId id = board_with(r, 8);
  vote_item(r.db(), id, 1, {std::nullopt, Votes{}, std::nullopt});
  CHECK(get_item(r.db(), id, 1).result == VoteResult::Rejected);
  CHECK(get_item(r.db(), id, 1).votes->total() == 0);
  vote_item(r.db(), id, 1, {"継続して検討する。", Votes{}, VoteResult::Continued});
  CHECK_FALSE(get_item(r.db(), id, 1).votes);
  CHECK(get_item(r.db(), id, 1).discussion == "継続して検討する。");
  CHECK(audited(r, "minutes.vote", "meeting " + std::to_string(id)) == 2);
  CHECK_THROWS_WITH(vote_item(r.db(), id, 7, {std::nullopt, Votes{1, 0, 0}, std::nullopt}),
                    Catch::Contains("第7号議案"));
}

TEST_CASE("`minutes item` adds the template and a title together, or refuses naming what is missing") {
  test::Roster r;
  const MeetingId id = r.meeting("役員会", {2026, 5, 9});
  CHECK_THROWS_WITH(add_items(r.db(), id, "", "", false), Catch::Contains("TITLE or --template"));
  CHECK_THROWS_WITH(add_items(r.db(), 9999, "防犯灯について", "", false),
                    Catch::Contains("no meeting with id 9999"));
  const ItemId item = add_items(r.db(), id, "防犯灯について", "二か所で球切れ。", true);
  const auto items = agenda(r.db(), id);
  REQUIRE(items.size() == 5);  // 4 template items of a 役員会, then the title
  CHECK(items.front().title == "前回議事録の承認について");
  CHECK(items.back().id == item);
  CHECK(items.back().discussion == "二か所で球切れ。");
  CHECK(add_items(r.db(), id, "", "", true) == 0);
  CHECK(audited(r, "minutes.item_add", "meeting " + std::to_string(id)) == 2);
}

TEST_CASE("a negative count is refused from either front end, also with 継続審議 or adding up to 0") {
  test::Roster r;
  const MeetingId id = board_with(r, 8);
  for (auto act : {static_cast<Act>(edit_item), static_cast<Act>(vote_item)}) {
    CHECK_THROWS_WITH(act(r.db(), id, 1, {"要旨", Votes{1, -1, 0}, VoteResult::Continued}),
                      Catch::Contains("cannot be negative"));
    CHECK_THROWS_WITH(act(r.db(), id, 1, {"要旨", Votes{1, -1, 0}, std::nullopt}),
                      Catch::Contains("cannot be negative"));
  }
  CHECK_FALSE(get_item(r.db(), id, 1).result);
  CHECK(get_item(r.db(), id, 1).discussion == "雨天時は公民館で実施する。");
}
