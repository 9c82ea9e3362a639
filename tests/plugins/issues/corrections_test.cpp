// Corrections on an issue (issue 15): a status change corrected or taken back with a reason — the
// history keeps both — and a support (賛同) taken off with a reason and put back. Core and CLI.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/issues.hpp"
#include "core/supports.hpp"
#include "core/workflow.hpp"
#include "issues_test_support.hpp"

using namespace wasshoi;
using namespace wasshoi::issues;
using nlohmann::json;

namespace {
std::string last_audit(sdk::Database& db, const std::string& action) {
  return sdk::query_text(
             db, "SELECT detail FROM audit_log WHERE action = '" + action + "' ORDER BY id DESC LIMIT 1")
      .value_or("");
}
}  // namespace

TEST_CASE("a status set by mistake is taken back with a reason and the history keeps both") {
  test::IssuesFixture f;
  auto id = f.add(f.first, "防犯灯が切れている");
  set_status(f.db(), id, "considering", "役員会で協議", {2026, 4, 10});
  set_status(f.db(), id, "resolved", "", {2026, 4, 20});  // the wrong issue was closed
  CHECK(previous_status(f.db(), id) == "considering");
  CHECK(undo_status(f.db(), id, "別の課題と取り違えた", {2026, 4, 21}) == "considering");
  CHECK(get_issue(f.db(), id).status == "considering");
  auto h = history(f.db(), id);
  REQUIRE(h.size() == 4);  // 受付, 検討中, 解決, and the correction back to 検討中
  CHECK(h[2].to_status == "resolved");
  CHECK(h[3].from_status == "resolved");
  CHECK(h[3].to_status == "considering");
  CHECK(h[3].note == "訂正: 別の課題と取り違えた");
  CHECK(last_audit(f.db(), "issues.status_correct") ==
        "#" + std::to_string(id) + " resolved -> considering: 別の課題と取り違えた");
}

TEST_CASE("a status corrected to any other, 受付 too, needs a reason and a change") {
  test::IssuesFixture f;
  auto id = f.add(f.first, "ｶｰﾌﾞﾐﾗｰが曲がっている");
  set_status(f.db(), id, "to_city", "市道", {2026, 5, 1});
  const auto audits = f.count("audit_log");
  CHECK_THROWS_WITH(correct_status(f.db(), id, "received", "　", {2026, 5, 2}),
                    Catch::Contains("needs a reason"));
  CHECK_THROWS_WITH(correct_status(f.db(), id, "to_city", "確認", {2026, 5, 2}), Catch::Contains("already"));
  CHECK(f.count("audit_log") == audits);
  correct_status(f.db(), id, "受付", "まだ役員会に諮っていない", {2026, 5, 2});
  CHECK(get_issue(f.db(), id).status == "received");
  CHECK_THROWS_WITH(undo_status(f.db(), f.add(f.first, "新しい課題"), "確認", {2026, 5, 2}),
                    Catch::Contains("no status change"));
}

TEST_CASE("a support taken off with a reason is audited and put back as it was") {
  test::IssuesFixture f;
  auto id = f.add(f.first, "カーブミラー");
  add_household_support(f.db(), id, 101);
  add_guest_support(f.db(), id, "𠮷田 ｻﾄｼ");
  auto all = supporters(f.db(), id);
  REQUIRE(all.size() == 2);
  const Supporter guest = all[1];
  CHECK(guest.guest == sdk::fold_for_search("𠮷田 ｻﾄｼ"));
  CHECK_THROWS_WITH(remove_support(f.db(), id, guest.key, " "), Catch::Contains("needs a reason"));
  CHECK_THROWS_WITH(remove_support(f.db(), id, guest.key + "x", "確認"), Catch::Contains("no support"));
  remove_support(f.db(), id, guest.key, "本人から取り下げの申し出");
  CHECK(support_count(f.db(), id) == 1);
  CHECK_THAT(last_audit(f.db(), "issues.support_remove"), Catch::Contains("本人から取り下げの申し出"));
  restore_support(f.db(), id, guest);
  CHECK(support_count(f.db(), id) == 2);
  CHECK(supporters(f.db(), id)[1].key == guest.key);
}

TEST_CASE("cli: issues status --reason corrects, --undo takes back, unsupport takes a support off") {
  test::TempDir tmp;
  test::ScratchDb scratch;
  const std::string db = scratch.target();
  auto run = [&](std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    args.push_back("--json");
    return test::run_cli(args);
  };
  const std::string org = std::to_string(
      json::parse(run({"org", "add", "--kind", "jichikai", "--name", "山目第一自治会"}).out)["id"]
          .get<long long>());
  const std::string id = std::to_string(
      json::parse(
          run({"issues", "add", "--org", org, "--title", "除雪が遅い", "--category", "道路・除雪"}).out)["id"]
          .get<long long>());
  REQUIRE(run({"--org", org, "issues", "support", id, "--guest", "佐藤", "--guest", "鈴木"}).exit_code == 0);
  REQUIRE(run({"--org", org, "issues", "status", id, "解決"}).exit_code == 0);
  auto r = run({"--org", org, "issues", "status", id, "--undo", "--reason", "取り違え"});
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["status"] == "received");
  r = run({"--org", org, "issues", "status", id, "市へ要望", "--reason", "既に市へ伝えてあった"});
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["status"] == "to_city");
  r = run({"--org", org, "issues", "status", id, "--undo"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("--reason"));
  r = run({"--org", org, "issues", "unsupport", id, "--guest", "佐藤", "--reason", "重複"});
  REQUIRE(r.exit_code == 0);
  CHECK(json::parse(r.out)["supporters"] == 1);
  r = run({"--org", org, "issues", "unsupport", id, "--guest", "佐藤", "--reason", "重複"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("no support"));
}
