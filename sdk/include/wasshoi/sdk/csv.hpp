#pragma once
// The one CSV reader and writer: RFC 4180 plus what Excel writes and reads — BOM, CRLF, quoted
// commas, quotes and newlines, Shift_JIS (CP932).
#include <string>
#include <string_view>
#include <vector>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

struct CsvRecord {
  std::vector<std::string> fields;
  int line = 0;  // physical line (1-based) where the record starts in the file
};

class CsvReader {
 public:
  // `utf8` is decoded text without a BOM (decode_to_utf8 removes it; read_csv_bytes does both).
  // A U+FEFF left at the start is data: only one BOM is ever a BOM.
  explicit CsvReader(std::string utf8);
  // False at the end. A quoted field never closed throws InputError naming its line.
  bool next(CsvRecord& record);
  int line() const { return line_; }

 private:
  std::string text_;
  std::size_t pos_ = 0;
  int line_ = 1;
};

// Decodes bytes (UTF-8, UTF-8 with BOM or CP932, detected) and parses every record.
std::vector<CsvRecord> read_csv_bytes(std::string_view bytes, Encoding* detected = nullptr);

class CsvWriter {
 public:
  void write_row(const std::vector<std::string>& fields);
  const std::string& utf8() const { return out_; }
  // UTF-8 with BOM (what Excel opens correctly).
  std::string to_utf8_bom() const;

 private:
  std::string out_;
};

std::string csv_escape(std::string_view field);

}  // namespace wasshoi::sdk
