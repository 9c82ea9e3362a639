// Characters beyond U+FFFF: shown legibly, kept through editing (sdk::ui, no window needed).
#include <catch2/catch.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>

namespace ui = wasshoi::sdk::ui;

TEST_CASE("𠮷 and 𡈽 are shown as their everyday twins followed by the mark") {
  CHECK(ui::display_text("𠮷田") == "吉※田");
  CHECK(ui::display_text("𡈽屋 𠮷野") == "土※屋 吉※野");
}

TEST_CASE("a character beyond U+FFFF without a known twin is shown as 〓 with the mark") {
  CHECK(ui::display_text("𩸽の開き") == "〓※の開き");  // ホッケ
  CHECK(ui::stand_in_for(0x1F600) == 0x3013);
}

TEST_CASE("a CJK compatibility ideograph is shown as its canonical equivalent") {
  // U+2F8A6 is canonically equivalent to U+6148 (慈).
  CHECK(ui::stand_in_for(0x2F8A6) == 0x6148);
}

TEST_CASE("text the screen can draw is returned byte for byte") {
  const std::string names = "髙橋 﨑山 ｻﾄｳ 佐藤\t①";
  CHECK(ui::display_text(names) == names);
  CHECK(ui::to_edit_text(names) == names);
  CHECK(ui::from_edit_text(names) == names);
}

TEST_CASE("edit text shows 𠮷 as a token and turns the token back into 𠮷") {
  CHECK(ui::to_edit_text("𠮷田 𩸽") == "{U+20BB7}田 {U+29E3D}");
  CHECK(ui::from_edit_text("{U+20BB7}田 {u+29e3d}") == "𠮷田 𩸽");
}

TEST_CASE("the token round trip restores every character beyond U+FFFF") {
  const std::string original = "𠮷田 花子、𡈽屋、𩸽, 😀 and {U+ plain braces}";
  CHECK(ui::from_edit_text(ui::to_edit_text(original)) == original);
}

TEST_CASE("tokens for characters the screen can draw, and malformed tokens, stay as typed") {
  CHECK(ui::from_edit_text("{U+5409}") == "{U+5409}");
  CHECK(ui::from_edit_text("{U+20BB7") == "{U+20BB7");
  CHECK(ui::from_edit_text("{U+110000}") == "{U+110000}");
  CHECK(ui::from_edit_text("{U+}") == "{U+}");
}

TEST_CASE("broken UTF-8 passes through untouched") {
  const std::string broken =
      "a\xF0\x9F"
      "b";
  CHECK(ui::display_text(broken) == broken);
  CHECK(ui::from_edit_text(ui::to_edit_text(broken)) == broken);
}

TEST_CASE("the explanation names each replaced character once, by code point") {
  wasshoi::sdk::strings().add("ja", "sdk.ui.stand_in", "{shown} は {code}");
  wasshoi::sdk::strings().set_language("ja");
  CHECK(ui::stand_in_explanation("𠮷田 𠮷野 𩸽") == "吉※ は U+20BB7\n〓※ は U+29E3D");
  CHECK(ui::stand_in_explanation("髙橋").empty());
}
