#include "core/columns.hpp"

#include <algorithm>
#include <array>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::members {

namespace {

struct FieldInfo {
  Field field;
  const char* name;
  const char* header;
  std::vector<std::string_view> aliases;  // compared after sdk::fold_for_search
};

const std::vector<FieldInfo>& fields() {
  static const std::vector<FieldInfo> list = {
      {Field::Household, "household", "世帯番号", {"世帯番号", "世帯no", "世帯no.", "世帯id", "世帯コード"}},
      {Field::Han, "han", "班", {"班", "組", "班名", "組名", "班番号", "所属班"}},
      {Field::Name,
       "name",
       "氏名",
       {"氏名", "世帯主", "世帯主氏名", "世帯主名", "名前", "会員名", "会員氏名"}},
      {Field::Reading,
       "reading",
       "フリガナ",
       {"ふりがな", "よみ", "よみがな", "かな", "氏名かな", "氏名ふりがな", "世帯主ふりがな", "読み"}},
      {Field::Relation, "relation", "続柄", {"続柄", "続き柄"}},
      {Field::Address, "address", "住所", {"住所", "所在地", "現住所"}},
      {Field::Phone, "phone", "電話番号", {"電話", "電話番号", "tel", "tel.", "連絡先", "携帯", "携帯電話"}},
      {Field::People, "people", "世帯人数", {"世帯人数", "人数", "家族数", "世帯員数"}},
      {Field::Joined, "joined", "加入日", {"加入日", "入会日", "加入年月日", "入会年月日"}},
      {Field::Left, "left", "退会日", {"退会日", "転出日", "退会年月日"}},
      {Field::BirthYear, "birth_year", "生年", {"生年", "生まれ年", "生年月日", "誕生年"}},
      {Field::Support, "support", "要支援者", {"要支援者", "要支援", "避難行動要支援者"}},
      {Field::Notes, "notes", "備考", {"備考", "メモ", "摘要", "特記事項"}},
      {Field::Ignore, "ignore", "", {}},
  };
  return list;
}

// Every alias folded once (a header is compared with each; the header search tries the first
// rows of a file until one has a name column).
const std::vector<std::pair<std::string, Field>>& folded_aliases() {
  static const std::vector<std::pair<std::string, Field>> list = [] {
    std::vector<std::pair<std::string, Field>> out;
    for (const auto& i : fields())
      for (auto alias : i.aliases) out.emplace_back(sdk::fold_for_search(alias), i.field);
    return out;
  }();
  return list;
}

const FieldInfo& info(Field f) {
  for (const auto& i : fields())
    if (i.field == f) return i;
  return fields().back();
}

std::string field_names() {
  std::string out;
  for (const auto& i : fields()) out += (out.empty() ? "" : ", ") + std::string(i.name);
  return out;
}

int column_number(std::string_view text) {
  if (text.empty() || text.size() > 4 ||
      !std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return 0;
  return std::stoi(std::string(text));
}

}  // namespace

const char* field_name(Field f) {
  return info(f).name;
}
const char* field_header(Field f) {
  return info(f).header;
}

std::optional<Field> recognize(std::string_view header) {
  std::string h = sdk::fold_for_search(header);
  for (const auto& [alias, field] : folded_aliases())
    if (h == alias) return field;
  return std::nullopt;
}

Field parse_field(std::string_view text) {
  std::string t = sdk::fold_for_search(text);
  for (const auto& i : fields())
    if (t == i.name) return i.field;
  if (auto f = recognize(text)) return *f;
  throw sdk::InputError("unknown roster field '" + std::string(text) + "' (use one of: " + field_names() +
                        ")");
}

std::pair<std::string, Field> parse_mapping(std::string_view text) {
  auto eq = text.rfind('=');
  if (eq == std::string_view::npos || eq == 0 || eq + 1 == text.size())
    throw sdk::InputError("--map takes COLUMN=field (e.g. 会員氏名=name), not '" + std::string(text) + "'");
  return {sdk::trim(text.substr(0, eq)), parse_field(sdk::trim(text.substr(eq + 1)))};
}

int ColumnMap::index_of(Field f) const {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i] == f) return static_cast<int>(i);
  return -1;
}

ColumnMap map_columns(const std::vector<std::string>& headers,
                      const std::vector<std::pair<std::string, Field>>& mapping) {
  ColumnMap map;
  map.headers = headers;
  map.fields.assign(headers.size(), Field::Ignore);
  for (std::size_t i = 0; i < headers.size(); ++i)
    if (auto f = recognize(headers[i]); f && map.index_of(*f) < 0) map.fields[i] = *f;
  for (const auto& [column, field] : mapping) {
    auto folded = sdk::fold_for_search(column);
    auto it = std::find_if(headers.begin(), headers.end(),
                           [&](const std::string& h) { return sdk::fold_for_search(h) == folded; });
    int index = it != headers.end() ? static_cast<int>(it - headers.begin()) : column_number(column) - 1;
    if (index < 0 || index >= static_cast<int>(headers.size())) {
      std::string list;
      for (const auto& h : headers) list += (list.empty() ? "" : ", ") + h;
      throw sdk::InputError("--map " + column + "=" + field_name(field) + ": the file has no column " +
                            column + " (its columns are: " + list + ")");
    }
    if (field != Field::Ignore)  // a field comes from one column only
      std::replace(map.fields.begin(), map.fields.end(), field, Field::Ignore);
    map.fields[static_cast<std::size_t>(index)] = field;
  }
  for (std::size_t i = 0; i < headers.size(); ++i)
    if (map.fields[i] == Field::Ignore && !sdk::trim(headers[i]).empty()) map.unknown.push_back(headers[i]);
  return map;
}

}  // namespace wasshoi::members
