// Lays a document's blocks out on A4 pages with Cairo + Pango: text flowing across pages, tables
// repeating their header, pictures kept whole, the footer and "1 / 3" page numbers.
// GCC 12 reports false "may be used uninitialized" warnings for std::variant moves (GCC bug 105593
// and relatives); the variant here is always constructed from a complete block.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include "document_render.hpp"

#include <algorithm>
#include <cmath>

namespace wasshoi::sdk::detail {

namespace {

constexpr double kCellPad = 4;

const char* kBodyFont = "IPAexMincho, IPAmjMincho, IPAexGothic, Noto Serif CJK JP, serif";
const char* kBoldFont = "IPAexGothic, IPAmjMincho, Noto Sans CJK JP, sans-serif";

struct LayoutDeleter {
  void operator()(PangoLayout* l) const { g_object_unref(l); }
};
using Layout = std::unique_ptr<PangoLayout, LayoutDeleter>;

// Renders (or, with draw=false, only measures) the blocks page by page.
class Renderer {
 public:
  Renderer(cairo_t* cr, const PageGeometry& page, bool draw, int total_pages, const std::string& footer)
      : cr_(cr),
        margin_(page.margin()),
        page_h_(page.height),
        content_w_(page.content_width()),
        bottom_(page.bottom()),
        draw_(draw),
        total_(total_pages),
        footer_(footer) {}

  int run(const std::vector<Document::Block>& blocks) {
    y_ = margin_;
    for (const auto& b : blocks) std::visit([this](const auto& block) { render(block); }, b);
    finish_page();
    return page_;
  }

 private:
  Layout layout(const std::string& text, const char* family, double size, bool bold, double width,
                Align align) {
    Layout l(pango_cairo_create_layout(cr_));
    pango_cairo_context_set_resolution(pango_layout_get_context(l.get()), 72);
    pango_layout_context_changed(l.get());
    PangoFontDescription* fd = pango_font_description_from_string(family);
    pango_font_description_set_size(fd, static_cast<int>(size * PANGO_SCALE));
    if (bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
    pango_layout_set_font_description(l.get(), fd);
    pango_font_description_free(fd);
    pango_layout_set_width(l.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(l.get(), align == Align::Center  ? PANGO_ALIGN_CENTER
                                        : align == Align::Right ? PANGO_ALIGN_RIGHT
                                                                : PANGO_ALIGN_LEFT);
    pango_layout_set_text(l.get(), text.c_str(), static_cast<int>(text.size()));
    return l;
  }

  static double height(PangoLayout* l) {
    int w, h;
    pango_layout_get_size(l, &w, &h);
    return static_cast<double>(h) / PANGO_SCALE;
  }

  void show(PangoLayout* l, double x, double y) {
    if (!draw_) return;
    cairo_move_to(cr_, x, y);
    pango_cairo_show_layout(cr_, l);
  }

  void ensure_room(double h) {
    if (y_ + h > bottom_ && y_ > margin_ + 1) new_page();
  }

  void new_page() {
    finish_page();
    if (draw_) cairo_show_page(cr_);
    ++page_;
    y_ = margin_;
    page_started_ = false;
  }

  void finish_page() {
    if (page_done_ == page_) return;
    page_done_ = page_;
    if (!draw_) return;
    std::string number = std::to_string(page_) + " / " + std::to_string(total_);
    Layout n = layout(number, kBoldFont, 9, false, content_w_, Align::Center);
    show(n.get(), margin_, page_h_ - margin_);
    if (!footer_.empty()) {
      // Left of the page number, never over it: a long footer is cut with an ellipsis.
      Layout f = layout(footer_, kBoldFont, 9, false, content_w_ * 0.4, Align::Left);
      pango_layout_set_ellipsize(f.get(), PANGO_ELLIPSIZE_END);
      show(f.get(), margin_, page_h_ - margin_);
    }
  }

  // Lines of a long paragraph flow across pages one by one.
  void flow(PangoLayout* l, double x) {
    PangoLayoutIter* it = pango_layout_get_iter(l);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      double line_h = static_cast<double>(logical.height) / PANGO_SCALE;
      double line_x = static_cast<double>(logical.x) / PANGO_SCALE;
      ensure_room(line_h);
      if (draw_) {
        int baseline = pango_layout_iter_get_baseline(it) - logical.y;
        cairo_move_to(cr_, x + line_x, y_ + static_cast<double>(baseline) / PANGO_SCALE);
        pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
      }
      y_ += line_h;
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }

  void render(const Document::Text& t) {
    switch (t.kind) {
      case Document::Text::Title: {
        Layout l = layout(t.text, kBoldFont, 18, true, content_w_, Align::Center);
        ensure_room(height(l.get()) + 10);
        show(l.get(), margin_, y_);
        y_ += height(l.get()) + 10;
        break;
      }
      case Document::Text::Heading: {
        Layout l = layout(t.text, kBoldFont, 13, true, content_w_, t.align);
        double h = height(l.get());
        ensure_room(h + 40);  // keep a heading with what follows
        y_ += 6;
        show(l.get(), margin_, y_);
        y_ += h + 2;
        if (draw_) {
          cairo_set_line_width(cr_, 0.8);
          cairo_move_to(cr_, margin_, y_);
          cairo_line_to(cr_, margin_ + content_w_, y_);
          cairo_stroke(cr_);
        }
        y_ += 6;
        break;
      }
      case Document::Text::Subheading: {
        Layout l = layout(t.text, kBoldFont, 11, true, content_w_, t.align);
        ensure_room(height(l.get()) + 30);
        y_ += 3;
        show(l.get(), margin_, y_);
        y_ += height(l.get()) + 3;
        break;
      }
      case Document::Text::Paragraph: {
        Layout l = layout(t.text, kBodyFont, 10.5, false, content_w_, t.align);
        flow(l.get(), margin_);
        y_ += 5;
        break;
      }
    }
  }

  void render(const Document::Fields& f) {
    const double label_w = 28 * kMm;
    for (const auto& [label, value] : f.rows) {
      Layout l = layout(label, kBoldFont, 10.5, true, label_w, Align::Left);
      Layout v = layout(value, kBodyFont, 10.5, false, content_w_ - label_w, Align::Left);
      double h = std::max(height(l.get()), height(v.get()));
      ensure_room(h + 3);
      show(l.get(), margin_, y_);
      show(v.get(), margin_ + label_w, y_);
      y_ += h + 3;
    }
    y_ += 4;
  }

  double table_row(const std::vector<TableColumn>& cols, const std::vector<double>& widths,
                   const std::vector<std::string>& cells, bool header) {
    std::vector<Layout> ls;
    double h = 0;
    for (std::size_t c = 0; c < cols.size(); ++c) {
      const std::string& text = c < cells.size() ? cells[c] : std::string();
      ls.push_back(layout(text, header ? kBoldFont : kBodyFont, 9.5, header, widths[c] - 2 * kCellPad,
                          header ? Align::Center : cols[c].align));
      h = std::max(h, height(ls.back().get()));
    }
    h += 2 * kCellPad;
    if (!header) ensure_room_for_row(h, cols, widths);
    if (draw_) {
      double x = margin_;
      if (header) {
        cairo_set_source_rgb(cr_, 0.9, 0.9, 0.9);
        cairo_rectangle(cr_, margin_, y_, content_w_, h);
        cairo_fill(cr_);
        cairo_set_source_rgb(cr_, 0, 0, 0);
      }
      cairo_set_line_width(cr_, 0.5);
      for (std::size_t c = 0; c < cols.size(); ++c) {
        cairo_rectangle(cr_, x, y_, widths[c], h);
        cairo_stroke(cr_);
        show(ls[c].get(), x + kCellPad, y_ + kCellPad);
        x += widths[c];
      }
    }
    y_ += h;
    return h;
  }

  void ensure_room_for_row(double h, const std::vector<TableColumn>& cols,
                           const std::vector<double>& widths) {
    if (y_ + h <= bottom_) return;
    new_page();
    std::vector<std::string> headers;
    for (const auto& c : cols) headers.push_back(c.header);
    table_row(cols, widths, headers, true);  // the header again on the new page
  }

  void render(const Document::Table& t) {
    double total = 0;
    for (const auto& c : t.columns) total += c.width;
    std::vector<double> widths;
    for (const auto& c : t.columns) widths.push_back(content_w_ * c.width / (total > 0 ? total : 1));
    std::vector<std::string> headers;
    for (const auto& c : t.columns) headers.push_back(c.header);
    ensure_room(60);
    table_row(t.columns, widths, headers, true);
    for (const auto& row : t.rows) table_row(t.columns, widths, row, false);
    y_ += 8;
  }

  void render(const Document::Signatures& s) {
    if (s.labels.empty()) return;
    ensure_room(40);
    y_ += 14;
    double w = content_w_ / static_cast<double>(s.labels.size());
    double x = margin_;
    for (const auto& label : s.labels) {
      Layout l = layout(label, kBoldFont, 10, false, w - 10, Align::Left);
      show(l.get(), x, y_);
      if (draw_) {
        double line_y = y_ + height(l.get()) + 22;
        cairo_set_line_width(cr_, 0.6);
        cairo_move_to(cr_, x, line_y);
        cairo_line_to(cr_, x + w - 28, line_y);
        cairo_stroke(cr_);
        Layout seal = layout("印", kBodyFont, 10, false, 20, Align::Left);
        show(seal.get(), x + w - 24, line_y - 12);
      }
      x += w;
    }
    y_ += 44;
  }

  // Fitted to the text width, or to a page's height when tall; with its caption on one page.
  void render(const Document::Image& img) {
    constexpr double gap = 4;
    Layout caption = layout(img.caption, kBodyFont, 9.5, false, content_w_, Align::Center);
    double caption_h = img.caption.empty() ? 0 : height(caption.get()) + gap;
    double w = content_w_;
    double h = w * img.size.height / img.size.width;
    double max_h = bottom_ - margin_ - caption_h - 2 * gap;
    if (h > max_h) w *= max_h / h, h = max_h;
    ensure_room(h + caption_h + 2 * gap);
    y_ += gap;
    if (draw_) paint(img, margin_ + (content_w_ - w) / 2, y_, w, h);
    y_ += h + gap;
    if (!img.caption.empty()) show(caption.get(), margin_, y_);
    y_ += caption_h + gap;
  }

  // Photos straight from a camera are far finer than print needs: scaled down to 200 dpi first,
  // which keeps the PDF small. A JPEG stays a JPEG in the PDF (its own bytes when they can be
  // used as they are, else the scaled picture encoded again), so a phone photo does not grow
  // tenfold as pixels.
  void paint(const Document::Image& img, double x, double y, double w, double h) {
    Surface src = decode_image(img.name, img.bytes);
    int sw = cairo_image_surface_get_width(src.get()), sh = cairo_image_surface_get_height(src.get());
    int tw = std::max(1, static_cast<int>(std::ceil(w / 72.0 * 200))),
        th = std::max(1, static_cast<int>(std::ceil(h / 72.0 * 200)));
    bool as_stored = true;  // the surface still holds the file's own pixels, unturned
    if (sw > tw * 5 / 4 && sh > th * 5 / 4) {
      Surface small(cairo_image_surface_create(cairo_image_surface_get_format(src.get()), tw, th));
      Cairo c(cairo_create(small.get()));
      cairo_scale(c.get(), static_cast<double>(tw) / sw, static_cast<double>(th) / sh);
      cairo_set_source_surface(c.get(), src.get(), 0, 0);
      cairo_pattern_set_filter(cairo_get_source(c.get()), CAIRO_FILTER_GOOD);
      cairo_paint(c.get());
      c.reset();
      src = std::move(small);
      sw = tw, sh = th;
      as_stored = false;
    }
    if (is_jpeg(img.bytes))
      attach_jpeg(src.get(), as_stored && jpeg_orientation(img.bytes.data(), img.bytes.size()) == 1
                                 ? &img.bytes
                                 : nullptr);
    cairo_save(cr_);
    cairo_translate(cr_, x, y);
    cairo_scale(cr_, w / sw, h / sh);
    cairo_set_source_surface(cr_, src.get(), 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr_), CAIRO_FILTER_GOOD);
    cairo_paint(cr_);
    cairo_restore(cr_);
  }

  void render(const Document::Space& s) { y_ += s.mm * kMm; }
  void render(const Document::PageBreak&) { new_page(); }

  cairo_t* cr_;
  const double margin_, page_h_, content_w_, bottom_;  // the page's measures (portrait or landscape)
  bool draw_;
  int total_;
  const std::string& footer_;
  double y_ = margin_;
  int page_ = 1;
  int page_done_ = 0;
  bool page_started_ = false;
};

}  // namespace

int render_blocks(cairo_t* cr, const PageGeometry& page, bool draw, int total_pages,
                  const std::string& footer, const std::vector<Document::Block>& blocks) {
  return Renderer(cr, page, draw, total_pages, footer).run(blocks);
}

}  // namespace wasshoi::sdk::detail
