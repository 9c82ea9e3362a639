// wasshoi-cli minutes end to end: the real program, the real plugin libraries, a real file.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "fixture.hpp"

using namespace wasshoi;
using nlohmann::json;

namespace {

struct Cli {
  test::TempDir tmp;
  test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
  std::string db = scratch.target();
  json demo;
  Cli() {
    auto r = test::run_cli({"--db", db, "demo", "--households", "80", "--json"});
    REQUIRE(r.exit_code == 0);
    demo = json::parse(r.out);
  }
  std::string org() const { return std::to_string(demo["id"].get<std::int64_t>()); }
  test::RunResult run(std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db, "--org", org()});
    return test::run_cli(args);
  }
  json ok(std::vector<std::string> args) {
    args.push_back("--json");
    auto r = run(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }
};

std::string id_of(const json& j) {
  return std::to_string(j["id"].get<std::int64_t>());
}

}  // namespace

TEST_CASE(
    "cli: the demo 総会 of the sample 自治会 is quorate and its PDF has the 議案, the counts and the 和暦 "
    "date") {
  Cli c;
  json list = c.ok({"minutes", "list", "--kind", "総会"});
  REQUIRE(list.is_array());
  REQUIRE(list.size() == 1);
  const std::string id = id_of(list[0]);
  json show = c.ok({"minutes", "show", id});
  const auto& q = show["quorum"];
  CHECK(q["quorate"].get<bool>());
  CHECK(q["present"].get<int>() * 100 / q["base"].get<int>() >= 38);
  CHECK(q["proxies"].get<int>() > 0);
  auto out = (c.tmp / "sokai.pdf").string();
  c.ok({"minutes", "export", id, "--format", "pdf", "--out", out});
  const std::string text = test::squeeze(test::pdf_text(out));
  CHECK_THAT(text, Catch::Contains("本総会は成立した"));
  CHECK_THAT(text, Catch::Contains("令和8年4月19日"));
  for (const auto& item : show["agenda"]) {
    std::string title = item["title"];
    std::erase(title, ' ');
    CHECK_THAT(text, Catch::Contains(title));
    CHECK_THAT(text, Catch::Contains("賛成" + std::to_string(item["votes"]["for"].get<int>()) + "、反対" +
                                     std::to_string(item["votes"]["against"].get<int>())));
  }
}

TEST_CASE("cli: add, attend, vote and export with --json, one object with an id, lists as arrays") {
  Cli c;
  json m = c.ok({"minutes", "add", "--kind", "役員会", "--start", "2027-04-10 19:00", "--end",
                 "2027-04-10 20:30", "--place", "集会所", "--chair", "髙橋 一郎", "--template"});
  const std::string id = id_of(m);
  CHECK(m["title"] == "令和9年度 第1回 役員会");
  json found = c.ok({"minutes", "find", "一関"});
  REQUIRE(found.is_array());
  REQUIRE(found.size() >= 3);
  json att = c.ok({"minutes", "attend", id, "--person", id_of(found[0]), "--person", id_of(found[1]),
                   "--person", id_of(found[2]), "--guest", "地域 花子", "--affiliation", "地域担当職員"});
  CHECK(att["id"] == m["id"]);
  CHECK(att["voters"] == 3);
  json vote = c.ok({"minutes", "vote", id, "3", "--for", "2", "--against", "1", "--notes", "異議なく了承"});
  CHECK(vote["result"] == "approved");
  CHECK(vote["votes"]["for"] == 2);
  json action = c.ok(
      {"minutes", "action", id, "--what", "街路灯の修繕を依頼する", "--who", "会長", "--due", "2027-04-30"});
  CHECK(action["status"] == "open");
  CHECK(c.ok({"minutes", "actions", "--overdue", "--today", "2027-05-01"}).is_array());
  auto ics = (c.tmp / "m.ics").string();
  c.ok({"minutes", "export", id, "--format", "ics", "--out", ics});
  CHECK_THAT(test::read_file(ics), Catch::Contains("UID:minutes-" + id + "@wasshoi"));
  auto md = (c.tmp / "m.md").string();
  c.ok({"minutes", "export", id, "--format", "md", "--out", md});
  CHECK_THAT(test::read_file(md), Catch::Contains("賛成2、反対1、棄権0"));
}

TEST_CASE("cli: bad input exits 1 with a clear message and writes nothing") {
  Cli c;
  json m = c.ok(
      {"minutes", "add", "--kind", "役員会", "--start", "2027-04-10 19:00", "--end", "2027-04-10 20:30"});
  const std::string id = id_of(m);
  json found = c.ok({"minutes", "find", "一関"});
  c.ok({"minutes", "attend", id, "--person", id_of(found[0]), "--person", id_of(found[1])});
  c.ok({"minutes", "item", id, "会費の改定について"});
  const json before = c.ok({"minutes", "show", id});

  auto r = c.run({"minutes", "vote", id, "1", "--for", "2", "--against", "1"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("add up to 3") && Catch::Contains("only 2 may vote"));
  r = c.run(
      {"minutes", "add", "--kind", "役員会", "--start", "2027-05-08 19:00", "--end", "2027-05-08 18:00"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("must be after the start"));
  r = c.run({"minutes", "sign", id, "--signatory", "佐藤 一郎"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("two 議事録署名人"));
  r = c.run({"minutes", "show", "98765"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("no meeting with id 98765"));
  // An attend that fails half-way (second person unknown) leaves the first unrecorded too.
  r = c.run({"minutes", "attend", id, "--person", id_of(found[2]), "--person", "99999999"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("no person with id 99999999"));
  CHECK(c.ok({"minutes", "show", id}) == before);
  CHECK(c.ok({"minutes", "list", "--from", "2027-05-01"}).empty());
}

TEST_CASE("cli: sign, approve at a later meeting, a second approval is refused, reopen is logged") {
  Cli c;
  json a = c.ok(
      {"minutes", "add", "--kind", "役員会", "--start", "2027-04-10 19:00", "--end", "2027-04-10 20:30"});
  json b = c.ok(
      {"minutes", "add", "--kind", "役員会", "--start", "2027-05-08 19:00", "--end", "2027-05-08 20:30"});
  CHECK(c.ok({"minutes", "sign", id_of(a), "--signatory", "佐藤 一郎", "--signatory", "鈴木 花子", "--on",
              "2027-04-17"})["state"] == "signed");
  CHECK(c.ok({"minutes", "approve", id_of(a), "--at", id_of(b)})["state"] == "approved");
  auto r = c.run({"minutes", "approve", id_of(a), "--at", id_of(b)});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("approved already"));
  r = c.run({"minutes", "item", id_of(a), "追加"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("locked"));
  CHECK(c.ok({"minutes", "reopen", id_of(a), "--reason", "誤記訂正"})["state"] == "draft");
}

TEST_CASE("cli: the demo is deterministic and carries open action items to the next 役員会") {
  Cli c1, c2;
  json l1 = c1.ok({"minutes", "actions", "--all"});
  json l2 = c2.ok({"minutes", "actions", "--all"});
  CHECK(l1 == l2);
  // Monthly in 令和8年度 (the demo also holds the January 役員会 of the 年度 before).
  json boards = c1.ok({"minutes", "list", "--kind", "役員会", "--from", "2026-04-01", "--to", "2027-03-31"});
  REQUIRE(boards.size() == 12);
  int carried = 0;
  for (const auto& b : boards)
    carried += static_cast<int>(c1.ok({"minutes", "show", id_of(b)})["carried_actions"].size());
  CHECK(carried > 0);
  CHECK(boards[0]["state"] == "approved");
}

TEST_CASE("cli: a demo of 1, 2, 3 or 5 households works and two different people sign each minutes") {
  for (const int households : {1, 2, 3, 5}) {
    INFO("--households " << households);
    test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
    const auto path = scratch.target();
    auto r = test::run_cli({"--db", path, "demo", "--households", std::to_string(households)});
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto db = sdk::Database::open(path, sdk::Database::Mode::ReadOnly);
    auto count = [&](const char* sql) { return sdk::query_int(db, sql).value_or(-1); };
    CHECK(count("SELECT count(*) FROM minutes_signatories") > 0);
    CHECK(count("SELECT count(*) FROM minutes_meetings WHERE state IN ('signed', 'approved') AND "
                "(SELECT count(DISTINCT name) FROM minutes_signatories s WHERE s.meeting_id = "
                "minutes_meetings.id) != 2") == 0);
    CHECK(count("SELECT count(*) FROM minutes_signatories s WHERE NOT EXISTS "
                "(SELECT 1 FROM minutes_meetings m WHERE m.id = s.meeting_id AND m.state IN ('signed', "
                "'approved'))") == 0);
  }
}

TEST_CASE("cli: a small demo is deterministic: the same meetings and signers for the same --households") {
  auto signers = []() {
    test::ScratchDb scratch;  // the engine under test (WASSHOI_TEST_DB)
    const auto path = scratch.target();
    REQUIRE(test::run_cli({"--db", path, "demo", "--households", "3"}).exit_code == 0);
    auto db = sdk::Database::open(path, sdk::Database::Mode::ReadOnly);
    return sdk::query_text(db,
                           "SELECT string_agg(line, '|') FROM (SELECT m.title || m.state || "
                           "coalesce(s.position || s.name, '') AS line FROM minutes_meetings m LEFT JOIN "
                           "minutes_signatories s ON s.meeting_id = m.id ORDER BY m.id, s.position) AS lines")
        .value_or("");
  };
  const std::string first = signers();
  CHECK_FALSE(first.empty());
  CHECK(first == signers());
}

TEST_CASE("cli: a 議決 corrected with --reason and a 総会 household's attendance with presence") {
  Cli c;
  json m = c.ok(
      {"minutes", "add", "--kind", "役員会", "--start", "2027-04-10 19:00", "--end", "2027-04-10 20:30"});
  const std::string id = id_of(m);
  json found = c.ok({"minutes", "find", "一関"});
  c.ok({"minutes", "attend", id, "--person", id_of(found[0]), "--person", id_of(found[1]), "--person",
        id_of(found[2])});
  c.ok({"minutes", "item", id, "会費の改定について"});
  c.ok({"minutes", "vote", id, "1", "--for", "2", "--against", "1"});
  json fixed =
      c.ok({"minutes", "vote", id, "1", "--for", "1", "--against", "2", "--reason", "挙手の数え違い"});
  CHECK(fixed["result"] == "rejected");
  // No reason: an ordinary vote, as before; a correction of an item never voted is refused.
  c.ok({"minutes", "item", id, "防犯灯について"});
  auto r = c.run({"minutes", "vote", id, "2", "--for", "3", "--reason", "訂正"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("record it first"));

  json sokai = c.ok(
      {"minutes", "add", "--kind", "臨時総会", "--start", "2027-06-13 10:00", "--end", "2027-06-13 11:00"});
  json households = c.ok({"minutes", "find", "一関", "--households"});
  const std::string h = id_of(households[0]);
  c.ok({"minutes", "attend", id_of(sokai), "--household", h});
  json p = c.ok({"minutes", "presence", id_of(sokai), "--household", h, "--to", "委任状", "--reason",
                 "受付で取り違え"});
  CHECK(p["presence"] == "委任状");
  r = c.run({"minutes", "presence", id_of(sokai), "--household", h, "--to", "委任状", "--reason", "再確認"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("already"));

  sdk::Database db = sdk::Database::open(c.db, sdk::Database::Mode::ReadOnly);
  CHECK_THAT(
      sdk::query_text(db, "SELECT detail FROM audit_log WHERE action = 'minutes.vote_correct'").value_or(""),
      Catch::Contains("賛成2 反対1 棄権0 可決 → 賛成1 反対2 棄権0 否決: 挙手の数え違い"));
  CHECK_THAT(sdk::query_text(db, "SELECT detail FROM audit_log WHERE action = 'minutes.attend_correct'")
                 .value_or(""),
             Catch::Contains("出席 → 委任状: 受付で取り違え"));
}
