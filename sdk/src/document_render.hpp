#pragma once
// Inside the document writer: page geometry, the renderer that lays blocks out on Cairo (measuring
// only, or drawing), and picture decoding. Not part of the SDK's interface.
#include <cairo.h>
#include <pango/pangocairo.h>

#include <map>
#include <memory>
#include <string>
#include <vector>
#include <wasshoi/sdk/document.hpp>

namespace wasshoi::sdk::detail {

constexpr double kMm = 72.0 / 25.4;

// A4 in points (1/72 inch), portrait or landscape; margins 20 mm, room for the footer.
struct PageGeometry {
  double width, height;
  double text_scale = 1.0;  // Document::text_scale
  static PageGeometry a4(bool landscape, double text_scale = 1.0) {
    return landscape ? PageGeometry{841.89, 595.276, text_scale} : PageGeometry{595.276, 841.89, text_scale};
  }
  double margin() const { return 20 * kMm; }
  double content_width() const { return width - 2 * margin(); }
  double bottom() const { return height - margin() - 8 * kMm; }
};

struct SurfaceDeleter {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;
struct CairoDeleter {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using Cairo = std::unique_ptr<cairo_t, CairoDeleter>;

// Decodes a PNG or JPEG into upright pixels; InputError naming `name` (in the UI's language) when
// it is neither or is damaged.
Surface decode_image(const std::string& name, const std::vector<std::uint8_t>& bytes);
bool is_jpeg(const std::vector<std::uint8_t>& bytes);
// Gives `surface` JPEG data for the PDF to embed as it is (DCT) instead of the pixels: `original`
// when the surface holds exactly that JPEG's pixels, else the surface encoded as JPEG.
void attach_jpeg(cairo_surface_t* surface, const std::vector<std::uint8_t>* original);
// Paints the picture in the box (x, y, w, h) of `cr`, at most at 200 dpi.
void paint_picture(cairo_t* cr, const Document::Image& img, double x, double y, double w, double h);

// A run of a text's bytes [begin, end).
struct ByteRange {
  int begin, end;
};
// `text` without sdk::keep_together()'s marks; the marked runs (in the returned text) added to `marked`.
std::string strip_kept_marks(const std::string& text, std::vector<ByteRange>* marked);
// The runs of `text` read as one thing and never broken across lines: dates (令和8年5月18日（月）,
// 2026-05-18), times (10:00〜12:00), amounts (12,000円), phone numbers, 第3回.
std::vector<ByteRange> kept_runs(const std::string& text);
int code_points(const std::string& text);
// Table column widths: `proportional` (the document's relative widths) where every column gets
// at least `least` (its widest run that must stay on one line); what that costs is taken first
// from columns wider than `natural` (their longest line), then from the others' room to wrap.
// When even the least widths do not fit in `total`, each gets its share of them.
std::vector<double> fit_columns(const std::vector<double>& proportional, const std::vector<double>& least,
                                const std::vector<double>& natural, double total);

// What every page carries besides its blocks: the footer and the page number.
struct PageFurniture {
  std::string footer;
  PageNumbers numbers = PageNumbers::OfTotal;
  int total_pages = 0;  // for "3 / 12"; unknown (0) while measuring
};

// The result of a layout: the pages, and the page of each heading (what a 目次 prints).
struct LaidOut {
  int pages = 0;
  std::vector<int> heading_pages;
};

// Lays the blocks out page by page on `cr`; with draw=false it only measures. No page but the
// first holds fewer than three lines when lines from the page before can go with them (measured
// first, then laid out again with earlier page ends); a 目次 prints the pages its headings land on
// in the measured layout (its own length does not depend on the numbers, so they stay right).
LaidOut render_blocks(cairo_t* cr, const PageGeometry& page, bool draw, const PageFurniture& furniture,
                      const std::vector<Document::Block>& blocks);

}  // namespace wasshoi::sdk::detail
