#include <catch2/catch.hpp>
#include <cstdlib>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/text.hpp>

#include "test_support.hpp"

using namespace wasshoi;

namespace {
// pdftotext (poppler-utils) reads the text back: what an officer would see on paper.
std::string pdf_text(const std::filesystem::path& pdf) {
  auto txt = pdf.string() + ".txt";
  std::string cmd = "pdftotext -layout '" + pdf.string() + "' '" + txt + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  return test::read_file(txt);
}

std::string without_spaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

sdk::Document sample(int rows) {
  sdk::Document doc("令和8年度 定期総会 議事録");
  doc.footer("わっしょい第一自治会");
  doc.title("令和8年度 わっしょい第一自治会 定期総会 議事録");
  doc.fields({{"日時", sdk::format_date_ja({2026, 4, 19}) + " 10:00〜11:30"},
              {"場所", "わっしょい地区公民館 大会議室"}});
  doc.heading("第1号議案 令和7年度 事業報告");
  doc.paragraph("髙橋会長より事業報告があり、﨑山副会長が補足した。𠮷田会計が質問した。");
  std::vector<std::vector<std::string>> body;
  for (int i = 1; i <= rows; ++i)
    body.push_back({std::to_string(i) + "班", "佐藤 太郎", std::to_string(i * 1000) + "円"});
  doc.table({{"班", 1}, {"氏名", 2}, {"金額", 1, sdk::Align::Right}}, body);
  doc.signatures({"議事録署名人", "議事録署名人"});
  return doc;
}
}  // namespace

TEST_CASE("an A4 PDF with Japanese text, a table and page numbers is readable back") {
  test::TempDir tmp;
  auto doc = sample(5);
  doc.save_pdf(tmp / "m.pdf");
  std::string text = pdf_text(tmp / "m.pdf");
  CHECK_THAT(text, Catch::Contains("定期総会 議事録"));
  CHECK_THAT(text, Catch::Contains("令和8年"));
  CHECK_THAT(text, Catch::Contains("髙橋会長"));
  CHECK_THAT(text, Catch::Contains("﨑山副会長"));
  CHECK_THAT(text, Catch::Contains("𠮷田会計"));  // printed from IPAmj明朝 by per-character fallback
  CHECK_THAT(text, Catch::Contains("5000円"));
  CHECK_THAT(without_spaces(text), Catch::Contains("1/1"));
  CHECK_THAT(text, Catch::Contains("議事録署名人"));
}

TEST_CASE("a long table flows onto more pages, numbered N / total") {
  test::TempDir tmp;
  auto doc = sample(120);
  int pages = doc.page_count();
  CHECK(pages >= 3);
  doc.save_pdf(tmp / "long.pdf");
  std::string text = pdf_text(tmp / "long.pdf");
  CHECK_THAT(without_spaces(text), Catch::Contains("1/" + std::to_string(pages)));
  CHECK_THAT(without_spaces(text), Catch::Contains(std::to_string(pages) + "/" + std::to_string(pages)));
  CHECK_THAT(text, Catch::Contains("120000円"));
}

TEST_CASE("an unwritable path is an error naming it") {
  CHECK_THROWS_WITH(sample(1).save_pdf("/nonexistent-folder/x.pdf"),
                    Catch::Contains("/nonexistent-folder/x.pdf"));
}

TEST_CASE("the same document as Markdown") {
  std::string md = sample(2).to_markdown();
  CHECK_THAT(md, Catch::Contains("# 令和8年度 わっしょい第一自治会 定期総会 議事録"));
  CHECK_THAT(md, Catch::Contains("## 第1号議案"));
  CHECK_THAT(md, Catch::Contains("| 1班 | 佐藤 太郎 | 1000円 |"));
  CHECK_THAT(md, Catch::Contains("- **場所**: わっしょい地区公民館 大会議室"));
}

TEST_CASE("the page count printed is the page count of the PDF") {
  test::TempDir tmp;
  for (int rows : {1, 20, 33, 34, 35, 36, 60, 61, 62}) {
    auto doc = sample(rows);
    doc.footer(
        "とても長い組織の名前が入る場合でもページ番号に重ならないこと 一関市わっしょい地区まちづくり協議会");
    doc.save_pdf(tmp / "p.pdf");
    std::string cmd = "pdfinfo '" + (tmp / "p.pdf").string() + "' | grep -q '^Pages: *" +
                      std::to_string(doc.page_count()) + "$'";
    INFO(rows << " rows, page_count " << doc.page_count());
    CHECK(std::system(cmd.c_str()) == 0);
    std::string text = without_spaces(pdf_text(tmp / "p.pdf"));
    CHECK_THAT(text, Catch::Contains("1/" + std::to_string(doc.page_count())));
  }
}
