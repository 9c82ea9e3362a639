// Work on issues: supports, merge, the status workflow, 自助・共助・公助, roll-up, the service.
#include <catch2/catch.hpp>

#include "core/attachments.hpp"
#include "core/issues.hpp"
#include "core/merge.hpp"
#include "core/supports.hpp"
#include "core/tracker.hpp"
#include "core/workflow.hpp"
#include "issues_test_support.hpp"

using namespace wasshoi;
using namespace wasshoi::issues;

TEST_CASE("a household supporting an issue twice is counted once") {
  test::IssuesFixture f;
  auto id = f.add(f.first, "カーブミラー");
  CHECK(add_household_support(f.db(), id, 101));
  CHECK_FALSE(add_household_support(f.db(), id, 101));
  CHECK(add_guest_support(f.db(), id, "ｻﾄｳ"));
  CHECK_FALSE(add_guest_support(f.db(), id, "さとう"));
  CHECK(support_count(f.db(), id) == 2);
  CHECK(get_issue(f.db(), id).supporters == 2);
}

TEST_CASE("merging duplicates keeps every support once, the photos and the history") {
  test::IssuesFixture f;
  auto a = f.add(f.first, "防犯灯が切れている");
  auto b = f.add(f.first, "公民館裏が暗い");
  for (int h : {1, 2, 3}) add_household_support(f.db(), a, h);
  for (int h : {2, 3, 4}) add_household_support(f.db(), b, h);
  add_attachment(f.db(), b, "dark.png", test::fixture_bytes("pothole.png"));
  set_status(f.db(), b, "considering", "役員会で協議", {2026, 4, 20});
  merge_issues(f.db(), f.orgs(), f.first, a, {b}, {2026, 5, 1});
  CHECK_FALSE(find_issue(f.db(), b));
  Issue merged = get_issue(f.db(), a);
  CHECK(merged.supporters == 4);
  CHECK(merged.photos == 1);
  auto h = history(f.db(), a);
  bool has_b_change = false, has_merge_note = false;
  for (const auto& e : h) {
    has_b_change |= e.note == "役員会で協議";
    has_merge_note |= e.note.find("公民館裏が暗い") != std::string::npos;
  }
  CHECK(has_b_change);
  CHECK(has_merge_note);
  CHECK(find_by_uuid(f.db(), get_issue(f.db(), a).uuid) == a);
}

TEST_CASE("each status change is dated with a note, a move the workflow does not allow is refused") {
  test::IssuesFixture f;
  auto id = f.add(f.first, "除雪が遅い", "道路・除雪");
  set_status(f.db(), id, "検討中", "役員会で協議", {2026, 4, 10});
  set_status(f.db(), id, "to_city", "市道のため懇談会で要望", {2026, 5, 1});
  set_status(f.db(), id, "resolved", "市が対応", {2026, 6, 1});
  CHECK_THROWS_WITH(set_status(f.db(), id, "local", "", {2026, 6, 2}),
                    Catch::Contains("cannot move from 解決"));
  CHECK_THROWS_WITH(set_status(f.db(), id, "done", "", {2026, 6, 2}), Catch::Contains("'done'"));
  auto h = history(f.db(), id);
  REQUIRE(h.size() == 4);
  CHECK(h[1].on == sdk::Date{2026, 4, 10});
  CHECK(h[2].from_status == "considering");
  CHECK(h[2].to_status == "to_city");
  CHECK(h[3].note == "市が対応");
  set_status(f.db(), id, "considering", "再発", {2026, 12, 1});  // reopened
  CHECK(get_issue(f.db(), id).status == "considering");
}

TEST_CASE("the 自助・共助・公助 split is recorded and must add up to 100") {
  test::IssuesFixture f;
  auto id = f.add(f.first, "ごみ集積所");
  set_split(f.db(), id, {20, 50, 30, "ネットは自治会、回収は市"});
  Split s = get_issue(f.db(), id).split;
  CHECK(s.self == 20);
  CHECK(s.pub == 30);
  CHECK(s.note == "ネットは自治会、回収は市");
  CHECK_THROWS_WITH(set_split(f.db(), id, {20, 20, 20, ""}), Catch::Contains("60%"));
}

TEST_CASE("a 地域協働体 sees its 自治会' issues together, marked by 自治会, and merges across them") {
  test::IssuesFixture f;
  auto a = f.add(f.first, "県道の横断歩道", "交通安全");
  auto b = f.add(f.second, "横断歩道の白線", "交通安全");
  CHECK(list_issues(f.db(), f.orgs(), f.first).size() == 1);
  auto all = list_issues(f.db(), f.orgs(), f.kyodotai);
  REQUIRE(all.size() == 2);
  CHECK(all[0].org_name != all[1].org_name);
  CHECK_THROWS_WITH(merge_issues(f.db(), f.orgs(), f.first, a, {b}, {2026, 5, 1}),
                    Catch::Contains("outside"));
  add_household_support(f.db(), b, 7);
  merge_issues(f.db(), f.orgs(), f.kyodotai, a, {b}, {2026, 5, 1});
  CHECK(list_issues(f.db(), f.orgs(), f.kyodotai).size() == 1);
  auto orgs = raised_in(f.db(), f.orgs(), a);
  CHECK(orgs.size() == 2);
  CHECK(get_issue(f.db(), a).supporters == 1);
}

TEST_CASE("the IssueTracker service creates, finds, searches and moves issues") {
  test::IssuesFixture f;
  auto tracker = f.app->services().find<sdk::IssueTracker>();
  REQUIRE(tracker);  // provided by the real plugin
  Tracker local(f.app->services().find<sdk::OrganizationDirectory>());
  auto id = local.create_issue(
      f.db(), {f.first, "集会所の雨漏り", "", "", "集会所", "minutes: 役員会 2026-05-10, 議案 3"});
  CHECK(local.issue(f.db(), id)->category == "その他");
  CHECK(local.search(f.db(), f.first, "雨漏", 10).size() == 1);
  local.set_status(f.db(), id, sdk::issue_status::kToCity, "要望書を提出", {2026, 5, 20});
  CHECK(tracker->issue(f.db(), id)->status == "to_city");
  int moved = 0;  // dated the day given, not the day it was recorded
  for (const auto& h : history(f.db(), id))
    if (h.to_status == "to_city") moved += h.on == sdk::Date{2026, 5, 20} ? 1 : 100;
  CHECK(moved == 1);
}

namespace {
// The roster as the members plugin would answer: households 1–3 in `org`, 9 in `other`.
struct FakeRoster : sdk::MemberDirectory {
  sdk::OrgId org = 0, other = 0;
  std::optional<sdk::HouseholdRef> household(sdk::Database&, std::int64_t id) override {
    if (id >= 1 && id <= 3)
      return sdk::HouseholdRef{id, org, "世帯" + std::to_string(id), {}, "1班", 2, true};
    if (id == 9) return sdk::HouseholdRef{id, other, "他会の世帯", {}, "1班", 1, true};
    return std::nullopt;
  }
  std::optional<sdk::PersonRef> person(sdk::Database&, std::int64_t) override { return std::nullopt; }
  std::vector<sdk::PersonRef> search_persons(sdk::Database&, sdk::OrgId, std::string_view, int,
                                             std::optional<std::int64_t>) override {
    return {};
  }
  std::vector<sdk::HouseholdRef> search_households(sdk::Database&, sdk::OrgId, std::string_view, int,
                                                   std::optional<std::int64_t>) override {
    return {};
  }
  int member_household_count(sdk::Database&, sdk::OrgId, const sdk::Date&) override { return 3; }
  std::vector<sdk::PersonRef> household_members(sdk::Database&, std::int64_t) override { return {}; }
  std::vector<sdk::RoleRef> officers(sdk::Database&, sdk::OrgId, int) override { return {}; }
};
}  // namespace

TEST_CASE("`issues support` records roster households and guests together, in scope, or nothing") {
  test::IssuesFixture f;
  FakeRoster roster;
  roster.org = f.first;
  roster.other = f.second;
  const IssueId id = f.add(f.first, "カーブミラー");
  CHECK(add_supports(f.db(), f.orgs(), id, f.first, &roster, {1, 2, 2}, {"ｻﾄｳ", "さとう"}) == 3);
  CHECK(support_count(f.db(), id) == 3);
  CHECK(add_supports(f.db(), f.orgs(), id, f.kyodotai, &roster, {3}, {}) ==
        1);  // the 地域協働体 works on its 自治会' issues
  CHECK_THROWS_WITH(add_supports(f.db(), f.orgs(), id, f.first, &roster, {}, {}),
                    Catch::Contains("give --household ID or --guest NAME"));
  CHECK_THROWS_WITH(add_supports(f.db(), f.orgs(), id, f.second, &roster, {}, {"鈴木"}),
                    Catch::Contains("not to the organization"));
  CHECK_THROWS_WITH(add_supports(f.db(), f.orgs(), id, f.first, &roster, {1, 9}, {"鈴木"}),
                    Catch::Contains("no household with id 9 in テスト第一自治会"));
  CHECK_THROWS_WITH(add_supports(f.db(), f.orgs(), id, f.first, &roster, {77}, {}),
                    Catch::Contains("no household with id 77"));
  CHECK_THROWS_WITH(add_supports(f.db(), f.orgs(), id, f.first, nullptr, {1}, {}),
                    Catch::Contains("members plugin"));
  CHECK_THROWS_WITH(add_supports(f.db(), f.orgs(), id, f.first, &roster, {}, {"鈴木", "  "}),
                    Catch::Contains("needs a name"));
  CHECK(support_count(f.db(), id) == 4);  // 鈴木 came with refused households each time: not recorded
  CHECK(sdk::query_int(f.db(),
                       "SELECT count(*) FROM audit_log WHERE action = 'issues.support' AND detail = '#" +
                           std::to_string(id) + "'") >= 2);
}
