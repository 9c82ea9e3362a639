// An issue (or a step of its history) whose stored date is not a date (a hand-edited file): the
// list — a 地域協働体's over all its 自治会 too — still shows it (日付不明 / null, never
// 0000-00-00), the editor corrects it, and the exports that need the date name it instead of
// sending something the 地域協働体 or the city could not read.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/agenda.hpp"
#include "core/bundle.hpp"
#include "core/issues.hpp"
#include "core/workflow.hpp"
#include "issues_test_support.hpp"

using namespace wasshoi;
using namespace wasshoi::issues;
using nlohmann::json;

namespace {
const Issue* find(const std::vector<Issue>& list, IssueId id) {
  for (const auto& i : list)
    if (i.id == id) return &i;
  return nullptr;
}
}  // namespace

TEST_CASE("issues: an issue whose stored reported_on is not a date is listed and correctable") {
  test::IssuesFixture f;
  const IssueId a = f.add(f.first, "防犯灯が切れている", "防犯", {2026, 4, 1});
  const IssueId b = f.add(f.first, "側溝のふたが割れている", "道路・除雪", {2026, 4, 5});
  const IssueId c = f.add(f.second, "空き家の屋根", "空き家", {2026, 4, 8});
  sdk::Statement(f.db(), "UPDATE issues_issues SET reported_on = '2026-04-31' WHERE id = ?").bind(1, b).run();
  sdk::Statement(f.db(), "UPDATE issues_history SET on_date = '昨日' WHERE issue_id = ?").bind(1, a).run();

  std::vector<Issue> mine, all;
  REQUIRE_NOTHROW(mine = list_issues(f.db(), f.orgs(), f.first));
  REQUIRE_NOTHROW(all = list_issues(f.db(), f.orgs(), f.kyodotai));  // the roll-up over both 自治会
  CHECK(mine.size() == 2);
  CHECK(all.size() == 3);
  REQUIRE(find(all, b));
  CHECK(find(all, b)->reported_on == std::nullopt);  // not 0000-00-00
  CHECK(find(all, c)->reported_on == sdk::Date{2026, 4, 8});
  CHECK(get_issue(f.db(), b).reported_on == std::nullopt);
  // A period holds only issues known to fall in it.
  IssueFilter april;
  april.from = sdk::Date{2026, 4, 1}, april.to = sdk::Date{2026, 4, 30};
  CHECK(list_issues(f.db(), f.orgs(), f.kyodotai, april).size() == 2);
  CHECK_NOTHROW(build_agenda(f.db(), f.orgs(), f.kyodotai, {}));

  auto steps = history(f.db(), a);
  REQUIRE(steps.size() == 1);
  CHECK(steps[0].on == std::nullopt);

  // The bundle needs every issue's date: the one without is named, nothing half-written.
  CHECK_THROWS_WITH(export_bundle(f.db(), f.orgs(), f.first),
                    Catch::Contains("issue " + std::to_string(b)) && Catch::Contains("日付不明"));

  IssueInput edit = get_issue(f.db(), b);
  CHECK_THROWS_WITH(update_issue(f.db(), f.orgs(), b, edit), Catch::Contains("date"));  // still unknown
  edit.reported_on = sdk::Date{2026, 4, 30};
  update_issue(f.db(), f.orgs(), b, edit);
  CHECK(get_issue(f.db(), b).reported_on == sdk::Date{2026, 4, 30});

  json bundle;
  REQUIRE_NOTHROW(bundle = export_bundle(f.db(), f.orgs(), f.first));
  REQUIRE(bundle["issues"].size() == 2);
  for (const auto& i : bundle["issues"])  // a's one history step has no date: it stays at home
    CHECK(i["history"].size() == (i["title"] == "防犯灯が切れている" ? 0u : 1u));
}

TEST_CASE("cli: `issues list` and `show` go on past an issue with a broken date (日付不明, null)") {
  test::TempDir tmp;
  test::ScratchDb scratch;
  const std::string db = scratch.target();
  auto cli = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return test::run_cli(args);
  };
  auto ok = [&](std::vector<std::string> args) {
    args.push_back("--json");
    auto r = cli(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  };
  const auto org =
      std::to_string(ok({"org", "add", "--kind", "jichikai", "--name", "山目第一自治会"})["id"].get<int>());
  ok({"issues", "add", "--org", org, "--title", "防犯灯が切れている", "--category", "防犯", "--date",
      "2026-05-10"});
  const auto broken = ok({"issues", "add", "--org", org, "--title", "側溝のふた", "--category", "道路・除雪",
                          "--date", "2026-05-11"})["id"]
                          .get<int>();
  {
    auto raw = sdk::Database::open(db, sdk::Database::Mode::ReadWrite);
    raw.exec("UPDATE issues_issues SET reported_on = 'garbage' WHERE id = " + std::to_string(broken));
  }
  json list = ok({"--org", org, "issues", "list"});
  REQUIRE(list.size() == 2);
  for (const auto& i : list) CHECK(i["reported_on"].is_null() == (i["id"] == broken));
  auto text = cli({"--org", org, "issues", "list"});
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Catch::Contains("日付不明"));
  CHECK(ok({"--org", org, "issues", "show", std::to_string(broken)})["reported_on"].is_null());
}
