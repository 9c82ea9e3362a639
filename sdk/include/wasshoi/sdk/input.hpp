#pragma once
// Input at the edge: the one set of rules for what officers give the programs — text, numbers,
// dates and files. Core create/update functions check what they store here, so the GUI and the
// CLI (and any front end to come) are held to the same limits. docs/input.md lists every limit.
// Every refusal is an InputError naming the field ("--amount: …", "name: …").
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

// ---- text -----------------------------------------------------------------------------------
// What a text field holds decides its limit. Lengths are in characters (code points), not bytes.
enum class TextKind {
  Name,     // a person's, household's, organization's, facility's name: 100
  Line,     // any other single line (a title, a purpose, a place, a category): 200
  Address,  // 住所: 200
  Phone,    // 電話番号: 40
  Login,    // an officer account's login: 64
  Note,     // multi-line text (備考, a discussion, an answer): 20 000, tabs and newlines allowed
};
struct TextLimit {
  std::size_t max_chars;
  bool multi_line;  // tab, newline and carriage return allowed
};
TextLimit text_limit(TextKind kind);

// InputError "<field>: …" when `text` is not valid UTF-8, holds a control character (C0, DEL or
// C1; tab / newline / CR only in multi-line kinds), or is longer than the kind allows. Empty
// text passes: whether a field is required is the caller's rule.
void check_text(TextKind kind, std::string_view field, std::string_view text);
// The same check, giving the text back (for initialisers).
inline const std::string& checked_text(TextKind kind, std::string_view field, const std::string& text) {
  check_text(kind, field, text);
  return text;
}

// Stored text as it may be shown, whatever an older version let in: invalid UTF-8 sequences and
// control characters other than tab, newline and the CR of a CRLF become U+FFFD (�), so one bad row is
// visible — and correctable — instead of breaking a whole listing.
std::string displayable_text(std::string_view text);
// True when displayable_text(text) would change it.
bool needs_marking(std::string_view text);

// ---- numbers --------------------------------------------------------------------------------
struct IntRange {
  std::int64_t min;
  std::int64_t max;
  std::string_view unit = {};             // "yen", "people" … shown after the bounds
  std::string_view max_word = "maximum";  // "ceiling" for amounts
};
// Whole numbers as officers type them: ASCII or full-width digits, an optional sign, surrounding
// blanks ignored; "3,000" (thousands separators) accepted. Empty text is refused ("--amount: a
// number is required"), so is anything else that is not a whole number (1.5, 1e3, 12円), and a
// number outside the range — "--amount: 99999999999999999999 is more than the ceiling of
// 10,000,000 yen" — however many digits it has (no overflow, no clamping).
std::int64_t parse_integer(std::string_view field, std::string_view text, const IntRange& range);
// InputError when a number that is already a number is out of range.
void check_integer(std::string_view field, std::int64_t value, const IntRange& range);
// 10000000 → "10,000,000".
std::string group_thousands(std::int64_t value);

// Arithmetic that cannot overflow: nullopt instead of a wrapped result.
std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b);

// ---- dates ----------------------------------------------------------------------------------
inline constexpr int kMinYear = 1900;
inline constexpr int kMaxYear = 2100;
// InputError "<field>: 9999-12-31 is not between 1900 and 2100" (or not a date at all).
void check_date(std::string_view field, const Date& date, int min_year = kMinYear, int max_year = kMaxYear);
// A 年度 / calendar year given as a number.
void check_year(std::string_view field, int year, int min_year = kMinYear, int max_year = kMaxYear);

// ---- files ----------------------------------------------------------------------------------
enum class FileKind {
  Roster,   // a CSV roster to import: 64 MiB (a 100 000-person roster is about 15 MiB)
  Picture,  // a photo, map or document attached to an issue or a proposal: 20 MiB
  Bundle,   // an issues bundle (JSON with its photos inside): 256 MiB
};
std::size_t max_file_bytes(FileKind kind);
const char* file_kind_name(FileKind kind);  // "roster", "picture", "bundle"

// Reads the whole of a regular file, refusing up front what is not one (a folder, /dev/zero, a
// FIFO, a socket) and a file larger than `max_bytes`; reads at most max_bytes + 1 bytes, so a
// file that grows meanwhile is refused too and memory stays bounded. InputError
// "<what> <path>: …" otherwise.
std::string read_input_file(const std::filesystem::path& path, std::size_t max_bytes, std::string_view what);
// The same with the limit of a kind of file; a refusal says which ("… for a picture").
std::string read_input_file(const std::filesystem::path& path, FileKind kind, std::string_view what);

}  // namespace wasshoi::sdk
