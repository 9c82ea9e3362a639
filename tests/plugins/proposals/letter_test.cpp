// The 要望書 as the city receives it: the 会長 from the members plugin's roles by 年度, and the
// place's photos and map printed as 別紙 (pdftotext, pdfimages on the real PDF).
#include <catch2/catch.hpp>

#include "core/lifecycle.hpp"
#include "core/proposals.hpp"
#include "fixture.hpp"

using namespace wasshoi;
using namespace wasshoi::proposals;
using Catch::Matchers::Contains;

namespace {
ProposalId submitted(test::ProposalsFixture& f, sdk::Date on) {
  ProposalId id = f.draft_without_history();
  add_history(f.db(), id,
              {0, sdk::Date{2025, 11, 2}, "自治会費で防犯灯2基を設置したが、なお暗い区間が残る。"});
  approve(f.db(), f.orgs(), id, &f.meetings(), f.board);
  submit(f.db(), f.orgs(), id, on, "", &f.issues());
  return id;
}

// The text without any spaces, full-width ones too (pdftotext turns some into ASCII spaces).
std::string flat(const std::string& text) {
  std::string s = test::squeeze(text);
  for (auto at = s.find("　"); at != std::string::npos; at = s.find("　")) s.erase(at, 3);
  return s;
}
}  // namespace

TEST_CASE(
    "the 要望書 names the 会長 the members plugin records for the organization in the 年度 of its date") {
  test::ProposalsFixture f;
  f.add_officer(f.first, "髙橋 一郎", "会長", 2026);
  f.add_officer(f.first, "佐藤 次郎", "会長", 2025);  // last 年度's
  f.add_officer(f.first, "田中 花子", "副会長", 2026);
  f.add_officer(f.second, "鈴木 三郎", "会長", 2026);  // another 自治会's
  ProposalId id = submitted(f, {2026, 5, 20});
  f.close();
  auto pdf = f.tmp / "youbousho.pdf";
  auto out = f.cli_json({"proposals", "export", std::to_string(id), "--out", pdf.string()});
  CHECK(out["chair"] == "髙橋 一郎");
  std::string text = test::squeeze(test::pdf_text(pdf));
  CHECK_THAT(text, Contains("わっしょい第一自治会会長髙橋一郎"));
  CHECK_THAT(text, !Contains("佐藤") && !Contains("鈴木") && !Contains("田中"));
}

TEST_CASE(
    "with no 会長 recorded for the 年度 the 要望書 leaves a blank to sign by hand and the CLI says why") {
  test::ProposalsFixture f;
  f.add_officer(f.first, "佐藤 次郎", "会長", 2025);  // only last 年度's
  ProposalId id = submitted(f, {2026, 5, 20});
  f.close();
  auto pdf = f.tmp / "youbousho.pdf";
  auto r = f.cli({"proposals", "export", std::to_string(id), "--out", pdf.string()});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.err, Contains("no 会長 recorded for 令和8年度") && Contains("blank"));
  std::string text = test::pdf_text(pdf);
  CHECK_THAT(text, Contains("会長"));
  CHECK_THAT(text, !Contains("佐藤"));
  CHECK_THAT(flat(text), Contains("わっしょい第一自治会会長［印］通学路への防犯灯"));  // the name left blank
}

TEST_CASE("the place's map and photos print in the 要望書 as 別紙 with their captions") {
  test::ProposalsFixture f;
  ProposalId id = submitted(f, {2026, 5, 20});
  test::write_png(f.tmp / "map.png", 900, 600);
  test::write_png(f.tmp / "photo.png", 640, 480);
  f.close();
  auto p = std::to_string(id);
  f.cli_json({"proposals", "attach", p, (f.tmp / "photo.png").string(), "--caption", "夜の北側通学路"});
  f.cli_json({"proposals", "attach", p, (f.tmp / "map.png").string(), "--kind", "map", "--caption",
              "防犯灯の増設を求める区間"});
  auto pdf = f.tmp / "youbousho.pdf";
  f.cli_json({"proposals", "export", p, "--out", pdf.string()});
  CHECK(test::pdf_image_count(pdf) == 2);
  std::string text = flat(test::pdf_text(pdf));
  // Each attachment listed on the letter as the 別紙 names it.
  CHECK_THAT(text, Contains("添付資料1.位置図防犯灯の増設を求める区間2.写真1夜の北側通学路（別紙のとおり）"));
  CHECK_THAT(text, Contains("以上") && Contains("別紙位置図・写真"));
  auto map = text.find("位置図防犯灯の増設を求める区間"), photo = text.find("写真1夜の北側通学路");
  REQUIRE(map != std::string::npos);
  REQUIRE(photo != std::string::npos);
  CHECK(map < photo);  // the map first
  auto md = f.tmp / "youbousho.md";
  f.cli_json({"proposals", "export", p, "--out", md.string()});
  CHECK_THAT(test::read_file(md), Contains("![位置図　防犯灯の増設を求める区間](map.png)"));
}

TEST_CASE(
    "an image that is missing, not a picture or damaged is refused naming the file and nothing is attached") {
  test::ProposalsFixture f;
  ProposalId id = f.draft_without_history();
  test::write_png(f.tmp / "ok.png", 300, 200);
  std::string png = test::read_file(f.tmp / "ok.png");
  test::write_file(f.tmp / "cut.png", png.substr(0, png.size() / 2));
  test::write_file(f.tmp / "photo.jpg",
                   std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + std::string(64, 'x'));
  test::write_file(f.tmp / "scan.gif", "GIF89a" + std::string(40, '\0'));
  f.close();
  auto p = std::to_string(id);
  auto before = f.contents();
  for (auto [file, why] :
       {std::pair{"none.png", "no such file"},
        {"photo.jpg", "壊れている"},
        {"cut.png", "壊れている"},
        {"scan.gif", "GIF 形式のため印刷できません"}}) {  // the catalog's words, in the officer's language
    auto r = f.cli({"proposals", "attach", p, (f.tmp / file).string()});
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Contains(file) && Contains(why));
  }
  CHECK(f.contents() == before);
}

TEST_CASE("a damaged picture in the database stops the export with its name and leaves no PDF") {
  test::ProposalsFixture f;
  ProposalId id = submitted(f, {2026, 5, 20});
  test::write_png(f.tmp / "map.png", 300, 200);
  add_attachment_file(f.db(), id, "map", f.tmp / "map.png", "区間");
  sdk::Statement(f.db(), "UPDATE proposals_attachments SET data = substr(data, 1, 60)")
      .run();  // a damaged row
  f.close();
  auto pdf = f.tmp / "youbousho.pdf";
  auto r = f.cli({"proposals", "export", std::to_string(id), "--out", pdf.string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Contains("map.png") && Contains("壊れている"));
  CHECK(!std::filesystem::exists(pdf));
  CHECK(!std::filesystem::exists(pdf.string() + ".part"));
}

TEST_CASE("the 要望書 carries its 文書番号 an 印 box the contact the 回答期限 and a clear 案 while a draft") {
  test::ProposalsFixture f;
  f.add_officer(f.first, "髙橋 一郎", "会長", 2026);
  ProposalId id = f.draft_without_history();
  f.close();
  auto edited =
      f.cli_json({"proposals", "edit", std::to_string(id), "--number", "わっしょい第一自治会第12号",
                  "--contact", "﨑山 花子", "--phone", "0191-00-1234", "--reply-by", "令和8年7月31日"});
  CHECK(edited["doc_number"] == "わっしょい第一自治会第12号");
  CHECK(edited["reply_by"] == "2026-07-31");
  auto bad = f.cli({"proposals", "edit", std::to_string(id), "--reply-by", "7月末ごろ"});
  CHECK(bad.exit_code == 1);
  CHECK(f.cli_json({"proposals", "show", std::to_string(id)})["reply_by"] == "2026-07-31");  // unchanged

  auto pdf = f.tmp / "draft.pdf";
  REQUIRE(f.cli({"proposals", "export", std::to_string(id), "--out", pdf.string()}).exit_code == 0);
  std::string text = flat(test::pdf_text(pdf));
  CHECK_THAT(text, Contains("【案】"));
  CHECK_THAT(text, Contains("（要望）（案）"));
  CHECK_THAT(text, Contains("わっしょい第一自治会第12号"));
  CHECK_THAT(text, Contains("会長髙橋一郎［印］"));
  CHECK_THAT(text, Contains("回答期限令和8年7月31日までに文書でご回答"));
  CHECK_THAT(text, Contains("（連絡先）担当﨑山花子電話0191-00-1234"));
}
