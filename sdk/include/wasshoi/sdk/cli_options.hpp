#pragma once
// The CLI toolkit plugins share (header-only over CLI11, which the SDK links publicly): dates and
// 和暦, 年度, numbers and text as options, each checked by the rules of sdk/input.hpp, with
// messages that name the option. Options are checked while the command line is parsed, before
// any database is opened, so a refused option writes nothing (an InputError: exit 1).
//
// One policy for empty text, for every date and 年度 option: blank text (an option not given, or
// given as '' or spaces) means "not given" — the option's default when it has one (today, this
// 年度, no date), and a refusal naming the option when it has none (a required option). Numbers
// are never blank: `--amount ''` is refused, not read as 0.
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <wasshoi/sdk/cli_ids.hpp>  // id arguments: the CLI toolkit is this header and that one
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk::cli {

// Options of one subcommand live in a shared struct its callback keeps alive.
template <typename T>
std::shared_ptr<T> options() {
  return std::make_shared<T>();
}

// ---- dates and 年度 ----------------------------------------------------------------------------
inline constexpr std::string_view kDateExamples = "2026-05-10, 2026/5/10, 令和8年5月10日, R8.5.10";

// A date option's text: any date sdk::parse_date takes, between 1900 and 2100.
// Blank → `fallback`; blank without a fallback → "--date: a date is required (…)".
inline Date parse_date_option(std::string_view option, std::string_view text,
                              std::optional<Date> fallback = std::nullopt) {
  if (trim(text).empty()) {
    if (fallback) return *fallback;
    throw InputError(std::string(option) + ": a date is required (" + std::string(kDateExamples) + ")");
  }
  auto d = parse_date(text);
  if (!d || !d->valid())
    throw InputError(std::string(option) + ": '" + displayable_text(text) + "' is not a date (" +
                     std::string(kDateExamples) + ")");
  check_date(option, *d);
  return *d;
}
// Blank → no date.
inline std::optional<Date> parse_optional_date_option(std::string_view option, std::string_view text) {
  if (trim(text).empty()) return std::nullopt;
  return parse_date_option(option, text);
}

// A 年度 as officers write it: 2025, 2025年度, 令和7, 令和7年度, R7. Both namings of a 年度 that
// spans an era change are read (docs/input.md "Dates"): 令和元年度 / R1 as Wasshoi prints it and
// 平成31年度 / H31 (the era on its first day) are both 2019. Blank → `fallback` (usually
// this 年度, sdk::fiscal_year(sdk::today())); blank without one → "--from: a 年度 is required".
inline int parse_fiscal_year_option(std::string_view option, std::string_view text,
                                    std::optional<int> fallback = std::nullopt) {
  std::string t = fold_for_search(text);
  if (t.empty()) {
    if (fallback) return *fallback;
    throw InputError(std::string(option) + ": a 年度 is required (2025, 令和7 or R7)");
  }
  if (t.ends_with("年度")) t.erase(t.size() - std::string_view("年度").size());
  std::optional<int> year;
  if (t.size() == 4 && t.find_first_not_of("0123456789") == std::string::npos) year = std::stoi(t);
  // 令和7 / R7: the 年度 that starts on April 1 of that year. 令和元 has no April 1 (令和 began on
  // May 1, 2019): its year is read from a day it had.
  for (const char* tail : {"年4月1日", ".4.1", "年12月31日", ".12.31"})
    if (!year)
      if (auto d = parse_date(t + tail)) year = d->year;
  if (!year)
    throw InputError(std::string(option) + ": '" + displayable_text(text) +
                     "' is not a 年度 (write 2025, 令和7 or R7)");
  check_year(option, *year);
  return *year;
}
inline int this_fiscal_year() {
  return fiscal_year(today());
}

// ---- numbers ----------------------------------------------------------------------------------
namespace detail {
template <typename T>
struct number_of {
  using type = T;
};
template <typename T>
struct number_of<std::optional<T>> {
  using type = T;
};
}  // namespace detail

// `--limit N`: checked against `range` while parsing (empty text refused). `target` is a number,
// which keeps its default when the option is not given, or a std::optional, nullopt then.
template <typename Target>
CLI::Option* add_number_option(CLI::App& app, const std::string& name, Target& target, IntRange range,
                               const std::string& help) {
  using T = typename detail::number_of<Target>::type;
  std::string option = name.substr(0, name.find(','));
  return app.add_option_function<std::string>(
      name,
      [&target, option, range](const std::string& text) {
        target = static_cast<T>(parse_integer(option, text, range));
      },
      help);
}

// ---- text -------------------------------------------------------------------------------------
// A text option checked by its kind (valid UTF-8, no control characters, the kind's length).
// The core checks again what it stores; this names the option as the officer typed it.
inline CLI::Option* add_text_option(CLI::App& app, const std::string& name, std::string& target,
                                    TextKind kind, const std::string& help) {
  std::string option = name.substr(0, name.find(','));
  return app.add_option_function<std::string>(
      name,
      [&target, option, kind](const std::string& text) {
        check_text(kind, option, text);
        target = text;
      },
      help);
}

}  // namespace wasshoi::sdk::cli
