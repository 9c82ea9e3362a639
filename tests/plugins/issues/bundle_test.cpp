// Bundles: a 自治会's laptop exports, the 地域協働体 imports; again and newer update, never duplicate.
#include "core/bundle.hpp"

#include <catch2/catch.hpp>

#include "core/attachments.hpp"
#include "core/issues.hpp"
#include "core/merge.hpp"
#include "core/supports.hpp"
#include "core/workflow.hpp"
#include "issues_test_support.hpp"

using namespace wasshoi;
using namespace wasshoi::issues;
using nlohmann::json;

namespace {
// The 自治会's laptop with three issues, one with a photo and supports.
void fill_source(test::IssuesFixture& src) {
  auto a = src.add(src.first, "防犯灯が切れている");
  src.add(src.first, "除雪が遅い", "道路・除雪");
  src.add(src.first, "カラス被害", "ごみ");
  add_household_support(src.db(), a, 1);
  add_guest_support(src.db(), a, "班外の世帯");
  add_attachment(src.db(), a, "light.png", test::fixture_bytes("pothole.png"));
}
}  // namespace

TEST_CASE("re-importing a bundle twice leaves the same number of issues, a newer bundle updates statuses") {
  test::IssuesFixture src, dst;
  fill_source(src);
  json first = export_bundle(src.db(), src.orgs(), src.first);
  ImportResult r1 = import_bundle(dst.db(), dst.orgs(), dst.kyodotai, first);
  CHECK(r1.added == 3);
  ImportResult r2 = import_bundle(dst.db(), dst.orgs(), dst.kyodotai, first);
  CHECK(r2.added == 0);
  CHECK(r2.unchanged == 3);
  import_bundle(dst.db(), dst.orgs(), dst.kyodotai, first);
  CHECK(dst.count("issues_issues") == 3);
  CHECK(dst.count("issues_supports") == 2);
  CHECK(dst.count("issues_attachments") == 1);

  auto snow =
      list_issues(src.db(), src.orgs(), src.first, {.statuses = {}, .categories = {"道路・除雪"}}).at(0);
  set_status(src.db(), snow.id, "to_city", "市道のため要望", {2026, 5, 1});
  json newer = export_bundle(src.db(), src.orgs(), src.first);
  ImportResult r3 = import_bundle(dst.db(), dst.orgs(), dst.kyodotai, newer);
  CHECK(r3.updated == 1);
  CHECK(r3.unchanged == 2);
  CHECK(dst.count("issues_issues") == 3);
  auto here = get_issue(dst.db(), *find_by_uuid(dst.db(), snow.uuid));
  CHECK(here.status == "to_city");
  CHECK(here.org == dst.first);  // placed in the 自治会 of the same name
  CHECK(history(dst.db(), here.id).back().note == "市道のため要望");

  import_bundle(dst.db(), dst.orgs(), dst.kyodotai, first);  // the older bundle again: nothing goes back
  CHECK(get_issue(dst.db(), here.id).status == "to_city");
}

TEST_CASE("a bundle naming issues merged since lands on the survivor") {
  test::IssuesFixture src, dst;
  fill_source(src);
  json bundle = export_bundle(src.db(), src.orgs(), src.first);
  import_bundle(dst.db(), dst.orgs(), dst.kyodotai, bundle);
  auto list = list_issues(dst.db(), dst.orgs(), dst.kyodotai);
  REQUIRE(list.size() == 3);
  merge_issues(dst.db(), dst.orgs(), dst.kyodotai, list[0].id, {list[1].id}, {2026, 5, 1});
  ImportResult r = import_bundle(dst.db(), dst.orgs(), dst.kyodotai, bundle);
  CHECK(r.added == 0);
  CHECK(dst.count("issues_issues") == 2);
}

TEST_CASE("a bad bundle is refused with the reason and nothing is written") {
  test::IssuesFixture src, dst;
  fill_source(src);
  json good = export_bundle(src.db(), src.orgs(), src.first);
  auto refused = [&](json bad, const std::string& reason) {
    CHECK_THROWS_WITH(import_bundle(dst.db(), dst.orgs(), dst.kyodotai, bad), Catch::Contains(reason));
    CHECK(dst.count("issues_issues") == 0);
    CHECK(dst.count("issues_history") == 0);
  };
  json b = good;
  b["format"] = "something-else";
  refused(b, "not an issue bundle");
  b = good;
  b["format_version"] = 99;
  refused(b, "format version 99 is newer");
  b = good;
  b["issues"][2]["category"] = "宇宙";
  refused(b, "issues[2]");
  b = good;
  b["issues"][1]["status"] = "finished";
  refused(b, "'finished'");
  b = good;
  b["issues"][0]["uuid"] = "not-a-uuid";
  refused(b, "not a UUID");
  b = good;
  b["issues"][0]["attachments"][0]["data"] = "@@@";
  refused(b, "attachments[0]");
  b = good;
  b["issues"][1]["organization"] = "どこかの自治会";
  refused(b, "no 自治会 named 'どこかの自治会'");
  b = good;
  b["issues"][2]["reported_on"] = "2026-13-45";
  refused(b, "2026-13-45 is not a date");
  // Text is held to the rules of text typed in the window (sdk/input.hpp), field by field.
  b = good;
  b["issues"][0]["title"] = "防犯灯\x01";
  refused(b, "bundle issues[0] 'title'");
  b = good;
  b["issues"][1]["title"] = "一行目\n二行目";  // a title has one line
  refused(b, "bundle issues[1] 'title'");
  b = good;
  b["issues"][1]["place"] = std::string(300, 'x');
  refused(b, "bundle issues[1] 'place'");
  b = good;
  b["issues"][0]["history"][0]["note"] = std::string("ok\0", 3);
  refused(b, "history[0] 'note'");
  b = good;
  b["issues"][0]["description"] = "一行目\n二行目";  // several lines: fine
  CHECK(import_bundle(dst.db(), dst.orgs(), dst.kyodotai, b).added == 3);

  auto file = dst.tmp / "broken.json";
  test::write_file(file, "{\"format\": ");
  CHECK_THROWS_WITH(import_bundle_file(dst.db(), dst.orgs(), dst.kyodotai, file),
                    Catch::Contains("not JSON"));
}

namespace {
// An issue raised by a named non-member, with a phone number.
void add_named_report(test::IssuesFixture& src) {
  IssueInput in;
  in.org = src.first;
  in.title = "見守り";
  in.category = "高齢者・介護";
  in.reported_on = {2026, 4, 1};
  in.reporter = {ReporterKind::Named, std::nullopt, "木下 春子", "0191-00-5555"};
  create_issue(src.db(), src.orgs(), in);
}
}  // namespace

TEST_CASE("a bundle keeps phone numbers and members' identities at home") {
  test::IssuesFixture src;
  add_named_report(src);
  std::string dumped = export_bundle(src.db(), src.orgs(), src.first).dump();
  CHECK_THAT(dumped, !Catch::Contains("0191-00-5555"));
  CHECK_THAT(dumped, Catch::Contains("\"format_version\":1"));
  // The bundle leaves the 自治会: a named reporter's name only when the officer asks for it.
  CHECK_THAT(dumped, !Catch::Contains("木下"));
  std::string with_names =
      export_bundle(src.db(), src.orgs(), src.first, BundleOptions{.reporter_names = true}).dump();
  CHECK_THAT(with_names, Catch::Contains("木下 春子"));
  CHECK_THAT(with_names, !Catch::Contains("0191-00-5555"));
}

TEST_CASE("a bundle without names, coming back, keeps the names the 自治会 has") {
  test::IssuesFixture src;
  add_named_report(src);
  json bundle = export_bundle(src.db(), src.orgs(), src.first);
  bundle["issues"][0]["revision"] = bundle["issues"][0]["revision"].get<int>() + 1;  // a newer one
  bundle["issues"][0]["status"] = "considering";
  auto r = import_bundle(src.db(), src.orgs(), src.first, bundle);
  CHECK(r.updated == 1);
  CHECK(sdk::query_text(src.db(), "SELECT reporter_name FROM issues_issues") == "木下 春子");
  CHECK(sdk::query_text(src.db(), "SELECT status FROM issues_issues") == "considering");
}
