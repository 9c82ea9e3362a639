// The evaluation plugin's paper through the real CLI: the printed questionnaire, the tally as
// CSV and PDF, the 評価報告書 — pdftotext finds every question and the tallies, and no cross-tab
// cell of fewer than 3 answers shows its count (text, --json, CSV, PDF).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/csv.hpp>

#include "core/surveys.hpp"
#include "fixture.hpp"
#include "pdf_pages.hpp"

using namespace wasshoi;
using namespace wasshoi::evaluation;
using Catch::Matchers::Contains;
using nlohmann::json;

namespace {
struct Drill {
  std::string project, survey, org;
};
// The 防災訓練 with three partners' evaluations and 7 sheets: 北 5, 南 2.
Drill drill(test::EvaluationDb& f) {
  f.close();
  const auto ky = std::to_string(f.kyodotai);
  auto p = f.cli_json({"evaluation", "add", "合同防災訓練", "--form", "実行委員会", "--partner",
                       std::to_string(f.npo), "--partner", std::to_string(f.bosai), "--org", ky},
                      "kyodo");
  const auto id = std::to_string(p["id"].get<int>());
  f.cli_json({"evaluation", "goal", id, "--goal", "参加者を増やす", "--indicator", "参加者数", "--unit", "人",
              "--target", "200", "--achieved", "163", "--org", ky},
             "kyodo");
  f.cli_json({"evaluation", "rate", id, "--item", "goals", "--rating", "5", "--org", ky}, "kyodo");
  f.cli_json({"evaluation", "rate", id, "--item", "goals", "--rating", "4", "--org", std::to_string(f.npo)},
             "npo");
  f.cli_json({"evaluation", "rate", id, "--item", "goals", "--rating", "2", "--cause", "周知が回覧板のみ",
              "--improvement", "学校と連携して周知する", "--org", std::to_string(f.bosai)},
             "bosai");
  auto s = f.cli_json({"evaluation", "survey", "add", id, "参加者アンケート", "--org", ky}, "kyodo");
  const auto sid = std::to_string(s["id"].get<int>());
  f.cli_json({"evaluation", "survey", "question", sid, "--kind", "属性", "--text", "地区", "--choice", "北",
              "--choice", "南", "--org", ky},
             "kyodo");
  f.cli_json({"evaluation", "survey", "question", sid, "--kind", "単一選択", "--text", "また参加したいですか",
              "--choice", "はい", "--choice", "いいえ", "--org", ky},
             "kyodo");
  f.cli_json({"evaluation", "survey", "question", sid, "--kind", "5段階", "--text", "訓練に満足しましたか",
              "--org", ky},
             "kyodo");
  f.cli_json({"evaluation", "survey", "question", sid, "--kind", "自由記述", "--text", "ご意見", "--org", ky},
             "kyodo");
  test::write_file(f.tmp / "sheets.csv",
                   "地区,参加,満足度,意見\n1,1,5,炊き出しがおいしかった\n1,1,5,\n1,1,4,\n1,2,4,\n1,1,3,\n2,2,"
                   "1,道が暗い\n2,1,2,\n");
  f.cli_json({"evaluation", "survey", "import", sid, (f.tmp / "sheets.csv").string(), "--org", ky}, "kyodo");
  return {id, sid, ky};
}
}  // namespace

TEST_CASE("the printed questionnaire has every question and large boxes on A4") {
  test::EvaluationDb f;
  const Drill d = drill(f);
  const auto pdf = f.tmp / "form.pdf";
  f.cli_json({"evaluation", "survey", "print", d.survey, "--out", pdf.string(), "--org", d.org}, "kyodo");
  const std::string text = test::pdf_text(pdf);
  for (const char* s : {"参加者アンケート", "問1", "地区", "問2", "また参加したいですか", "はい", "いいえ",
                        "問3", "訓練に満足しましたか", "そう思う", "どちらともいえない", "問4", "ご意見",
                        "お名前は書かないでください"})
    CHECK_THAT(text, Contains(s));
  CHECK(test::short_pages(pdf).empty());
}

TEST_CASE("the tally hides every cross-tab cell of fewer than 3 answers in text json csv and pdf") {
  test::EvaluationDb f;
  const Drill d = drill(f);
  auto j = f.cli_json({"evaluation", "survey", "tally", d.survey, "--by", "1", "--org", d.org}, "kyodo");
  CHECK(j["sheets"] == 7);
  CHECK(j["questions"][1]["counts"][0]["count"] == 5);  // plain counts are shown
  const auto& again = j["cross"][0];                    // また参加したいですか × 地区
  CHECK(again["rows"][0]["group"] == "北");
  // 北 はい is 4, but with いいえ hidden 5 − 4 would give いいえ's 1: hidden too (complementary).
  CHECK(again["rows"][0]["cells"][0]["value"].is_null());
  CHECK(again["rows"][0]["cells"][0]["suppressed"] == true);
  CHECK(again["rows"][0]["cells"][1]["value"].is_null());  // 北 いいえ: 1
  CHECK(again["rows"][0]["cells"][1]["suppressed"] == true);
  CHECK(again["rows"][1]["answered"]["suppressed"] == true);  // 南: 2 sheets
  CHECK(again["rows"][1]["cells"][0]["suppressed"] == true);
  for (const auto& ct : j["cross"])
    for (const auto& r : ct["rows"])
      for (const auto& c : r["cells"])
        if (!c["suppressed"].get<bool>())
          CHECK((c["value"].get<double>() >= 3 || ct["columns"][0] == "平均"));
  auto text = f.cli({"evaluation", "survey", "tally", d.survey, "--by", "1", "--org", d.org}, "kyodo");
  REQUIRE(text.exit_code == 0);
  CHECK_THAT(text.out, Contains("南\t—\t—\t—"));
  const auto csv = f.tmp / "tally.csv", pdf = f.tmp / "tally.pdf";
  f.cli_json({"evaluation", "survey", "tally", d.survey, "--by", "1", "--out", csv.string(), "--org", d.org},
             "kyodo");
  f.cli_json({"evaluation", "survey", "tally", d.survey, "--by", "1", "--out", pdf.string(), "--org", d.org},
             "kyodo");
  bool south = false;
  for (const auto& rec : sdk::read_csv_bytes(test::read_file(csv)))
    if (rec.fields.size() >= 6 && rec.fields[2] == "南" && rec.fields[0] == "2") {
      south = true;
      CHECK(rec.fields[3] == "—");
      CHECK(rec.fields[4] == "—");
      CHECK(rec.fields[5] == "—");
    }
  CHECK(south);
  const std::string t = test::pdf_text(pdf);
  for (const char* s : {"アンケート集計結果", "また参加したいですか", "訓練に満足しましたか", "5件 (71.4%)",
                        "炊き出しがおいしかった", "クロス集計"})
    CHECK_THAT(t, Contains(s));
  CHECK(t.find("南") != std::string::npos);
  CHECK(test::short_pages(pdf).empty());
}

TEST_CASE("the 評価報告書 has the goals every partner's evaluation the comparison and the charts") {
  test::EvaluationDb f;
  const Drill d = drill(f);
  f.cli_json(
      {"evaluation", "improvements", d.project, "--text", "来年度は小中学校と共催する。", "--org", d.org},
      "kyodo");
  const auto pdf = f.tmp / "report.pdf";
  f.cli_json({"evaluation", "report", d.project, "--out", pdf.string(), "--org", std::to_string(f.npo)},
             "npo");
  const std::string t = test::pdf_text(pdf);
  for (const char* s : {"協働事業 評価報告書", "合同防災訓練", "実行委員会", "参加者を増やす", "163人",
                        "81.5%", "NPO法人 みどりの見守り隊", "防災課", "目標や成果が達成されたか",
                        "周知が回覧板のみ", "学校と連携して周知する", "※", "参加者アンケート",
                        "また参加したいですか", "道が暗い", "来年度は小中学校と共催する。", "改善の方向性"})
    CHECK_THAT(t, Contains(s));
  CHECK(test::short_pages(pdf).empty());
  // No officer's or resident's name: the report is for the public.
  for (const char* name : {"協議会 会長", "見守り隊 役員", "防災課 担当", "山田 花子"})
    CHECK(t.find(name) == std::string::npos);
}
