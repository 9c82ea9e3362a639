// RFC 4180 CSV with what Excel adds: BOM, CRLF or LF, quoted commas/quotes/newlines. A stray
// quote inside an unquoted field is kept as text, as Excel does.
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/error.hpp>

namespace wasshoi::sdk {

CsvReader::CsvReader(std::string utf8) : text_(std::move(utf8)) {}

bool CsvReader::next(CsvRecord& record) {
  record.fields.clear();
  record.line = line_;
  const std::size_t n = text_.size();
  if (pos_ >= n) return false;
  std::string field;
  bool quoted = false;
  bool after_quote = false;  // the closing quote of a quoted field was seen
  int quote_line = 0;
  while (true) {
    if (pos_ >= n) {
      if (quoted)
        throw InputError("line " + std::to_string(quote_line) +
                         ": a quoted field is never closed (missing \")");
      record.fields.push_back(std::move(field));
      return true;
    }
    char c = text_[pos_++];
    if (quoted) {
      if (c == '"') {
        if (pos_ < n && text_[pos_] == '"') {
          field += '"';
          ++pos_;
        } else {
          quoted = false;
          after_quote = true;
        }
      } else {
        if (c == '\n') ++line_;
        field += c;
      }
      continue;
    }
    if (c == ',') {
      record.fields.push_back(std::move(field));
      field.clear();
      after_quote = false;
    } else if (c == '\r' || c == '\n') {
      if (c == '\r' && pos_ < n && text_[pos_] == '\n') ++pos_;
      ++line_;
      record.fields.push_back(std::move(field));
      return true;
    } else if (c == '"' && field.empty() && !after_quote) {
      quoted = true;
      quote_line = line_;
    } else {
      field += c;
    }
  }
}

std::vector<CsvRecord> read_csv_bytes(std::string_view bytes, Encoding* detected) {
  CsvReader reader(decode_to_utf8(bytes, detected));
  std::vector<CsvRecord> records;
  CsvRecord r;
  while (reader.next(r)) records.push_back(r);
  return records;
}

std::string csv_escape(std::string_view field) {
  if (field.find_first_of(",\"\r\n") == std::string_view::npos && !field.starts_with(' ') &&
      !field.ends_with(' '))
    return std::string(field);
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

void CsvWriter::write_row(const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (i) out_ += ',';
    out_ += csv_escape(fields[i]);
  }
  out_ += "\r\n";
}

std::string CsvWriter::to_utf8_bom() const {
  return std::string(kUtf8Bom) + out_;
}

}  // namespace wasshoi::sdk
