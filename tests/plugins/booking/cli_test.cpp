// End to end through the real wasshoi-cli and the real booking plugin.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>

#include "scratch_db.hpp"
#include "test_support.hpp"

using namespace wasshoi;
using nlohmann::json;

namespace {

struct Cli {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  std::string db = scratch.target();
  std::string jichikai, support;

  Cli() {
    jichikai = std::to_string(
        ok({"org", "add", "--kind", "jichikai", "--name", "わっしょい第一自治会"})["id"].get<int>());
    support = std::to_string(
        ok({"org", "add", "--kind", "support", "--name", "わっしょい地区公民館"})["id"].get<int>());
  }
  test::RunResult run(std::vector<std::string> args) {
    args.insert(args.begin(), {"--db", db});
    return test::run_cli(args);
  }
  json ok(std::vector<std::string> args) {
    args.push_back("--json");
    auto r = run(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
  std::string room(const std::string& name = "大会議室", const std::string& capacity = "60") {
    return std::to_string(ok({"booking",
                              "facility",
                              "add",
                              "--owner",
                              support,
                              "--name",
                              name,
                              "--capacity",
                              capacity,
                              "--slot",
                              "午前=9:00-12:00:1200",
                              "--slot",
                              "午後=13:00-17:00:1600",
                              "--open",
                              "9:00",
                              "--close",
                              "21:00",
                              "--equipment",
                              "プロジェクター=1",
                              "--equipment",
                              "長机=20"})["id"]
                              .get<int>());
  }
  std::size_t bookings() { return ok({"booking", "list", "--all"}).size(); }
};

}  // namespace

TEST_CASE("cli: facility add and list, with --json giving an object with id and an array") {
  Cli c;
  std::string id = c.room();
  json list = c.ok({"booking", "facility", "list"});
  REQUIRE(list.is_array());
  REQUIRE(list.size() == 1);
  CHECK(std::to_string(list[0]["id"].get<int>()) == id);
  CHECK(list[0]["slots"][1]["name"] == "午後");
  CHECK(list[0]["equipment"][1]["quantity"] == 20);
  CHECK(list[0]["owner"] == "わっしょい地区公民館");
}

TEST_CASE("cli: a conflict exits 1 naming the booking it collides with") {
  Cli c;
  std::string room = c.room();
  json first = c.ok({"booking", "add", "--facility", room, "--date", "2026-05-10", "--slot", "午前",
                     "--purpose", "役員会", "--org", c.jichikai});
  CHECK(first["status"] == "approved");
  CHECK(first["fee"] == 1200);
  auto r = c.run({"booking", "add", "--facility", room, "--date", "2026-05-10", "--start", "11:00", "--end",
                  "13:00", "--org", c.jichikai});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("booking #" + std::to_string(first["id"].get<int>())));
  CHECK(c.bookings() == 1);
}

TEST_CASE("cli: bad input gets a clear message, exit 1, and nothing is written") {
  Cli c;
  std::string room = c.room("和室", "20");
  auto refused = [&](std::vector<std::string> extra, const char* words) {
    std::vector<std::string> args = {"booking", "add", "--facility", room, "--org", c.jichikai};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = c.run(args);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(words));
  };
  refused({"--date", "2026-05-10", "--start", "12:00", "--end", "10:00"}, "before it starts");
  refused({"--date", "2026-05-10", "--slot", "午前", "--people", "35"}, "holds 20 people");
  refused({"--date", "2026-12-30", "--slot", "午前"}, "年末年始");
  refused({"--date", "2026-13-45", "--slot", "午前"}, "is not a date");
  refused({"--date", "2026-05-10", "--slot", "夜間"}, "has no slot");
  auto unknown = c.run(
      {"booking", "add", "--facility", "99", "--date", "2026-05-10", "--slot", "午前", "--org", c.jichikai});
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("no facility with id 99"));
  CHECK(c.bookings() == 0);
}

TEST_CASE(
    "cli: --repeat monthly-nth:2SU lists the problem dates and books nothing, --skip-conflicts books the "
    "rest") {
  Cli c;
  std::string room = c.room();
  c.ok({"booking", "facility", "close", room, "--date", "2026-07-12", "--reason", "選挙 投票所"});
  c.ok({"booking", "add", "--facility", room, "--date", "2026-10-11", "--start", "11:00", "--end", "13:00",
        "--org", c.jichikai});
  std::vector<std::string> series = {
      "booking", "add",   "--facility", room,     "--date",   "2026-04-12",
      "--start", "10:00", "--end",      "12:00",  "--repeat", "monthly-nth:2SU",
      "--count", "12",    "--purpose",  "役員会", "--org",    c.jichikai};
  auto refused = c.run(series);
  CHECK(refused.exit_code == 1);
  CHECK_THAT(refused.err,
             Catch::Contains("2 of 12") && Catch::Contains("2026-07-12") && Catch::Contains("2026-10-11"));
  CHECK(c.bookings() == 1);
  series.push_back("--skip-conflicts");
  json done = c.ok(series);
  CHECK(done["booked"].size() == 10);
  CHECK(done["skipped"].size() == 2);
  CHECK(done["skipped"][0]["date"] == "2026-07-12");
  json list = c.ok({"booking", "series", "list"});
  CHECK(list[0]["skipped_or_cancelled"].size() == 2);
  json cancelled = c.ok({"booking", "series", "cancel", std::to_string(done["id"].get<int>()), "--from",
                         "2027-01-01", "--reason", "会場変更"});
  CHECK(cancelled["cancelled"] == 3);
}

TEST_CASE("cli: free, usage (CSV and PDF), export-ics, cancel") {
  Cli c;
  std::string room = c.room();
  json b = c.ok(
      {"booking", "add", "--facility", room, "--date", "2027-03-07", "--slot", "午後", "--org", c.jichikai});
  json free = c.ok({"booking", "free", "--people", "30", "--weekday", "SU", "--slot", "午後", "--from",
                    "2027-03-01", "--to", "2027-03-31"});
  CHECK(free.size() == 3);
  json usage = c.ok({"booking", "usage", "--from", "2027-03-01", "--to", "2027-03-31", "--csv",
                     (c.tmp / "u.csv").string(), "--pdf", (c.tmp / "u.pdf").string()});
  CHECK(usage["rooms"][0]["bookings"] == 1);
  CHECK(test::read_file(c.tmp / "u.csv").starts_with("\xEF\xBB\xBF"));
  CHECK(test::read_file(c.tmp / "u.pdf").starts_with("%PDF"));
  c.ok({"booking", "export-ics", "--out", (c.tmp / "room.ics").string(), "--facility", room});
  c.ok({"booking", "export-ics", "--out", (c.tmp / "org.ics").string(), "--org", c.jichikai});
  CHECK_THAT(test::read_file(c.tmp / "org.ics"), Catch::Contains("BEGIN:VEVENT"));
  std::string id = std::to_string(b["id"].get<int>());
  CHECK(c.ok({"booking", "cancel", id, "--reason", "雨天中止"})["status"] == "cancelled");
  CHECK(c.ok({"booking", "list"}).empty());
}

TEST_CASE("cli: the demo adds rooms and a year of bookings and series, the same every time") {
  test::ScratchDb first, second;  // the engine under test (WASSHOI_TEST_DB)
  auto listing = [&](const std::string& db) {
    REQUIRE(test::run_cli({"--db", db, "demo"}).exit_code == 0);
    auto r = test::run_cli({"--db", db, "booking", "list", "--json"});
    REQUIRE(r.exit_code == 0);
    return r.out;
  };
  std::string a = listing(first.target());
  json list = json::parse(a);
  CHECK(list.size() > 300);
  CHECK(a == listing(second.target()));
  auto rooms = test::run_cli({"--db", first.target(), "booking", "facility", "list", "--json"});
  CHECK(json::parse(rooms.out).size() == 4);
}

TEST_CASE(
    "cli: a weekly series with its first date approved exports one CONFIRMED and two TENTATIVE "
    "occurrences that python3-icalendar expands to what booking list says") {
  Cli c;
  std::string room =
      std::to_string(c.ok({"booking", "facility", "add", "--owner", c.support, "--name", "和室", "--capacity",
                           "20", "--open", "9:00", "--close", "21:00", "--approval", "--free-times"})["id"]
                         .get<int>());
  json series = c.ok({"booking", "add", "--facility", room, "--date", "2026-05-12", "--start", "19:00",
                      "--end", "21:00", "--repeat", "weekly", "--count", "3", "--purpose",
                      "髙﨑班 𠮷田さん送別会", "--org", c.jichikai});
  REQUIRE(series["booked"].size() == 3);
  c.ok({"booking", "approve", std::to_string(series["booked"][0].get<int>())});
  json list = c.ok({"booking", "list"});
  REQUIRE(list.size() == 3);
  CHECK(list[0]["status"] == "approved");
  CHECK(list[1]["status"] == "tentative");

  for (const std::string scope : {"--facility", "--org"}) {
    INFO(scope);
    std::string ics = (c.tmp / "s.ics").string();
    c.ok({"booking", "export-ics", "--out", ics, scope, scope == "--org" ? c.jichikai : room});
    std::string text = test::read_file(ics);
    CHECK_THAT(text, Catch::Contains("RECURRENCE-ID;TZID=Asia/Tokyo:20260512T190000"));
    // Expand the file as a calendar client does: the rule from DTSTART, minus EXDATE, each
    // occurrence replaced by the VEVENT of the same UID whose RECURRENCE-ID names it.
    test::write_file(c.tmp / "expand.py",
                     "import sys, json, icalendar\n"
                     "from dateutil.rrule import rrulestr\n"
                     "cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n"
                     "out = {}\n"
                     "evs = list(cal.walk('VEVENT'))\n"
                     "for e in evs:\n"
                     "    if 'RECURRENCE-ID' in e: continue\n"
                     "    s, en = e['DTSTART'].dt, e['DTEND'].dt\n"
                     "    starts = [s]\n"
                     "    if 'RRULE' in e:\n"
                     "        starts = list(rrulestr(e['RRULE'].to_ical().decode(), dtstart=s))\n"
                     "        ex = e.get('EXDATE', [])\n"
                     "        ex = ex if isinstance(ex, list) else [ex]\n"
                     "        gone = {d.dt for x in ex for d in x.dts}\n"
                     "        starts = [t for t in starts if t not in gone]\n"
                     "    for t in starts:\n"
                     "        out[(str(e['UID']), t)] = (t, t + (en - s), str(e['STATUS']))\n"
                     "for e in evs:\n"
                     "    if 'RECURRENCE-ID' not in e: continue\n"
                     "    key = (str(e['UID']), e['RECURRENCE-ID'].dt)\n"
                     "    assert key in out, key\n"
                     "    out[key] = (e['DTSTART'].dt, e['DTEND'].dt, str(e['STATUS']))\n"
                     "fmt = lambda d: d.strftime('%Y-%m-%dT%H:%M')\n"
                     "print(json.dumps(sorted([fmt(a), fmt(b), st] for a, b, st in out.values())))\n");
    auto r = test::run_program("/usr/bin/python3", {(c.tmp / "expand.py").string(), ics});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    json expanded = json::parse(r.out);
    json expected = json::array();
    for (const auto& b : list)
      expected.push_back({b["start"], b["end"], b["status"] == "approved" ? "CONFIRMED" : "TENTATIVE"});
    CHECK(expanded == expected);
    CHECK(expanded[0][2] == "CONFIRMED");
    CHECK(expanded[1][2] == "TENTATIVE");
    CHECK(expanded[2][2] == "TENTATIVE");
  }
}
