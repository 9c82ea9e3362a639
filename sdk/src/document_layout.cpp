// The pages of a document: where they end (no page holding only a line or two), the footer and the
// page number at their foot, a cover, a 目次 with the pages its headings land on. The blocks
// themselves are drawn in document_render.cpp.
// GCC 12 reports false "may be used uninitialized" warnings for std::variant moves (GCC bug 105593
// and relatives); the variant here is always constructed from a complete block.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <algorithm>

#include "document_renderer.hpp"

namespace wasshoi::sdk::detail {

Renderer::Renderer(cairo_t* cr, const PageGeometry& page, bool draw, const PageFurniture& furniture,
                   const std::map<int, double>& page_ends, const std::vector<int>& heading_pages)
    : page_ends_(page_ends),
      heading_pages_(heading_pages),
      cr_(cr),
      margin_(page.margin()),
      page_h_(page.height),
      content_w_(page.content_width()),
      bottom_(page.bottom()),
      scale_(page.text_scale),
      draw_(draw),
      furniture_(furniture) {}

int Renderer::run(const std::vector<Document::Block>& blocks) {
  for (const auto& b : blocks)
    if (const auto* t = std::get_if<Document::Text>(&b); t && t->kind == Document::Text::Heading)
      headings_.push_back(t->text);
  y_ = margin_;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    next_ = i + 1 < blocks.size() ? &blocks[i + 1] : nullptr;
    std::visit([this](const auto& block) { render(block); }, blocks[i]);
  }
  finish_page();
  return page_;
}

std::optional<std::pair<int, double>> Renderer::short_page() const {
  for (int p = 2; p <= page_; ++p) {
    // A page begun on purpose (a page break, the page after a cover) keeps what it has: lines
    // taken from the page before would land on a page of their own.
    if (fresh_pages_.count(p)) continue;
    std::vector<double> before;
    int here = 0;
    for (const Line& l : lines_) {
      if (l.page == p - 1) before.push_back(l.y);
      if (l.page == p) here += l.weight;
    }
    if (here >= 3) continue;
    const std::size_t move = static_cast<std::size_t>(3 - here);
    if (before.size() < move + 3) continue;
    return std::pair{p - 1, before[before.size() - move] + 0.01};
  }
  return std::nullopt;
}

int Renderer::lines_here() const {
  int n = 0;
  for (auto it = lines_.rbegin(); it != lines_.rend() && it->page == page_; ++it) n += it->weight;
  return n;
}

// Where the current page's content must end: the page's bottom, or earlier when a later page
// would otherwise hold only a line or two.
double Renderer::limit() const {
  auto it = page_ends_.find(page_);
  return it == page_ends_.end() ? bottom_ : std::min(bottom_, it->second);
}

void Renderer::ensure_room(double h) {
  if (y_ + h > limit() && y_ > margin_ + 1) new_page();
}

void Renderer::new_page() {
  finish_page();
  if (draw_) cairo_show_page(cr_);
  ++page_;
  y_ = margin_;
}

void Renderer::finish_page() {
  if (page_done_ == page_) return;
  page_done_ = page_;
  if (!draw_ || unnumbered_.count(page_)) return;
  const std::string number = furniture_.numbers == PageNumbers::Dashed
                                 ? "- " + std::to_string(page_) + " -"
                                 : std::to_string(page_) + " / " + std::to_string(furniture_.total_pages);
  const std::string& footer = furniture_.footer;
  // The footer left of the centred page number; when it is longer, the number goes to the right
  // edge and the footer has the rest of the line; only beyond that is it cut with an ellipsis.
  const double number_w = natural_width(number, kBoldFont, 9, false), gap = 12;
  const double footer_w = footer.empty() ? 0 : natural_width(footer, kBoldFont, 9, false);
  const bool centred = footer_w <= (content_w_ - number_w) / 2 - gap;
  Layout n = layout(number, kBoldFont, 9, false, content_w_, centred ? Align::Center : Align::Right);
  show(n.get(), margin_, page_h_ - margin_);
  if (!footer.empty()) {
    Layout f = layout(footer, kBoldFont, 9, false, content_w_ - number_w - gap, Align::Left);
    pango_layout_set_ellipsize(f.get(), PANGO_ELLIPSIZE_END);
    show(f.get(), margin_, page_h_ - margin_);
  }
}

void Renderer::render(const Document::PageBreak&) {
  new_page();
  fresh_pages_.insert(page_);
}

// The title block in the middle of a page of its own (a little above the centre, as a printed
// cover has it), between two rules.
void Renderer::render(const Document::Cover& c) {
  if (y_ > margin_ + 1) new_page();
  Layout title = layout(c.title, kBoldFont, 24, true, content_w_, Align::Center);
  std::vector<Layout> lines;
  constexpr double kRuleGap = 14, kLineGap = 10, kTitleGap = 28;
  double h = height(title.get()) + 2 * kRuleGap + kTitleGap;
  for (const auto& text : c.lines) {
    lines.push_back(layout(text, kBodyFont, 14, false, content_w_, Align::Center));
    h += height(lines.back().get()) + kLineGap;
  }
  y_ = std::max(margin_, (page_h_ - h) * 0.42);
  mark_line(3);  // a cover is a page's worth
  auto rule = [&](double at) {
    if (!draw_) return;
    cairo_set_line_width(cr_, 1.2);
    cairo_move_to(cr_, margin_ + content_w_ * 0.1, at);
    cairo_line_to(cr_, margin_ + content_w_ * 0.9, at);
    cairo_stroke(cr_);
  };
  rule(y_);
  y_ += kRuleGap;
  show(title.get(), margin_, y_);
  y_ += height(title.get()) + kRuleGap;
  rule(y_);
  y_ += kTitleGap;
  for (const auto& l : lines) {
    show(l.get(), margin_, y_);
    y_ += height(l.get()) + kLineGap;
  }
  unnumbered_.insert(page_);
  new_page();
  fresh_pages_.insert(page_);
}

// 目次: each heading, a dotted leader, its page in a column as wide as "0000" (so the 目次 is as
// long whether the pages are known yet or not).
void Renderer::render(const Document::Contents& c) {
  Layout title = layout(c.title, kBoldFont, 16, true, content_w_, Align::Center);
  ensure_room(height(title.get()) + 40);
  mark_line();
  show(title.get(), margin_, y_);
  y_ += height(title.get()) + 14;
  const double number_w = natural_width("0000", kBodyFont, 11, false), leader_gap = 24;
  for (std::size_t i = 0; i < headings_.size(); ++i) {
    Layout entry =
        layout(headings_[i], kBodyFont, 11, false, content_w_ - number_w - leader_gap, Align::Left);
    const double h = height(entry.get());
    ensure_room(h + 7);
    mark_line(pango_layout_get_line_count(entry.get()));
    show(entry.get(), margin_, y_);
    const std::string page = i < heading_pages_.size() ? std::to_string(heading_pages_[i]) : std::string();
    Layout number = layout(page, kBodyFont, 11, false, number_w, Align::Right);
    const double last_y = y_ + h - height(number.get());  // the entry's last line
    show(number.get(), margin_ + content_w_ - number_w, last_y);
    if (draw_) {
      PangoRectangle ext;
      PangoLayoutLine* last =
          pango_layout_get_line_readonly(entry.get(), pango_layout_get_line_count(entry.get()) - 1);
      pango_layout_line_get_pixel_extents(last, nullptr, &ext);
      const double from = margin_ + ext.x + ext.width + 6, to = margin_ + content_w_ - number_w - 6;
      const double dash[] = {0.6, 3.0};
      cairo_save(cr_);
      cairo_set_line_width(cr_, 1.0);
      cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
      cairo_set_dash(cr_, dash, 2, 0);
      const double base = last_y + height(number.get()) * 0.72;
      cairo_move_to(cr_, from, base);
      cairo_line_to(cr_, std::max(from, to), base);
      cairo_stroke(cr_);
      cairo_restore(cr_);
    }
    y_ += h + 7;
  }
  y_ += 8;
}

LaidOut render_blocks(cairo_t* cr, const PageGeometry& page, bool draw, const PageFurniture& furniture,
                      const std::vector<Document::Block>& blocks) {
  // Measured first; a page left with a line or two takes lines from the page before (a page end
  // moved up), a few times at most, then the layout is final. The last measure gives the pages
  // of the headings a 目次 prints.
  std::map<int, double> page_ends;
  const std::vector<int> unknown;
  std::vector<int> headings;
  bool measured = false;
  for (int attempt = 0; attempt < 4; ++attempt) {
    Renderer measure(cr, page, false, furniture, page_ends, unknown);
    measure.run(blocks);
    headings = measure.heading_pages();
    measured = true;
    auto short_page = measure.short_page();
    if (!short_page || page_ends.count(short_page->first)) break;
    page_ends[short_page->first] = short_page->second;
    measured = false;
  }
  if (!measured) {
    Renderer measure(cr, page, false, furniture, page_ends, unknown);
    measure.run(blocks);
    headings = measure.heading_pages();
  }
  Renderer out(cr, page, draw, furniture, page_ends, headings);
  LaidOut result;
  result.pages = out.run(blocks);
  result.heading_pages = out.heading_pages();
  return result;
}

}  // namespace wasshoi::sdk::detail
