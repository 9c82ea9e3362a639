// Command-line text and numbers at the edge (sdk/input.hpp, sdk/cli_options.hpp): whatever an
// officer types, the checks end in an InputError (or CLI11's own usage error) or in a value that
// keeps the rules — valid UTF-8 without control characters within the field's length, a number
// within its range, a date within 1900–2100 — and stored text is always displayable.
// The first byte picks the field kind and range; the rest is the typed text.
#include <cstdint>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string>
#include <wasshoi/sdk/cli_options.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

namespace {

using namespace wasshoi;

void require(bool ok) {
  if (!ok) std::abort();
}

std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

bool has_control(std::string_view s, bool multi_line) {
  const std::u32string u = sdk::utf8_to_u32(s);
  for (char32_t c : u) {
    const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
    if (control && !(multi_line && (c == U'\t' || c == U'\n' || c == U'\r'))) return true;
  }
  return false;
}

void text(sdk::TextKind kind, const std::string& s) {
  const sdk::TextLimit limit = sdk::text_limit(kind);
  bool accepted = true;
  try {
    sdk::check_text(kind, "--field", s);
  } catch (const sdk::InputError&) {
    accepted = false;
  }
  if (accepted) {
    require(sdk::is_valid_utf8(s));
    require(!has_control(s, limit.multi_line));
    require(characters(s) <= limit.max_chars);
    if (!limit.multi_line) require(!sdk::needs_marking(s) && sdk::displayable_text(s) == s);
  } else if (sdk::is_valid_utf8(s) && !has_control(s, limit.multi_line)) {
    require(characters(s) > limit.max_chars);  // refused for its length only
  }
  // Whatever is stored shows: valid UTF-8, nothing left to mark, marked once, and JSON takes it.
  const std::string shown = sdk::displayable_text(s);
  require(sdk::is_valid_utf8(shown));
  require(!sdk::needs_marking(shown));
  require(sdk::displayable_text(shown) == shown);
  require(sdk::needs_marking(s) == (shown != s));
  (void)nlohmann::json(shown).dump();
}

void number(const sdk::IntRange& range, const std::string& s) {
  std::int64_t v;
  try {
    v = sdk::parse_integer("--n", s, range);
  } catch (const sdk::InputError&) {
    return;
  }
  require(v >= range.min && v <= range.max);
  require(sdk::parse_integer("--n", std::to_string(v), range) == v);
  require(sdk::parse_integer("--n", sdk::group_thousands(v), range) == v);
}

void options(const std::string& s, std::uint8_t pick) {
  CLI::App app;
  int limit = 50;
  std::optional<std::int64_t> amount;
  std::string name;
  sdk::cli::add_number_option(app, "--limit", limit, {1, 10000}, "");
  sdk::cli::add_number_option(app, "--amount", amount, {1, 10'000'000, "yen", "ceiling"}, "");
  sdk::cli::add_text_option(app, "--name", name, sdk::TextKind::Name, "");
  const char* option = pick % 3 == 0 ? "--limit" : pick % 3 == 1 ? "--amount" : "--name";
  try {
    app.parse(std::vector<std::string>{s, option});  // CLI11 takes the arguments reversed
  } catch (const sdk::InputError&) {
    return;
  } catch (const CLI::ParseError&) {
    return;
  }
  require(limit >= 1 && limit <= 10000);
  require(!amount || (*amount >= 1 && *amount <= 10'000'000));
  require(name.empty() || (sdk::is_valid_utf8(name) && characters(name) <= 100 && !has_control(name, false)));
}

void dates(const std::string& s) {
  try {
    const sdk::Date d = sdk::cli::parse_date_option("--date", s, sdk::Date{2026, 4, 1});
    require(d.valid() && d.year >= sdk::kMinYear && d.year <= sdk::kMaxYear);
  } catch (const sdk::InputError&) {
  }
  try {
    const int fy = sdk::cli::parse_fiscal_year_option("--year", s, 2026);
    require(fy >= sdk::kMinYear && fy <= sdk::kMaxYear);
  } catch (const sdk::InputError&) {
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t pick = data[0];
  const std::string s(reinterpret_cast<const char*>(data + 1), size - 1);
  static const sdk::TextKind kinds[] = {sdk::TextKind::Name,  sdk::TextKind::Line,  sdk::TextKind::Address,
                                        sdk::TextKind::Phone, sdk::TextKind::Login, sdk::TextKind::Note};
  text(kinds[pick % 6], s);
  static const sdk::IntRange ranges[] = {
      {1, 10'000'000, "yen", "ceiling"}, {0, 999}, {1, 10000}, {INT64_MIN, INT64_MAX}, {-100, 100}};
  number(ranges[pick % 5], s);
  options(s, pick);
  if (sdk::is_valid_utf8(s)) dates(s);  // the date parser's own fuzz target covers other bytes
  return 0;
}
