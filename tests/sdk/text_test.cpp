#include <algorithm>
#include <catch2/catch.hpp>
#include <string>
#include <vector>
#include <wasshoi/sdk/natural_order.hpp>
#include <wasshoi/sdk/text.hpp>

using namespace wasshoi;

TEST_CASE("search folding ignores kana kind, width, case and spaces") {
  CHECK(sdk::fold_for_search("ｻﾄｳ　タカハシ") == "さとうたかはし");
  CHECK(sdk::fold_for_search("サトウ タカハシ") == sdk::fold_for_search("さとう たかはし"));
  CHECK(sdk::fold_for_search("ＡＢＣ１２３") == "abc123");
  CHECK(sdk::fold_for_search("ｶﾞｯｺｳ") == "がっこう");                 // voiced marks join in NFKC
  CHECK(sdk::fold_for_search("髙橋 﨑山 𠮷田") == "髙橋﨑山𠮷田");    // rare kanji unchanged
  CHECK(sdk::fold_for_search("ﾌ\tﾞ") == sdk::fold_for_search("ぶ"));  // found by fuzzing
}

namespace {

std::string utf8(char32_t c) {
  return sdk::u32_to_utf8(std::u32string(1, c));
}

// Folds `text` both ways; returns a description when they differ.
void expect_same_fold(const std::string& text, std::vector<std::string>& differences) {
  const std::string quick = sdk::fold_for_search(text), full = sdk::detail::fold_for_search_icu(text);
  if (quick != full && differences.size() < 10)
    differences.push_back("'" + text + "': '" + quick + "' vs '" + full + "'");
}

}  // namespace

TEST_CASE("the quick fold for common text agrees with the ICU fold on every BMP character") {
  std::vector<std::string> differences;
  for (char32_t c = 1; c <= 0xFFFF; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    expect_same_fold(utf8(c), differences);
    expect_same_fold("A" + utf8(c) + "Ｚ", differences);
  }
  INFO(differences.size() << " differences, e.g. " << (differences.empty() ? "" : differences.front()));
  CHECK(differences.empty());
}

TEST_CASE("the quick fold agrees with ICU on kana followed by voiced marks, spaced or not") {
  std::vector<std::string> differences;
  const std::u32string marks = U"\uFF9E\uFF9F\u3099\u309A\u309B\u309C";
  for (char32_t base = 0x3041; base <= 0x30FF; ++base)
    for (char32_t mark : marks)
      for (const char* gap : {"", " ", "\t", "\u3000"})
        expect_same_fold(utf8(base) + gap + utf8(mark), differences);
  for (char32_t base = 0xFF61; base <= 0xFF9F; ++base)
    for (char32_t mark : marks)
      for (const char* gap : {"", " ", "\u3000"})
        expect_same_fold(utf8(base) + gap + utf8(mark), differences);
  for (const char* text :
       {"ﾞｶ", "ﾟ", "aﾞ", "ｶﾞﾞ", "ﾊﾟﾟ", "ｳﾞｨ", "ﾜﾞ", "ｦﾞ", "ヽﾞ", "一関市大手町１－２　ｻﾄｳ ﾀﾛｳ"})
    expect_same_fold(text, differences);
  INFO(differences.size() << " differences, e.g. " << (differences.empty() ? "" : differences.front()));
  CHECK(differences.empty());
}

TEST_CASE("CP932 encoding maps the usual characters and names what it cannot hold") {
  auto bytes = sdk::utf8_to_cp932("髙橋 ｻﾄｳ ①");
  REQUIRE(bytes);
  CHECK(sdk::cp932_to_utf8(*bytes) == "髙橋 ｻﾄｳ ①");
  sdk::Unencodable bad;
  CHECK_FALSE(sdk::utf8_to_cp932("山田と𠮷田", &bad));
  CHECK(bad.character == "𠮷");
  CHECK(bad.offset == std::string("山田と").size());
  // The Mac's 〜 (U+301C) means the same as CP932's ～ (U+FF5E).
  auto wave = sdk::utf8_to_cp932("9時〜12時");
  REQUIRE(wave);
  CHECK(sdk::cp932_to_utf8(*wave) == "9時～12時");
}

TEST_CASE("CP932 decoding follows Microsoft's mapping") {
  CHECK(sdk::cp932_to_utf8("\x81\x60\x81\x7C\x87\x40") == "～－①");
  CHECK(sdk::cp932_to_utf8("\xFB\xFC") == "髙");  // IBM extension, as Windows writes it
}

TEST_CASE("encoding detection: BOM, valid UTF-8, otherwise CP932") {
  CHECK(sdk::detect_encoding("\xEF\xBB\xBF"
                             "abc") == sdk::Encoding::Utf8Bom);
  CHECK(sdk::detect_encoding("髙橋") == sdk::Encoding::Utf8);
  CHECK(sdk::detect_encoding("\x8D\x82\x8B\xB4") == sdk::Encoding::Cp932);
  CHECK_FALSE(sdk::is_valid_utf8("\xC0\x80"));      // overlong
  CHECK_FALSE(sdk::is_valid_utf8("\xED\xA0\x80"));  // surrogate
}

TEST_CASE("code points beyond U+FFFF survive conversion and are detected") {
  std::string s = "𠮷田 ﾀﾛｳ";
  CHECK(sdk::u32_to_utf8(sdk::utf8_to_u32(s)) == s);
  CHECK(sdk::utf8_to_u32("𠮷")[0] == U'\U00020BB7');
  CHECK(sdk::has_beyond_bmp(s));
  CHECK_FALSE(sdk::has_beyond_bmp("髙橋"));
}

TEST_CASE("trim removes ASCII and full-width spaces at both ends only") {
  CHECK(sdk::trim("　 山田　太郎 \t　") == "山田　太郎");
  CHECK(sdk::trim("") == "");
  CHECK(sdk::trim("　") == "");
}

TEST_CASE("every ASCII byte decodes from CP932 to itself (found by fuzzing)") {
  for (int b = 0; b < 0x80; ++b)
    CHECK(sdk::cp932_to_utf8(std::string(1, static_cast<char>(b))) == std::string(1, static_cast<char>(b)));
}

TEST_CASE("addresses and names with numbers sort as people read them") {
  using sdk::natural_less;
  CHECK(natural_less("山目1丁目6番", "山目1丁目13番"));
  CHECK_FALSE(natural_less("山目1丁目13番", "山目1丁目6番"));
  CHECK(natural_less("2班", "10班"));
  CHECK(natural_less("２班", "10班"));  // full-width digits count alike
  CHECK(natural_less("9番地", "１０番地"));
  CHECK_FALSE(natural_less("5番", "5番"));
  CHECK(natural_less("5番", "5番2号"));
  CHECK(natural_less("あ", "い"));
  CHECK(natural_less("07番", "8番"));
  std::vector<std::string> v = {"1丁目13番", "1丁目6番", "1丁目6番3号", "10丁目1番", "2丁目1番"};
  std::sort(v.begin(), v.end(),
            [](const std::string& a, const std::string& b) { return natural_less(a, b); });
  CHECK(v == std::vector<std::string>{"1丁目6番", "1丁目6番3号", "1丁目13番", "2丁目1番", "10丁目1番"});
}
