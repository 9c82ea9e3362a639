#pragma once
// The one document writer: A4 PDF through Cairo + Pango with the system's Japanese fonts
// (IPAex 明朝 for text, IPAex ゴシック for headings; Pango falls back per character, so 𠮷 prints
// when a font that has it is installed). Blocks flow top to bottom and across pages; tables
// repeat their header on each page; pictures (PNG, or JPEG straight from a phone, turned upright
// as its EXIF orientation says and embedded as JPEG) are scaled to the text width, never split;
// every page gets a footer and "1 / 3" page numbers (or "- 3 -", PageNumbers). A booklet such as
// the 総会's 議案書 has a cover (no number, no footer) and a 目次 whose page numbers are the pages
// its headings land on (laid out twice: the 目次's own length is known before the numbers are).
// A4 portrait, or landscape for wide tables. Plugins describe the document; they never touch Cairo.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>
#include <wasshoi/sdk/file_writer.hpp>

namespace wasshoi::sdk {

enum class Align { Left, Center, Right };

// The pixel size of a picture the writer can print.
struct ImageSize {
  int width = 0, height = 0;
};
// Checks that `bytes` are a PNG or JPEG image the writer can print; the size as printed (upright:
// a phone photo held upright is taller than wide). InputError naming `name`, in the UI's language
// (catalog keys sdk.image.*), otherwise: another format, a damaged or cut-short file, a picture
// of absurd size. Plugins call it where images come in.
ImageSize check_printable_image(const std::string& name, const std::vector<std::uint8_t>& bytes);
// The EXIF orientation (1 … 8, TIFF tag 0x0112 in the APP1 segment) of a JPEG: how the stored
// pixels must be turned to stand upright. 1 when there is none or the bytes are not a JPEG.
int jpeg_orientation(const std::uint8_t* data, std::size_t size);

// `text` marked to be printed on one line wherever it can (a name, a short title): the writer
// never breaks it across lines unless it is wider than the whole line. Dates, times, amounts and
// phone numbers are kept together without marking.
std::string keep_together(std::string_view text);

// How the number at the foot of each page reads.
enum class PageNumbers {
  OfTotal,  // "3 / 12" (the default)
  Dashed,   // "- 3 -": a booklet (the 議案書), whose 目次 gives the pages
};

// A heading and the page it is printed on (pages counted from 1, the cover included: the number
// printed at the foot of that page).
struct ContentsEntry {
  std::string text;
  int page = 0;
};

struct TableColumn {
  std::string header;
  double width = 1.0;  // relative to the other columns
  Align align = Align::Left;
};

// One bar of a bar chart.
struct ChartBar {
  std::string label;            // left of the bar: a choice, a partner, 30代
  std::optional<double> value;  // the bar's length; none: no bar (a count not shown, not rated)
  std::string value_text;       // right of the bar, as it should read: "12 (40.0%)", "4", "—"
};

class Document {
 public:
  explicit Document(std::string title);  // also the PDF's title metadata

  Document& title(std::string text);    // centred, large, bold
  Document& heading(std::string text);  // a numbered or plain section heading, with a rule
  Document& subheading(std::string text);
  Document& paragraph(std::string text, Align align = Align::Left);
  // Label / value lines, labels in one column: 日時, 場所, 出席者 …
  Document& fields(std::vector<std::pair<std::string, std::string>> rows);
  Document& table(std::vector<TableColumn> columns, std::vector<std::vector<std::string>> rows);
  // Signature lines side by side: 議事録署名人 ＿＿＿＿ 印
  Document& signatures(std::vector<std::string> labels);
  // A picture (PNG or JPEG) scaled to the text width (a tall one to the page height), the caption centred
  // below, both kept on one page. Reads the file now: InputError naming it when it is missing,
  // not a PNG or JPEG, or damaged, and the document is left as it was.
  Document& image(const std::filesystem::path& file, std::string caption = {});
  // The same from bytes in memory (e.g. a photo kept in the database); `name` names it in
  // messages and in the Markdown.
  Document& image_data(std::string name, std::vector<std::uint8_t> bytes, std::string caption = {});
  // A horizontal bar chart drawn with Cairo, labels and values set through Pango like the text:
  // the caption above, one bar per entry, each label left of its bar and its value_text right of
  // it, bars scaled to `max_value` (0: the largest value). Kept on one page.
  Document& bar_chart(std::string caption, std::vector<ChartBar> bars, double max_value = 0);
  // Answer boxes for a printed form: a large square check box before each label, `columns` to a
  // line (1–4), kept on one page. A write-in field is check_boxes({}, 1, mm): an empty frame.
  Document& check_boxes(std::vector<std::string> labels, int columns = 1, double write_in_mm = 0);
  Document& space(double mm);
  Document& page_break();
  // A cover page: `title` large, `lines` below it (the date, the organization), the block centred
  // on the page; what follows starts on the next page. The cover's page has no number and no
  // footer, but counts: the page after it is page 2.
  Document& cover(std::string title, std::vector<std::string> lines);
  // A 目次: `title` centred, then every heading of the document (heading(), not subheadings) on a
  // line of its own with a dotted leader and the page it is printed on.
  Document& contents(std::string title);
  // The blocks of `other` after this document's (its title, footer and settings are not taken): a
  // part written on its own and kept only when it was written whole.
  Document& append(const Document& other);
  // "1 / 3" or "- 3 -" at the foot of every page but a cover.
  Document& page_numbers(PageNumbers style);
  // Shown at the bottom left of every page (e.g. the organization's name).
  Document& footer(std::string text);
  // A4 landscape (297 × 210 mm) instead of portrait, for wide tables such as a yearly summary.
  Document& landscape(bool on = true);
  bool is_landscape() const { return landscape_; }
  // Larger type throughout (1.0 = the usual 10.5 pt body), for lists read by torchlight or by
  // older eyes (the 安否確認 list). Clamped to 0.8–2.0.
  Document& text_scale(double factor);
  double text_scale() const { return text_scale_; }

  // Lays out and writes the PDF through sdk::FileWriter (file_writer.hpp): a failure never leaves
  // half a file and keeps an earlier file of that name as it was. Error naming the path if it
  // cannot be written. `options.personal_data` for documents with names (minutes' attendees).
  void save_pdf(const std::filesystem::path& path, const WriteOptions& options = {}) const;
  // Number of pages after layout (lays out without writing).
  int page_count() const;
  // Every heading and the page it lands on, as the 目次 prints them (lays out without writing).
  std::vector<ContentsEntry> contents_pages() const;
  // The same content as Markdown (for e-mail or a web page).
  std::string to_markdown() const;
  // to_markdown() written to `path` through sdk::FileWriter, as save_pdf.
  void save_markdown(const std::filesystem::path& path, const WriteOptions& options = {}) const;

  struct Text {
    enum Kind { Title, Heading, Subheading, Paragraph } kind;
    std::string text;
    Align align = Align::Left;
  };
  struct Fields {
    std::vector<std::pair<std::string, std::string>> rows;
  };
  struct Table {
    std::vector<TableColumn> columns;
    std::vector<std::vector<std::string>> rows;
  };
  struct Signatures {
    std::vector<std::string> labels;
  };
  struct Image {
    std::string name;                 // the file as given, for messages and the Markdown
    std::vector<std::uint8_t> bytes;  // the file as given: PNG or JPEG
    std::string caption;
    ImageSize size;  // upright
  };
  struct Chart {
    std::string caption;
    std::vector<ChartBar> bars;
    double max_value = 0;
  };
  struct CheckBoxes {
    std::vector<std::string> labels;
    int columns = 1;
    double write_in_mm = 0;  // an empty frame of this height below the boxes (a number, free text)
  };
  struct Space {
    double mm;
  };
  struct PageBreak {};
  struct Cover {
    std::string title;
    std::vector<std::string> lines;
  };
  struct Contents {
    std::string title;
  };
  using Block = std::variant<Text, Fields, Table, Signatures, Space, PageBreak, Image, Cover, Contents, Chart,
                             CheckBoxes>;
  // The blocks in order, for a preview drawn elsewhere (e.g. an editor's ImGui panel).
  const std::vector<Block>& blocks() const { return blocks_; }

 private:
  std::string markdown_with_marks() const;
  std::string title_;
  std::string footer_;
  bool landscape_ = false;
  double text_scale_ = 1.0;
  PageNumbers page_numbers_ = PageNumbers::OfTotal;
  std::vector<Block> blocks_;
};

}  // namespace wasshoi::sdk
