// Pictures and landscape pages in the document writer, read back with pdfimages, pdftotext and
// pdfinfo (poppler-utils) from the real PDF.
#include <cairo.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/error.hpp>

#include "test_support.hpp"

using namespace wasshoi;
using Catch::Matchers::Contains;

namespace {

// A real PNG written by Cairo: a colour gradient of w × h pixels.
void write_png(const std::filesystem::path& file, int w, int h) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
  cairo_t* cr = cairo_create(s);
  cairo_pattern_t* p = cairo_pattern_create_linear(0, 0, w, h);
  cairo_pattern_add_color_stop_rgb(p, 0, 0.2, 0.5, 0.9);
  cairo_pattern_add_color_stop_rgb(p, 1, 0.9, 0.8, 0.2);
  cairo_set_source(cr, p);
  cairo_paint(cr);
  cairo_pattern_destroy(p);
  cairo_destroy(cr);
  REQUIRE(cairo_surface_write_to_png(s, file.c_str()) == CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(s);
}

std::string run(const std::string& cmd) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  REQUIRE(p);
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p.get())) out.append(buf, n);
  return out;
}

// The rows of `pdfimages -list`: page, width and height of every image in the PDF.
struct Listed {
  int page, width, height;
};
std::vector<Listed> pdf_images(const std::filesystem::path& pdf) {
  std::vector<Listed> out;
  std::string list = run("pdfimages -list '" + pdf.string() + "'");
  std::size_t at = list.find("\n", list.find("-----"));
  while (at != std::string::npos && at + 1 < list.size()) {
    Listed l{};
    int num = 0;
    char type[32];
    if (std::sscanf(list.c_str() + at + 1, "%d %d %31s %d %d", &l.page, &num, type, &l.width, &l.height) ==
            5 &&
        std::string(type) == "image")
      out.push_back(l);
    at = list.find("\n", at + 1);
  }
  return out;
}

std::string pdf_text(const std::filesystem::path& pdf) {
  return run("pdftotext -layout '" + pdf.string() + "' -");
}

}  // namespace

TEST_CASE("a PNG picture prints scaled to the text width with its caption below") {
  test::TempDir tmp;
  write_png(tmp / "map.png", 600, 400);
  sdk::Document doc("位置図");
  doc.title("別紙　位置図").image(tmp / "map.png", "位置図　わっしょい小学校 北側通学路").paragraph("以上");
  doc.save_pdf(tmp / "d.pdf");
  auto images = pdf_images(tmp / "d.pdf");
  REQUIRE(images.size() == 1);
  CHECK(images[0].page == 1);
  CHECK((images[0].width == 600 && images[0].height == 400));  // small enough to keep every pixel
  std::string text = pdf_text(tmp / "d.pdf");
  CHECK_THAT(text, Contains("位置図") && Contains("わっしょい小学校 北側通学路"));
  CHECK(text.find("北側通学路") < text.find("以上"));  // below the picture, before what follows
}

TEST_CASE("a camera-sized photo is embedded at print resolution, not at full size") {
  test::TempDir tmp;
  write_png(tmp / "photo.png", 3000, 2000);
  sdk::Document doc("写真");
  doc.image(tmp / "photo.png", "写真1").save_pdf(tmp / "d.pdf");
  auto images = pdf_images(tmp / "d.pdf");
  REQUIRE(images.size() == 1);
  CHECK(images[0].width < 1500);  // 170 mm at 200 dpi is about 1340 pixels
  CHECK(images[0].width * 2 == Approx(images[0].height * 3).margin(3));
}

TEST_CASE("a picture is never split: when it does not fit the rest of the page it starts the next") {
  test::TempDir tmp;
  write_png(tmp / "p.png", 800, 600);
  sdk::Document doc("改ページ");
  for (int i = 0; i < 34; ++i) doc.paragraph("経過の記録 " + std::to_string(i + 1));
  doc.image(tmp / "p.png", "写真　雨漏りの跡");
  CHECK(doc.page_count() == 2);
  doc.save_pdf(tmp / "d.pdf");
  auto images = pdf_images(tmp / "d.pdf");
  REQUIRE(images.size() == 1);
  CHECK(images[0].page == 2);
}

TEST_CASE("a very tall picture is scaled down to fit one page") {
  test::TempDir tmp;
  write_png(tmp / "tall.png", 200, 2000);
  sdk::Document doc("縦長");
  doc.image(tmp / "tall.png", "縦長の図").image(tmp / "tall.png", "縦長の図 2");
  CHECK(doc.page_count() == 2);
}

TEST_CASE("a missing, non-PNG or damaged picture is refused naming the file and the document is unchanged") {
  test::TempDir tmp;
  sdk::Document doc("添付");
  doc.paragraph("本文");
  std::string before = doc.to_markdown();
  auto missing = tmp / "ない.png";
  CHECK_THROWS_AS(doc.image(missing), sdk::InputError);
  CHECK_THROWS_WITH(doc.image(missing), Contains(missing.string()) && Contains("cannot read"));

  test::write_file(tmp / "map.jpg",
                   std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + std::string(100, 'x'));
  CHECK_THROWS_WITH(doc.image(tmp / "map.jpg"),
                    Contains("map.jpg") && Contains("JPEG") && Contains("save it as PNG"));

  write_png(tmp / "ok.png", 300, 200);
  std::string png = test::read_file(tmp / "ok.png");
  test::write_file(tmp / "cut.png", png.substr(0, png.size() / 2));
  CHECK_THROWS_WITH(doc.image(tmp / "cut.png"), Contains("cut.png") && Contains("damaged"));
  CHECK_THROWS_WITH(doc.image_data("写真3.png", {}), Contains("写真3.png") && Contains("empty"));

  CHECK(doc.to_markdown() == before);
  doc.save_pdf(tmp / "d.pdf");
  CHECK(pdf_images(tmp / "d.pdf").empty());
}

TEST_CASE("a PDF that cannot be written leaves no partial file behind") {
  test::TempDir tmp;
  write_png(tmp / "p.png", 300, 200);
  sdk::Document doc("失敗");
  doc.image(tmp / "p.png", "写真");
  std::filesystem::create_directory(tmp / "ro");
  std::filesystem::permissions(tmp / "ro",
                               std::filesystem::perms::owner_read | std::filesystem::perms::owner_exec);
  bool root = std::system(("test -w '" + (tmp / "ro").string() + "'").c_str()) == 0;  // root may write anyway
  if (!root) {
    CHECK_THROWS_WITH(doc.save_pdf(tmp / "ro" / "d.pdf"), Contains((tmp / "ro" / "d.pdf").string()));
  }
  std::filesystem::permissions(tmp / "ro", std::filesystem::perms::owner_all);
  doc.save_pdf(tmp / "d.pdf");
  for (const auto& e : std::filesystem::directory_iterator(tmp.path()))
    CHECK(e.path().extension() != ".part");
}

TEST_CASE("the Markdown shows a picture as ![caption](path)") {
  sdk::Document doc("位置図");
  test::TempDir tmp;
  write_png(tmp / "map 1.png", 30, 20);
  doc.image(tmp / "map 1.png", "位置図 [北側]");
  CHECK_THAT(doc.to_markdown(), Contains("![位置図 \\[北側\\]](" + (tmp.path().string()) + "/map%201.png)"));
}

TEST_CASE("a landscape document has A4 landscape pages with the page numbers at the bottom") {
  test::TempDir tmp;
  sdk::Document doc("総括表");
  doc.landscape().title("令和8年度 総括表");
  std::vector<std::vector<std::string>> rows;
  for (int i = 1; i <= 40; ++i)
    rows.push_back({std::to_string(i), "通学路への防犯灯の増設", "一関市長", "回答済"});
  doc.table({{"No", 0.5}, {"件名", 3}, {"宛先", 1.5}, {"状態", 1}}, rows);
  CHECK(doc.is_landscape());
  doc.save_pdf(tmp / "l.pdf");
  std::string info = run("pdfinfo '" + (tmp / "l.pdf").string() + "'");
  CHECK_THAT(info, Contains("841.89 x 595.276 pts (A4)") || Contains("842 x 595 pts (A4)"));
  CHECK_THAT(info, Contains("Pages:           " + std::to_string(doc.page_count())));
  CHECK(doc.page_count() >= 2);
  std::string text = pdf_text(tmp / "l.pdf");
  std::erase(text, ' ');
  CHECK_THAT(text, Contains("1/" + std::to_string(doc.page_count())));
}
