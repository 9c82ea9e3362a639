// wasshoi-cli issues …: the real program, the real plugins, a real database file.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "issues_test_support.hpp"

using namespace wasshoi;
using nlohmann::json;

namespace {
struct Cli {
  test::TempDir tmp;
  test::ScratchDb scratch;
  std::string db = scratch.target();
  std::string org;

  Cli() {
    org = std::to_string(
        json::parse(run({"org", "add", "--kind", "jichikai", "--name", "山目第一自治会"}).out)["id"]
            .get<long long>());
    run({"org", "han", "add", org, "3班"}, false);
  }
  test::RunResult run(std::vector<std::string> args, bool must_succeed = true) {
    args.insert(args.begin(), {"--db", db});
    args.push_back("--json");
    auto r = test::run_cli(args);
    if (must_succeed) REQUIRE(r.exit_code == 0);
    return r;
  }
  json issue(std::vector<std::string> args) {
    args.insert(args.begin(), {"issues", "add", "--org", org});
    return json::parse(run(args).out);
  }
  long long count() { return json::parse(run({"--org", org, "issues", "list"}).out).size(); }
};
}  // namespace

TEST_CASE("issues add prints one object with its id, list prints an array") {
  Cli c;
  json added = c.issue({"--title", "防犯灯が切れている", "--category", "防犯", "--place", "公民館裏", "--lat",
                        "38.93", "--long", "141.12", "--priority", "高", "--date", "令和8年5月10日",
                        "--photo", (test::issues_test_dir() / "data" / "pothole.png").string()});
  CHECK(added["id"].is_number_integer());
  CHECK(added["reported_on"] == "2026-05-10");
  CHECK(added["photos"] == 1);
  CHECK(added["priority"] == 1);
  json list = json::parse(c.run({"--org", c.org, "issues", "list"}).out);
  REQUIRE(list.is_array());
  REQUIRE(list.size() == 1);
  CHECK(list[0]["id"] == added["id"]);
}

TEST_CASE("bad input to issues add exits 1 with a message naming what and where, and writes nothing") {
  Cli c;
  auto bad = [&](std::vector<std::string> args, const std::string& message) {
    args.insert(args.begin(), {"issues", "add", "--org", c.org, "--title", "x"});
    auto r = c.run(args, false);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains(message));
  };
  bad({"--category", "宇宙"}, "category '宇宙'");
  bad({"--category", "防犯", "--date", "2026-13-45"}, "--date: '2026-13-45' is not a date");
  bad({"--category", "防犯", "--han", "9班"}, "班 '9班'");
  bad({"--category", "防犯", "--photo", (c.tmp / "missing.png").string()}, "cannot read");
  bad({"--category", "防犯", "--priority", "最高"}, "priority '最高'");
  bad({"--category", "防犯", "--lat", "38.9"}, "lat/long");
  CHECK(c.count() == 0);
}

TEST_CASE("support, status, merge, agenda, bundle and Open311 export work from the command line") {
  Cli c;
  auto a =
      std::to_string(c.issue({"--title", "除雪が遅い", "--category", "道路・除雪"})["id"].get<long long>());
  auto b =
      std::to_string(c.issue({"--title", "坂道が凍る", "--category", "道路・除雪"})["id"].get<long long>());
  c.run({"--org", c.org, "issues", "support", a, "--guest", "佐藤", "--guest", "ｻﾄｳ", "--guest", "鈴木"});
  c.run({"--org", c.org, "issues", "support", b, "--guest", "さとう", "--guest", "高橋"});
  json moved = json::parse(
      c.run({"--org", c.org, "issues", "status", a, "市へ要望", "--note", "市道", "--date", "2026-05-01"})
          .out);
  CHECK(moved["status"] == "to_city");
  auto refused = c.run({"--org", c.org, "issues", "status", a, "受付"}, false);
  CHECK(refused.exit_code == 1);
  json merged = json::parse(c.run({"--org", c.org, "issues", "merge", a, b}).out);
  CHECK(merged["supporters"] ==
        4);  // 佐藤 = ｻﾄｳ = さとう, 鈴木, 高橋 … and 佐藤 (kanji) folds apart from さとう
  CHECK(c.count() == 1);

  auto pdf = (c.tmp / "k.pdf").string();
  CHECK(json::parse(c.run({"--org", c.org, "issues", "agenda", "--out", pdf}).out)["issues"] == 1);
  CHECK_THAT(test::pdf_text(pdf), Catch::Contains("除雪が遅い"));
  auto csv = (c.tmp / "k.csv").string();
  c.run({"--org", c.org, "issues", "agenda", "--out", csv});
  CHECK_THAT(test::read_file(csv), Catch::Contains("除雪が遅い"));
  auto wrong = c.run({"--org", c.org, "issues", "agenda", "--out", (c.tmp / "k.docx").string()}, false);
  CHECK(wrong.exit_code == 1);

  auto bundle = (c.tmp / "b.json").string();
  c.run({"--org", c.org, "issues", "bundle", "export", "--out", bundle});
  json again = json::parse(c.run({"--org", c.org, "issues", "bundle", "import", bundle}).out);
  CHECK(again["unchanged"] == 1);
  CHECK(c.count() == 1);

  auto o311 = (c.tmp / "o.json").string();
  CHECK(json::parse(c.run({"--org", c.org, "issues", "export", "--format", "open311", "--out", o311})
                        .out)["requests"] == 1);
  CHECK(json::parse(test::read_file(o311))[0]["status"] == "open");
  auto services = (c.tmp / "services.json").string();
  CHECK(json::parse(c.run({"--org", c.org, "issues", "export", "--format", "services", "--out", services})
                        .out)["services"] == 11);
  CHECK(json::parse(test::read_file(services))[0]["service_code"] == "crime-prevention");
  auto unknown = c.run({"--org", c.org, "issues", "export", "--format", "csv", "--out", o311}, false);
  CHECK(unknown.exit_code == 1);
  CHECK_THAT(unknown.err, Catch::Contains("services"));
}
