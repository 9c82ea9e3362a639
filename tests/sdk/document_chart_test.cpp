// The document writer's bar charts and check boxes: labels and values set through Pango (pdftotext
// finds them), bars drawn with Cairo in proportion, a chart never split across pages.
#include <cairo.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <wasshoi/sdk/document.hpp>

#include "pdf_pages.hpp"
#include "test_support.hpp"

using namespace wasshoi;

namespace {
std::string text_of(const std::filesystem::path& pdf) {
  std::string all;
  for (const auto& p : test::pdf_page_texts(pdf)) all += p;
  return all;
}

// The dark-blue pixels of each row of a page rendered at 72 dpi (pdftoppm): the bars' widths.
std::vector<int> bar_widths(const std::filesystem::path& pdf, const std::filesystem::path& png_base) {
  const std::string cmd =
      "pdftoppm -r 72 -f 1 -l 1 -png -singlefile '" + pdf.string() + "' '" + png_base.string() + "'";
  REQUIRE(std::system(cmd.c_str()) == 0);
  cairo_surface_t* s = cairo_image_surface_create_from_png((png_base.string() + ".png").c_str());
  REQUIRE(cairo_surface_status(s) == CAIRO_STATUS_SUCCESS);
  cairo_surface_flush(s);
  const int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
  const int stride = cairo_image_surface_get_stride(s);
  const unsigned char* data = cairo_image_surface_get_data(s);
  std::vector<int> widths;
  int last = -1;
  for (int y = 0; y < h; ++y) {
    int n = 0;
    for (int x = 0; x < w; ++x) {
      const auto* px = reinterpret_cast<const std::uint32_t*>(data + y * stride) + x;
      const int r = (*px >> 16) & 0xff, g = (*px >> 8) & 0xff, b = *px & 0xff;
      if (b > 140 && r < 110 && g < 150 && b - r > 60) ++n;  // the bars' colour, not black text
    }
    if (n > 0 && n != last) widths.push_back(n);
    last = n;
  }
  cairo_surface_destroy(s);
  return widths;
}
}  // namespace

TEST_CASE("a bar chart prints its labels and values and draws bars in proportion") {
  test::TempDir tmp;
  sdk::Document doc("棒グラフ");
  doc.paragraph("訓練に満足しましたか");
  doc.bar_chart("回答 60件", {{"そう思う", 30.0, "30件 (50.0%)"},
                              {"ややそう思う", 15.0, "15件 (25.0%)"},
                              {"髙﨑地区 𠮷田", std::nullopt, "—"}});
  const auto pdf = tmp / "chart.pdf";
  doc.save_pdf(pdf);
  const std::string text = text_of(pdf);
  for (const char* s :
       {"回答 60件", "そう思う", "ややそう思う", "30件 (50.0%)", "15件 (25.0%)", "—", "髙﨑地区"})
    CHECK_THAT(text, Catch::Contains(s));
  const auto widths = bar_widths(pdf, tmp / "chart");
  REQUIRE(widths.size() >= 2);
  // The first bar is the full width, the second half of it (pixels, rounded).
  CHECK(std::abs(widths[0] - 2 * widths[1]) <= 2);
  CHECK(doc.to_markdown().find("- ややそう思う: 15件 (25.0%)") != std::string::npos);
}

TEST_CASE("a bar chart is kept on one page") {
  test::TempDir tmp;
  sdk::Document doc("棒グラフ");
  for (int i = 0; i < 44; ++i) doc.paragraph("本文の行 " + std::to_string(i + 1));
  std::vector<sdk::ChartBar> bars;
  for (int i = 1; i <= 8; ++i)
    bars.push_back({"選択肢" + std::to_string(i), double(i), std::to_string(i) + "件"});
  doc.bar_chart("八つの棒", bars);
  const auto pdf = tmp / "kept.pdf";
  doc.save_pdf(pdf);
  const auto pages = test::pdf_page_texts(pdf);
  REQUIRE(pages.size() == 2);
  CHECK(pages[1].find("八つの棒") != std::string::npos);
  CHECK(pages[1].find("選択肢1") != std::string::npos);
  CHECK(pages[1].find("選択肢8") != std::string::npos);
  CHECK(pages[0].find("選択肢") == std::string::npos);
}

TEST_CASE("check boxes print their labels beside large boxes") {
  test::TempDir tmp;
  sdk::Document doc("アンケート");
  doc.subheading("問1 年代");
  doc.check_boxes({"10代以下", "20〜30代", "40〜50代", "60代以上"}, 2);
  doc.subheading("問2 ご意見");
  doc.check_boxes({}, 1, 30);
  const auto pdf = tmp / "form.pdf";
  doc.save_pdf(pdf);
  const std::string text = text_of(pdf);
  for (const char* s : {"問1 年代", "10代以下", "60代以上", "問2 ご意見"})
    CHECK_THAT(text, Catch::Contains(s));
  CHECK(doc.page_count() == 1);
}
