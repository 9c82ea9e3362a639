// The life-cycle on a real database with the real minutes and issues plugins: what blocks
// submission, approval by a 役員会 recorded in the minutes plugin, the answer moving the issues of
// the issues plugin, carry-over into the next 年度.
#include "core/lifecycle.hpp"

#include <catch2/catch.hpp>
#include <wasshoi/sdk/error.hpp>

#include "core/dashboard.hpp"
#include "core/proposals.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::proposals;
using Catch::Matchers::Contains;

namespace {
ProposalId submitted_with_issues(test::ProposalsFixture& f, std::vector<std::int64_t>& issue_ids) {
  ProposalId id = f.draft_without_history();
  add_history(f.db(), id, {0, sdk::Date{2025, 11, 2}, "自治会費で防犯灯2基を設置した。"});
  for (const char* t : {"通学路が暗い", "北側の道で不審者"}) {  // raised in April, before the 要望書
    issue_ids.push_back(f.cli_json({"issues", "add", "--org", std::to_string(f.first), "--title", t,
                                    "--category", "防犯", "--date", "2026-04-01"})["id"]
                            .get<std::int64_t>());
    link_issue(f.db(), id, &f.issues(), issue_ids.back());
  }
  approve(f.db(), f.orgs(), id, &f.meetings(), f.board);
  submit(f.db(), f.orgs(), id, {2026, 5, 20}, "", &f.issues());
  return id;
}
}  // namespace

TEST_CASE(
    "submitting a proposal with an empty 経過 is refused naming 経過, after filling it and linking the "
    "役員会 from the minutes plugin it is submitted") {
  test::ProposalsFixture f;
  ProposalId id = f.draft_without_history();
  auto audit_before = f.count("audit_log");
  REQUIRE_THROWS_WITH(submit(f.db(), f.orgs(), id, {2026, 5, 20}, "", &f.issues()),
                      "cannot submit proposal 1: 経過 is empty; no approving minutes linked");
  CHECK(get_proposal(f.db(), f.orgs(), id).state == State::Draft);
  CHECK(f.count("audit_log") == audit_before);

  add_history(f.db(), id,
              {0, sdk::Date{2025, 11, 2}, "自治会費で防犯灯2基を設置したが、なお暗い区間が残る。"});
  REQUIRE_THROWS_WITH(submit(f.db(), f.orgs(), id, {2026, 5, 20}, "", &f.issues()),
                      Contains("no approving minutes linked") && !Contains("経過"));
  approve(f.db(), f.orgs(), id, &f.meetings(), f.board);
  submit(f.db(), f.orgs(), id, {2026, 5, 20}, "", &f.issues());

  Proposal p = get_proposal(f.db(), f.orgs(), id);
  CHECK(p.state == State::Submitted);
  CHECK(p.submitted_on == sdk::Date{2026, 5, 20});
  CHECK(p.submitted_to == "一関市長");
  CHECK(p.approved_meeting_label == "役員会「令和8年度 第2回役員会」");
  CHECK(p.approved_on == sdk::Date{2026, 5, 10});  // the meeting's date, as the minutes plugin has it
}

TEST_CASE("a proposal with no section filled lists every missing part at once") {
  test::ProposalsFixture f;
  ProposalId id = add_proposal(
      f.db(), f.orgs(), {f.first, "集会所の改修", Kind::Policy, Addressee::Mayor, 0, "", "", {2026, 4, 1}});
  REQUIRE_THROWS_WITH(
      submit(f.db(), f.orgs(), id, {2026, 5, 20}, "", nullptr),
      "cannot submit proposal 1: 意見集約の方法 is empty; 経過 is empty; 具体的な提案 is empty; "
      "no approving minutes linked");
}

TEST_CASE("only a 役員会 or 総会 of the proposal's own organization approves it") {
  test::ProposalsFixture f;
  ProposalId id = f.draft_without_history();
  REQUIRE_THROWS_WITH(approve(f.db(), f.orgs(), id, &f.meetings(), f.han_meeting),
                      Contains("班長会") && Contains("役員会 or 総会"));
  auto other = f.add_meeting(f.second, "役員会", "第二自治会 役員会", {2026, 5, 1});
  REQUIRE_THROWS_WITH(approve(f.db(), f.orgs(), id, &f.meetings(), other),
                      Contains("not a meeting of わっしょい第一自治会"));
  REQUIRE_THROWS_WITH(approve(f.db(), f.orgs(), id, nullptr, f.board), Contains("needs the minutes plugin"));
  CHECK(get_proposal(f.db(), f.orgs(), id).state == State::Draft);
}

TEST_CASE(
    "recording an answer 対応する moves the linked issues to 解決, as the issues plugin reads them back") {
  test::ProposalsFixture f;
  std::vector<std::int64_t> ids;
  ProposalId id = submitted_with_issues(f, ids);
  for (auto i : ids)
    CHECK(f.issues().issue(f.db(), i)->status == sdk::issue_status::kToCity);  // on submission

  auto r = record_answer(
      f.db(), f.orgs(), id,
      {sdk::Date{2026, 6, 30}, AnswerCategory::WillDo, "令和8年度中に3基を設置します。", "建設部道路課長"},
      &f.issues());
  REQUIRE(r.issues.size() == 2);
  for (auto i : ids) {
    CHECK(f.issues().issue(f.db(), i)->status == sdk::issue_status::kResolved);
    auto notes = f.issue_notes(i);  // wasshoi-cli issues show: the issue's own history
    REQUIRE(notes.size() >= 2);
    CHECK_THAT(notes[notes.size() - 2], Contains("要望書「通学路への防犯灯の増設」") && Contains("一関市長"));
    CHECK_THAT(notes.back(), Contains("対応する") && Contains("3基を設置"));
    // Dated when it happened (the submission, the answer), not the day it was recorded.
    auto shown = f.cli_json({"issues", "show", std::to_string(i)});
    REQUIRE(shown["history"].size() == 3);
    CHECK(shown["history"][1]["on"] == "2026-05-20");
    CHECK(shown["history"][2]["on"] == "2026-06-30");
  }
  CHECK(get_proposal(f.db(), f.orgs(), id).state == State::Answered);
}

TEST_CASE("an answer 対応困難 sends open issues back to 検討中 and leaves closed ones alone") {
  test::ProposalsFixture f;
  std::vector<std::int64_t> ids;
  ProposalId id = submitted_with_issues(f, ids);
  f.issues().set_status(f.db(), ids[1], sdk::issue_status::kResolved, "自治会で解決", {2026, 5, 25});
  auto r =
      record_answer(f.db(), f.orgs(), id,
                    {sdk::Date{2026, 6, 30}, AnswerCategory::Difficult, "予算上困難です。", ""}, &f.issues());
  CHECK(f.issues().issue(f.db(), ids[0])->status == sdk::issue_status::kConsidering);
  CHECK(f.issues().issue(f.db(), ids[1])->status == sdk::issue_status::kResolved);
  CHECK(r.issues[1].to.empty());
  CHECK_THAT(r.issues[1].reason, Contains("closed"));
}

TEST_CASE("an answer before the submission date is refused and nothing is written") {
  test::ProposalsFixture f;
  std::vector<std::int64_t> ids;
  ProposalId id = submitted_with_issues(f, ids);
  REQUIRE_THROWS_WITH(record_answer(f.db(), f.orgs(), id,
                                    {sdk::Date{2026, 5, 1}, AnswerCategory::WillDo, "", ""}, &f.issues()),
                      Contains("before the submission"));
  CHECK(f.count("proposals_answers") == 0);
  CHECK(f.issues().issue(f.db(), ids[0])->status == sdk::issue_status::kToCity);
}

TEST_CASE("a submitted proposal can no longer be edited") {
  test::ProposalsFixture f;
  std::vector<std::int64_t> ids;
  ProposalId id = submitted_with_issues(f, ids);
  REQUIRE_THROWS_WITH(add_history(f.db(), id, {0, sdk::Date{2026, 6, 1}, "追記"}),
                      Contains("can no longer be changed"));
}

TEST_CASE("a proposal carried over is listed in the next 年度 as continuing, with progress and closing") {
  test::ProposalsFixture f;
  std::vector<std::int64_t> ids;
  ProposalId id = submitted_with_issues(f, ids);
  record_answer(f.db(), f.orgs(), id,
                {sdk::Date{2026, 6, 30}, AnswerCategory::WillConsider, "除雪計画の見直しで検討します。", ""},
                &f.issues());
  carry_over(f.db(), f.orgs(), id, 2027);
  REQUIRE_THROWS_WITH(carry_over(f.db(), f.orgs(), id, 2027), Contains("is not after"));
  auto next = list_proposals(f.db(), f.orgs(), f.first, 2027);
  REQUIRE(next.size() == 1);
  CHECK(next[0].continuing);
  CHECK(next[0].state == State::Continuing);
  add_progress(f.db(), f.orgs(), id, {0, sdk::Date{2027, 5, 1}, "優先除雪路線に指定されたとの連絡"});
  close(f.db(), f.orgs(), id, {2027, 5, 2}, "");
  CHECK(get_proposal(f.db(), f.orgs(), id).state == State::Closed);
  CHECK(get_proposal(f.db(), f.orgs(), id).progress.size() == 2);
}

TEST_CASE("the dashboard of a 地域協働体 counts its 自治会' proposals together") {
  test::ProposalsFixture f;
  std::vector<std::int64_t> ids;
  ProposalId id = submitted_with_issues(f, ids);
  record_answer(f.db(), f.orgs(), id, {sdk::Date{2026, 6, 30}, AnswerCategory::WillDo, "", ""}, &f.issues());
  add_proposal(
      f.db(), f.orgs(),
      {f.second, "空き家への指導", Kind::Petition, Addressee::Department, f.parks, "", "", {2026, 6, 1}});
  Dashboard d = dashboard(f.db(), f.orgs(), f.kyodotai);
  CHECK(d.by_year[2026][State::Answered] == 1);
  CHECK(d.by_year[2026][State::Draft] == 1);
  CHECK(d.submitted == 1);
  CHECK(d.share_answered == Approx(1.0));
  CHECK(*d.mean_days_to_answer == Approx(41));  // 2026-05-20 → 2026-06-30
  CHECK(dashboard(f.db(), f.orgs(), f.first).by_year[2026][State::Draft] == 0);
}

TEST_CASE("an addressee that is not a city body is refused") {
  test::ProposalsFixture f;
  REQUIRE_THROWS_WITH(
      add_proposal(f.db(), f.orgs(),
                   {f.first, "件名", Kind::Request, Addressee::Department, f.second, "", "", {2026, 4, 1}}),
      Contains("is not a city body"));
  REQUIRE_THROWS_WITH(
      add_proposal(f.db(), f.orgs(),
                   {f.first, "件名", Kind::Request, Addressee::Mayor, f.road, "", "", {2026, 4, 1}}),
      Contains("give the city itself"));
  CHECK(f.count("proposals_proposals") == 0);
}
