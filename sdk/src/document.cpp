// The document writer's interface: blocks collected in order, then laid out (document_render.cpp)
// onto a PDF surface, or written as Markdown.
// GCC 12 reports false "may be used uninitialized" warnings for std::variant moves (GCC bug 105593
// and relatives); the variant here is always constructed from a complete block.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif
#include <cairo-pdf.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <exception>
#include <fstream>
#include <iterator>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/input.hpp>

#include "document_render.hpp"

namespace wasshoi::sdk {

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
Document& Document::image(const std::filesystem::path& file, std::string caption) {
  const std::string data = read_input_file(file, FileKind::Picture, "image");
  return image_data(file.string(), std::vector<std::uint8_t>(data.begin(), data.end()), std::move(caption));
}
Document& Document::image_data(std::string name, std::vector<std::uint8_t> bytes, std::string caption) {
  ImageSize size = check_printable_image(name, bytes);
  blocks_.push_back(Image{std::move(name), std::move(bytes), std::move(caption), size});
  return *this;
}
Document& Document::bar_chart(std::string caption, std::vector<ChartBar> bars, double max_value) {
  blocks_.push_back(Chart{std::move(caption), std::move(bars), max_value});
  return *this;
}
Document& Document::check_boxes(std::vector<std::string> labels, int columns, double write_in_mm) {
  blocks_.push_back(CheckBoxes{std::move(labels), std::clamp(columns, 1, 4), std::max(0.0, write_in_mm)});
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
Document& Document::cover(std::string title, std::vector<std::string> lines) {
  blocks_.push_back(Cover{std::move(title), std::move(lines)});
  return *this;
}
Document& Document::contents(std::string title) {
  blocks_.push_back(Contents{std::move(title)});
  return *this;
}
Document& Document::append(const Document& other) {
  blocks_.insert(blocks_.end(), other.blocks_.begin(), other.blocks_.end());
  return *this;
}
Document& Document::page_numbers(PageNumbers style) {
  page_numbers_ = style;
  return *this;
}
Document& Document::footer(std::string text) {
  footer_ = std::move(text);
  return *this;
}
Document& Document::text_scale(double factor) {
  text_scale_ = std::clamp(factor, 0.8, 2.0);
  return *this;
}
Document& Document::landscape(bool on) {
  landscape_ = on;
  return *this;
}

namespace {
// Measured on a PDF surface that writes nowhere: an image surface would hint the fonts and
// give other line heights than the PDF, and so another page count.
detail::LaidOut measure(const detail::PageGeometry& page, const detail::PageFurniture& furniture,
                        const std::vector<Document::Block>& blocks) {
  detail::Surface s(cairo_pdf_surface_create_for_stream(nullptr, nullptr, page.width, page.height));
  detail::Cairo cr(cairo_create(s.get()));
  return detail::render_blocks(cr.get(), page, false, furniture, blocks);
}
}  // namespace

int Document::page_count() const {
  return measure(detail::PageGeometry::a4(landscape_, text_scale_), {footer_, page_numbers_, 0}, blocks_)
      .pages;
}

std::vector<ContentsEntry> Document::contents_pages() const {
  const auto laid =
      measure(detail::PageGeometry::a4(landscape_, text_scale_), {footer_, page_numbers_, 0}, blocks_);
  std::vector<ContentsEntry> out;
  for (const auto& b : blocks_)
    if (const auto* t = std::get_if<Text>(&b); t && t->kind == Text::Heading) {
      const std::size_t i = out.size();
      out.push_back({detail::strip_kept_marks(t->text, nullptr),
                     i < laid.heading_pages.size() ? laid.heading_pages[i] : 0});
    }
  return out;
}

namespace {
// Cairo's PDF surface hands its bytes to this callback; they go into the file writer. An error
// (a full disk) is kept for save_pdf to throw once Cairo has given up.
struct PdfSink {
  FileWriter* file;
  std::exception_ptr error;
};

cairo_status_t write_to_sink(void* closure, const unsigned char* data, unsigned int length) {
  auto* sink = static_cast<PdfSink*>(closure);
  if (sink->error) return CAIRO_STATUS_WRITE_ERROR;
  try {
    sink->file->write(data, length);
    return CAIRO_STATUS_SUCCESS;
  } catch (...) {
    sink->error = std::current_exception();
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

// Writes the PDF into `sink`; the status of the surface at the end.
cairo_status_t write_pdf(PdfSink& sink, const std::string& title, const detail::PageGeometry& page,
                         const detail::PageFurniture& furniture, const std::vector<Document::Block>& blocks) {
  detail::Surface s(cairo_pdf_surface_create_for_stream(write_to_sink, &sink, page.width, page.height));
  if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) return cairo_surface_status(s.get());
  cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_TITLE, title.c_str());
  cairo_pdf_surface_set_metadata(s.get(), CAIRO_PDF_METADATA_CREATOR, "Wasshoi");
  {
    detail::Cairo cr(cairo_create(s.get()));
    cairo_set_source_rgb(cr.get(), 0, 0, 0);
    detail::render_blocks(cr.get(), page, true, furniture, blocks);
  }
  cairo_surface_finish(s.get());
  return cairo_surface_status(s.get());
}
}  // namespace

void Document::save_pdf(const std::filesystem::path& path, const WriteOptions& options) const {
  // The target is checked (and the temporary file made) before the layout work; the writer
  // removes its temporary file if anything below throws.
  FileWriter file(path, options);
  const int pages = page_count();
  PdfSink sink{&file, nullptr};
  cairo_status_t status = write_pdf(sink, title_, detail::PageGeometry::a4(landscape_, text_scale_),
                                    {footer_, page_numbers_, pages}, blocks_);
  if (sink.error) std::rethrow_exception(sink.error);
  if (status != CAIRO_STATUS_SUCCESS) file.fail(cairo_status_to_string(status));
  file.commit();
}

void Document::save_markdown(const std::filesystem::path& path, const WriteOptions& options) const {
  write_file(path, to_markdown(), options);
}

namespace {
std::string md_cell(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|')
      out += "\\|";
    else if (c == '\n')
      out += "<br>";
    else if (c != '\r')
      out += c;
  }
  return out;
}
// Brackets in a caption would end the image's alt text; spaces and parentheses in a path its target.
std::string md_alt(const std::string& s) {
  std::string out;
  for (char c : s)
    out +=
        (c == '[' || c == ']') ? std::string("\\") + c : (c == '\n' ? std::string(" ") : std::string(1, c));
  return out;
}
std::string md_path(const std::string& s) {
  std::string out;
  for (char c : s)
    out += c == ' '   ? std::string("%20")
           : c == '(' ? std::string("%28")
           : c == ')' ? std::string("%29")
                      : std::string(1, c);
  return out;
}
}  // namespace

std::string Document::to_markdown() const {
  std::string md = markdown_with_marks();
  return detail::strip_kept_marks(md, nullptr);
}

std::string Document::markdown_with_marks() const {
  std::string md;
  for (const auto& b : blocks_) {
    if (const auto* t = std::get_if<Text>(&b)) {
      switch (t->kind) {
        case Text::Title:
          md += "# " + t->text + "\n\n";
          break;
        case Text::Heading:
          md += "## " + t->text + "\n\n";
          break;
        case Text::Subheading:
          md += "### " + t->text + "\n\n";
          break;
        case Text::Paragraph:
          md += t->text + "\n\n";
          break;
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
        for (std::size_t i = 0; i < tb->columns.size(); ++i)
          md += " " + md_cell(i < row.size() ? row[i] : "") + " |";
        md += "\n";
      }
      md += "\n";
    } else if (const auto* s = std::get_if<Signatures>(&b)) {
      for (const auto& l : s->labels) md += l + "：＿＿＿＿＿＿＿＿　印\n\n";
    } else if (const auto* c = std::get_if<Cover>(&b)) {
      std::string title = c->title;  // a title set on two lines is one line of Markdown
      std::replace(title.begin(), title.end(), '\n', ' ');
      md += "# " + title + "\n\n";
      for (const auto& l : c->lines) md += l + "\n\n";
    } else if (const auto* c = std::get_if<Contents>(&b)) {
      md += "## " + c->title + "\n\n";
      for (const auto& other : blocks_)
        if (const auto* t = std::get_if<Text>(&other); t && t->kind == Text::Heading)
          md += "- " + t->text + "\n";
      md += "\n";
    } else if (const auto* ch = std::get_if<Chart>(&b)) {
      if (!ch->caption.empty()) md += "**" + ch->caption + "**\n\n";
      for (const auto& bar : ch->bars) md += "- " + bar.label + ": " + bar.value_text + "\n";
      md += "\n";
    } else if (const auto* cb = std::get_if<CheckBoxes>(&b)) {
      for (const auto& l : cb->labels) md += "- [ ] " + l + "\n";
      if (cb->write_in_mm > 0) md += "\n＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿\n";
      md += "\n";
    } else if (const auto* img = std::get_if<Image>(&b)) {
      md += "![" + md_alt(img->caption) + "](" + md_path(img->name) + ")\n\n";
      if (!img->caption.empty()) md += "*" + img->caption + "*\n\n";
    }
  }
  return md;
}

}  // namespace wasshoi::sdk
