#pragma once
// Inside the document writer: the renderer that lays blocks out on Cairo, page by page (measuring
// only, or drawing). The blocks are drawn in document_render.cpp; the pages — where they end, the
// footer and page numbers, the cover and the 目次 — in document_layout.cpp.
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "document_render.hpp"

namespace wasshoi::sdk::detail {

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

extern const char* const kBodyFont;
extern const char* const kBoldFont;

class Renderer {
 public:
  // `page_ends`: where pages must end early (no short pages); `heading_pages`: the page of each
  // heading from an earlier pass, printed by a 目次 (empty while measuring).
  Renderer(cairo_t* cr, const PageGeometry& page, bool draw, const PageFurniture& furniture,
           const std::map<int, double>& page_ends, const std::vector<int>& heading_pages);

  int run(const std::vector<Document::Block>& blocks);
  // After a run: the first page (not the first) with fewer than three lines whose missing lines
  // the page before can give while keeping three; that page and where it must end instead.
  std::optional<std::pair<int, double>> short_page() const;
  // After a run: the page each heading landed on, in order.
  const std::vector<int>& heading_pages() const { return headings_found_; }

 private:
  // A line placed (or a row, a picture): where a page may end before it, and how many printed
  // lines it counts for.
  struct Line {
    int page;
    double y;
    int weight;
  };
  void mark_line(int weight = 1) { lines_.push_back({page_, y_, weight}); }
  int lines_here() const;
  double limit() const;
  Layout layout(const std::string& text, const char* family, double size, bool bold, double width,
                Align align);
  void keep_runs(PangoLayout* l, const std::string& text, std::vector<ByteRange> kept, const char* family,
                 double size, bool bold, double width);
  double natural_width(const std::string& text, const char* family, double size, bool bold);
  static double height(PangoLayout* l);
  void show(PangoLayout* l, double x, double y);
  void ensure_room(double h);
  void new_page();
  void finish_page();
  void flow(PangoLayout* l, double x);
  double start_of_next();

  void render(const Document::Text& t);
  void render(const Document::Fields& f);
  std::vector<Layout> row_layouts(const std::vector<TableColumn>& cols, const std::vector<double>& widths,
                                  const std::vector<std::string>& cells, bool header, double& h);
  double row_height(const std::vector<TableColumn>& cols, const std::vector<double>& widths,
                    const std::vector<std::string>& cells, bool header);
  void table_row(const std::vector<TableColumn>& cols, const std::vector<double>& widths,
                 const std::vector<std::string>& cells, bool header);
  std::vector<double> column_widths(const Document::Table& t);
  void render(const Document::Table& t);
  void render(const Document::Signatures& s);
  void render(const Document::Image& img);
  void render(const Document::Chart& c);
  void render(const Document::CheckBoxes& c);
  void render(const Document::Space& s) { y_ += s.mm * kMm; }
  void render(const Document::PageBreak&);
  void render(const Document::Cover& c);
  void render(const Document::Contents& c);

  const std::map<int, double>& page_ends_;
  const std::vector<int>& heading_pages_;
  std::vector<std::string> headings_;  // the texts of the document's headings, for a 目次
  std::vector<int> headings_found_;    // the page of each heading laid out so far
  std::vector<Line> lines_;
  std::set<int> unnumbered_;               // cover pages: no number, no footer
  std::set<int> fresh_pages_;              // pages begun by a page break or after a cover: never given lines
  const Document::Block* next_ = nullptr;  // the block after the one being laid out
  cairo_t* cr_;
  const double margin_, page_h_, content_w_, bottom_;  // the page's measures (portrait or landscape)
  const double scale_;                                 // Document::text_scale
  bool draw_;
  const PageFurniture& furniture_;
  double y_ = margin_;
  int page_ = 1;
  int page_done_ = 0;
};

}  // namespace wasshoi::sdk::detail
