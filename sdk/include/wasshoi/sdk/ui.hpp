#pragma once
// ImGui helpers for panels (library wasshoi::sdk_ui). Use them for any text that comes from the
// database or the user: they make sure the font has the glyphs, and they cope with what Debian's
// ImGui (16-bit ImWchar) cannot draw or edit — characters beyond U+FFFF such as 𠮷 (U+20BB7).
//
//  * Shown: such a character appears as a legible stand-in followed by a mark, 𠮷田 → 吉※田, and
//    hovering the widget explains which character it stands for. The data is never changed.
//  * Edited: ui::InputText shows it as a token, {U+20BB7}田, that ImGui can hold; the real
//    character is restored when the field changes, and a field the user did not touch is
//    never written back.
//  * Glyphs: text drawn through these helpers records the characters the current font lacks
//    (髙 﨑 …); the host adds them to the font atlas between frames.
#include <imgui.h>

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace wasshoi::sdk::ui {

// ---- characters beyond U+FFFF (plain functions, no ImGui context needed) ---------------------

// The mark after a stand-in (U+203B, present in every Japanese font).
inline constexpr std::string_view kStandInMark = "\xE2\x80\xBB";  // ※
// What to draw instead of `cp`: a well-known BMP twin (𠮷 → 吉, 𡈽 → 土), the canonical
// equivalent of a CJK compatibility ideograph, else 〓 (U+3013, geta mark). Characters up to
// U+FFFF are returned unchanged.
char32_t stand_in_for(char32_t cp);
// `utf8` with every character beyond U+FFFF replaced by its stand-in and the mark: 𠮷田 → 吉※田.
// Text without such characters is returned byte for byte.
std::string display_text(std::string_view utf8);
// One line per distinct replaced character, "吉※ は U+20BB7 の代わりに表示しています…"
// (from the catalog); empty when `utf8` needs no stand-in.
std::string stand_in_explanation(std::string_view utf8);

// The text as ui::InputText edits it: characters beyond U+FFFF become ASCII tokens {U+20BB7}.
std::string to_edit_text(std::string_view utf8);
// Reverses to_edit_text: every {U+XXXXX} token (also typed as {u+xxxxx}) naming a code point
// beyond U+FFFF becomes that character again; other text, including tokens for BMP code
// points, is kept as typed. So a user can also type {U+20BB7} to enter 𠮷.
std::string from_edit_text(std::string_view edit);

// ---- glyphs -----------------------------------------------------------------------------------

// Records the characters of `utf8` that the current ImGui font lacks (needs a current frame).
// Every widget below calls it; call it yourself before drawing database text with plain ImGui.
void request_glyphs(std::string_view utf8);
// For the host: the characters requested since the last call, each once.
std::u32string take_glyph_requests();

// Japanese line breaking (禁則処理) for text drawn in `width`: a line may break between two
// characters where one is Japanese (kana, kanji, full-width forms) or after a space — never
// before 、。）」・ー small kana and the like, never after （「『, and never inside a run of Latin
// letters, digits and their punctuation (R5.4.1, 2026-12-03, ¥6,000, 19:00), which moves to the next
// line whole unless it is wider than a line by itself. `advance` gives a character's width.
// Explicit '\n' is kept; spaces at a break are dropped. ui::TextWrapped draws with it.
std::vector<std::string> wrap_lines(std::string_view utf8, float width,
                                    const std::function<float(char32_t)>& advance);

// ---- widgets: same meaning as the ImGui functions of the same name ------------------------------

void Text(std::string_view text);
void TextWrapped(std::string_view text);
void TextDisabled(std::string_view text);
void BulletText(std::string_view text);
// One line that takes no more than the width left on the line (a table cell): a longer text ends
// in "…" and hovering shows it whole. For names, addresses and titles in lists, where a row must
// stay one line high and a cut text must still be readable.
void TextEllipsis(std::string_view text);
// A Selectable whose label is drawn as TextEllipsis: a row of a list in a table column, cut with
// "…" when the column is narrow. `label` may carry an ImGui "##id" suffix.
bool SelectableEllipsis(std::string_view label, bool selected = false, ImGuiSelectableFlags flags = 0);
// Labels may carry an ImGui "##id" suffix as usual.
bool Selectable(std::string_view label, bool selected = false, ImGuiSelectableFlags flags = 0,
                const ImVec2& size = ImVec2(0, 0));
bool Button(std::string_view label, const ImVec2& size = ImVec2(0, 0));
bool MenuItem(std::string_view label, bool selected = false, bool enabled = true);
bool BeginCombo(std::string_view label, std::string_view preview, ImGuiComboFlags flags = 0);
// Returns true on the frame the user changed the value; only then is `value` assigned.
bool InputText(const char* label, std::string& value, ImGuiInputTextFlags flags = 0);
bool InputTextMultiline(const char* label, std::string& value, const ImVec2& size = ImVec2(0, 0),
                        ImGuiInputTextFlags flags = 0);

}  // namespace wasshoi::sdk::ui
