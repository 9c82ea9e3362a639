#pragma once
// Roster columns: which CSV header means which field. Officers' sheets name columns in many
// ways (氏名, 世帯主, 名前 …); `recognize` knows the common ones, `--map COL=field` the rest.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wasshoi::members {

enum class Field {
  Household,  // 世帯番号: rows with the same number are one household
  Han,
  Name,
  Reading,
  Relation,
  Address,
  Phone,
  People,
  Joined,
  Left,
  BirthYear,
  Support,
  Notes,
  Ignore,
};

const char* field_name(Field f);    // "name" (what --map takes)
const char* field_header(Field f);  // "氏名" (what an export writes)
// A header as officers write it ("世帯主氏名", "ﾌﾘｶﾞﾅ", "ＴＥＬ") → its field.
std::optional<Field> recognize(std::string_view header);
// A --map target: an English field name ("reading") or a Japanese header ("ふりがな").
// InputError listing the field names when it is neither.
Field parse_field(std::string_view text);

// "COL=field" as given on the command line → (COL, field). InputError on bad syntax.
std::pair<std::string, Field> parse_mapping(std::string_view text);

// The columns of one file: field of each column (Ignore for the unknown ones).
struct ColumnMap {
  std::vector<std::string> headers;
  std::vector<Field> fields;
  std::vector<std::string> unknown;  // headers that will not be imported
  int index_of(Field f) const;       // -1 when the file has no such column
};

// Recognized headers overridden by `mapping` (COL is a header, or a 1-based column number).
ColumnMap map_columns(const std::vector<std::string>& headers,
                      const std::vector<std::pair<std::string, Field>>& mapping);

}  // namespace wasshoi::members
