// GCC 12 reports false "may be used uninitialized" warnings for std::variant moves (GCC bug 105593
// and relatives); the variant here is always constructed from a complete block.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/error.hpp>

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <memory>
#include <numeric>

namespace wasshoi::sdk {

namespace {

// A4 in points (1/72 inch), margins 20 mm.
constexpr double kPageW = 595.276, kPageH = 841.89;
constexpr double kMm = 72.0 / 25.4;
constexpr double kMargin = 20 * kMm;
constexpr double kContentW = kPageW - 2 * kMargin;
constexpr double kBottom = kPageH - kMargin - 8 * kMm;  // room for the footer
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
  Renderer(cairo_t* cr, bool draw, int total_pages, const std::string& footer)
      : cr_(cr), draw_(draw), total_(total_pages), footer_(footer) {}

  int run(const std::vector<Document::Block>& blocks) {
    y_ = kMargin;
    for (const auto& b : blocks) std::visit([this](const auto& block) { render(block); }, b);
    finish_page();
    return page_;
  }

 private:
  Layout layout(const std::string& text, const char* family, double size, bool bold, double width, Align align) {
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
    if (y_ + h > kBottom && y_ > kMargin + 1) new_page();
  }

  void new_page() {
    finish_page();
    if (draw_) cairo_show_page(cr_);
    ++page_;
    y_ = kMargin;
    page_started_ = false;
  }

  void finish_page() {
    if (page_done_ == page_) return;
    page_done_ = page_;
    if (!draw_) return;
    std::string number = std::to_string(page_) + " / " + std::to_string(total_);
    Layout n = layout(number, kBoldFont, 9, false, kContentW, Align::Center);
    show(n.get(), kMargin, kPageH - kMargin);
    if (!footer_.empty()) {
      // Left of the page number, never over it: a long footer is cut with an ellipsis.
      Layout f = layout(footer_, kBoldFont, 9, false, kContentW * 0.4, Align::Left);
      pango_layout_set_ellipsize(f.get(), PANGO_ELLIPSIZE_END);
      show(f.get(), kMargin, kPageH - kMargin);
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
        Layout l = layout(t.text, kBoldFont, 18, true, kContentW, Align::Center);
        ensure_room(height(l.get()) + 10);
        show(l.get(), kMargin, y_);
        y_ += height(l.get()) + 10;
        break;
      }
      case Document::Text::Heading: {
        Layout l = layout(t.text, kBoldFont, 13, true, kContentW, t.align);
        double h = height(l.get());
        ensure_room(h + 40);  // keep a heading with what follows
        y_ += 6;
        show(l.get(), kMargin, y_);
        y_ += h + 2;
        if (draw_) {
          cairo_set_line_width(cr_, 0.8);
          cairo_move_to(cr_, kMargin, y_);
          cairo_line_to(cr_, kMargin + kContentW, y_);
          cairo_stroke(cr_);
        }
        y_ += 6;
        break;
      }
      case Document::Text::Subheading: {
        Layout l = layout(t.text, kBoldFont, 11, true, kContentW, t.align);
        ensure_room(height(l.get()) + 30);
        y_ += 3;
        show(l.get(), kMargin, y_);
        y_ += height(l.get()) + 3;
        break;
      }
      case Document::Text::Paragraph: {
        Layout l = layout(t.text, kBodyFont, 10.5, false, kContentW, t.align);
        flow(l.get(), kMargin);
        y_ += 5;
        break;
      }
    }
  }

  void render(const Document::Fields& f) {
    const double label_w = 28 * kMm;
    for (const auto& [label, value] : f.rows) {
      Layout l = layout(label, kBoldFont, 10.5, true, label_w, Align::Left);
      Layout v = layout(value, kBodyFont, 10.5, false, kContentW - label_w, Align::Left);
      double h = std::max(height(l.get()), height(v.get()));
      ensure_room(h + 3);
      show(l.get(), kMargin, y_);
      show(v.get(), kMargin + label_w, y_);
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
      double x = kMargin;
      if (header) {
        cairo_set_source_rgb(cr_, 0.9, 0.9, 0.9);
        cairo_rectangle(cr_, kMargin, y_, kContentW, h);
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

  void ensure_room_for_row(double h, const std::vector<TableColumn>& cols, const std::vector<double>& widths) {
    if (y_ + h <= kBottom) return;
    new_page();
    std::vector<std::string> headers;
    for (const auto& c : cols) headers.push_back(c.header);
    table_row(cols, widths, headers, true);  // the header again on the new page
  }

  void render(const Document::Table& t) {
    double total = 0;
    for (const auto& c : t.columns) total += c.width;
    std::vector<double> widths;
    for (const auto& c : t.columns) widths.push_back(kContentW * c.width / (total > 0 ? total : 1));
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
    double w = kContentW / static_cast<double>(s.labels.size());
    double x = kMargin;
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

  void render(const Document::Space& s) { y_ += s.mm * kMm; }
  void render(const Document::PageBreak&) { new_page(); }

  cairo_t* cr_;
  bool draw_;
  int total_;
  const std::string& footer_;
  double y_ = kMargin;
  int page_ = 1;
  int page_done_ = 0;
  bool page_started_ = false;
};

}  // namespace

Document::Document(std::string title) : title_(std::move(title)) {}

Document& Document::title(std::string text) {
  blocks_.push_back(Text{Text::Title, std::move(text), Align::Center});
  return *this;
}
Document& Document::heading(std::string text) {
  blocks_.push_back(Text{Text::Heading, std::move(text)});
  return *this;
}
Document& Document::subheading(std::string text) {
  blocks_.push_back(Text{Text::Subheading, std::move(text)});
  return *this;
}
Document& Document::paragraph(std::string text, Align align) {
  blocks_.push_back(Text{Text::Paragraph, std::move(text), align});
  return *this;
}
Document& Document::fields(std::vector<std::pair<std::string, std::string>> rows) {
  blocks_.push_back(Fields{std::move(rows)});
  return *this;
}
Document& Document::table(std::vector<TableColumn> columns, std::vector<std::vector<std::string>> rows) {
  blocks_.push_back(Table{std::move(columns), std::move(rows)});
  return *this;
}
Document& Document::signatures(std::vector<std::string> labels) {
  blocks_.push_back(Signatures{std::move(labels)});
  return *this;
}
Document& Document::space(double mm) {
  blocks_.push_back(Space{mm});
  return *this;
}
Document& Document::page_break() {
  blocks_.push_back(PageBreak{});
  return *this;
}
Document& Document::footer(std::string text) {
  footer_ = std::move(text);
  return *this;
}

int Document::page_count() const {
  // Measured on a PDF surface that writes nowhere: an image surface would hint the fonts and
  // give other line heights than the PDF, and so another page count.
  cairo_surface_t* s = cairo_pdf_surface_create_for_stream(nullptr, nullptr, kPageW, kPageH);
  cairo_t* cr = cairo_create(s);
  int pages = Renderer(cr, false, 0, footer_).run(blocks_);
  cairo_destroy(cr);
  cairo_surface_destroy(s);
  return pages;
}

void Document::save_pdf(const std::filesystem::path& path) const {
  int pages = page_count();
  cairo_surface_t* s = cairo_pdf_surface_create(path.c_str(), kPageW, kPageH);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
    std::string why = cairo_status_to_string(cairo_surface_status(s));
    cairo_surface_destroy(s);
    throw Error("cannot write " + path.string() + ": " + why);
  }
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_TITLE, title_.c_str());
  cairo_pdf_surface_set_metadata(s, CAIRO_PDF_METADATA_CREATOR, "Wasshoi");
  cairo_t* cr = cairo_create(s);
  cairo_set_source_rgb(cr, 0, 0, 0);
  Renderer(cr, true, pages, footer_).run(blocks_);
  cairo_destroy(cr);
  cairo_surface_finish(s);
  cairo_status_t status = cairo_surface_status(s);
  cairo_surface_destroy(s);
  if (status != CAIRO_STATUS_SUCCESS) throw Error("cannot write " + path.string() + ": " + cairo_status_to_string(status));
}

namespace {
std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += "<br>";
    else if (c != '\r') out += c;
  }
  return out;
}
}  // namespace

std::string Document::to_markdown() const {
  std::string md;
  for (const auto& b : blocks_) {
    if (const auto* t = std::get_if<Text>(&b)) {
      switch (t->kind) {
        case Text::Title: md += "# " + t->text + "\n\n"; break;
        case Text::Heading: md += "## " + t->text + "\n\n"; break;
        case Text::Subheading: md += "### " + t->text + "\n\n"; break;
        case Text::Paragraph: md += t->text + "\n\n"; break;
      }
    } else if (const auto* f = std::get_if<Fields>(&b)) {
      for (const auto& [k, v] : f->rows) md += "- **" + k + "**: " + v + "\n";
      md += "\n";
    } else if (const auto* tb = std::get_if<Table>(&b)) {
      md += "|";
      for (const auto& c : tb->columns) md += " " + md_cell(c.header) + " |";
      md += "\n|";
      for (const auto& c : tb->columns) md += c.align == Align::Right ? " ---: |" : " --- |";
      md += "\n";
      for (const auto& row : tb->rows) {
        md += "|";
        for (std::size_t i = 0; i < tb->columns.size(); ++i) md += " " + md_cell(i < row.size() ? row[i] : "") + " |";
        md += "\n";
      }
      md += "\n";
    } else if (const auto* s = std::get_if<Signatures>(&b)) {
      for (const auto& l : s->labels) md += l + "：＿＿＿＿＿＿＿＿　印\n\n";
    }
  }
  return md;
}

}  // namespace wasshoi::sdk
