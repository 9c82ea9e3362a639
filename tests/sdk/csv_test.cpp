#include <catch2/catch.hpp>
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/error.hpp>

using namespace wasshoi;

namespace {
// "班,氏名,フリガナ\r\n1班,髙橋 太郎,ﾀｶﾊｼ ﾀﾛｳ\r\n2班,"﨑山, 花子",ｻｷﾔﾏ\r\n" as Excel saves it in Shift_JIS
// (CP932; 髙 and 﨑 are NEC-selected IBM extensions, half-width katakana single bytes).
const std::string kCp932Roster =
    "\x94\xC7\x2C\x8E\x81\x96\xBC\x2C\x83\x74\x83\x8A\x83\x4B\x83\x69\x0D\x0A\x31\x94\xC7\x2C\xEE\xE0\x8B\xB4"
    "\x20"
    "\x91\xBE\x98\x59\x2C\xC0\xB6\xCA\xBC\x20\xC0\xDB\xB3\x0D\x0A\x32\x94\xC7\x2C\x22\xED\x95\x8E\x52\x2C\x20"
    "\x89"
    "\xD4\x8E\x71\x22\x2C\xBB\xB7\xD4\xCF\x0D\x0A";
}  // namespace

TEST_CASE("a CP932 roster from Excel is detected and read, rare kanji and half-width kana intact") {
  sdk::Encoding enc;
  auto rows = sdk::read_csv_bytes(kCp932Roster, &enc);
  CHECK(enc == sdk::Encoding::Cp932);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields == std::vector<std::string>{"班", "氏名", "フリガナ"});
  CHECK(rows[1].fields == std::vector<std::string>{"1班", "髙橋 太郎", "ﾀｶﾊｼ ﾀﾛｳ"});
  CHECK(rows[2].fields == std::vector<std::string>{"2班", "﨑山, 花子", "ｻｷﾔﾏ"});
  CHECK(rows[2].line == 3);
}

TEST_CASE("UTF-8 with a BOM, quoted quotes and newlines, and LF or CRLF endings") {
  std::string text =
      std::string(sdk::kUtf8Bom) + "名前,備考\r\n\"𠮷田\",\"1行目\r\n2行目 \"\"引用\"\"\"\n佐藤,\n";
  sdk::Encoding enc;
  auto rows = sdk::read_csv_bytes(text, &enc);
  CHECK(enc == sdk::Encoding::Utf8Bom);
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].fields[0] == "名前");  // no BOM left in the first header
  CHECK(rows[1].fields[1] == "1行目\r\n2行目 \"引用\"");
  CHECK(rows[2].line == 4);  // the quoted newline counts as a line
  CHECK(rows[2].fields == std::vector<std::string>{"佐藤", ""});
}

TEST_CASE("a quoted field never closed is refused naming its line") {
  CHECK_THROWS_WITH(sdk::read_csv_bytes("a,b\n1,\"open\n2,3\n"), Catch::Contains("line 2"));
}

TEST_CASE("the writer quotes what needs quoting and round-trips through the reader") {
  std::vector<std::vector<std::string>> data = {{"班", "氏名", "備考"},
                                                {"1班", "髙橋, 太郎", "改行\nあり"},
                                                {"2班", "\"あだ名\"", " 空白 "},
                                                {"", "", ""}};
  sdk::CsvWriter w;
  for (const auto& row : data) w.write_row(row);
  CHECK(w.utf8().find("\r\n") != std::string::npos);
  auto rows = sdk::read_csv_bytes(w.to_utf8_bom());
  REQUIRE(rows.size() == data.size());
  for (std::size_t i = 0; i < data.size(); ++i) CHECK(rows[i].fields == data[i]);
}

TEST_CASE("bytes that are neither UTF-8 nor CP932 are refused with their position") {
  CHECK_THROWS_AS(sdk::decode_to_utf8("ok\x85\x20\xFF\xFF"), sdk::InputError);
}

TEST_CASE("only the first BOM is a BOM: a second U+FEFF is data and round-trips (found by fuzzing)") {
  std::string text = std::string(sdk::kUtf8Bom) + std::string(sdk::kUtf8Bom) + "a,b\r\n";
  auto rows = sdk::read_csv_bytes(text);
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].fields[0] == std::string(sdk::kUtf8Bom) + "a");
  sdk::CsvWriter w;
  w.write_row(rows[0].fields);
  CHECK(sdk::read_csv_bytes(w.to_utf8_bom())[0].fields == rows[0].fields);
}

TEST_CASE("a file with a UTF-8 BOM but broken bytes is refused, not passed on (found by fuzzing)") {
  CHECK_THROWS_WITH(sdk::read_csv_bytes("\xEF\xBB\xBF"
                                        "a,\xF7\x02\n"),
                    Catch::Contains("not UTF-8"));
}
