// Draws a document's blocks with Cairo + Pango: text flowing across pages, tables repeating their
// header, pictures kept whole. Where pages end and what they carry besides: document_layout.cpp.
// GCC 12 reports false "may be used uninitialized" warnings for std::variant moves (GCC bug 105593
// and relatives); the variant here is always constructed from a complete block.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <algorithm>
#include <cmath>

#include "document_renderer.hpp"

namespace wasshoi::sdk::detail {

namespace {
constexpr double kCellPad = 4;
}  // namespace

const char* const kBodyFont = "IPAexMincho, IPAmjMincho, IPAexGothic, Noto Serif CJK JP, serif";
const char* const kBoldFont = "IPAexGothic, IPAmjMincho, Noto Sans CJK JP, sans-serif";

Layout Renderer::layout(const std::string& text, const char* family, double size, bool bold, double width,
                        Align align) {
  Layout l(pango_cairo_create_layout(cr_));
  pango_cairo_context_set_resolution(pango_layout_get_context(l.get()), 72);
  pango_layout_context_changed(l.get());
  PangoFontDescription* fd = pango_font_description_from_string(family);
  pango_font_description_set_size(fd, static_cast<int>(size * scale_ * PANGO_SCALE));
  if (bold) pango_font_description_set_weight(fd, PANGO_WEIGHT_BOLD);
  pango_layout_set_font_description(l.get(), fd);
  pango_font_description_free(fd);
  pango_layout_set_width(l.get(), width < 0 ? -1 : static_cast<int>(width * PANGO_SCALE));
  pango_layout_set_wrap(l.get(), PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment(l.get(), align == Align::Center  ? PANGO_ALIGN_CENTER
                                      : align == Align::Right ? PANGO_ALIGN_RIGHT
                                                              : PANGO_ALIGN_LEFT);
  std::vector<ByteRange> kept;
  const std::string plain = strip_kept_marks(text, &kept);
  pango_layout_set_text(l.get(), plain.c_str(), static_cast<int>(plain.size()));
  if (pango_layout_is_wrapped(l.get())) keep_runs(l.get(), plain, kept, family, size, bold, width);
  return l;
}

// Dates, amounts, names … never broken across lines: no break allowed inside them (a run wider
// than the whole line is left to break, or it would run out of its cell).
void Renderer::keep_runs(PangoLayout* l, const std::string& text, std::vector<ByteRange> kept,
                         const char* family, double size, bool bold, double width) {
  for (const ByteRange& r : kept_runs(text)) kept.push_back(r);
  PangoAttrList* attrs = pango_attr_list_new();
  for (const ByteRange& r : kept) {
    if (natural_width(
            text.substr(static_cast<std::size_t>(r.begin), static_cast<std::size_t>(r.end - r.begin)), family,
            size, bold) > width)
      continue;
    PangoAttribute* a = pango_attr_allow_breaks_new(FALSE);
    a->start_index = static_cast<guint>(r.begin);
    a->end_index = static_cast<guint>(r.end);
    pango_attr_list_insert(attrs, a);
  }
  pango_layout_set_attributes(l, attrs);
  pango_attr_list_unref(attrs);
}

// The width of `text` on one line.
double Renderer::natural_width(const std::string& text, const char* family, double size, bool bold) {
  Layout l = layout(text, family, size, bold, -1, Align::Left);
  int w, h;
  pango_layout_get_size(l.get(), &w, &h);
  return static_cast<double>(w) / PANGO_SCALE;
}

double Renderer::height(PangoLayout* l) {
  int w, h;
  pango_layout_get_size(l, &w, &h);
  return static_cast<double>(h) / PANGO_SCALE;
}

void Renderer::show(PangoLayout* l, double x, double y) {
  if (!draw_) return;
  cairo_move_to(cr_, x, y);
  pango_cairo_show_layout(cr_, l);
}

void Renderer::flow(PangoLayout* l, double x) {
  std::vector<double> heights;
  {
    PangoLayoutIter* it = pango_layout_get_iter(l);
    do {
      PangoRectangle logical;
      pango_layout_iter_get_line_extents(it, nullptr, &logical);
      heights.push_back(static_cast<double>(logical.height) / PANGO_SCALE);
    } while (pango_layout_iter_next_line(it));
    pango_layout_iter_free(it);
  }
  const std::size_t n = heights.size();
  std::size_t fit = 0;  // lines that fit on this page
  for (double room = limit() - y_; fit < n && heights[fit] <= room; ++fit) room -= heights[fit];
  std::size_t break_before = n;  // the line that starts the next page
  if (fit < n) {
    break_before = fit;
    if (n - break_before < 3) break_before = n >= 3 ? n - 3 : 0;
    if (break_before < 2) break_before = 0;
    if (break_before == 0 && y_ > margin_ + 1) new_page();
  }
  PangoLayoutIter* it = pango_layout_get_iter(l);
  std::size_t i = 0;
  do {
    PangoRectangle logical;
    pango_layout_iter_get_line_extents(it, nullptr, &logical);
    double line_h = static_cast<double>(logical.height) / PANGO_SCALE;
    double line_x = static_cast<double>(logical.x) / PANGO_SCALE;
    if (i == break_before && i > 0) new_page();
    ensure_room(line_h);
    mark_line();
    if (draw_) {
      int baseline = pango_layout_iter_get_baseline(it) - logical.y;
      cairo_move_to(cr_, x + line_x, y_ + static_cast<double>(baseline) / PANGO_SCALE);
      pango_cairo_show_layout_line(cr_, pango_layout_iter_get_line_readonly(it));
    }
    y_ += line_h;
    ++i;
  } while (pango_layout_iter_next_line(it));
  pango_layout_iter_free(it);
}

// How much of the next block must share a page with a heading over it: a table that fits on a
// page whole (it will not be split), else its header and three rows; three lines of a
// paragraph; a row of fields; a picture. At most a page.
double Renderer::start_of_next() {
  double h = 30;
  if (!next_) return h;
  if (const auto* t = std::get_if<Document::Table>(next_)) {
    const std::vector<double> widths = column_widths(*t);
    std::vector<std::string> headers;
    for (const auto& c : t->columns) headers.push_back(c.header);
    double all = row_height(t->columns, widths, headers, true), start = all;
    for (std::size_t i = 0; i < t->rows.size(); ++i) {
      const double row = row_height(t->columns, widths, t->rows[i], false);
      all += row;
      if (i < 3) start += row;
    }
    h = all <= bottom_ - margin_ ? all : start;
  } else if (const auto* p = std::get_if<Document::Text>(next_); p && p->kind == Document::Text::Paragraph) {
    Layout l = layout(p->text, kBodyFont, 10.5, false, content_w_, p->align);
    h = std::min(height(l.get()), 3 * height(l.get()) / std::max(1, pango_layout_get_line_count(l.get())));
  }
  return std::min(h, (bottom_ - margin_) * 0.8);
}

void Renderer::render(const Document::Text& t) {
  switch (t.kind) {
    case Document::Text::Title: {
      Layout l = layout(t.text, kBoldFont, 18, true, content_w_, Align::Center);
      ensure_room(height(l.get()) + 10);
      mark_line(pango_layout_get_line_count(l.get()));
      show(l.get(), margin_, y_);
      y_ += height(l.get()) + 10;
      break;
    }
    case Document::Text::Heading: {
      Layout l = layout(t.text, kBoldFont, 13, true, content_w_, t.align);
      double h = height(l.get());
      ensure_room(h + 14 + start_of_next());  // a heading stays with what it heads
      headings_found_.push_back(page_);
      mark_line(pango_layout_get_line_count(l.get()));
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
      ensure_room(height(l.get()) + 6 + start_of_next());
      mark_line(pango_layout_get_line_count(l.get()));
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

// Labels in one column as wide as the widest label (at least 28 mm, at most 45% of the line).
void Renderer::render(const Document::Fields& f) {
  double label_w = 28 * kMm;
  for (const auto& row : f.rows)
    label_w = std::max(label_w, natural_width(row.first, kBoldFont, 10.5, true) + 8);
  label_w = std::min(label_w, content_w_ * 0.45);
  for (const auto& [label, value] : f.rows) {
    Layout l = layout(label, kBoldFont, 10.5, true, label_w - 4, Align::Left);
    Layout v = layout(value, kBodyFont, 10.5, false, content_w_ - label_w, Align::Left);
    double h = std::max(height(l.get()), height(v.get()));
    ensure_room(h + 3);
    mark_line(pango_layout_get_line_count(v.get()));
    show(l.get(), margin_, y_);
    show(v.get(), margin_ + label_w, y_);
    y_ += h + 3;
  }
  y_ += 4;
}

std::vector<Layout> Renderer::row_layouts(const std::vector<TableColumn>& cols,
                                          const std::vector<double>& widths,
                                          const std::vector<std::string>& cells, bool header, double& h) {
  std::vector<Layout> ls;
  h = 0;
  for (std::size_t c = 0; c < cols.size(); ++c) {
    const std::string& text = c < cells.size() ? cells[c] : std::string();
    ls.push_back(layout(text, header ? kBoldFont : kBodyFont, 9.5, header, widths[c] - 2 * kCellPad,
                        header ? Align::Center : cols[c].align));
    h = std::max(h, height(ls.back().get()));
  }
  h += 2 * kCellPad;
  return ls;
}

double Renderer::row_height(const std::vector<TableColumn>& cols, const std::vector<double>& widths,
                            const std::vector<std::string>& cells, bool header) {
  double h = 0;
  row_layouts(cols, widths, cells, header, h);
  return h;
}

void Renderer::table_row(const std::vector<TableColumn>& cols, const std::vector<double>& widths,
                         const std::vector<std::string>& cells, bool header) {
  double h = 0;
  std::vector<Layout> ls = row_layouts(cols, widths, cells, header, h);
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
}

// Columns measured from their content: every column at least as wide as its widest date,
// amount, name or short cell (kept on one line), the rest shared as the document asks.
std::vector<double> Renderer::column_widths(const Document::Table& t) {
  constexpr int kShortCell = 20;  // code points: a name, a date, a short title
  double total = 0;
  for (const auto& c : t.columns) total += c.width;
  std::vector<double> proportional, least(t.columns.size(), 0), natural(t.columns.size(), 0);
  for (const auto& c : t.columns) proportional.push_back(content_w_ * c.width / (total > 0 ? total : 1));
  auto measure = [&](std::size_t c, const std::string& cell, bool header) {
    if (cell.empty()) return;
    const char* font = header ? kBoldFont : kBodyFont;
    std::vector<ByteRange> runs;
    const std::string plain = strip_kept_marks(cell, &runs);
    const double whole = natural_width(plain, font, 9.5, header);
    natural[c] = std::max(natural[c], whole + 2 * kCellPad + 1);
    if (code_points(plain) <= kShortCell && plain.find('\n') == std::string::npos) {
      least[c] = std::max(least[c], whole + 2 * kCellPad + 1);
      return;
    }
    for (const ByteRange& r : kept_runs(plain)) runs.push_back(r);
    for (const ByteRange& r : runs)
      least[c] = std::max(least[c], natural_width(plain.substr(static_cast<std::size_t>(r.begin),
                                                               static_cast<std::size_t>(r.end - r.begin)),
                                                  font, 9.5, header) +
                                        2 * kCellPad + 1);
  };
  for (std::size_t c = 0; c < t.columns.size(); ++c) {
    measure(c, t.columns[c].header, true);
    for (const auto& row : t.rows)
      if (c < row.size()) measure(c, row[c], false);
  }
  return fit_columns(proportional, least, natural, content_w_);
}

// A table that fits on a page is not split: it starts the next page when the rest of this one
// is too short. A longer one starts with its header and three rows at least, repeats its header
// on every page, and never leaves fewer than three rows for its last page.
void Renderer::render(const Document::Table& t) {
  const std::vector<double> widths = column_widths(t);
  std::vector<std::string> headers;
  for (const auto& c : t.columns) headers.push_back(c.header);
  const double header_h = row_height(t.columns, widths, headers, true);
  std::vector<double> h;
  double all = header_h;
  for (const auto& row : t.rows) all += h.emplace_back(row_height(t.columns, widths, row, false));
  const std::size_t n = h.size();
  if (all <= bottom_ - margin_ && lines_here() >= 3) {  // moving it must not leave a page short
    ensure_room(all);
  } else {
    double start = header_h;
    for (std::size_t i = 0; i < std::min<std::size_t>(3, n); ++i) start += h[i];
    ensure_room(start);
  }
  mark_line();
  table_row(t.columns, widths, headers, true);
  std::size_t i = 0;
  while (i < n) {
    // The rows that fit on this page; fewer when the last page would keep only one or two.
    std::size_t end = i;
    for (double room = limit() - y_; end < n && (h[end] <= room || end == i); ++end) room -= h[end];
    if (end < n && n - end < 3 && n >= 3 && n - 3 > i) end = n - 3;
    for (; i < end; ++i) {
      mark_line();
      table_row(t.columns, widths, t.rows[i], false);
    }
    if (i < n) {
      new_page();
      table_row(t.columns, widths, headers, true);  // the header again on the new page
    }
  }
  y_ += 8;
}

void Renderer::render(const Document::Signatures& s) {
  if (s.labels.empty()) return;
  ensure_room(58);
  mark_line(2);  // the labels, and the lines with 印
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
void Renderer::render(const Document::Image& img) {
  constexpr double gap = 4;
  Layout caption = layout(img.caption, kBodyFont, 9.5, false, content_w_, Align::Center);
  double caption_h = img.caption.empty() ? 0 : height(caption.get()) + gap;
  double w = content_w_;
  double h = w * img.size.height / img.size.width;
  double max_h = bottom_ - margin_ - caption_h - 2 * gap;
  if (h > max_h) w *= max_h / h, h = max_h;
  ensure_room(h + caption_h + 2 * gap);
  mark_line(3);  // a picture is more than a line or two
  y_ += gap;
  if (draw_) paint_picture(cr_, img, margin_ + (content_w_ - w) / 2, y_, w, h);
  y_ += h + gap;
  if (!img.caption.empty()) show(caption.get(), margin_, y_);
  y_ += caption_h + gap;
}

// A horizontal bar chart: the caption, then one row per bar — its label (wrapped in a column of
// at most 40% of the width), the bar, its value. The whole chart on one page.
void Renderer::render(const Document::Chart& c) {
  constexpr double gap = 4, bar_h = 11, row_gap = 5, size = 9.5;
  if (c.bars.empty()) return;
  double label_w = 0, value_w = 0, max_value = c.max_value;
  for (const auto& b : c.bars) {
    label_w = std::max(label_w, natural_width(b.label, kBodyFont, size, false));
    value_w = std::max(value_w, natural_width(b.value_text, kBodyFont, size, false));
    if (c.max_value <= 0 && b.value) max_value = std::max(max_value, *b.value);
  }
  label_w = std::min(label_w + 2, content_w_ * 0.4);
  value_w = std::min(value_w + 2, content_w_ * 0.25);
  const double bar_x = margin_ + label_w + 6, bar_w = std::max(20.0, content_w_ - label_w - value_w - 16);
  Layout caption = layout(c.caption, kBoldFont, 10, false, content_w_, Align::Left);
  const double caption_h = c.caption.empty() ? 0 : height(caption.get()) + gap;
  std::vector<Layout> labels, values;
  std::vector<double> rows;
  double total = caption_h + 2 * gap;
  for (const auto& b : c.bars) {
    labels.push_back(layout(b.label, kBodyFont, size, false, label_w, Align::Right));
    values.push_back(layout(b.value_text, kBodyFont, size, false, value_w, Align::Left));
    rows.push_back(std::max({bar_h * scale_, height(labels.back().get()), height(values.back().get())}));
    total += rows.back() + row_gap;
  }
  ensure_room(total);
  mark_line(std::max(3, static_cast<int>(c.bars.size())));
  y_ += gap;
  if (!c.caption.empty()) show(caption.get(), margin_, y_);
  y_ += caption_h;
  const double top = y_;
  for (std::size_t i = 0; i < c.bars.size(); ++i) {
    const auto& b = c.bars[i];
    const double h = rows[i], bh = bar_h * scale_;
    show(labels[i].get(), margin_, y_ + (h - height(labels[i].get())) / 2);
    double len = 0;
    if (b.value && max_value > 0) len = std::clamp(*b.value / max_value, 0.0, 1.0) * bar_w;
    if (draw_ && len > 0) {
      cairo_set_source_rgb(cr_, 0.30, 0.45, 0.68);
      cairo_rectangle(cr_, bar_x, y_ + (h - bh) / 2, len, bh);
      cairo_fill(cr_);
      cairo_set_source_rgb(cr_, 0, 0, 0);
    }
    show(values[i].get(), bar_x + len + 4, y_ + (h - height(values[i].get())) / 2);
    y_ += h + row_gap;
  }
  if (draw_) {  // the axis
    cairo_set_source_rgb(cr_, 0, 0, 0);
    cairo_set_line_width(cr_, 0.6);
    cairo_move_to(cr_, bar_x, top - 2);
    cairo_line_to(cr_, bar_x, y_ - row_gap + 2);
    cairo_stroke(cr_);
  }
  y_ += gap;
}

// Large check boxes (6 mm) before their labels, `columns` to a line; a write-in frame below.
void Renderer::render(const Document::CheckBoxes& c) {
  constexpr double gap = 4, size = 11;
  const double box = 6 * kMm * scale_;
  const int cols = std::max(1, c.columns);
  const double col_w = content_w_ / cols, text_w = col_w - box - 10;
  std::vector<Layout> labels;
  std::vector<double> rows;
  double total = gap;
  for (std::size_t i = 0; i < c.labels.size(); i += static_cast<std::size_t>(cols)) {
    double h = box;
    for (std::size_t j = i; j < std::min(c.labels.size(), i + cols); ++j) {
      labels.push_back(layout(c.labels[j], kBodyFont, size, false, text_w, Align::Left));
      h = std::max(h, height(labels.back().get()));
    }
    rows.push_back(h);
    total += h + gap;
  }
  const double frame = c.write_in_mm * kMm;
  if (frame > 0) total += frame + gap;
  ensure_room(total);
  mark_line(std::max(1, static_cast<int>(rows.size()) + (frame > 0 ? 2 : 0)));
  y_ += gap / 2;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    for (int k = 0; k < cols; ++k) {
      const std::size_t i = r * cols + k;
      if (i >= c.labels.size()) break;
      const double x = margin_ + k * col_w;
      if (draw_) {
        cairo_set_source_rgb(cr_, 0, 0, 0);
        cairo_set_line_width(cr_, 1.0);
        cairo_rectangle(cr_, x + 2, y_ + (rows[r] - box) / 2, box, box);
        cairo_stroke(cr_);
      }
      show(labels[i].get(), x + box + 8, y_ + (rows[r] - height(labels[i].get())) / 2);
    }
    y_ += rows[r] + gap;
  }
  if (frame > 0) {
    if (draw_) {
      cairo_set_source_rgb(cr_, 0, 0, 0);
      cairo_set_line_width(cr_, 0.8);
      cairo_rectangle(cr_, margin_ + 2, y_, content_w_ - 4, frame);
      cairo_stroke(cr_);
    }
    y_ += frame + gap;
  }
  y_ += gap / 2;
}

}  // namespace wasshoi::sdk::detail
