// Attendance and the quorum of a 総会 (定足数): counted by household, 委任状 and 議決権行使書 included.
#include "core/quorum.hpp"

#include <catch2/catch.hpp>

#include "core/agenda.hpp"
#include "core/attendance.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;

namespace {

constexpr sdk::Date kDay{2026, 4, 19};

// Records `present`% of the member households present and `proxies`% by 委任状.
QuorumStatus hold_assembly(test::Roster& r, MeetingId id, int present, int proxies) {
  auto hs = r.households(r.org());
  const int base = r.members().member_household_count(r.db(), r.org(), kDay);
  const int n_present = base * present / 100, n_proxies = base * proxies / 100;
  REQUIRE(static_cast<int>(hs.size()) >= n_present + n_proxies);
  for (int i = 0; i < n_present; ++i)
    add_household(r.db(), r.members(), id, hs[static_cast<std::size_t>(i)].id);
  for (int i = n_present; i < n_present + n_proxies; ++i)
    add_absent_vote(r.db(), r.members(), id, hs[static_cast<std::size_t>(i)].id, AbsentVoteKind::Proxy,
                    "議長");
  return quorum(r.db(), r.members(), get_meeting(r.db(), id));
}

}  // namespace

TEST_CASE("a 総会 with 40% present and 15% 委任状 is quorate under the 過半数 rule and the PDF says so") {
  test::Roster r;
  const MeetingId id = r.meeting("総会", kDay);
  apply_template(r.db(), id);
  const QuorumStatus q = hold_assembly(r, id, 40, 15);
  CHECK(q.applies);
  CHECK(q.base == r.members().member_household_count(r.db(), r.org(), kDay));
  CHECK(q.counted == q.present + q.proxies);
  CHECK(q.required == q.base / 2 + 1);
  CHECK(q.quorate);
  const int voters_n = voters(r.db(), get_meeting(r.db(), id));
  record_vote(r.db(), id, 1, Votes{voters_n - 3, 2, 1});
  minutes_document(r.db(), r.orgs(), &r.members(), id).save_pdf(r.tmp / "sokai.pdf");
  const std::string text = test::squeeze(test::pdf_text(r.tmp / "sokai.pdf"));
  CHECK_THAT(text, Catch::Contains("本総会は成立した"));
  CHECK_THAT(text, Catch::Contains("令和8年4月19日"));
  CHECK_THAT(text, Catch::Contains("2026年4月19日"));
  CHECK_THAT(text, Catch::Contains("令和7年度事業報告について"));
  CHECK_THAT(text, Catch::Contains("役員の選任について"));
  CHECK_THAT(text, Catch::Contains("賛成" + std::to_string(voters_n - 3) + "、反対2、棄権1"));
  CHECK_THAT(text, Catch::Contains("委任状" + std::to_string(q.proxies) + "世帯"));
}

TEST_CASE("a 総会 below quorum says so in the minutes") {
  test::Roster r;
  const MeetingId id = r.meeting("総会", kDay);
  const QuorumStatus q = hold_assembly(r, id, 30, 10);
  CHECK_FALSE(q.quorate);
  minutes_document(r.db(), r.orgs(), &r.members(), id).save_pdf(r.tmp / "low.pdf");
  const std::string text = test::squeeze(test::pdf_text(r.tmp / "low.pdf"));
  CHECK_THAT(text, Catch::Contains("定足数に達していない"));
  CHECK_THAT(text, !Catch::Contains("成立した"));
}

TEST_CASE("the quorum is computed live from what is recorded") {
  test::Roster r;
  const MeetingId id = r.meeting("総会", kDay);
  auto hs = r.households(r.org());
  CHECK(quorum(r.db(), r.members(), get_meeting(r.db(), id)).counted == 0);
  add_household(r.db(), r.members(), id, hs[0].id);
  add_absent_vote(r.db(), r.members(), id, hs[1].id, AbsentVoteKind::Written);
  const auto q = quorum(r.db(), r.members(), get_meeting(r.db(), id));
  CHECK(q.present == 1);
  CHECK(q.written == 1);
  CHECK(q.counted == 2);
}

TEST_CASE("the quorum rule is stored per organization: 3分の2以上 without 委任状") {
  test::Roster r;
  set_quorum_rule(r.db(), r.org(), QuorumRule{2, 3, false, false, true});
  CHECK(describe(quorum_rule(r.db(), r.org())) == "会員世帯の3分の2以上（議決権行使書を含む）");
  CHECK(describe(quorum_rule(r.db(), r.opts.jichikai[1])) ==
        "会員世帯の過半数（委任状・議決権行使書を含む）");
  const MeetingId id = r.meeting("総会", kDay);
  const QuorumStatus q = hold_assembly(r, id, 40, 30);
  CHECK(q.counted == q.present);  // 委任状 not counted under this rule
  CHECK_FALSE(q.quorate);
  CHECK(required_count(QuorumRule{2, 3, false, true, true}, 90) == 60);
  CHECK(required_count(QuorumRule{}, 90) == 46);
  CHECK(required_count(QuorumRule{}, 91) == 46);
  CHECK_THROWS_WITH(set_quorum_rule(r.db(), r.org(), QuorumRule{3, 2, true, true, true}),
                    Catch::Contains("3/2"));
}

TEST_CASE("a household present cannot also send a 委任状, and 委任状 are for a 総会 only") {
  test::Roster r;
  const MeetingId id = r.meeting("総会", kDay);
  auto hs = r.households(r.org());
  add_household(r.db(), r.members(), id, hs[0].id);
  CHECK_THROWS_WITH(add_absent_vote(r.db(), r.members(), id, hs[0].id, AbsentVoteKind::Proxy),
                    Catch::Contains("is present"));
  CHECK_THROWS_WITH(add_household(r.db(), r.members(), id, hs[0].id), Catch::Contains("already present"));
  const MeetingId board = r.meeting("役員会", kDay.add_days(7));
  CHECK_THROWS_WITH(add_absent_vote(r.db(), r.members(), board, hs[1].id, AbsentVoteKind::Proxy),
                    Catch::Contains("総会 only"));
  CHECK(test::count_rows(r.db(), "minutes_absent_votes") == 0);
}

TEST_CASE("members of another 自治会 and unknown persons are refused at the attendance sheet") {
  test::Roster r;
  const MeetingId id = r.meeting("役員会", kDay);
  auto other = r.households(r.opts.jichikai[1]);
  REQUIRE_FALSE(other.empty());
  CHECK_THROWS_WITH(add_household(r.db(), r.members(), id, other[0].id), Catch::Contains("not a member"));
  CHECK_THROWS_WITH(add_member(r.db(), r.members(), id, 99999999),
                    Catch::Contains("no person with id 99999999"));
  add_guest(r.db(), id, "一関 太郎", "一関市 まちづくり推進課");
  CHECK(attendees(r.db(), id).size() == 1);
  CHECK(members_present(r.db(), id) == 0);  // guests do not vote
}

TEST_CASE("`minutes attend` records the whole change or, on the first refusal, nothing") {
  test::Roster r;
  const MeetingId id = r.meeting("役員会", kDay);
  auto ps = r.persons(3);
  REQUIRE(ps.size() == 3);
  AttendanceChange c;
  c.meeting = id;
  c.persons = {ps[0].id, ps[1].id};
  c.guest = "一関 太郎";
  c.affiliation = "地域担当職員";
  record_attendance(r.db(), &r.members(), c);
  CHECK(members_present(r.db(), id) == 2);
  CHECK(attendees(r.db(), id).size() == 3);
  CHECK(sdk::query_int(
            r.db(), "SELECT count(*) FROM audit_log WHERE action = 'minutes.attend' AND detail = 'meeting " +
                        std::to_string(id) + "'") == 1);

  AttendanceChange again;  // the third person, then one already present: all refused
  again.meeting = id;
  again.remove = {attendees(r.db(), id).front().id};
  again.persons = {ps[2].id, ps[1].id};
  again.guest = "地域 花子";
  CHECK_THROWS_WITH(record_attendance(r.db(), &r.members(), again),
                    Catch::Contains("already recorded as present"));
  CHECK(attendees(r.db(), id).size() == 3);
  CHECK(members_present(r.db(), id) == 2);

  AttendanceChange without_roster;  // without the members plugin only guests and removals work
  without_roster.meeting = id;
  without_roster.persons = {ps[2].id};
  CHECK_THROWS_WITH(record_attendance(r.db(), nullptr, without_roster), Catch::Contains("members plugin"));
  without_roster.persons.clear();
  without_roster.guest = "地域 花子";
  record_attendance(r.db(), nullptr, without_roster);
  CHECK(attendees(r.db(), id).size() == 4);
  CHECK_THROWS_WITH(record_attendance(r.db(), nullptr, {9999}), Catch::Contains("no meeting with id 9999"));
}
