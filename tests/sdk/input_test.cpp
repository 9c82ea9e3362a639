// sdk/input.hpp and sdk/cli_options.hpp: the rules for what officers give the programs.
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <wasshoi/sdk/cli_options.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

#include "test_support.hpp"

using namespace wasshoi;
using Catch::Matchers::Contains;
using Catch::Matchers::Equals;
namespace fs = std::filesystem;

namespace {
std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const sdk::InputError& e) {
    return e.what();
  }
  return "(no InputError)";
}
}  // namespace

TEST_CASE("check_text refuses invalid UTF-8, control characters and overlong text, naming the field") {
  using sdk::TextKind;
  CHECK_NOTHROW(sdk::check_text(TextKind::Name, "--name", "髙橋 𠮷子"));
  CHECK_NOTHROW(sdk::check_text(TextKind::Name, "--name", ""));
  CHECK_THAT(message_of([] {
               sdk::check_text(TextKind::Name, "--name",
                               "\xff\xfe"
                               "abc");
             }),
             Contains("--name: not valid UTF-8"));
  // Overlong forms, surrogates and code points past U+10FFFF are not UTF-8 either.
  for (const char* bad : {"\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "abc\xe3\x81"})
    CHECK_THROWS_AS(sdk::check_text(TextKind::Line, "x", bad), sdk::InputError);
  CHECK_THAT(message_of([] { sdk::check_text(TextKind::Line, "--purpose", std::string("a\0b", 3)); }),
             Contains("--purpose: holds a control character (U+0000)"));
  CHECK_THAT(message_of([] { sdk::check_text(TextKind::Line, "--purpose", "a\x1b[2Jb"); }),
             Contains("U+001B"));
  CHECK_THAT(message_of([] { sdk::check_text(TextKind::Line, "--purpose", "a\u0085b"); }),
             Contains("U+0085"));
  CHECK_THAT(message_of([] { sdk::check_text(TextKind::Name, "--name", "a\nb"); }),
             Contains("this field is one line"));
  CHECK_NOTHROW(sdk::check_text(TextKind::Note, "--notes", "一行目\r\n二行目\t続き"));
  // Limits count characters, not bytes.
  std::string kanji;
  for (int i = 0; i < 100; ++i) kanji += "髙";
  CHECK_NOTHROW(sdk::check_text(TextKind::Name, "--name", kanji));
  CHECK_THAT(message_of([&] { sdk::check_text(TextKind::Name, "--name", kanji + "a"); }),
             Equals("--name: longer than 100 characters"));
  CHECK_THROWS_AS(sdk::check_text(TextKind::Note, "--notes", std::string(20001, 'a')), sdk::InputError);
  CHECK(sdk::text_limit(TextKind::Login).max_chars == 64);
}

TEST_CASE("displayable_text marks what an older version stored unchecked with U+FFFD") {
  CHECK(sdk::displayable_text("佐藤\t太郎\n") == "佐藤\t太郎\n");
  CHECK(sdk::displayable_text("\xff\xfe"
                              "abc") == "\uFFFD\uFFFDabc");
  CHECK(sdk::displayable_text("a\x1b"
                              "b") == "a\uFFFDb");
  CHECK(sdk::displayable_text("a\r\nb\rc") == "a\r\nb\uFFFDc");  // CRLF (iCalendar) kept
  CHECK(sdk::displayable_text("\xe3\x81") == "\uFFFD");          // a cut-off character: one mark
  CHECK(sdk::needs_marking("\xff"));
  CHECK_FALSE(sdk::needs_marking("𠮷"));
}

TEST_CASE("parse_integer: required, whole, within the range, never clamped") {
  const sdk::IntRange yen{1, 10'000'000, "yen", "ceiling"};
  CHECK(sdk::parse_integer("--amount", "3000", yen) == 3000);
  CHECK(sdk::parse_integer("--amount", " ３０００ ", yen) == 3000);
  CHECK(sdk::parse_integer("--amount", "3,000", yen) == 3000);
  CHECK(sdk::parse_integer("--amount", "10,000,000", yen) == 10'000'000);
  CHECK_THAT(message_of([&] { sdk::parse_integer("--amount", "99999999999999999999", yen); }),
             Equals("--amount: 99999999999999999999 is more than the ceiling of 10,000,000 yen"));
  CHECK_THAT(message_of([&] { sdk::parse_integer("--amount", "9223372036854775807", yen); }),
             Contains("is more than the ceiling of 10,000,000 yen"));
  CHECK_THAT(message_of([&] { sdk::parse_integer("--amount", "", yen); }),
             Contains("--amount: a number is required"));
  CHECK_THAT(message_of([&] { sdk::parse_integer("--amount", "  ", yen); }),
             Contains("a number is required"));
  CHECK_THAT(message_of([&] { sdk::parse_integer("--amount", "0", yen); }),
             Equals("--amount: 0 is less than the minimum of 1 yen"));
  CHECK_THAT(message_of([&] {
               sdk::parse_integer("--limit", "-1", {1, 10000});
             }),
             Equals("--limit: -1 is less than the minimum of 1"));
  CHECK_THAT(message_of([&] {
               sdk::parse_integer("--limit", "-99999999999999999999999", {1, 10000});
             }),
             Contains("is less than the minimum of 1"));
  for (const char* bad : {"1.5", "1e3", "12円", "abc", "3,00", ",300", "300,", "--1", "0x10", "1 000"})
    CHECK_THAT(message_of([&] { sdk::parse_integer("--amount", bad, yen); }),
               Contains("is not a whole number"));
  CHECK(sdk::parse_integer("n", "-5", {-10, 10}) == -5);
  CHECK(sdk::parse_integer("n", "007", {0, 10}) == 7);
  CHECK(sdk::group_thousands(-1234567) == "-1,234,567");
}

TEST_CASE("checked arithmetic and the date range") {
  CHECK(sdk::checked_add(INT64_MAX, 1) == std::nullopt);
  CHECK(sdk::checked_add(1, 2) == 3);
  CHECK(sdk::checked_mul(INT64_MAX / 2, 3) == std::nullopt);
  CHECK_NOTHROW(sdk::check_date("--date", {1900, 1, 1}));
  CHECK_NOTHROW(sdk::check_date("--date", {2100, 12, 31}));
  CHECK_THAT(message_of([] {
               sdk::check_date("--date", {9999, 12, 31});
             }),
             Equals("--date: 9999-12-31 is not between 1900 and 2100"));
  CHECK_THAT(message_of([] { sdk::check_date("--date", {2026, 2, 30}); }), Contains("not a date"));
}

TEST_CASE("read_input_file reads regular files within the limit and refuses the rest up front") {
  test::TempDir tmp;
  test::write_file(tmp / "small.csv", "氏名\n佐藤\n");
  CHECK(sdk::read_input_file(tmp / "small.csv", 100, "roster") == "氏名\n佐藤\n");
  CHECK(sdk::read_input_file(tmp / "small.csv", 14, "roster").size() == 14);  // exactly the limit
  CHECK_THAT(
      message_of([&] { sdk::read_input_file(tmp / "small.csv", 13, "roster"); }),
      Equals("roster " + (tmp / "small.csv").string() + ": 14 bytes is more than the limit of 13 bytes"));
  // Big but sparse: refused from its size, without reading (or allocating) it.
  { std::ofstream(tmp / "big.png").put('x'); }
  fs::resize_file(tmp / "big.png", sdk::max_file_bytes(sdk::FileKind::Picture) + 1);
  CHECK_THAT(message_of([&] { sdk::read_input_file(tmp / "big.png", sdk::FileKind::Picture, "picture"); }),
             Contains("20,971,521 bytes is more than the limit of 20 MiB for a picture"));
  CHECK_THAT(message_of([] { sdk::read_input_file("/dev/zero", sdk::FileKind::Roster, "roster"); }),
             Contains("is not a regular file"));
  CHECK_THAT(message_of([&] { sdk::read_input_file(tmp.path(), sdk::FileKind::Roster, "roster"); }),
             Contains("is a folder"));
  REQUIRE(::mkfifo((tmp / "fifo").c_str(), 0600) == 0);
  CHECK_THAT(message_of([&] { sdk::read_input_file(tmp / "fifo", sdk::FileKind::Bundle, "bundle"); }),
             Contains("is not a regular file"));  // without waiting for a writer
  CHECK_THAT(message_of([&] { sdk::read_input_file(tmp / "missing.csv", 10, "roster"); }),
             Contains("cannot read the file"));
  CHECK_THAT(message_of([] { sdk::read_input_file("", 10, "roster"); }), Contains("no file given"));
  CHECK(sdk::max_file_bytes(sdk::FileKind::Roster) == 64u << 20);
  CHECK(sdk::max_file_bytes(sdk::FileKind::Bundle) == 256u << 20);
}

TEST_CASE("the CLI toolkit: one policy for blank dates, 年度 and numbers, checked while parsing") {
  using namespace sdk::cli;
  const sdk::Date fallback{2026, 4, 1};
  CHECK(parse_date_option("--date", "", fallback) == fallback);
  CHECK(parse_date_option("--date", "  ", fallback) == fallback);
  CHECK(parse_date_option("--date", "令和8年5月10日") == sdk::Date{2026, 5, 10});
  CHECK_THAT(message_of([] { parse_date_option("--date", ""); }), Contains("--date: a date is required"));
  CHECK_THAT(message_of([] { parse_date_option("--date", "2026/13/40"); }),
             Contains("--date: '2026/13/40' is not a date"));
  CHECK_THAT(message_of([] { parse_date_option("--date", "9999-12-31"); }),
             Contains("not between 1900 and 2100"));
  CHECK(parse_optional_date_option("--due", "") == std::nullopt);
  CHECK(parse_fiscal_year_option("--year", "令和7") == 2025);
  CHECK(parse_fiscal_year_option("--year", "R7年度") == 2025);
  CHECK(parse_fiscal_year_option("--year", "２０２５") == 2025);
  // A 年度 across the era change is read under both of its names (docs/input.md "Dates").
  for (const char* fy : {"令和元年度", "令和元", "R1", "r1年度", "平成31年度", "平成31", "H31", "2019"}) {
    INFO(fy);
    CHECK(parse_fiscal_year_option("--year", fy) == 2019);
    CHECK(sdk::format_fiscal_year_ja(parse_fiscal_year_option("--year", fy)) == "令和元年度");
  }
  CHECK(parse_fiscal_year_option("--year", "平成元年度") == 1989);
  CHECK(parse_fiscal_year_option("--year", "昭和63年度") == 1988);
  CHECK(parse_fiscal_year_option("--year", "", 2030) == 2030);
  CHECK_THAT(message_of([] { parse_fiscal_year_option("--from", ""); }),
             Contains("--from: a 年度 is required"));
  CHECK_THAT(message_of([] { parse_fiscal_year_option("--year", "9999"); }),
             Contains("not between 1900 and 2100"));

  CLI::App app;
  int limit = 50;
  std::optional<std::int64_t> amount;
  std::string name;
  add_number_option(app, "--limit", limit, {1, 10000}, "");
  add_number_option(app, "--amount", amount, {1, 100, "yen", "ceiling"}, "");
  add_text_option(app, "--name", name, sdk::TextKind::Name, "");
  app.parse(std::vector<std::string>{"7", "--limit", "佐藤", "--name"});  // CLI11 takes them reversed
  CHECK(limit == 7);
  CHECK(name == "佐藤");
  CHECK_FALSE(amount);
  app.parse(std::vector<std::string>{"50", "--amount"});
  CHECK(amount == 50);
  CHECK_THAT(message_of([&] {
               app.parse(std::vector<std::string>{"", "--limit"});
             }),
             Contains("--limit: a number is required"));
  CHECK_THAT(message_of([&] {
               app.parse(std::vector<std::string>{"-1", "--limit"});
             }),
             Contains("--limit: -1 is less than the minimum of 1"));
  CHECK_THAT(message_of([&] {
               app.parse(
                   std::vector<std::string>{"\xff\xfe"
                                            "abc",
                                            "--name"});
             }),
             Contains("--name: not valid UTF-8"));
}
