// ImGui widgets that show characters beyond U+FFFF legibly and keep them when edited.
#include <imgui.h>
#include <imgui_internal.h>
#include <imgui_stdlib.h>  // needs imgui.h first

#include <algorithm>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/text.hpp>
#include <wasshoi/sdk/ui.hpp>

namespace wasshoi::sdk::ui {

namespace {

// What the widget draws: the stand-in form, with its glyphs requested. Bytes an older version
// stored unchecked (invalid UTF-8, control characters) show as U+FFFD (sdk/input.hpp).
std::string shown(std::string_view text) {
  std::string s = display_text(displayable_text(text));
  request_glyphs(s);
  return s;
}

void tooltip(const std::string& text) {
  request_glyphs(text);
  ImGui::BeginTooltip();
  ImGui::PushTextWrapPos(ImGui::GetFontSize() * 32.0f);
  ImGui::TextUnformatted(text.data(), text.data() + text.size());
  ImGui::PopTextWrapPos();
  ImGui::EndTooltip();
}

// Tells the reader what a stand-in replaces when they point at it.
void explain_if_hovered(std::string_view original) {
  if (!has_beyond_bmp(original) || !ImGui::IsItemHovered()) return;
  tooltip(stand_in_explanation(original));
}

// For an edit field: which tokens stand for which characters, and that they are kept.
void explain_tokens_if_hovered(std::string_view original) {
  if (!has_beyond_bmp(original) || !ImGui::IsItemHovered()) return;
  tooltip(stand_in_explanation(original) + "\n" + tr("sdk.ui.edit_token"));
}

void unformatted(const std::string& s) {
  ImGui::TextUnformatted(s.data(), s.data() + s.size());
}

// The edit runs on the token form; `value` is assigned only when the text really changed, so a
// field the user merely looked at is never written back.
template <typename Edit>
bool edit_with_tokens(std::string& value, Edit&& edit) {
  std::string buffer = to_edit_text(value);
  request_glyphs(buffer);
  const bool changed = edit(buffer);
  explain_tokens_if_hovered(value);
  if (!changed) return false;
  std::string updated = from_edit_text(buffer);
  if (updated == value) return false;
  value = std::move(updated);
  return true;
}

bool is_japanese(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) ||
         (c >= 0xFF00 && c <= 0xFFEF) || c >= 0x20000;
}

bool is_digit(char32_t c) {
  return (c >= U'0' && c <= U'9') || (c >= 0xFF10 && c <= 0xFF19);
}

// After these a line ends naturally (a clause, a label, a closing bracket).
bool natural_end(char32_t c) {
  static constexpr std::u32string_view kChars = U"、。，．：；）」』】〕〉》！？";
  return kChars.find(c) != std::u32string_view::npos;
}

// 行頭禁則: never at the start of a line.
bool no_line_start(char32_t c) {
  static constexpr std::u32string_view kChars =
      U"、。，．・：；？！ー）」』】〕〉》｝］〙〗’”ゝゞ々〜…‥ぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ"
      U"ｧｨｩｪｫｯｬｭｮｰﾞﾟ,.:;!?)]}%";
  return kChars.find(c) != std::u32string_view::npos;
}

// 行末禁則: never at the end of a line.
bool no_line_end(char32_t c) {
  static constexpr std::u32string_view kChars = U"（「『【〔〈《｛［〘〖‘“([{¥￥$＄#＃";
  return kChars.find(c) != std::u32string_view::npos;
}

}  // namespace

std::vector<std::string> wrap_lines(std::string_view utf8, float width,
                                    const std::function<float(char32_t)>& advance) {
  std::vector<std::string> out;
  const std::u32string text = utf8_to_u32(utf8);
  std::size_t start = 0;  // of the current paragraph
  while (start <= text.size()) {
    std::size_t end = text.find(U'\n', start);
    if (end == std::u32string::npos) end = text.size();
    const std::u32string_view para(text.data() + start, end - start);
    // Lines of the paragraph: break at the last allowed position before the width runs out.
    std::size_t line = 0;
    while (line < para.size() || (line == 0 && para.empty())) {
      if (para.empty()) {
        out.emplace_back();
        break;
      }
      float used = 0;
      std::size_t i = line, last_break = std::u32string_view::npos, natural = std::u32string_view::npos;
      float natural_at = 0;  // the line's width up to `natural`
      for (; i < para.size(); ++i) {
        const float w = advance(para[i]);
        if (used + w > width && i > line) break;
        used += w;
        // May the line end after para[i]?
        if (i + 1 < para.size()) {
          const char32_t a = para[i], b = para[i + 1];
          const bool space = a == U' ' || a == U'\u3000';
          // A number stays with what it counts: 9月7日, 3班, 87歳 are never cut.
          const bool digits = is_digit(a) || is_digit(b);
          const bool between = space || ((is_japanese(a) || is_japanese(b)) && b != U' ' && !digits);
          if (between && !no_line_start(b) && !no_line_end(a)) {
            last_break = i + 1;
            // Where a reader expects a line to end: after a space or 、。：）」, before （「.
            if (space || natural_end(a) || no_line_end(b)) natural = i + 1, natural_at = used;
          }
        }
      }
      std::size_t cut = i;
      if (i < para.size()) {
        // A natural place in the last 70% of the line wins over the last possible one, so a
        // name (後藤　俊介) or a word is not cut where a space or a comma was close before it.
        if (natural != std::u32string_view::npos && natural > line && natural_at >= width * 0.3f)
          cut = natural;
        else if (last_break != std::u32string_view::npos && last_break > line)
          cut = last_break;
      }
      std::u32string_view piece = para.substr(line, cut - line);
      while (!piece.empty() && (piece.back() == U' ' || piece.back() == U'\u3000')) piece.remove_suffix(1);
      out.push_back(u32_to_utf8(piece));
      line = cut;
      while (line < para.size() && (para[line] == U' ' || para[line] == U'\u3000'))
        ++line;  // spaces at a break are dropped
    }
    start = end + 1;
  }
  return out;
}

void Text(std::string_view text) {
  unformatted(shown(text));
  explain_if_hovered(text);
}

void TextWrapped(std::string_view text) {
  const std::string s = shown(text);
  ImFont* font = ImGui::GetFont();
  const float scale = ImGui::GetFontSize() / font->FontSize;
  const float width = std::max(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize());
  const auto lines = wrap_lines(s, width, [&](char32_t c) {
    return c <= 0xFFFF ? font->GetCharAdvance(static_cast<ImWchar>(c)) * scale : ImGui::GetFontSize();
  });
  // One item for the whole paragraph (hover and tooltips as before).
  ImGui::BeginGroup();
  for (const std::string& line : lines) unformatted(line);
  if (lines.empty()) unformatted("");
  ImGui::EndGroup();
  explain_if_hovered(text);
}

void TextDisabled(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  unformatted(shown(text));
  ImGui::PopStyleColor();
  explain_if_hovered(text);
}

void BulletText(std::string_view text) {
  ImGui::BulletText("%s", shown(text).c_str());
  explain_if_hovered(text);
}

bool Selectable(std::string_view label, bool selected, ImGuiSelectableFlags flags, const ImVec2& size) {
  const bool clicked = ImGui::Selectable(shown(label).c_str(), selected, flags, size);
  explain_if_hovered(label);
  return clicked;
}

bool Button(std::string_view label, const ImVec2& size) {
  const bool clicked = ImGui::Button(shown(label).c_str(), size);
  explain_if_hovered(label);
  return clicked;
}

bool MenuItem(std::string_view label, bool selected, bool enabled) {
  const bool clicked = ImGui::MenuItem(shown(label).c_str(), nullptr, selected, enabled);
  explain_if_hovered(label);
  return clicked;
}

bool BeginCombo(std::string_view label, std::string_view preview, ImGuiComboFlags flags) {
  const bool open = ImGui::BeginCombo(shown(label).c_str(), shown(preview).c_str(), flags);
  if (!open) explain_if_hovered(preview);
  return open;
}

bool InputText(const char* label, std::string& value, ImGuiInputTextFlags flags) {
  // With EnterReturnsTrue ImGui reports Enter, not the edit: the text typed is taken back on
  // every change all the same (an officer who leaves the field with Tab keeps what was typed),
  // and the return value stays ImGui's.
  if (flags & ImGuiInputTextFlags_EnterReturnsTrue) {
    bool entered = false;
    edit_with_tokens(value, [&](std::string& buffer) {
      entered = ImGui::InputText(label, &buffer, flags);
      return true;  // compared with `value`: written back only when it really changed
    });
    return entered;
  }
  return edit_with_tokens(value,
                          [&](std::string& buffer) { return ImGui::InputText(label, &buffer, flags); });
}

bool InputTextMultiline(const char* label, std::string& value, const ImVec2& size,
                        ImGuiInputTextFlags flags) {
  return edit_with_tokens(
      value, [&](std::string& buffer) { return ImGui::InputTextMultiline(label, &buffer, size, flags); });
}

void TextEllipsis(std::string_view text) {
  const std::string s = shown(text);
  ImGuiWindow* window = ImGui::GetCurrentWindow();
  if (window->SkipItems) return;
  const ImVec2 size = ImGui::CalcTextSize(s.data(), s.data() + s.size());
  const float room = ImGui::GetContentRegionAvail().x;
  if (size.x <= room) {
    unformatted(s);
    explain_if_hovered(text);
    return;
  }
  // As ImGui::TextEx lays out a line, but only `room` wide; the rest becomes "…".
  const float width = std::max(room, 0.0f);
  const ImVec2 pos(window->DC.CursorPos.x, window->DC.CursorPos.y + window->DC.CurrLineTextBaseOffset);
  const ImRect bb(pos, ImVec2(pos.x + width, pos.y + size.y));
  ImGui::ItemSize(ImVec2(width, size.y), 0.0f);
  if (!ImGui::ItemAdd(bb, 0)) return;
  ImGui::RenderTextEllipsis(window->DrawList, bb.Min, bb.Max, bb.Max.x, bb.Max.x, s.data(),
                            s.data() + s.size(), &size);
  if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem)) {
    std::string tip(s);
    if (has_beyond_bmp(text)) tip += "\n" + stand_in_explanation(text);
    tooltip(tip);
  }
}

bool SelectableEllipsis(std::string_view label, bool selected, ImGuiSelectableFlags flags) {
  const std::string id(label);
  const std::string_view text = label.substr(0, label.find("##"));
  ImGui::PushID(id.c_str());
  // An empty label lays out no width (the hit box still spans the column); the text beside it
  // takes what the column has.
  const bool pressed = ImGui::Selectable("##item", selected, flags | ImGuiSelectableFlags_AllowItemOverlap);
  ImGui::SameLine(0, 0);
  TextEllipsis(text);
  ImGui::PopID();
  return pressed;
}

}  // namespace wasshoi::sdk::ui
