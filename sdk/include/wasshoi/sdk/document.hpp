#pragma once
// The one document writer: A4 PDF through Cairo + Pango with the system's Japanese fonts
// (IPAex 明朝 for text, IPAex ゴシック for headings; Pango falls back per character, so 𠮷 prints
// when a font that has it is installed). Blocks flow top to bottom and across pages; tables
// repeat their header on each page; every page gets a footer and "1 / 3" page numbers.
// Plugins describe the document; they never touch Cairo.
#include <filesystem>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace wasshoi::sdk {

enum class Align { Left, Center, Right };

struct TableColumn {
  std::string header;
  double width = 1.0;  // relative to the other columns
  Align align = Align::Left;
};

class Document {
 public:
  explicit Document(std::string title);  // also the PDF's title metadata

  Document& title(std::string text);     // centred, large, bold
  Document& heading(std::string text);   // a numbered or plain section heading, with a rule
  Document& subheading(std::string text);
  Document& paragraph(std::string text, Align align = Align::Left);
  // Label / value lines, labels in one column: 日時, 場所, 出席者 …
  Document& fields(std::vector<std::pair<std::string, std::string>> rows);
  Document& table(std::vector<TableColumn> columns, std::vector<std::vector<std::string>> rows);
  // Signature lines side by side: 議事録署名人 ＿＿＿＿ 印
  Document& signatures(std::vector<std::string> labels);
  Document& space(double mm);
  Document& page_break();
  // Shown at the bottom left of every page (e.g. the organization's name).
  Document& footer(std::string text);

  // Lays out and writes the PDF. Error if the file cannot be written.
  void save_pdf(const std::filesystem::path& path) const;
  // Number of pages after layout (lays out without writing).
  int page_count() const;
  // The same content as Markdown (for e-mail or a web page).
  std::string to_markdown() const;

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
  struct Space {
    double mm;
  };
  struct PageBreak {};
  using Block = std::variant<Text, Fields, Table, Signatures, Space, PageBreak>;

 private:
  std::string title_;
  std::string footer_;
  std::vector<Block> blocks_;
};

}  // namespace wasshoi::sdk
