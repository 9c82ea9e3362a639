// Minutes with the other plugins present: the place from a facility booking (FacilityDirectory,
// booking plugin) and a 議案 turned into a local issue (IssueTracker, issues plugin).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fixture.hpp"

using namespace wasshoi;
using nlohmann::json;

namespace {
json ok(const std::string& db, std::vector<std::string> args) {
  args.insert(args.end(), {"--db", db, "--org", "2", "--json"});
  auto r = test::run_cli(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}
}  // namespace

TEST_CASE(
    "with the booking plugin a meeting takes its place from a booking, and a 議案 becomes a local issue") {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  std::string db = scratch.target();
  REQUIRE(test::run_cli({"--db", db, "demo", "--households", "30"}).exit_code == 0);
  json bookings = ok(db, {"booking", "list", "--from", "2026-12-01", "--to", "2026-12-31"});
  REQUIRE_FALSE(bookings.empty());
  auto booking = std::to_string(bookings[0]["id"].get<std::int64_t>());
  json facility = ok(db, {"booking", "facility", "list"});
  json meeting = ok(db, {"minutes", "add", "--kind", "役員会", "--start", "2026-12-13 10:00", "--end",
                         "2026-12-13 11:30", "--booking", booking});
  CHECK(meeting["booking_id"] == bookings[0]["id"]);
  bool named = false;
  for (const auto& f : facility)
    named =
        named || meeting["place"].get<std::string>().find(f["name"].get<std::string>()) != std::string::npos;
  CHECK(named);

  auto id = std::to_string(meeting["id"].get<std::int64_t>());
  ok(db,
     {"minutes", "item", id, "通学路のカーブミラー設置について", "--notes", "3班から要望。見通しが悪い。"});
  json issue = ok(db, {"minutes", "issue", id, "1", "--category", "交通安全"});
  json issues = ok(db, {"issues", "list"});
  bool found = false;
  for (const auto& i : issues)
    found = found || (i["id"] == issue["id"] && i["title"] == "通学路のカーブミラー設置について" &&
                      i["category"] == "交通安全");
  CHECK(found);
}
