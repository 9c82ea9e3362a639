// A household whose stored 加入日/退会日 is not a date (a hand-edited file, an old tool): the
// roster still lists it — the date empty, never a made-up one, never an error for the whole
// 自治会 — and the officer can correct it. sdk/db.hpp's one policy for stored dates.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "core/households.hpp"
#include "core/roster.hpp"
#include "members_fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::members;

namespace {

HouseholdId nth_household(test::RosterDb& r, int n) {
  return *sdk::query_int(r.db(),
                         "SELECT id FROM members_households ORDER BY id LIMIT 1 OFFSET " + std::to_string(n));
}

}  // namespace

TEST_CASE("members: a household with a broken joined_on or left_on is still listed and correctable") {
  test::RosterDb r;
  r.import_fixture("roster_utf8_bom.csv");
  const HouseholdId broken = nth_household(r, 0), gone = nth_household(r, 1), fine = nth_household(r, 2);
  sdk::Statement(r.db(), "UPDATE members_households SET joined_on = '2024-04-01' WHERE id = ?")
      .bind(1, fine)
      .run();
  r.db().exec("UPDATE members_households SET joined_on = '令和6年4月1日' WHERE id = " +
              std::to_string(broken));
  r.db().exec("UPDATE members_households SET left_on = 'そのうち' WHERE id = " + std::to_string(gone));

  RosterQuery all{.org = r.org, .membership = Membership::All};
  std::vector<RosterRow> rows;
  REQUIRE_NOTHROW(rows = roster(r.db(), all));
  CHECK(static_cast<std::int64_t>(rows.size()) == r.count("members_persons"));
  int seen_broken = 0, seen_gone = 0;
  for (const auto& row : rows) {
    if (row.household == broken) {
      ++seen_broken;
      CHECK(row.joined == std::nullopt);  // not a made-up date
    }
    if (row.household == gone) {
      ++seen_gone;
      CHECK(row.left == std::nullopt);
    }
    if (row.household == fine) CHECK(row.joined == sdk::Date{2024, 4, 1});
  }
  CHECK(seen_broken > 0);
  CHECK(seen_gone > 0);
  // Sorting by 加入日 keeps every row too.
  all.sort = RosterSort::Joined;
  CHECK(roster(r.db(), all).size() == rows.size());

  Household h = get_household(r.db(), broken);
  CHECK(h.data.joined == std::nullopt);
  h.data.joined = sdk::Date{2024, 4, 1};  // the officer types the right date in the household's form
  update_household(r.db(), broken, h.data);
  CHECK(get_household(r.db(), broken).data.joined == sdk::Date{2024, 4, 1});
  CHECK(*sdk::query_text(r.db(), "SELECT joined_on FROM members_households WHERE id = " +
                                     std::to_string(broken)) == "2024-04-01");
}

TEST_CASE("members: `members list` and `household show` go on past a broken date (null in JSON)") {
  test::RosterDb r;
  r.import_fixture("roster_utf8_bom.csv");
  const HouseholdId broken = nth_household(r, 0);
  r.db().exec("UPDATE members_households SET joined_on = 'garbage' WHERE id = " + std::to_string(broken));
  const std::string db = r.db().path().string(), org = std::to_string(r.org);

  auto list = test::run_cli({"--db", db, "--org", org, "members", "list", "--status", "all", "--json"});
  REQUIRE(list.exit_code == 0);
  auto rows = nlohmann::json::parse(list.out);
  CHECK(static_cast<std::int64_t>(rows.size()) == r.count("members_persons"));
  bool found = false;
  for (const auto& row : rows)
    if (row["household_id"] == broken) {
      found = true;
      CHECK(row["joined"].is_null());
    }
  CHECK(found);

  auto show = test::run_cli(
      {"--db", db, "--org", org, "members", "household", "show", std::to_string(broken), "--json"});
  REQUIRE(show.exit_code == 0);
  CHECK(nlohmann::json::parse(show.out)["joined"].is_null());
}
