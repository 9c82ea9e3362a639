#include "core/exporter.hpp"

#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>

#include "core/columns.hpp"
#include "core/households.hpp"
#include "core/values.hpp"

namespace wasshoi::members {

namespace {

constexpr Field kColumns[] = {Field::Household, Field::Han,     Field::Name,      Field::Reading,
                              Field::Relation,  Field::Address, Field::Phone,     Field::People,
                              Field::Joined,    Field::Left,    Field::BirthYear, Field::Support,
                              Field::Notes};

constexpr const char* kSelect = R"sql(
SELECT h.id, coalesce(han.name, ''), p.name, p.reading, p.relation, h.address, h.phone, h.people,
       h.joined_on, h.left_on, p.birth_year, p.needs_support, h.notes, p.is_head
FROM members_persons p
JOIN members_households h ON h.id = p.household_id
LEFT JOIN han ON han.id = h.han_id
WHERE h.org_id = ?1 AND (CAST(?2 AS BIGINT) IS NULL OR h.han_id = ?2)
ORDER BY h.id, p.is_head DESC, p.id
)sql";

std::vector<Field> columns(const ExportOptions& o) {
  std::vector<Field> out;
  for (Field f : kColumns)
    if (!(o.redact && (f == Field::Phone || f == Field::Notes))) out.push_back(f);
  return out;
}

// What tells about a person, as opposed to the household's place in the roster.
bool is_personal(Field f) {
  switch (f) {
    case Field::Name:
    case Field::Reading:
    case Field::Relation:
    case Field::Address:
    case Field::Phone:
    case Field::BirthYear:
    case Field::Support:
    case Field::Notes:
      return true;
    default:
      return false;
  }
}

std::string cell(const sdk::Statement& st, Field f, int household_number) {
  switch (f) {
    case Field::Household:
      return std::to_string(household_number);
    case Field::Han:
      return st.get_text(1);
    case Field::Name:
      return st.get_text(2);
    case Field::Reading:
      return st.get_text(3);
    case Field::Relation:
      return st.get_int(13) && st.get_text(4).empty() ? "世帯主" : st.get_text(4);
    case Field::Address:
      return st.get_text(5);
    case Field::Phone:
      return st.get_text(6);
    case Field::People:
      return std::to_string(st.get_int(7));
    case Field::Joined:
      return format_date_cell(st.get_date(8));
    case Field::Left:
      return format_date_cell(st.get_date(9));
    case Field::BirthYear:
      return st.is_null(10) ? "" : std::to_string(st.get_int(10));
    case Field::Support:
      return format_flag(st.get_int(11) != 0);
    case Field::Notes:
      return st.get_text(12);
    case Field::Ignore:
      break;
  }
  return {};
}

std::size_t name_column(const std::vector<Field>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i)
    if (fields[i] == Field::Name) return i;
  return 0;
}

// Names each cell of the row that CP932 cannot hold.
void check_cp932(const std::vector<std::string>& cells, const std::vector<Field>& fields, int row,
                 HouseholdId household, std::vector<ExportProblem>& problems) {
  for (std::size_t i = 0; i < cells.size(); ++i) {
    sdk::Unencodable bad;
    if (sdk::utf8_to_cp932(cells[i], &bad)) continue;
    problems.push_back({row, household, cells[name_column(fields)], field_header(fields[i]), bad.character});
  }
}

// Appends one row in the chosen encoding; in CP932 a row that cannot be encoded is recorded
// (each of its bad cells) instead, and the export goes on to find every such row.
void append_row(const std::vector<std::string>& cells, const std::vector<Field>& fields,
                const ExportOptions& options, HouseholdId household, ExportResult& result) {
  sdk::CsvWriter line;
  line.write_row(cells);
  if (options.encoding == OutputEncoding::Utf8Bom) {
    result.bytes += line.utf8();
  } else if (auto encoded = sdk::utf8_to_cp932(line.utf8())) {
    result.bytes += *encoded;
  } else {
    check_cp932(cells, fields, result.rows, household, result.problems);
  }
}

}  // namespace

OutputEncoding parse_output_encoding(std::string_view text) {
  std::string t = sdk::fold_for_search(text);
  if (t == "utf-8-bom" || t == "utf-8" || t == "utf8" || t == "utf8bom") return OutputEncoding::Utf8Bom;
  if (t == "cp932" || t == "sjis" || t == "shift_jis" || t == "shift-jis" || t == "windows-31j")
    return OutputEncoding::Cp932;
  throw sdk::InputError("unknown encoding '" + std::string(text) + "' (use utf-8-bom or cp932)");
}

ExportResult export_roster(sdk::Database& db, OrgId org, const ExportOptions& options) {
  const std::vector<Field> fields = columns(options);
  ExportResult result;
  if (options.encoding == OutputEncoding::Utf8Bom) result.bytes = sdk::kUtf8Bom;
  std::vector<std::string> cells;
  for (Field f : fields) {
    cells.push_back(field_header(f));
    if (is_personal(f)) result.personal_data.push_back(field_header(f));
  }
  append_row(cells, fields, options, 0, result);
  sdk::Statement st(db, kSelect);
  st.bind(1, org).bind(2, options.han);
  HouseholdId last = 0;
  int household_number = 0;
  while (st.step()) {
    if (st.get_int(0) != last) last = st.get_int(0), ++household_number;
    cells.clear();
    for (Field f : fields) cells.push_back(cell(st, f, household_number));
    ++result.rows;
    append_row(cells, fields, options, last, result);
  }
  if (!result.problems.empty()) result.bytes.clear();
  return result;
}

std::string problems_message(const std::vector<ExportProblem>& problems) {
  std::string msg = std::to_string(problems.size()) + (problems.size() == 1 ? " character" : " characters") +
                    " cannot be written in Shift_JIS (CP932), so no file was written. Export in UTF-8 "
                    "(--encoding utf-8-bom), or change these entries:";
  for (const auto& p : problems)
    msg += "\n  row " + std::to_string(p.row) + " (household id " + std::to_string(p.household) + ", " +
           p.person + "), " + p.column + ": " + p.character;
  return msg;
}

}  // namespace wasshoi::members
