// sdk::ui widgets in a headless ImGui: fields keep 𠮷, text asks the font for missing glyphs.
#include <catch2/catch.hpp>
#include <wasshoi/sdk/ui.hpp>

#include "headless.hpp"

using wasshoi::gui::find_japanese_font;
using wasshoi::gui::FontSet;
using wasshoi::test::HeadlessImGui;
namespace ui = wasshoi::sdk::ui;

namespace {
void in_window(const std::function<void()>& body) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImVec2(600, 300));
  ImGui::Begin("test");
  body();
  ImGui::End();
}

// 1.86 keyboard input: keys through io.KeyMap / io.KeysDown.
constexpr int kEndKey = 1;
}  // namespace

TEST_CASE("a field the user does not change is never written back, 𠮷 and all") {
  FontSet fonts(find_japanese_font());
  HeadlessImGui imgui(fonts);
  std::string value = "𠮷田 花子";
  const std::string before = value;
  bool changed = false;
  for (int i = 0; i < 4; ++i)
    imgui.frame([&] { in_window([&] { changed |= ui::InputText("name", value); }); });
  CHECK_FALSE(changed);
  CHECK(value == before);
}

TEST_CASE("typing in a field that holds 𠮷 keeps the real 𠮷") {
  FontSet fonts(find_japanese_font());
  HeadlessImGui imgui(fonts);
  ImGui::GetIO().KeyMap[ImGuiKey_End] = kEndKey;
  std::string value = "𠮷田";
  auto field = [&](bool focus) {
    return [&, focus] {
      in_window([&] {
        if (focus) ImGui::SetKeyboardFocusHere();
        ui::InputText("name", value);
      });
    };
  };
  ImGuiIO& io = ImGui::GetIO();
  imgui.frame(field(true));
  imgui.frame(field(false));    // the field is active now, its text selected
  io.KeysDown[kEndKey] = true;  // End: cursor to the end, selection gone
  imgui.frame(field(false));
  io.KeysDown[kEndKey] = false;
  io.AddInputCharacter('X');
  imgui.frame(field(false));
  imgui.frame(field(false));
  CHECK(value == "𠮷田X");
}

TEST_CASE("a field that returns on Enter keeps what was typed when the officer leaves it without Enter") {
  FontSet fonts(find_japanese_font());
  HeadlessImGui imgui(fonts);
  ImGui::GetIO().KeyMap[ImGuiKey_End] = kEndKey;
  std::string value = "会費";
  bool entered = false;
  auto field = [&](bool focus) {
    return [&, focus] {
      in_window([&] {
        if (focus) ImGui::SetKeyboardFocusHere();
        entered |= ui::InputText("科目", value, ImGuiInputTextFlags_EnterReturnsTrue);
      });
    };
  };
  ImGuiIO& io = ImGui::GetIO();
  imgui.frame(field(true));
  imgui.frame(field(false));
  io.KeysDown[kEndKey] = true;
  imgui.frame(field(false));
  io.KeysDown[kEndKey] = false;
  io.AddInputCharactersUTF8("収入");
  imgui.frame(field(false));
  imgui.frame(field(false));
  CHECK(value == "会費収入");  // taken back as typed, no Enter needed
  CHECK_FALSE(entered);        // and no Enter reported
}

TEST_CASE("text shows the stand-in and asks for the glyphs the font lacks") {
  FontSet fonts(find_japanese_font());
  REQUIRE(fonts.file());
  HeadlessImGui imgui(fonts);
  ui::take_glyph_requests();
  const auto draw = [] { in_window([] { ui::Text("𠮷田 髙橋 﨑山"); }); };
  imgui.frame(draw);  // 髙 and 﨑 are not among ImGui's Japanese glyphs: drawn as '?' here
  const std::u32string wanted = ui::take_glyph_requests();
  CHECK(wanted.find(U'髙') != std::u32string::npos);
  CHECK(wanted.find(U'﨑') != std::u32string::npos);
  fonts.add_code_points(wanted);
  const std::string text = imgui.frame(draw);  // the atlas is rebuilt before this frame
  INFO(text);
  CHECK(text.find("吉※田髙橋﨑山") != std::string::npos);
  CHECK(ui::take_glyph_requests().empty());
}

TEST_CASE(
    "text wraps by Japanese rules: no 、。） at a line start, no （ at an end, numbers and dates whole") {
  auto one = [](char32_t) { return 1.0f; };  // every character one unit wide
  using V = std::vector<std::string>;
  // 10 per line: 「。」 may not start the second line, so the line breaks one earlier.
  CHECK(ui::wrap_lines("あいうえおかきくけこ。さしすせそ", 10, one) ==
        V{"あいうえおかきくけ", "こ。さしすせそ"});
  // 「（」 may not end a line.
  CHECK(ui::wrap_lines("あいうえおかきくけ（注）", 10, one) == V{"あいうえおかきくけ", "（注）"});
  // A date, a sum and R5.4.1 move whole to the next line.
  CHECK(ui::wrap_lines("加入日はR5.4.1です", 8, one) == V{"加入日は", "R5.4.1です"});
  CHECK(ui::wrap_lines("会費は¥6,000です", 6, one) == V{"会費は", "¥6,000", "です"});
  CHECK(ui::wrap_lines("日時 2026-12-03 19:00", 12, one) == V{"日時", "2026-12-03", "19:00"});
  // Latin words break at spaces; a run wider than a line is cut at the width.
  CHECK(ui::wrap_lines("Save the roster", 9, one) == V{"Save the", "roster"});
  CHECK(ui::wrap_lines("abcdefghijkl", 5, one) == V{"abcde", "fghij", "kl"});
  // Explicit line ends stay; an empty line stays.
  CHECK(ui::wrap_lines("一行目\n\n三行目", 20, one) == V{"一行目", "", "三行目"});
  // A date stays whole; a name moves to the next line at the space before it.
  CHECK(ui::wrap_lines("期限 令和8年9月7日", 8, one) == V{"期限", "令和8年9月7日"});
  CHECK(ui::wrap_lines("担当：後藤　俊介", 7, one) == V{"担当：後藤", "俊介"});
  CHECK(ui::wrap_lines("担当：後藤俊介さん", 7, one) == V{"担当：", "後藤俊介さん"});
  // Small kana and ー never start a line.
  CHECK(ui::wrap_lines("あいうえおかきくけっ", 9, one) == V{"あいうえおかきく", "けっ"});
  CHECK(ui::wrap_lines("あいうえおかきくケー", 9, one) == V{"あいうえおかきく", "ケー"});
}
