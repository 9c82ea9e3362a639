// Typography of the one document writer, read back from the real PDF with pdftotext -layout: no
// date, time, amount or name broken across lines (columns measured from their content, runs kept
// together), no page holding only a line or two, a table that fits on a page kept whole, footers
// not cut while there is room.
#include <catch2/catch.hpp>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/text.hpp>

#include "pdf_pages.hpp"
#include "test_support.hpp"

using namespace wasshoi;
using Catch::Matchers::Contains;

namespace {

std::string all_text(const std::vector<std::string>& pages) {
  std::string out;
  for (const auto& p : pages) out += p;
  return out;
}

const char* const kNames[] = {"髙橋 﨑太郎", "ﾔﾏﾀﾞ ﾊﾅｺ", "渡邉 美智子", "長谷川 健一郎", "佐々木 りんご"};

}  // namespace

TEST_CASE("a table with long dates and names in narrow columns keeps each date and name on one line") {
  test::TempDir tmp;
  sdk::Document doc("安否確認の記録");
  doc.title("安否確認の記録");
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> dates;
  for (int i = 0; i < 12; ++i) {
    const sdk::Date d = sdk::Date{2026, 12, 1}.add_days(i * 3);
    dates.push_back(
        sdk::format_print_date(d, {.western = true, .weekday = true}));  // 令和8年12月1日（火）（2026年）
    rows.push_back({dates.back(), kNames[i % 5], "10:00〜11:30",
                    "民生委員と訪問。玄関先で本人と話し、薬の受け取りと、次回の見守りの日程を家族に伝えた。"
                    "台所の電球が切れていたので交換した。",
                    "12,345円"});
  }
  // The document asks for narrow date, name, time and amount columns: far too narrow for them.
  doc.table({{"日付", 1}, {"氏名", 1}, {"時間", 0.6}, {"内容", 6}, {"実費", 0.6, sdk::Align::Right}}, rows);
  doc.paragraph("次回は" + sdk::format_print_date({2027, 1, 12}) +
                "（火）の10:00から、集会所で打合せ。会費は" + "3,000円。連絡先は090-1234-5678（" +
                sdk::keep_together("長谷川 健一郎") + "）まで。");
  doc.save_pdf(tmp / "d.pdf");
  const std::string text = all_text(test::pdf_page_texts(tmp / "d.pdf"));
  for (const auto& d : dates) CHECK_THAT(text, Contains(d));
  for (const char* name : kNames) CHECK_THAT(text, Contains(name));
  CHECK_THAT(text, Contains("10:00〜11:30"));
  CHECK_THAT(text, Contains("12,345円"));
  CHECK_THAT(text, Contains("令和9年1月12日（火）"));
  CHECK_THAT(text, Contains("3,000円"));
  CHECK_THAT(text, Contains("090-1234-5678"));
  CHECK_THAT(text, Contains("長谷川 健一郎"));
  // The long column still wraps, and the marks of keep_together never reach the page.
  CHECK_THAT(text, !Contains("\xEE\x80\x80"));
  CHECK(doc.to_markdown().find("\xEE\x80") == std::string::npos);
}

TEST_CASE("no page of a document holds fewer than three lines unless it is the only page") {
  test::TempDir tmp;
  // Paragraphs of different lengths and tables of different sizes, so that every way a last line
  // or row could spill onto a page of its own is tried.
  for (int filler = 28; filler <= 40; filler += 2) {
    sdk::Document doc("お知らせ");
    doc.title("お知らせ").footer("わっしょい町内会");
    for (int i = 0; i < filler; ++i)
      doc.paragraph("第" + std::to_string(i + 1) + "項　集会所の清掃当番について。");
    doc.paragraph(
        "以上のとおり、清掃当番をお願いします。ご都合の悪い方は、班長までお申し出ください。"
        "当番表は集会所の掲示板にも貼り出します。雨天の場合も実施します。よろしくお願いいたします。"
        "なお、道具は集会所の倉庫にあります。使った後は元の場所に戻してください。");
    doc.signatures({"会長", "班長"});
    const auto pdf = tmp / ("p" + std::to_string(filler) + ".pdf");
    doc.save_pdf(pdf);
    INFO(filler << " paragraphs, " << doc.page_count() << " pages");
    CHECK(test::short_pages(pdf).empty());
  }
  for (int rows = 30; rows <= 60; rows += 3) {
    sdk::Document doc("名簿");
    doc.title("名簿").paragraph("班ごとの名簿です。");
    std::vector<std::vector<std::string>> body;
    for (int i = 0; i < rows; ++i)
      body.push_back({std::to_string(i + 1), kNames[i % 5], "わっしょい町1-" + std::to_string(i)});
    doc.table({{"番号", 1}, {"氏名", 3}, {"住所", 4}}, body);
    doc.paragraph("以上");
    const auto pdf = tmp / ("t" + std::to_string(rows) + ".pdf");
    doc.save_pdf(pdf);
    INFO(rows << " rows, " << doc.page_count() << " pages");
    CHECK(test::short_pages(pdf).empty());
  }
}

TEST_CASE("a table that fits on one page is not split across two") {
  test::TempDir tmp;
  sdk::Document doc("報告");
  doc.title("報告");
  for (int i = 0; i < 22; ++i) doc.paragraph("経過の記録 " + std::to_string(i + 1));
  std::vector<std::vector<std::string>> rows;
  for (int i = 0; i < 25; ++i) rows.push_back({"行" + std::to_string(i + 1), "内容"});
  doc.table({{"項目", 1}, {"内容", 3}}, rows);
  doc.save_pdf(tmp / "d.pdf");
  const auto pages = test::pdf_page_texts(tmp / "d.pdf");
  REQUIRE(pages.size() == 2);
  CHECK_THAT(pages[0], !Contains("項目") && !Contains("行1 "));
  CHECK_THAT(pages[1], Contains("項目") && Contains("行1") && Contains("行25"));
}

TEST_CASE("a long footer title is printed whole while there is room on the line") {
  test::TempDir tmp;
  const std::string footer = "わっしょい町内会　第三地区防災部　令和8年度 安否確認名簿（班長用・持出し厳禁）";
  sdk::Document doc("安否確認名簿");
  doc.title("安否確認名簿").footer(footer).paragraph("本文");
  doc.save_pdf(tmp / "d.pdf");
  const auto pages = test::pdf_page_texts(tmp / "d.pdf");
  REQUIRE(pages.size() == 1);
  CHECK_THAT(pages[0], Contains("安否確認名簿（班長用・持出し厳禁）"));
  CHECK_THAT(pages[0], Contains("1/1"));
  CHECK_THAT(pages[0], !Contains("…"));
}

TEST_CASE("a date or an amount at the end of a line moves whole to the next line") {
  test::TempDir tmp;
  sdk::Document doc("お知らせ");
  const std::string date = "令和8年12月13日（日）", amount = "1,234,500円", name = "長谷川 健一郎";
  // The runs start at every place across the line's end, so one of them would be broken.
  for (int n = 30; n <= 48; ++n) {
    const std::string filler = [&] {
      std::string s;
      for (int i = 0; i < n; ++i) s += "あ";
      return s;
    }();
    doc.paragraph(filler + date + "に集会。")
        .paragraph(filler + amount + "を集金。")
        .paragraph(filler + sdk::keep_together(name) + "様。");
  }
  doc.save_pdf(tmp / "d.pdf");
  std::string text;
  for (const auto& page : test::pdf_page_texts(tmp / "d.pdf")) text += page;
  auto count = [&](const std::string& what) {
    int c = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size()))
      ++c;
    return c;
  };
  CHECK(count(date) == 19);
  CHECK(count(amount) == 19);
  CHECK(count(name) == 19);
}
