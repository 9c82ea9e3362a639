// Open311 GeoReport v2: issues marked for the city, checked against the required fields of the
// public request schema (open311-schema.json) with python3-jsonschema.
#include "core/open311.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/attachments.hpp"
#include "core/issues.hpp"
#include "core/workflow.hpp"
#include "issues_test_support.hpp"

using namespace wasshoi;
using namespace wasshoi::issues;
using nlohmann::json;

namespace {
// Debian's python3 has jsonschema (a pyenv python3 on PATH may not).
int validate_with_jsonschema(const std::filesystem::path& file) {
  std::string cmd =
      "/usr/bin/python3 -c 'import json, sys, jsonschema; "
      "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])), "
      "format_checker=jsonschema.FormatChecker())' '" +
      (test::issues_test_dir() / "open311-schema.json").string() + "' '" + file.string() + "' 2>/dev/null";
  return std::system(cmd.c_str());
}

void fill(test::IssuesFixture& f) {
  IssueInput in;
  in.org = f.first;
  in.title = "市道の舗装に穴";
  in.description = "雨の日に水たまり";
  in.category = "道路・除雪";
  in.place = "一関市テスト町1-2";
  in.landmark = "郵便局前";
  in.lat = 38.9345;
  in.lon = 141.1267;
  in.reported_on = {2026, 4, 1};
  auto road = create_issue(f.db(), f.orgs(), in);
  add_attachment(f.db(), road, "hole.png", test::fixture_bytes("pothole.png"));
  set_status(f.db(), road, "to_city", "市の管理", {2026, 4, 10});
  auto mirror = f.add(f.second, "カーブミラー", "交通安全");
  set_status(f.db(), mirror, "to_city", "県道", {2026, 4, 11});
  set_status(f.db(), mirror, "resolved", "交換された", {2026, 6, 1});
  f.add(f.first, "町内の清掃", "環境美化");  // never for the city
}
}  // namespace

TEST_CASE("the Open311 JSON passes the schema check") {
  test::IssuesFixture f;
  fill(f);
  auto out = f.tmp / "requests.json";
  int n = save_open311(f.db(), f.orgs(), f.kyodotai, {"一関市 まちづくり推進課", "https://example.org/media"},
                       out, f.tmp / "media");
  CHECK(n == 2);
  CHECK(validate_with_jsonschema(out) == 0);
  json bad = json::parse(test::read_file(out));
  bad[0].erase("service_request_id");
  test::write_file(f.tmp / "bad.json", bad.dump());
  CHECK(validate_with_jsonschema(f.tmp / "bad.json") != 0);  // the check does check
}

TEST_CASE("only issues marked for the city are exported, with status, service, times in +09:00 and media") {
  test::IssuesFixture f;
  fill(f);
  auto e = open311_requests(f.db(), f.orgs(), f.kyodotai, {"", "https://example.org/media/"});
  REQUIRE(e.requests.size() == 2);
  const json& road = e.requests[0];
  CHECK(road["status"] == "open");
  CHECK(road["service_code"] == "roads-snow");
  CHECK(road["service_name"] == "道路・除雪");
  CHECK(road["requested_datetime"] == "2026-04-01T00:00:00+09:00");
  CHECK(road["updated_datetime"].get<std::string>().ends_with("+09:00"));
  CHECK(road["lat"] == Approx(38.9345));
  CHECK_THAT(road["address"].get<std::string>(), Catch::Contains("郵便局前"));
  CHECK_THAT(road["status_notes"].get<std::string>(), Catch::Contains("市の管理"));
  CHECK_THAT(road["media_url"].get<std::string>(),
             Catch::StartsWith("https://example.org/media/") && Catch::EndsWith(".png"));
  CHECK(e.requests[1]["status"] == "closed");
  CHECK_FALSE(e.requests[1].contains("lat"));
  CHECK_FALSE(e.requests[1].contains("media_url"));
}
