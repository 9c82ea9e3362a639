// Printing for real (sdk/print.hpp): a document goes through print_document() — the function the
// window's 印刷… button calls after its dialog — to a real CUPS queue with the cups-pdf virtual
// printer (scripts/start-cups.sh adds it as wasshoi-pdf), and the PDF cups-pdf writes into the
// printing user's ~/PDF is compared with the PDF save_pdf() writes: the same number of pages, and
// every page, rendered by pdftoppm, the same picture. cups-pdf prints through Ghostscript, so its
// text cannot be extracted and its pixels differ a little: pages are compared by the mean absolute
// difference of their grey levels. Rendered at 90 dpi and averaged over 6 × 6 pixel blocks (15 dpi):
// at 30 dpi pdftoppm draws Cairo's 0.5 pt table rules as solid black pixel rows but Ghostscript's
// as faint grey ones, which alone differs more than two different pages do.
//
// Without the queue the tests fail under CI (env CI or WASSHOI_REQUIRE_PRINTER set) and elsewhere
// say how to start CUPS and pass without printing.
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <thread>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/print.hpp>

#include "test_support.hpp"

using namespace wasshoi;
namespace fs = std::filesystem;
using Catch::Matchers::Contains;

namespace {

const char* kQueue = "wasshoi-pdf";

bool printer_required() {
  return std::getenv("CI") || std::getenv("WASSHOI_REQUIRE_PRINTER");
}

// True when the test printer is there; otherwise fails (CI) or says how to get it (elsewhere).
bool have_test_printer() {
  for (const sdk::Printer& p : sdk::printers())
    if (p.name == kQueue) return true;
  const std::string how = std::string("the CUPS printer ") + kQueue +
                          " is missing: run scripts/start-cups.sh (as root) to start CUPS and add it "
                          "(Debian packages cups and printer-driver-cups-pdf)";
  if (printer_required()) FAIL(how);
  WARN(how + "; not printing");
  return false;
}

std::string run(const std::string& cmd) {
  std::string out;
  std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), pclose);
  REQUIRE(p);
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p.get())) out.append(buf, n);
  return out;
}

int pdf_pages(const fs::path& pdf) {
  const std::string info = run("pdfinfo '" + pdf.string() + "' 2>/dev/null");
  const std::size_t at = info.find("Pages:");
  return at == std::string::npos ? 0 : std::atoi(info.c_str() + at + 6);
}

// Where cups-pdf puts what a user prints (/etc/cups/cups-pdf.conf "Out ${HOME}/PDF", the home
// from the password file, not $HOME), and where it puts jobs of users it does not know.
std::vector<fs::path> output_folders() {
  std::vector<fs::path> out;
  if (const passwd* pw = getpwuid(getuid())) out.push_back(fs::path(pw->pw_dir) / "PDF");
  out.push_back("/var/spool/cups-pdf/ANONYMOUS");
  return out;
}

// The PDF cups-pdf wrote for `job` ("<title>…job_<id>.pdf"), once it is complete; waits up to 20 s.
fs::path printed_pdf(int job) {
  const std::string suffix = "job_" + std::to_string(job) + ".pdf";
  for (int i = 0; i < 200; ++i) {
    for (const fs::path& folder : output_folders()) {
      std::error_code ec;
      for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() >= suffix.size() &&
            name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0 &&
            pdf_pages(it->path()) > 0)
          return it->path();
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  FAIL("cups-pdf wrote no PDF for job " << job << " in " << output_folders()[0] << " within 20 s");
  return {};
}

// A page rendered in grey at 90 dpi (pdftoppm -gray, a binary PGM), averaged over 6 × 6 blocks.
struct Grey {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
};

Grey read_pgm(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  Grey g;
  std::string magic;
  int max = 0;
  in >> magic >> g.width >> g.height >> max;
  in.get();
  REQUIRE(magic == "P5");
  REQUIRE(max == 255);
  g.pixels.resize(static_cast<std::size_t>(g.width) * g.height);
  in.read(reinterpret_cast<char*>(g.pixels.data()), static_cast<std::streamsize>(g.pixels.size()));
  REQUIRE(in.gcount() == static_cast<std::streamsize>(g.pixels.size()));
  constexpr int k = 6;
  Grey small{g.width / k, g.height / k, {}};
  for (int by = 0; by < small.height; ++by)
    for (int bx = 0; bx < small.width; ++bx) {
      int sum = 0;
      for (int y = by * k; y < by * k + k; ++y)
        for (int x = bx * k; x < bx * k + k; ++x) sum += g.pixels[static_cast<std::size_t>(y) * g.width + x];
      small.pixels.push_back(static_cast<unsigned char>(sum / (k * k)));
    }
  return small;
}

// Every page of `pdf`, in one pdftoppm run (it reads the fonts once).
std::vector<Grey> render_pages(const fs::path& pdf, const fs::path& dir) {
  const fs::path folder = dir / ("pages_" + std::to_string(std::hash<std::string>{}(pdf.string())));
  fs::create_directories(folder);
  run("pdftoppm -r 90 -gray '" + pdf.string() + "' '" + (folder / "p").string() + "'");
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(folder)) files.push_back(e.path());
  std::sort(files.begin(), files.end());  // p-1.pgm, p-2.pgm … (zero-padded when there are more)
  std::vector<Grey> pages;
  for (const fs::path& f : files) pages.push_back(read_pgm(f));
  return pages;
}

// Mean absolute difference of two pages' grey levels (0 … 255), over the area both cover.
double difference(const Grey& a, const Grey& b) {
  const int w = std::min(a.width, b.width), h = std::min(a.height, b.height);
  double sum = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      sum += std::abs(a.pixels[static_cast<std::size_t>(y) * a.width + x] -
                      b.pixels[static_cast<std::size_t>(y) * b.width + x]);
  return sum / (static_cast<double>(w) * h);
}

double ink(const Grey& g) {
  double sum = 0;
  for (unsigned char p : g.pixels) sum += 255 - p;
  return sum / static_cast<double>(g.pixels.size());
}

// A 回覧 of two pages: a title, a table of 60 households, signatures.
sdk::Document circular() {
  sdk::Document doc("令和8年度 班別名簿");
  doc.title("令和8年度 班別名簿（回覧用）").footer("わっしょい町内会");
  doc.paragraph("班長の皆様へ。名簿の内容に誤りがあれば、6月末までに事務局へお知らせください。");
  std::vector<std::vector<std::string>> rows;
  for (int i = 1; i <= 60; ++i)
    rows.push_back({std::to_string((i - 1) / 10 + 1) + "班", "髙橋 𠮷郎 " + std::to_string(i),
                    "わっしょい町" + std::to_string(i) + "-" + std::to_string(i % 7 + 1),
                    "090-1234-" + std::to_string(1000 + i)});
  doc.table({{"班", 0.6}, {"世帯主", 1.6}, {"住所", 2}, {"電話", 1.4}}, rows);
  doc.signatures({"会長", "事務局"});
  return doc;
}

}  // namespace

TEST_CASE("a document printed through CUPS comes out as the saved PDF page by page") {
  if (!have_test_printer()) return;
  test::TempDir tmp;
  const sdk::Document doc = circular();
  doc.save_pdf(tmp / "saved.pdf");
  const std::vector<Grey> want = render_pages(tmp / "saved.pdf", tmp.path());
  REQUIRE(want.size() == 2);

  const int job = sdk::print_document(doc, "班別名簿 印刷テスト", {.printer = kQueue});
  CHECK(job > 0);
  const fs::path printed = printed_pdf(job);
  const std::vector<Grey> got = render_pages(printed, tmp.path());
  REQUIRE(got.size() == want.size());
  for (std::size_t p = 0; p < want.size(); ++p) {
    INFO("page " << p + 1);
    CHECK(std::abs(want[p].width - got[p].width) <= 1);
    CHECK(std::abs(want[p].height - got[p].height) <= 1);
    CHECK(ink(want[p]) > 3);                 // a page with something on it …
    CHECK(difference(want[p], got[p]) < 6);  // … printed as it was saved
  }
  // The comparison tells pages apart: page 1 printed is not page 2 saved.
  CHECK(difference(want[1], got[0]) > 10);
  fs::remove(printed);
}

TEST_CASE("copies and a page range reach the printer") {
  if (!have_test_printer()) return;
  test::TempDir tmp;
  const sdk::Document doc = circular();
  doc.save_pdf(tmp / "saved.pdf");
  const int job =
      sdk::print_document(doc, "班別名簿 2ページ目", {.printer = kQueue, .copies = 2, .pages = "２"});
  const fs::path printed = printed_pdf(job);
  const std::vector<Grey> want = render_pages(tmp / "saved.pdf", tmp.path());
  const std::vector<Grey> got = render_pages(printed, tmp.path());
  REQUIRE(got.size() == 2);  // page 2, twice
  for (const Grey& page : got) CHECK(difference(want[1], page) < 6);
  fs::remove(printed);
}

TEST_CASE("a printer that is not there and pages that are not in the document are refused in Japanese") {
  sdk::strings().load_folder(test::bin_dir() / "i18n");
  sdk::strings().set_language("ja");
  const sdk::Document doc = circular();
  CHECK_THROWS_WITH(sdk::print_document(doc, "x", {.printer = kQueue, .pages = "2-9"}),
                    Contains("9 ページはありません") && Contains("2 ページ"));
  CHECK_THROWS_WITH(sdk::print_document(doc, "x", {.printer = kQueue, .pages = "1-2-3"}),
                    Contains("ページの指定「1-2-3」が読めません"));
  CHECK_THROWS_WITH(sdk::print_document(doc, "x", {.printer = "ない-プリンター"}),
                    Contains("プリンター「ない-プリンター」が見つかりません"));
  CHECK_THROWS_WITH(sdk::print_document(doc, "x", {.printer = kQueue, .copies = 0}),
                    Contains("部数は 1 から 99"));
}

TEST_CASE("page ranges are read as officers type them") {
  CHECK(sdk::normalize_page_ranges("1-3, 5") == "1-3,5");
  CHECK(sdk::normalize_page_ranges("１－３、５") == "1-3,5");
  CHECK(sdk::normalize_page_ranges(" 2 ") == "2");
  CHECK(sdk::normalize_page_ranges("3-3") == "3");
  CHECK_THROWS_AS(sdk::normalize_page_ranges(""), sdk::InputError);
  CHECK_THROWS_AS(sdk::normalize_page_ranges("0"), sdk::InputError);
  CHECK_THROWS_AS(sdk::normalize_page_ranges("3-1"), sdk::InputError);
  CHECK_THROWS_AS(sdk::normalize_page_ranges("1,,2"), sdk::InputError);
  CHECK_THROWS_AS(sdk::normalize_page_ranges("1-"), sdk::InputError);
  CHECK_THROWS_AS(sdk::normalize_page_ranges("4", 3), sdk::InputError);
}
