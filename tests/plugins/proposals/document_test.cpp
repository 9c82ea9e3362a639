// The 要望書, 総括表 and 処理簿 as real PDFs read back with pdftotext, and the CSV.
#include <catch2/catch.hpp>
#include <regex>

#include "core/documents.hpp"
#include "core/lifecycle.hpp"
#include "core/proposals.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::proposals;
using Catch::Matchers::Contains;

namespace {
ProposalId ready(test::ProposalsFixture& f) {
  ProposalId id = f.draft_without_history();
  add_history(f.db(), id,
              {0, sdk::Date{2025, 11, 2}, "自治会費で防犯灯2基を設置したが、なお暗い区間が残る。"});
  approve(f.db(), f.orgs(), id, &f.meetings(), f.board);
  submit(f.db(), f.orgs(), id, {2026, 5, 20}, "", &f.issues());
  return id;
}
}  // namespace

TEST_CASE(
    "the 要望書 PDF contains the addressee, the three section headings with their text and a 和暦 date") {
  test::ProposalsFixture f;
  ProposalId id = ready(f);
  f.close();
  auto pdf = f.tmp / "youbousho.pdf";
  auto r = f.cli({"proposals", "export", std::to_string(id), "--out", pdf.string()});
  REQUIRE(r.exit_code == 0);
  std::string text = test::squeeze(test::pdf_text(pdf));
  CHECK_THAT(text, Contains("一関市長　様") || Contains("一関市長様"));
  CHECK_THAT(text, Contains("令和8年5月20日"));  // the submission date, right-aligned at the top
  CHECK_THAT(text, Contains("わっしょい第一自治会"));
  CHECK_THAT(text, Contains("通学路への防犯灯の増設について（要望）"));
  CHECK_THAT(text, Contains("1.意見集約の方法") && Contains("班長会") && Contains("回答96件"));
  CHECK_THAT(text, Contains("2.経過") && Contains("自治会費で防犯灯2基を設置"));
  CHECK_THAT(text, Contains("3.具体的な提案") && Contains("防犯灯を3基増設"));
  CHECK_THAT(text, Contains("役員会「令和8年度第2回役員会」"));
}

TEST_CASE("items for different 担当課 each get a sheet addressed to that 担当課") {
  test::ProposalsFixture f;
  ProposalId id = f.draft_without_history();
  add_action(f.db(), f.orgs(), id, {0, "坂道区間を優先除雪路線に指定していただきたい。", f.road, ""});
  add_action(f.db(), f.orgs(), id, {0, "公園の遊具を点検していただきたい。", f.parks, ""});
  add_history(f.db(), id, {0, sdk::Date{2025, 11, 2}, "経過"});
  Proposal p = get_proposal(f.db(), f.orgs(), id);
  auto doc = request_document(f.db(), f.orgs(), p, {"わっしょい第一自治会", "山田 太郎", {2026, 5, 20}});
  CHECK(doc.page_count() >= 3);
  std::string md = doc.to_markdown();
  CHECK_THAT(md, Contains("一関市長　様") && Contains("一関市建設部道路課長　様") &&
                     Contains("一関市まちづくり推進課長　様"));
  CHECK_THAT(md, Contains("会長　山田 太郎"));
}

TEST_CASE("the 総括表 of a 地域協働体 lists its 自治会' proposals with state and answer, as PDF and CSV") {
  test::ProposalsFixture f;
  ProposalId id = ready(f);
  record_answer(f.db(), f.orgs(), id,
                {sdk::Date{2026, 6, 30}, AnswerCategory::WillDo, "3基を設置します。", ""}, &f.issues());
  add_proposal(
      f.db(), f.orgs(),
      {f.second, "空き家への指導", Kind::Petition, Addressee::Department, f.parks, "", "", {2026, 6, 1}});
  f.close();
  auto pdf = f.tmp / "soukatsu.pdf", csv = f.tmp / "soukatsu.csv";
  REQUIRE(f.cli({"proposals", "summary", "--year", "2026", "--out", pdf.string(), "--org",
                 std::to_string(f.kyodotai)})
              .exit_code == 0);
  REQUIRE(f.cli({"proposals", "summary", "--year", "2026", "--out", csv.string(), "--org",
                 std::to_string(f.kyodotai)})
              .exit_code == 0);
  std::string text = test::squeeze(test::pdf_text(pdf));
  CHECK_THAT(text, Contains("令和8年度") && Contains("総括表") && Contains("第二自治会"));
  CHECK_THAT(text, Contains("回答済") && Contains("対応する") && Contains("R8.5.20"));
  std::string c = test::read_file(csv);
  CHECK(c.starts_with("\xEF\xBB\xBF"));
  CHECK_THAT(c, Contains("通学路への防犯灯の増設") && Contains("空き家への指導") && Contains("対応する"));
}

TEST_CASE(
    "the 総括表 of the 年度 spanning 平成 and 令和 writes every date in the one short 和暦 form, each "
    "unbroken "
    "on its line") {
  test::ProposalsFixture f;
  // 令和元年度 (2019-04-01 … 2020-03-31): two submitted under 平成, answered under 令和.
  std::int64_t board = f.add_meeting(f.first, "役員会", "平成31年度 第1回役員会", {2019, 4, 5});
  auto proposal = [&](const std::string& title, sdk::Date created, sdk::Date submitted, sdk::Date answered) {
    ProposalId id = add_proposal(
        f.db(), f.orgs(), {f.first, title, Kind::Request, Addressee::Mayor, f.city, "", "髙﨑地区", created});
    add_gathering(f.db(), id, {0, GatheringMethod::HanLeaders, created, 12, 0, "全班から"});
    add_history(f.db(), id, {0, created, "𠮷田さん宅前で転倒があった。"});
    add_action(f.db(), f.orgs(), id, {0, "手すりを設置していただきたい。", std::nullopt, ""});
    approve(f.db(), f.orgs(), id, &f.meetings(), board);
    submit(f.db(), f.orgs(), id, submitted, "", &f.issues());
    record_answer(f.db(), f.orgs(), id, {answered, AnswerCategory::WillDo, "設置します。", ""}, &f.issues());
  };
  proposal("坂道への手すり設置", {2019, 4, 1}, {2019, 4, 10}, {2019, 6, 1});
  proposal("ｶｰﾌﾞﾐﾗｰの交換", {2019, 4, 2}, {2019, 4, 30}, {2020, 3, 31});
  f.close();
  auto pdf = f.tmp / "soukatsu-2019.pdf";
  REQUIRE(f.cli({"proposals", "summary", "--year", "2019", "--out", pdf.string(), "--org",
                 std::to_string(f.first)})
              .exit_code == 0);
  std::string text = test::pdf_text(pdf);  // -layout: a date broken in its cell would not read whole
  INFO(text);
  for (const char* d : {"H31.4.10", "R1.6.1", "H31.4.30", "R2.3.31"}) {
    INFO(d);
    CHECK_THAT(text, Contains(d));
  }
  // No date in the long form anywhere on the sheet (the title's 令和元年度 names the year).
  CHECK_FALSE(std::regex_search(text, std::regex("(平成|令和|昭和)[0-9０-９元]+年[0-9０-９]+月")));
  CHECK_THAT(text, Contains("令和元年度"));
}

TEST_CASE("the 処理簿 lists approval, submission and answer in date order") {
  test::ProposalsFixture f;
  ProposalId id = ready(f);
  record_answer(f.db(), f.orgs(), id,
                {sdk::Date{2026, 6, 30}, AnswerCategory::WillConsider, "検討します。", "建設部道路課長"},
                &f.issues());
  f.close();
  auto pdf = f.tmp / "shoribo.pdf";
  REQUIRE(f.cli({"proposals", "ledger", "--year", "2026", "--out", pdf.string(), "--org",
                 std::to_string(f.first)})
              .exit_code == 0);
  std::string text = test::squeeze(test::pdf_text(pdf));
  auto a = text.find("承認"), s = text.find("提出"), r = text.find("検討する");
  REQUIRE(a != std::string::npos);
  REQUIRE(s != std::string::npos);
  REQUIRE(r != std::string::npos);
  CHECK((a < s && s < r));
}
