#include "headless.hpp"

#include <map>
#include <utility>
#include <wasshoi/gui/style.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::test {

namespace {

// Glyphs by the atlas coordinates of their top-left corner.
std::map<std::pair<float, float>, ImWchar> glyphs_by_uv(const ImFont* font) {
  std::map<std::pair<float, float>, ImWchar> out;
  for (const ImFontGlyph& g : font->Glyphs)
    if (g.Visible) out[{g.U0, g.V0}] = static_cast<ImWchar>(g.Codepoint);
  return out;
}

// Text quads written by ImFont::RenderText: four vertices, UV (U0,V0) first and (U1,V1) third.
template <typename Glyph>
std::vector<Glyph> glyphs_on_screen(const ImDrawData* data, const ImFont* font) {
  const auto glyphs = glyphs_by_uv(font);
  std::vector<Glyph> out;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImVector<ImDrawVert>& v = data->CmdLists[l]->VtxBuffer;
    for (int i = 0; i + 3 < v.Size;) {
      auto it = glyphs.find({v[i].uv.x, v[i].uv.y});
      if (it == glyphs.end() || v[i + 1].uv.y != v[i].uv.y || v[i + 3].uv.x != v[i].uv.x) {
        ++i;
        continue;
      }
      out.push_back({static_cast<char32_t>(it->second), v[i].pos, v[i + 2].pos});
      i += 4;
    }
    out.push_back({U'\n', {}, {}});
  }
  return out;
}

}  // namespace

HeadlessImGui::HeadlessImGui(gui::FontSet& fonts) : fonts_(fonts) {
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;
  io.DisplaySize = ImVec2(1280, 800);
  io.DeltaTime = 1.0f / 60.0f;
}

HeadlessImGui::~HeadlessImGui() {
  ImGui::DestroyContext();
}

ImFont* HeadlessImGui::font() const {
  return ImGui::GetIO().Fonts->Fonts[0];
}

std::string HeadlessImGui::frame(const std::function<void()>& draw, const std::function<void()>& before) {
  ImGuiIO& io = ImGui::GetIO();
  if (fonts_.dirty()) {
    fonts_.build(*io.Fonts);
    gui::apply_style(fonts_.size());
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);  // what the OpenGL backend would upload
    io.Fonts->SetTexID(reinterpret_cast<ImTextureID>(static_cast<intptr_t>(1)));
  }
  ImGui::NewFrame();
  if (before) before();
  draw();
  ImGui::Render();
  glyphs_ = glyphs_on_screen<Glyph>(ImGui::GetDrawData(), font());
  std::u32string text;
  for (const Glyph& g : glyphs_) text += g.c;
  return sdk::u32_to_utf8(text);
}

std::optional<std::pair<std::size_t, std::size_t>> HeadlessImGui::locate(const std::string& text) const {
  std::u32string wanted = sdk::utf8_to_u32(text);
  std::erase_if(wanted, [](char32_t c) { return c == U' ' || c == U'\u3000'; });
  if (wanted.empty() || glyphs_.size() < wanted.size()) return std::nullopt;
  for (std::size_t at = glyphs_.size() - wanted.size() + 1; at-- > 0;) {
    bool same = true;
    for (std::size_t k = 0; k < wanted.size() && same; ++k) same = glyphs_[at + k].c == wanted[k];
    if (same) return std::pair{at, wanted.size()};
  }
  return std::nullopt;
}

std::optional<ImVec2> HeadlessImGui::find(const std::string& text) const {
  const auto found = locate(text);
  if (!found) return std::nullopt;
  const auto [at, n] = *found;
  return ImVec2((glyphs_[at].min.x + glyphs_[at + n - 1].max.x) / 2,
                (glyphs_[at].min.y + glyphs_[at].max.y) / 2);
}

std::optional<ImVec2> HeadlessImGui::find_start(const std::string& text) const {
  const auto found = locate(text);
  if (!found) return std::nullopt;
  const Glyph& first = glyphs_[found->first];
  return ImVec2(first.min.x, (first.min.y + first.max.y) / 2);
}

void HeadlessImGui::click(ImVec2 at, const std::function<void()>& draw) {
  ImGuiIO& io = ImGui::GetIO();
  io.MousePos = at;
  frame(draw);
  io.MouseDown[0] = true;
  frame(draw);
  io.MouseDown[0] = false;
  frame(draw);
}

}  // namespace wasshoi::test
