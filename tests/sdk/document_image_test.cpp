// Pictures and landscape pages in the document writer, read back with pdfimages, pdftotext and
// pdfinfo (poppler-utils) from the real PDF.
#include <cairo.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "phone_photo.hpp"
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

TEST_CASE(
    "a missing, unprintable or damaged picture is refused naming the file and the document is unchanged") {
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("en");
  test::TempDir tmp;
  sdk::Document doc("添付");
  doc.paragraph("本文");
  std::string before = doc.to_markdown();
  auto missing = tmp / "ない.png";
  CHECK_THROWS_AS(doc.image(missing), sdk::InputError);
  CHECK_THROWS_WITH(doc.image(missing), Contains(missing.string()) && Contains("cannot read"));

  test::write_file(tmp / "map.jpg",
                   std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11) + std::string(100, 'x'));
  CHECK_THROWS_WITH(doc.image(tmp / "map.jpg"), Contains("map.jpg") && Contains("damaged"));
  test::write_file(tmp / "anim.gif", "GIF89a" + std::string(40, '\0'));
  CHECK_THROWS_WITH(doc.image(tmp / "anim.gif"),
                    Contains("anim.gif") && Contains("GIF") && Contains("PNG or JPEG"));

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

// ---- photos from phones (JPEG) ------------------------------------------------------------------

namespace {

// A page rendered in grey at 30 dpi: width, height and pixels (pdftoppm -gray, binary PGM).
struct Grey {
  int width = 0, height = 0;
  std::string pixels;
  int at(int x, int y) const {
    return static_cast<unsigned char>(pixels[static_cast<std::size_t>(y) * width + x]);
  }
};
Grey render_page(const std::filesystem::path& pdf, int n, const std::filesystem::path& dir) {
  const std::string page = std::to_string(n);
  run("pdftoppm -r 30 -gray -f " + page + " -l " + page + " -singlefile '" + pdf.string() + "' '" +
      (dir / "page").string() + "'");
  const std::string pgm = test::read_file(dir / "page.pgm");
  Grey g;
  int max = 0, used = 0;
  REQUIRE(std::sscanf(pgm.c_str(), "P5 %d %d %d%n", &g.width, &g.height, &max, &used) == 3);
  g.pixels = pgm.substr(static_cast<std::size_t>(used) + 1);
  REQUIRE(g.pixels.size() == static_cast<std::size_t>(g.width) * g.height);
  return g;
}

// The mean grey of the rows y0 … y1 between x0 and x1.
double mean(const Grey& g, int x0, int x1, int y0, int y1) {
  double sum = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) sum += g.at(x, y);
  return sum / ((x1 - x0) * (y1 - y0));
}

}  // namespace

TEST_CASE(
    "a phone photo turned by its EXIF orientation prints upright as JPEG and grows the PDF by less than "
    "itself") {
  test::TempDir tmp;
  const std::vector<std::uint8_t> photo = test::phone_jpeg();  // 4000 × 3000 stored, orientation 6
  const auto size = sdk::check_printable_image("IMG_0001.JPG", photo);
  CHECK((size.width == 3000 && size.height == 4000));  // as held: a portrait

  sdk::Document plain("報告"), with_photo("報告");
  for (sdk::Document* d : {&plain, &with_photo}) d->title("現地の様子").paragraph("北側通学路の防犯灯。");
  with_photo.image_data("IMG_0001.JPG", photo, "写真　夜の通学路");
  plain.save_pdf(tmp / "plain.pdf");
  with_photo.save_pdf(tmp / "photo.pdf");
  const auto growth =
      std::filesystem::file_size(tmp / "photo.pdf") - std::filesystem::file_size(tmp / "plain.pdf");
  CHECK(growth < photo.size());

  const std::string listed = run("pdfimages -list '" + (tmp / "photo.pdf").string() + "'");
  CHECK_THAT(listed, Contains("jpeg"));  // kept as JPEG (DCT), not as pixels
  auto images = pdf_images(tmp / "photo.pdf");
  REQUIRE(images.size() == 1);
  CHECK(images[0].height > images[0].width);

  // On the page: the dark band runs across the picture's top (rows mostly dark), a third as high as
  // the picture is wide, with the light sky (not the white page) below it.
  const Grey page = render_page(tmp / "photo.pdf", images[0].page, tmp.path());
  int band_top = -1, band_bottom = -1, left = page.width, right = 0;
  for (int y = 0; y < page.height; ++y) {
    int dark = 0;
    for (int x = 0; x < page.width; ++x)
      if (page.at(x, y) < 120) ++dark, left = std::min(left, x), right = std::max(right, x);
    if (dark > page.width / 2) {
      if (band_top < 0) band_top = y;
      band_bottom = y;
    } else if (band_top >= 0 && band_bottom == y - 1) {
      left = page.width, right = 0;  // only the band's own extent counts
    }
  }
  REQUIRE(band_top >= 0);
  left = page.width, right = 0;
  for (int x = 0; x < page.width; ++x)
    if (page.at(x, (band_top + band_bottom) / 2) < 120) left = std::min(left, x), right = std::max(right, x);
  const int width = right - left + 1, band = band_bottom - band_top + 1;
  CHECK(band == Approx(width / 3.0).margin(3));
  const double sky = mean(page, left + 1, right - 1, band_bottom + 3, band_bottom + 3 + 2 * band);
  CHECK(sky > 180);
  CHECK(sky < 245);
}

TEST_CASE("the EXIF orientation is read from both byte orders and anything unexpected means upright") {
  auto jpeg_with = [](const std::string& segment) {
    std::string bytes = std::string("\xFF\xD8", 2) + segment + std::string("\xFF\xDA\x00\x02\xFF\xD9", 6);
    return std::vector<std::uint8_t>(bytes.begin(), bytes.end());
  };
  for (int o = 1; o <= 8; ++o) {
    auto b = jpeg_with(test::exif_orientation_segment(o));
    CHECK(sdk::jpeg_orientation(b.data(), b.size()) == o);
  }
  // Little-endian (II), after a JFIF segment.
  const std::string le_tiff =
      std::string("II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x08\0\0\0\0\0\0\0", 26);
  const std::string app1 = std::string("\xFF\xE1\0", 3) + static_cast<char>(2 + 6 + le_tiff.size()) +
                           std::string("Exif\0\0", 6) + le_tiff;
  const std::string jfif("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
  auto le = jpeg_with(jfif + app1);
  CHECK(sdk::jpeg_orientation(le.data(), le.size()) == 8);
  // Cut anywhere, the answer is upright (and nothing is read past the end: ASan watches).
  for (std::size_t n = 0; n < le.size(); ++n)
    CHECK(sdk::jpeg_orientation(le.data(), n) == (n >= le.size() - 6 ? 8 : 1));
  // A value out of range, a wrong type, a length past the end.
  auto bad = test::exif_orientation_segment(9);
  CHECK(sdk::jpeg_orientation(jpeg_with(bad).data(), jpeg_with(bad).size()) == 1);
  std::string long_len = test::exif_orientation_segment(6);
  long_len[2] = '\x7F';
  auto b = jpeg_with(long_len);
  CHECK(sdk::jpeg_orientation(b.data(), b.size()) == 1);
}

TEST_CASE("a JPEG cut short or damaged is refused in the UI's language, Japanese by default") {
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  const std::vector<std::uint8_t> photo = test::phone_jpeg(400, 300);
  const std::vector<std::uint8_t> cut(photo.begin(),
                                      photo.begin() + static_cast<std::ptrdiff_t>(photo.size() / 2));
  CHECK_THROWS_WITH(sdk::check_printable_image("写真１.jpg", cut),
                    Contains("写真１.jpg") && Contains("壊れている") && !Contains("PNG can"));
  CHECK_THROWS_WITH(sdk::check_printable_image("動画.gif", {'G', 'I', 'F', '8', '9', 'a'}),
                    Contains("動画.gif") && Contains("GIF 形式") && Contains("PNG か JPEG"));
  sdk::Document doc("添付");
  CHECK_THROWS_AS(doc.image_data("写真１.jpg", cut), sdk::InputError);
  CHECK(doc.blocks().empty());
}
