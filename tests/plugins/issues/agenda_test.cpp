// The 懇談会 list: chosen by status, category and period; grouped by category; ordered by support
// then priority; PDF and CSV; no personal data.
#include "core/agenda.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/issues.hpp"
#include "core/supports.hpp"
#include "core/workflow.hpp"
#include "issues_test_support.hpp"

using namespace wasshoi;
using namespace wasshoi::issues;
using nlohmann::json;

namespace {
std::string squeeze(std::string s) {
  std::erase(s, ' ');
  std::erase(s, '\n');
  return s;
}

std::vector<std::string> all_statuses_args() {
  std::vector<std::string> out;
  for (const auto& s : statuses()) out.insert(out.end(), {"--status", s});
  return out;
}

}  // namespace

TEST_CASE(
    "30 demo issues across three 自治会 of one 地域協働体 compile into one 懇談会 PDF grouped by category "
    "with support counts and no personal data") {
  if (test::skip_on_server(
          "wasshoi-cli demo on a server needs the members plugin's search there (issue 19, another slice)"))
    return;
  test::TempDir tmp;
  test::ScratchDb scratch;
  std::string db = scratch.target();
  auto demo = test::run_cli({"--db", db, "demo", "--households", "90", "--json"});
  REQUIRE(demo.exit_code == 0);
  json d = json::parse(demo.out);
  std::string kyodotai = std::to_string(d["kyodotai"].get<long long>());
  auto list = test::run_cli({"--db", db, "--org", kyodotai, "issues", "list", "--json"});
  REQUIRE(list.exit_code == 0);
  json issues = json::parse(list.out);
  REQUIRE(issues.size() == 30);
  std::set<std::string> orgs;
  int supporters = 0;
  for (const auto& i : issues)
    orgs.insert(i["organization"].get<std::string>()), supporters += i["supporters"].get<int>();
  CHECK(orgs.size() == 3);

  std::vector<std::string> args = {
      "--db", db, "--org", kyodotai, "issues", "agenda", "--out", (tmp / "kondankai.pdf").string(), "--json"};
  auto more = all_statuses_args();
  args.insert(args.end(), more.begin(), more.end());
  auto r = test::run_cli(args);
  REQUIRE(r.exit_code == 0);
  json out = json::parse(r.out);
  CHECK(out["issues"] == 30);
  int grouped = 0;
  for (const auto& g : out["groups"]) grouped += g["supporters"].get<int>();
  CHECK(grouped == supporters);

  std::string text = test::pdf_text(tmp / "kondankai.pdf");
  std::string flat = squeeze(text);
  CHECK_THAT(flat, Catch::Contains("まちづくり懇談会地域課題一覧"));
  CHECK_THAT(flat, Catch::Contains("30件"));
  for (const auto& g : out["groups"])
    CHECK_THAT(flat, Catch::Contains(g["category"].get<std::string>() + "（" +
                                     std::to_string(g["issues"].get<int>()) + "件）"));
  for (const auto& o : orgs) CHECK_THAT(flat, Catch::Contains(squeeze(o)));
  CHECK_THAT(flat, Catch::Contains("賛同世帯"));

  host::App app(host::AppOptions{
      .db_path = db, .plugin_dir = test::bin_dir() / "plugins", .actor = "test", .create = false});
  app.open_database();
  auto& members = app.services().get<sdk::MemberDirectory>();
  sdk::Statement st(app.db(), "SELECT reporter_person_id, reporter_name, reporter_phone FROM issues_issues");
  int checked = 0;
  while (st.step()) {
    std::vector<std::string> personal = {st.get_text(1), st.get_text(2)};
    if (auto id = st.get_optional_int(0))
      if (auto p = members.person(app.db(), *id)) personal.push_back(p->name);
    for (const auto& p : personal)
      if (!p.empty()) {
        CHECK_THAT(flat, !Catch::Contains(squeeze(p)));
        ++checked;
      }
  }
  CHECK(checked > 10);  // the demo has member and named reporters to leave out
  CHECK_THAT(flat, !Catch::Contains("0191-"));
}

TEST_CASE(
    "the 懇談会 list is chosen by status, category and period, grouped by category and ordered by support "
    "then priority") {
  test::IssuesFixture f;
  auto low = f.add(f.first, "低い優先度", "防犯", {2026, 4, 1}, kPriorityLow);
  auto high = f.add(f.first, "高い優先度", "防犯", {2026, 4, 2}, kPriorityHigh);
  auto popular = f.add(f.first, "賛同が多い", "防犯", {2026, 4, 3}, kPriorityLow);
  f.add(f.first, "道路の穴", "道路・除雪", {2026, 4, 4});
  f.add(f.first, "古い課題", "防犯", {2025, 1, 1});
  auto done = f.add(f.first, "解決済み", "防犯", {2026, 4, 5});
  set_status(f.db(), done, "resolved", "対応済み", {2026, 4, 6});
  for (int h : {1, 2, 3}) add_household_support(f.db(), popular, h);

  IssueFilter filter;
  filter.from = sdk::Date{2026, 1, 1};
  Agenda a = build_agenda(f.db(), f.orgs(), f.first, filter);
  REQUIRE(a.groups.size() == 2);
  CHECK(a.groups[0].category == "防犯");  // category order, not alphabetical
  REQUIRE(a.groups[0].rows.size() == 3);  // not the old one, not the resolved one
  CHECK(a.groups[0].rows[0].id == popular);
  CHECK(a.groups[0].rows[1].id == high);
  CHECK(a.groups[0].rows[2].id == low);
  CHECK(a.groups[0].rows[0].supporters == 3);

  filter.categories = {"道路・除雪"};
  CHECK(build_agenda(f.db(), f.orgs(), f.first, filter).issue_count() == 1);
  filter = {};
  filter.statuses = {"resolved"};
  CHECK(build_agenda(f.db(), f.orgs(), f.first, filter).issue_count() == 1);
}

TEST_CASE("the 懇談会 CSV has a BOM, one row per issue, support counts and no reporter") {
  test::IssuesFixture f;
  IssueInput in;
  in.org = f.first;
  in.title = "空き家の屋根";
  in.category = "空き家";
  in.reported_on = {2026, 4, 1};
  in.reporter = {ReporterKind::Named, std::nullopt, "木下 春子", "0191-00-5555"};
  auto id = create_issue(f.db(), f.orgs(), in);
  add_guest_support(f.db(), id, "隣の世帯");
  auto path = f.tmp / "list.csv";
  save_agenda(build_agenda(f.db(), f.orgs(), f.first, {}), path);
  std::string csv = test::read_file(path);
  CHECK(csv.starts_with("\xEF\xBB\xBF"));
  CHECK_THAT(csv, Catch::Contains("空き家,空き家の屋根"));
  CHECK_THAT(csv, Catch::Contains(",1,中,受付,"));
  CHECK_THAT(csv, !Catch::Contains("木下"));
  CHECK_THAT(csv, !Catch::Contains("0191"));
}
