// A meeting, an action item or a signature whose stored date is not a date (a hand-edited file):
// the lists still show it (日付不明 / null), never fail for the whole organization, and
// `minutes reschedule` corrects a meeting. What needs the date refuses that one meeting.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/actions.hpp"
#include "core/approval.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "core/quorum.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::minutes;
using nlohmann::json;

namespace {
// February 30th: not a date, yet before end_at as text, so the table's CHECK lets it in.
void break_start(sdk::Database& db, MeetingId id) {
  sdk::Statement(db, "UPDATE minutes_meetings SET start_at = '2026-02-30T10:00' WHERE id = ?")
      .bind(1, id)
      .run();
}
}  // namespace

TEST_CASE("minutes: a meeting whose stored start is not a date is still listed, and refuses what needs it") {
  test::Roster r(60);
  const MeetingId board = r.meeting("役員会", {2026, 5, 10});
  const MeetingId sokai = r.meeting("総会", {2026, 4, 19});
  break_start(r.db(), sokai);

  std::vector<Meeting> all;
  REQUIRE_NOTHROW(all = list_meetings(r.db(), r.org()));
  REQUIRE(all.size() == 2);
  const Meeting& broken = all[0].id == sokai ? all[0] : all[1];
  CHECK(broken.id == sokai);
  CHECK(broken.start == std::nullopt);  // not a made-up date
  CHECK(broken.end == sdk::DateTime{{2026, 4, 19}, 12, 0});
  CHECK(meeting_when(broken) == "日付不明");
  // A period holds only meetings known to fall in it.
  auto in_may = list_meetings(r.db(), r.org(), sdk::Date{2026, 1, 1}, sdk::Date{2026, 12, 31});
  REQUIRE(in_may.size() == 1);
  CHECK(in_may[0].id == board);

  CHECK_THROWS_WITH(broken.start_at(), Catch::Contains("minutes reschedule " + std::to_string(sokai)));
  CHECK_THROWS_WITH(quorum(r.db(), r.members(), broken), Catch::Contains("日付不明"));
  CHECK_THROWS_WITH(minutes_document(r.db(), r.orgs(), &r.members(), sokai), Catch::Contains("日付不明"));
  CHECK_THROWS_WITH(sign(r.db(), sokai, {"佐藤 一郎", "鈴木 花子"}, {2026, 5, 1}),
                    Catch::Contains("日付不明"));
  CHECK(carried_actions(r.db(), sokai).empty());
  CHECK_FALSE(previous_meeting(r.db(), broken));
  // The other meeting's document is unaffected.
  CHECK_NOTHROW(minutes_document(r.db(), r.orgs(), &r.members(), board));

  reschedule_meeting(r.db(), sokai, {{2026, 4, 26}, 10, 0}, {{2026, 4, 26}, 11, 30});
  const Meeting fixed = get_meeting(r.db(), sokai);
  CHECK(fixed.start == sdk::DateTime{{2026, 4, 26}, 10, 0});
  CHECK(fixed.end == sdk::DateTime{{2026, 4, 26}, 11, 30});
  CHECK_NOTHROW(quorum(r.db(), r.members(), fixed));
  CHECK_THROWS_WITH(reschedule_meeting(r.db(), sokai, {{2026, 4, 26}, 12, 0}, {{2026, 4, 26}, 11, 0}),
                    Catch::Contains("must be after the start"));
}

TEST_CASE("minutes: an action item's due date or a signature's date that is not a date reads as unknown") {
  test::Roster r(40);
  const MeetingId board = r.meeting("役員会", {2026, 5, 10});
  const ActionId a =
      add_action(r.db(), {board, std::nullopt, "街路灯の修繕を要望する", "会長", sdk::Date{2026, 5, 31}});
  add_action(r.db(), {board, std::nullopt, "回覧を作る", "書記", sdk::Date{2026, 5, 20}});
  sign(r.db(), board, {"佐藤 一郎", "鈴木 花子"}, {2026, 5, 12});
  sdk::Statement(r.db(), "UPDATE minutes_actions SET due = '5月末' WHERE id = ?").bind(1, a).run();
  r.db().exec("UPDATE minutes_signatories SET signed_on = '2026-05-32'");

  std::vector<ActionItem> open;
  REQUIRE_NOTHROW(open = org_actions(r.db(), r.org(), true));
  REQUIRE(open.size() == 2);
  for (const auto& x : open)
    CHECK(x.due == (x.id == a ? std::nullopt : std::optional(sdk::Date{2026, 5, 20})));
  CHECK(overdue_actions(r.db(), r.org(), {2026, 6, 1}).size() == 1);  // an unknown 期限 is not overdue
  auto signers = signatories(r.db(), board);
  REQUIRE(signers.size() == 2);
  CHECK(signers[0].signed_on == std::nullopt);
  CHECK(signers[0].name == "佐藤 一郎");
}

TEST_CASE(
    "cli: `minutes list` and `show` go on past a meeting with a broken date, and `reschedule` sets it") {
  test::Roster r(40);
  const MeetingId board = r.meeting("役員会", {2026, 5, 10});
  const MeetingId sokai = r.meeting("総会", {2026, 4, 19});
  break_start(r.db(), sokai);
  const std::string db = r.db().path().string(), org = std::to_string(r.org());
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db, "--org", org, "minutes"});
    return test::run_cli(args);
  };

  auto list = run({"list", "--json"});
  INFO(list.err);
  REQUIRE(list.exit_code == 0);
  json rows = json::parse(list.out);
  REQUIRE(rows.size() == 2);
  for (const auto& m : rows) CHECK(m["start"].is_null() == (m["id"] == sokai));
  auto text = run({"list"});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("日付不明"));

  auto show = run({"show", std::to_string(sokai), "--json"});
  REQUIRE(show.exit_code == 0);
  CHECK(json::parse(show.out)["quorum"].is_null());
  auto pdf = run({"export", std::to_string(sokai), "--format", "pdf", "--out", (r.tmp / "m.pdf").string()});
  CHECK(pdf.exit_code == 1);
  CHECK_THAT(pdf.err, Catch::Contains("minutes reschedule"));
  CHECK(run({"export", std::to_string(board), "--format", "md", "--out", (r.tmp / "b.md").string()})
            .exit_code == 0);

  auto fix = run({"reschedule", std::to_string(sokai), "--start", "2026-04-26 10:00", "--end",
                  "2026-04-26 11:30", "--json"});
  INFO(fix.err);
  REQUIRE(fix.exit_code == 0);
  CHECK(json::parse(fix.out)["start"] == "2026-04-26T10:00");
  CHECK(get_meeting(r.db(), sokai).start == sdk::DateTime{{2026, 4, 26}, 10, 0});
}
