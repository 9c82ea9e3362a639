// A booklet from the one document writer (the 総会's 議案書): a cover without a page number, a
// 目次 whose page numbers are the pages its headings are printed on, "- 3 -" at the foot of every
// other page. Read back from the real PDF with pdftotext, page by page.
#include <catch2/catch.hpp>
#include <regex>
#include <wasshoi/sdk/document.hpp>

#include "pdf_pages.hpp"
#include "test_support.hpp"

using namespace wasshoi;
using Catch::Matchers::Contains;

namespace {

std::string squeezed(std::string s) {
  for (std::size_t at; (at = s.find("\u3000")) != std::string::npos;) s.erase(at, 3);
  s.erase(std::remove_if(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\n' || c == '\t'; }),
          s.end());
  return s;
}

// The page number the 目次 (on `page`) prints after `heading`; 0 when the line is not there.
int contents_number(const std::string& page, const std::string& heading) {
  std::size_t start = 0;
  while (start < page.size()) {
    std::size_t end = page.find('\n', start);
    if (end == std::string::npos) end = page.size();
    const std::string line = page.substr(start, end - start);
    start = end + 1;
    if (squeezed(line).find(squeezed(heading)) == std::string::npos) continue;
    std::smatch m;
    static const std::regex number("([0-9]+)\\s*$");
    if (std::regex_search(line, m, number)) return std::stoi(m[1]);
  }
  return 0;
}

// A 議案書-like booklet: `n` 議案, each on a new page, some long enough to take several pages.
sdk::Document booklet(int n) {
  sdk::Document doc("令和8年度 定期総会 議案書");
  doc.page_numbers(sdk::PageNumbers::Dashed).footer("わっしょい第一自治会");
  doc.cover("令和8年度 定期総会 議案書", {"令和8年4月19日（日）", "わっしょい第一自治会"});
  doc.contents("目次");
  for (int i = 1; i <= n; ++i) {
    doc.page_break();
    doc.heading("第" + std::to_string(i) + "号議案　髙﨑𠮷ｶﾀｶﾅ 議案その" + std::to_string(i));
    for (int p = 0; p < (i % 3) * 12 + 1; ++p)
      doc.paragraph(
          "この議案の説明です。昨年度の活動を振り返り、来年度の計画を定めます。地域の皆さまのご協力に感謝し"
          "ます。集会所の利用、防災訓練、夏祭り、敬老会、環境美化活動について報告します。");
  }
  return doc;
}

}  // namespace

TEST_CASE("a 目次 prints the page each heading is printed on") {
  test::TempDir tmp;
  const sdk::Document doc = booklet(7);
  doc.save_pdf(tmp / "b.pdf");
  const auto pages = test::pdf_page_texts(tmp / "b.pdf");
  REQUIRE(static_cast<int>(pages.size()) == doc.page_count());
  const auto entries = doc.contents_pages();
  REQUIRE(entries.size() == 7);
  int previous = 2;
  for (const auto& e : entries) {
    INFO(e.text << " on page " << e.page);
    CHECK(e.page > previous);  // after the cover and the 目次, in order, each on a page of its own
    previous = e.page;
    REQUIRE(e.page <= static_cast<int>(pages.size()));
    CHECK_THAT(squeezed(pages[static_cast<std::size_t>(e.page - 1)]), Contains(squeezed(e.text)));
    CHECK(contents_number(pages[1], e.text) == e.page);  // what the 目次 on page 2 says
  }
  CHECK(entries[2].page - entries[1].page >= 2);  // 第2号議案 is long: it goes on over a page
}

TEST_CASE("the cover has no page number and every other page has - N - at its foot") {
  test::TempDir tmp;
  const sdk::Document doc = booklet(3);
  doc.save_pdf(tmp / "b.pdf");
  const auto pages = test::pdf_page_texts(tmp / "b.pdf");
  REQUIRE(pages.size() >= 4);
  CHECK_THAT(pages[0], Contains("令和8年度 定期総会 議案書"));
  CHECK_THAT(pages[0], Contains("わっしょい第一自治会"));
  // pdftotext prints "- 2 -" as "-2 -": compared without spaces.
  CHECK_THAT(squeezed(pages[0]), !Contains("-1-"));
  CHECK(squeezed(pages[0]).find("1/") == std::string::npos);
  for (std::size_t i = 1; i < pages.size(); ++i) {
    CHECK_THAT(squeezed(pages[i]), Contains("-" + std::to_string(i + 1) + "-"));
    CHECK_THAT(squeezed(pages[i]), !Contains("/" + std::to_string(pages.size())));
  }
  CHECK_THAT(pages[1], Contains("目次"));
}

TEST_CASE("a 目次 that takes two pages still prints the right pages") {
  test::TempDir tmp;
  const sdk::Document doc = booklet(60);
  doc.save_pdf(tmp / "b.pdf");
  const auto pages = test::pdf_page_texts(tmp / "b.pdf");
  const auto entries = doc.contents_pages();
  REQUIRE(entries.size() == 60);
  const int first = entries.front().page;  // after the cover and two pages of 目次 or more
  REQUIRE(first >= 4);
  for (const auto& e : entries) {
    INFO(e.text);
    CHECK_THAT(squeezed(pages[static_cast<std::size_t>(e.page - 1)]), Contains(squeezed(e.text)));
    int printed = 0;
    for (int p = 2; p < first; ++p)
      printed = std::max(printed, contents_number(pages[static_cast<std::size_t>(p - 1)], e.text));
    CHECK(printed == e.page);
  }
}

TEST_CASE("a document without a cover keeps 1 / N page numbers and its headings' pages") {
  test::TempDir tmp;
  sdk::Document doc("会報");
  doc.title("会報");
  doc.heading("はじめに").paragraph("本文。");
  doc.page_break().heading("次の話").paragraph("本文。");
  doc.save_pdf(tmp / "d.pdf");
  const auto pages = test::pdf_page_texts(tmp / "d.pdf");
  REQUIRE(pages.size() == 2);
  CHECK_THAT(squeezed(pages[0]), Contains("1/2"));
  const auto entries = doc.contents_pages();
  REQUIRE(entries.size() == 2);
  CHECK(entries[0].page == 1);
  CHECK(entries[1].page == 2);
  const std::string md = doc.to_markdown();
  CHECK_THAT(md, Contains("## はじめに"));
}

TEST_CASE("the 目次 in Markdown lists the headings") {
  const sdk::Document doc = booklet(2);
  const std::string md = doc.to_markdown();
  CHECK_THAT(md, Contains("# 令和8年度 定期総会 議案書"));
  CHECK_THAT(md, Contains("## 目次"));
  CHECK_THAT(md, Contains("- 第1号議案　髙﨑𠮷ｶﾀｶﾅ 議案その1"));
}
