// Which characters the ImGui font lacks: recorded while drawing, collected by the host between
// frames (it rebuilds the font atlas then). One record per process, in this shared library, so
// host and plugins report into the same place. A character the font file itself lacks keeps
// being reported; the host's font set knows it asked for it already and does not rebuild.
#include <imgui_internal.h>

#include <unordered_set>
#include <wasshoi/sdk/ui.hpp>

namespace wasshoi::sdk::ui {

namespace {
struct GlyphRequests {
  std::u32string pending;
  std::unordered_set<char32_t> in_pending;  // each character once per batch
};

GlyphRequests& requests() {
  static GlyphRequests r;
  return r;
}
}  // namespace

void request_glyphs(std::string_view utf8) {
  if (ImGui::GetCurrentContext() == nullptr) return;
  const ImFont* font = ImGui::GetFont();
  if (font == nullptr) return;
  const char* p = utf8.data();
  const char* end = p + utf8.size();
  while (p < end) {
    if (static_cast<unsigned char>(*p) < 0x80) {  // ASCII is always in the atlas
      ++p;
      continue;
    }
    unsigned int cp = 0;
    p += ImTextCharFromUtf8(&cp, p, end);
    if (cp > 0xFFFF || font->FindGlyphNoFallback(static_cast<ImWchar>(cp)) != nullptr) continue;
    if (requests().in_pending.insert(cp).second) requests().pending.push_back(cp);
  }
}

std::u32string take_glyph_requests() {
  std::u32string out;
  out.swap(requests().pending);
  requests().in_pending.clear();
  return out;
}

}  // namespace wasshoi::sdk::ui
