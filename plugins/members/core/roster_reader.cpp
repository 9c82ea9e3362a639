// read_roster: bytes → checked households, without touching the database.
#include <algorithm>
#include <cstdio>
#include <set>
#include <unordered_map>
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/han.hpp"
#include "core/importer.hpp"
#include "core/roster_rows.hpp"
#include "core/values.hpp"

namespace wasshoi::members {

namespace {

std::string decode(std::string_view bytes, InputEncoding encoding, sdk::Encoding& detected) {
  switch (encoding) {
    case InputEncoding::Auto:
      return sdk::decode_to_utf8(bytes, &detected);
    case InputEncoding::Cp932:
      detected = sdk::Encoding::Cp932;
      return sdk::cp932_to_utf8(bytes);
    case InputEncoding::Utf8:
      break;
  }
  detected = bytes.starts_with(sdk::kUtf8Bom) ? sdk::Encoding::Utf8Bom : sdk::Encoding::Utf8;
  if (detected == sdk::Encoding::Utf8Bom) bytes.remove_prefix(sdk::kUtf8Bom.size());
  if (!sdk::is_valid_utf8(bytes))
    throw sdk::InputError("the file is not valid UTF-8; it may be Shift_JIS (use --encoding cp932 or auto)");
  return std::string(bytes);
}

bool blank(const sdk::CsvRecord& r) {
  return std::all_of(r.fields.begin(), r.fields.end(),
                     [](const std::string& f) { return sdk::trim(f).empty(); });
}

// One data row being read: its cells by field, and the problem found first.
class RowReader {
 public:
  RowReader(const ColumnMap& columns, const sdk::CsvRecord& record, const ImportOptions& options)
      : columns_(columns), record_(record), options_(options) {}

  std::string text(Field f) const {
    int i = columns_.index_of(f);
    if (i < 0 || static_cast<std::size_t>(i) >= record_.fields.size()) return {};
    return sdk::trim(record_.fields[static_cast<std::size_t>(i)]);
  }
  template <typename T>
  std::optional<T> value(Field f, std::optional<T> (*parse)(std::string_view), const char* what) {
    std::string t = text(f);
    if (t.empty()) return std::nullopt;
    auto v = parse(t);
    if (!v) fail(f, t + " is not " + what);
    return v;
  }
  std::optional<sdk::Date> date(Field f) {
    std::string t = text(f);
    if (t.empty()) return std::nullopt;
    auto d = sdk::parse_date(t);
    if (!d)
      fail(f, t + " is not a date");
    else if (d->year < sdk::kMinYear || d->year > sdk::kMaxYear)
      fail(f,
           t + " is not between " + std::to_string(sdk::kMinYear) + " and " + std::to_string(sdk::kMaxYear));
    return d;
  }
  // Control characters (NUL and the like) never come from Excel, and SQLite's length() stops at a
  // NUL: refuse them here, naming the cell. Tabs and line breaks (Alt+Enter in Excel) only in the
  // multi-line columns (備考): a name or an address on two lines breaks every list and label.
  void refuse_control_characters() {
    for (int f = static_cast<int>(Field::Household); f < static_cast<int>(Field::Ignore); ++f) {
      int i = columns_.index_of(static_cast<Field>(f));
      if (i < 0 || static_cast<std::size_t>(i) >= record_.fields.size()) continue;
      const bool multi_line = sdk::text_limit(text_kind(static_cast<Field>(f))).multi_line;
      for (unsigned char c : record_.fields[static_cast<std::size_t>(i)]) {
        const bool layout = c == '\t' || c == '\n' || c == '\r';
        if (layout && !multi_line) {
          fail(static_cast<Field>(f),
               c == '\t' ? "contains a tab; write it without one"
                         : "contains a line break (Alt+Enter in Excel); write it on one line");
          return;
        }
        if ((c < 0x20 && !layout) || c == 0x7F) {
          char code[8];
          std::snprintf(code, sizeof code, "0x%02X", c);
          fail(static_cast<Field>(f), std::string("contains an invisible control character (") + code +
                                          "); delete it in Excel and save again");
          return;
        }
      }
    }
  }
  // The length limits of sdk/input.hpp, per column (a 200 MB one-cell file must not become one
  // person's name). Counted in characters: bytes that do not continue a UTF-8 sequence.
  void refuse_overlong() {
    for (int f = static_cast<int>(Field::Household); f < static_cast<int>(Field::Ignore); ++f) {
      int i = columns_.index_of(static_cast<Field>(f));
      if (i < 0 || static_cast<std::size_t>(i) >= record_.fields.size()) continue;
      const std::string& cell = record_.fields[static_cast<std::size_t>(i)];
      const std::size_t limit = sdk::text_limit(text_kind(static_cast<Field>(f))).max_chars;
      if (cell.size() <= limit) continue;
      std::size_t chars = 0;
      for (unsigned char c : cell) chars += (c & 0xC0) != 0x80;
      if (chars > limit) {
        fail(static_cast<Field>(f), "longer than " + sdk::group_thousands(static_cast<std::int64_t>(limit)) +
                                        " characters (" +
                                        sdk::group_thousands(static_cast<std::int64_t>(chars)) + ")");
        return;
      }
    }
  }
  static sdk::TextKind text_kind(Field f) {
    switch (f) {
      case Field::Name:
      case Field::Reading:
      case Field::Han:  // a new 班 is added as the host adds one: a name (OrganizationDirectory)
        return sdk::TextKind::Name;
      case Field::Address:
        return sdk::TextKind::Address;
      case Field::Phone:
        return sdk::TextKind::Phone;
      case Field::Notes:
        return sdk::TextKind::Note;
      default:
        return sdk::TextKind::Line;
    }
  }
  void fail(Field f, const std::string& why) {
    if (problem_) return;
    int i = columns_.index_of(f);
    std::string column = i >= 0 ? columns_.headers[static_cast<std::size_t>(i)] : field_header(f);
    problem_ = ImportProblem{record_.line, options_.source + " line " + std::to_string(record_.line) +
                                               ", column " + column + ": " + why};
  }
  void fail_row(const std::string& why) {
    if (!problem_)
      problem_ =
          ImportProblem{record_.line, options_.source + " line " + std::to_string(record_.line) + ": " + why};
  }
  const std::optional<ImportProblem>& problem() const { return problem_; }

 private:
  const ColumnMap& columns_;
  const sdk::CsvRecord& record_;
  const ImportOptions& options_;
  std::optional<ImportProblem> problem_;
};

// The row's fields; the 班 as written (RosterRows normalizes it).
void parse_row(RowReader& in, ReadRow& row, std::size_t width, std::size_t header_width) {
  if (width > header_width)
    in.fail_row(std::to_string(width) + " fields, but the header has " + std::to_string(header_width) +
                " (a quote missing?)");
  in.refuse_control_characters();
  in.refuse_overlong();
  row.key = in.text(Field::Household);
  row.han = in.text(Field::Han);
  row.person.name = in.text(Field::Name);
  if (row.person.name.empty()) in.fail(Field::Name, "the name is empty");
  row.person.reading = in.text(Field::Reading);
  row.person.relation = in.text(Field::Relation);
  row.person.head = is_head_relation(row.person.relation);
  if (sdk::fold_for_search(row.person.relation) == "世帯主")
    row.person.relation.clear();  // the head flag says it
  row.person.birth_year = in.value<int>(Field::BirthYear, parse_birth_year, "a year of birth");
  row.person.needs_support = in.value<bool>(Field::Support, parse_flag, "○ or empty").value_or(false);
  row.household.address = in.text(Field::Address);
  row.household.phone = in.text(Field::Phone);
  row.household.people = in.value<int>(Field::People, parse_people, "a number of people").value_or(1);
  row.household.joined = in.date(Field::Joined);
  row.household.left = in.date(Field::Left);
  row.household.notes = in.text(Field::Notes);
  if (row.household.joined && row.household.left && *row.household.left < *row.household.joined)
    in.fail(Field::Left, in.text(Field::Left) + " is before the joining date " + in.text(Field::Joined));
  row.problem = in.problem();
}

// Finds the header: the first of the first rows that has a name column (a title row such as
// "令和7年度 会員名簿" may come before it). A --map naming a column only the header has is
// checked against each candidate; its complaint is the answer when no row fits.
std::size_t find_header(const std::vector<sdk::CsvRecord>& records, const ImportOptions& options,
                        ColumnMap& map) {
  std::optional<sdk::InputError> mapping_error;
  for (std::size_t i = 0; i < records.size() && i < 10; ++i) {
    if (blank(records[i])) continue;
    try {
      map = map_columns(records[i].fields, options.mapping);
    } catch (const sdk::InputError& e) {
      mapping_error = e;
      continue;
    }
    int name = map.index_of(Field::Name);
    if (name >= 0 && !sdk::trim(records[i].fields[static_cast<std::size_t>(name)]).empty()) return i;
  }
  if (mapping_error) throw sdk::InputError(options.source + ": " + mapping_error->what());
  throw sdk::InputError(options.source +
                        ": no column for the name (氏名, 世帯主, 名前 …) in the first rows; "
                        "name it with --map COLUMN=name");
}

void add_row(ImportPlan& plan, std::unordered_map<std::string, std::size_t>& by_key, ReadRow&& row) {
  auto it = row.key.empty() ? by_key.end() : by_key.find(row.key);
  if (it == by_key.end()) {
    ImportedHousehold h{row.line, row.key, row.han, std::move(row.household), {}};
    if (!row.key.empty()) by_key.emplace(row.key, plan.households.size());
    plan.households.push_back(std::move(h));
    it = by_key.end();
  }
  auto& h = it == by_key.end() ? plan.households.back() : plan.households[it->second];
  h.persons.push_back({row.line, std::move(row.person)});
}

// Every household has exactly one 世帯主: the one marked so, else the first row.
void settle_heads(ImportedHousehold& h) {
  auto marked =
      std::find_if(h.persons.begin(), h.persons.end(), [](const ImportedPerson& p) { return p.data.head; });
  for (auto& p : h.persons) p.data.head = false;
  (marked != h.persons.end() ? marked : h.persons.begin())->data.head = true;
}

// A household with a bad row is left out whole; its good rows are listed as dropped.
void drop_broken_households(ImportPlan& plan, const std::set<std::string>& broken_keys) {
  if (broken_keys.empty()) return;
  std::erase_if(plan.households, [&](const ImportedHousehold& h) {
    if (h.key.empty() || !broken_keys.count(h.key)) return false;
    for (const auto& p : h.persons) plan.dropped_lines.push_back(p.line);
    return true;
  });
}

}  // namespace

InputEncoding parse_input_encoding(std::string_view text) {
  std::string t = sdk::fold_for_search(text);
  if (t == "auto") return InputEncoding::Auto;
  if (t == "utf8" || t == "utf-8" || t == "utf-8-bom" || t == "utf8bom") return InputEncoding::Utf8;
  if (t == "cp932" || t == "sjis" || t == "shift_jis" || t == "shift-jis" || t == "windows-31j")
    return InputEncoding::Cp932;
  throw sdk::InputError("unknown encoding '" + std::string(text) + "' (use auto, utf-8 or cp932)");
}

std::size_t ImportPlan::person_count() const {
  std::size_t n = 0;
  for (const auto& h : households) n += h.persons.size();
  return n;
}

std::vector<std::string> ImportPlan::han_names() const {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const auto& h : households)
    if (!h.han_name.empty() && seen.insert(h.han_name).second) out.push_back(h.han_name);
  return out;
}

RosterRows::RosterRows(std::string_view bytes, const ImportOptions& options) : options_(options) {
  try {
    reader_.emplace(decode(bytes, options.encoding, encoding_));
    for (sdk::CsvRecord r; pending_.size() < 10 && reader_->next(r);) pending_.push_back(std::move(r));
  } catch (const sdk::InputError& e) {
    throw sdk::InputError(options.source + ": " + e.what());
  }
  std::vector<sdk::CsvRecord> first(pending_.begin(), pending_.end());
  std::size_t header = find_header(first, options, columns_);
  header_line_ = first[header].line;
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(header) + 1);
}

bool RosterRows::next_record(sdk::CsvRecord& record) {
  if (!pending_.empty()) {
    record = std::move(pending_.front());
    pending_.pop_front();
    return true;
  }
  try {
    return reader_->next(record);
  } catch (const sdk::InputError& e) {
    throw sdk::InputError(options_.source + ": " + e.what());
  }
}

std::string RosterRows::han_name(const std::string& text) {
  if (text.empty()) return text;
  auto [it, added] = han_names_.try_emplace(text);
  if (added) it->second = normalize_han_name(text);
  return it->second;
}

bool RosterRows::next(ReadRow& row) {
  sdk::CsvRecord record;
  do {
    if (!next_record(record)) return false;
  } while (blank(record));
  ++data_rows_;
  row = ReadRow{};
  row.line = record.line;
  RowReader in(columns_, record, options_);
  parse_row(in, row, record.fields.size(), columns_.headers.size());
  row.han = han_name(row.han);
  return true;
}

ImportPlan read_roster(std::string_view bytes, const ImportOptions& options) {
  RosterRows rows(bytes, options);
  return read_roster(rows);
}

ImportPlan read_roster(RosterRows& rows) {
  ImportPlan plan;
  plan.encoding = rows.encoding();
  plan.columns = rows.columns();
  plan.header_line = rows.header_line();
  std::unordered_map<std::string, std::size_t> by_key;
  std::set<std::string> broken_keys;
  for (ReadRow row; rows.next(row);) {
    if (!row.problem) {
      add_row(plan, by_key, std::move(row));
    } else {
      plan.errors.push_back(*row.problem);
      if (!row.key.empty()) broken_keys.insert(row.key);
    }
  }
  plan.data_rows = rows.data_rows();
  drop_broken_households(plan, broken_keys);
  for (auto& h : plan.households) settle_heads(h);
  return plan;
}

}  // namespace wasshoi::members
