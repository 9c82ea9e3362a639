// Open311 GeoReport v2: issues marked for the city and the service list, checked with
// python3-jsonschema against schemas written from the public specification (open311-schema.json:
// every request key required, nullable where the specification allows; open311-services-schema.json).
#include "core/open311.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "core/attachments.hpp"
#include "core/categories.hpp"
#include "core/issues.hpp"
#include "core/workflow.hpp"
#include "issues_test_support.hpp"

using namespace wasshoi;
using namespace wasshoi::issues;
using nlohmann::json;

namespace {
// Debian's python3 has jsonschema (a pyenv python3 on PATH may not).
int validate_with_jsonschema(const std::filesystem::path& file,
                             const std::string& schema = "open311-schema.json") {
  std::string cmd =
      "/usr/bin/python3 -c 'import json, sys, jsonschema; "
      "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])), "
      "format_checker=jsonschema.FormatChecker())' '" +
      (test::issues_test_dir() / schema).string() + "' '" + file.string() + "' 2>/dev/null";
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
  CHECK(validate_with_jsonschema(f.tmp / "bad.json") != 0);             // the check does check
  for (const char* key : {"zipcode", "service_notice", "media_url"}) {  // every key required
    json missing = json::parse(test::read_file(out));
    missing[1].erase(key);
    test::write_file(f.tmp / "bad.json", missing.dump());
    CHECK(validate_with_jsonschema(f.tmp / "bad.json") != 0);
  }
  json half = json::parse(test::read_file(out));
  half[0]["long"] = nullptr;  // lat without long
  test::write_file(f.tmp / "bad.json", half.dump());
  CHECK(validate_with_jsonschema(f.tmp / "bad.json") != 0);
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
  CHECK(e.requests[1]["lat"].is_null());
  CHECK(e.requests[1]["long"].is_null());
  CHECK(e.requests[1]["media_url"].is_null());
  for (const char* key : {"service_notice", "expected_datetime", "address_id", "zipcode"}) {
    INFO(key);
    CHECK(road.contains(key));
    CHECK(road[key].is_null());
  }
}

TEST_CASE("Open311 updated_datetime is the date of the last status change, not when the row was written") {
  test::IssuesFixture f;
  fill(f);
  auto e = open311_requests(f.db(), f.orgs(), f.kyodotai, {});
  REQUIRE(e.requests.size() == 2);
  CHECK(e.requests[0]["updated_datetime"] == "2026-04-10T00:00:00+09:00");  // 市へ要望 on 4/10
  CHECK(e.requests[1]["updated_datetime"] == "2026-06-01T00:00:00+09:00");  // 解決 on 6/1
  // The change's date, whenever the row is written; a note after it is not a change of status.
  sdk::Statement find(f.db(), "SELECT id FROM issues_issues WHERE title = '市道の舗装に穴'");
  REQUIRE(find.step());
  IssueId road = find.get_int(0);
  set_status(f.db(), road, "declined", "見送り", {2026, 7, 5});
  add_note(f.db(), road, "来年度に再要望", {2026, 8, 1});
  e = open311_requests(f.db(), f.orgs(), f.kyodotai, {});
  CHECK(e.requests[0]["updated_datetime"] == "2026-07-05T00:00:00+09:00");
  CHECK(e.requests[0]["status"] == "closed");
}

TEST_CASE("Open311 coordinates are stored and written at 6 decimals without binary noise") {
  test::IssuesFixture f;
  IssueInput in;
  in.org = f.first;
  in.title = "髙﨑さん宅前の防犯灯";
  in.category = "防犯";
  in.place = "一関市テスト町3-4";
  in.lat = 38.935500000000005;
  in.lon = 141.12670000000003;
  in.reported_on = {2026, 4, 1};
  auto id = create_issue(f.db(), f.orgs(), in);
  set_status(f.db(), id, "to_city", "市の管理", {2026, 4, 2});
  sdk::Statement st(f.db(), "SELECT lat, lon FROM issues_issues WHERE id = ?");
  st.bind(1, id);
  REQUIRE(st.step());
  CHECK(st.get_double(0) == 38.9355);
  CHECK(st.get_double(1) == 141.1267);
  // A value written before the rounding, with its noise, is written rounded too.
  sdk::Statement(f.db(), "UPDATE issues_issues SET lat = 38.123456789 WHERE id = ?").bind_all(id).run();
  auto out = f.tmp / "requests.json";
  save_open311(f.db(), f.orgs(), f.kyodotai, {}, out, f.tmp / "media");
  std::string text = test::read_file(out);
  CHECK_THAT(text, Catch::Contains("\"lat\": 38.123457,") && Catch::Contains("\"long\": 141.1267,"));
  CHECK_THAT(text, !Catch::Contains("0000000"));
  CHECK(validate_with_jsonschema(out) == 0);
}

TEST_CASE("the Open311 service list has one service per service_code and passes its schema") {
  test::IssuesFixture f;
  add_category(f.db(), f.orgs(), f.first, {"ｶﾗｽ対策", 0, "", ""});  // own category: service "other"
  json services = open311_services(f.db(), f.orgs(), f.first);
  REQUIRE(services.size() == 11);
  CHECK(services[0]["service_code"] == "crime-prevention");
  CHECK(services[0]["service_name"] == "防犯（防犯灯・見守り）");
  CHECK(services[0]["metadata"] == false);
  CHECK(services[0]["type"] == "batch");
  json other = services.back();
  CHECK(other["service_code"] == "other");
  CHECK(other["keywords"] == "ｶﾗｽ対策,その他");
  auto out = f.tmp / "services.json";
  CHECK(save_open311_services(f.db(), f.orgs(), f.first, out) == 11);
  CHECK(validate_with_jsonschema(out, "open311-services-schema.json") == 0);
  json bad = json::parse(test::read_file(out));
  bad[0]["group"] = 3;
  test::write_file(f.tmp / "bad.json", bad.dump());
  CHECK(validate_with_jsonschema(f.tmp / "bad.json", "open311-services-schema.json") != 0);
}
