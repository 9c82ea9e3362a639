// A proposal whose stored dates are not dates (a hand-edited file): it used to be unreadable
// ("stored date … is not a date" for the whole list); now it reads, lists and prints with
// 日付不明 where the date was, and a section entry can be replaced. sdk/db.hpp's policy.
#include <algorithm>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/documents.hpp"
#include "core/lifecycle.hpp"
#include "core/proposals.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::proposals;
using nlohmann::json;

namespace {

// Drafted, approved at the 役員会, submitted, answered; then every date of it broken by hand.
ProposalId answered_then_broken(test::ProposalsFixture& f) {
  ProposalId id = f.draft_without_history();
  add_history(f.db(), id, {0, sdk::Date{2025, 11, 2}, "自治会費で防犯灯2基を設置した。"});
  approve(f.db(), f.orgs(), id, &f.meetings(), f.board);
  submit(f.db(), f.orgs(), id, {2026, 5, 20}, "", &f.issues());
  record_answer(f.db(), f.orgs(), id,
                {sdk::Date{2026, 6, 30}, AnswerCategory::WillDo, "設置します。", "道路課長"}, &f.issues());
  add_progress(f.db(), f.orgs(), id, {0, sdk::Date{2026, 8, 1}, "業者決定"});
  const std::string p = std::to_string(id);
  f.db().exec("UPDATE proposals_gatherings SET held_on = '5月3日' WHERE proposal_id = " + p);
  f.db().exec("UPDATE proposals_history SET on_date = '2025-11-31' WHERE proposal_id = " + p);
  f.db().exec("UPDATE proposals_answers SET answered_on = '' WHERE proposal_id = " + p);
  f.db().exec("UPDATE proposals_progress SET on_date = 'R8.8.1' WHERE proposal_id = " + p);
  f.db().exec("UPDATE proposals_proposals SET submitted_on = '2026-05-2O' WHERE id = " + p);  // letter O
  return id;
}

}  // namespace

TEST_CASE("proposals: a proposal with broken stored dates reads, lists and prints with 日付不明") {
  test::ProposalsFixture f;
  const ProposalId id = answered_then_broken(f);
  const ProposalId other = f.draft_without_history("公園の遊具の点検");

  Proposal p;
  REQUIRE_NOTHROW(p = get_proposal(f.db(), f.orgs(), id));
  REQUIRE(p.gatherings.size() == 2);
  for (const auto& g : p.gatherings) CHECK(g.held_on == std::nullopt);  // not a made-up date
  REQUIRE(p.history.size() == 1);
  CHECK(p.history[0].on == std::nullopt);
  REQUIRE(p.answer);
  CHECK(p.answer->on == std::nullopt);
  CHECK(p.answer->text == "設置します。");
  REQUIRE(p.progress.size() == 1);
  CHECK(p.progress[0].on == std::nullopt);
  CHECK(p.submitted_on == std::nullopt);
  CHECK(p.approved_on == sdk::Date{2026, 5, 10});  // the dates that were left alone still read
  CHECK(p.org_name == "わっしょい第一自治会");
  CHECK(p.addressee_org_name == "一関市");

  std::vector<ProposalSummary> list;
  REQUIRE_NOTHROW(list = list_proposals(f.db(), f.orgs(), f.kyodotai));
  REQUIRE(list.size() == 2);
  for (const auto& s : list) {
    CHECK(s.org_name == "わっしょい第一自治会");
    if (s.id == id) CHECK(s.answered_on == std::nullopt);
  }
  const std::string text = request_preview(f.db(), f.orgs(), p, signer_for(f.db(), p, &f.members()));
  CHECK_THAT(text, Catch::Contains("日付不明"));
  CHECK_NOTHROW(ledger_document(f.db(), f.orgs(), f.first, 2026));
  CHECK_NOTHROW(summary_csv(f.db(), f.orgs(), f.kyodotai, 2026));
  const auto others = get_proposal(f.db(), f.orgs(), other).gatherings;  // ordered by date
  REQUIRE(others.size() == 2);
  CHECK(others[0].held_on == sdk::Date{2026, 4, 15});
  CHECK(others[1].held_on == sdk::Date{2026, 5, 3});
}

TEST_CASE("proposals: a section entry with a broken date is replaced while the proposal is a draft") {
  test::ProposalsFixture f;
  const ProposalId id = f.draft_without_history();
  f.db().exec("UPDATE proposals_gatherings SET held_on = 'garbage' WHERE method = 'survey'");
  Proposal p = get_proposal(f.db(), f.orgs(), id);
  const auto broken =
      std::find_if(p.gatherings.begin(), p.gatherings.end(), [](const Gathering& g) { return !g.held_on; });
  REQUIRE(broken != p.gatherings.end());
  Gathering fixed = *broken;
  fixed.held_on = sdk::Date{2026, 4, 15};
  remove_entry(f.db(), id, Section::Gathering, broken->id);
  add_gathering(f.db(), id, fixed);
  for (const auto& g : get_proposal(f.db(), f.orgs(), id).gatherings) CHECK(g.held_on);
  Gathering undated = fixed;
  undated.held_on.reset();
  CHECK_THROWS_WITH(add_gathering(f.db(), id, undated), Catch::Contains("not a date"));
}

TEST_CASE("cli: `proposals list` and `show` go on past broken dates (null in JSON)") {
  test::ProposalsFixture f;
  const ProposalId id = answered_then_broken(f);
  const std::string org = std::to_string(f.first);
  f.close();
  json list = f.cli_json({"proposals", "list", "--org", org});
  REQUIRE(list.size() == 1);
  CHECK(list[0]["organization"] == "わっしょい第一自治会");
  json shown = f.cli_json({"proposals", "show", std::to_string(id), "--org", org});
  CHECK(shown["answer"]["date"].is_null());
  CHECK(shown["history"][0]["date"].is_null());
  auto text = f.cli({"proposals", "show", std::to_string(id), "--org", org});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("日付不明"));
}
