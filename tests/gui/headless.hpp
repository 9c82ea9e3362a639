#pragma once
// ImGui without a window: a context with a display size and a CPU-built font atlas, so the
// shell and widgets can be drawn frame by frame in ordinary tests. The text a frame shows is
// read back from the rendered vertices: each glyph quad carries the atlas coordinates of its
// glyph, so what comes back is what would be on screen (a glyph missing from the atlas comes
// back as the fallback '?'; spaces draw nothing and do not come back). The glyphs' positions let
// a test click on a label as a user would.
#include <imgui.h>

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>
#include <wasshoi/gui/fonts.hpp>

namespace wasshoi::test {

class HeadlessImGui {
 public:
  explicit HeadlessImGui(gui::FontSet& fonts);
  ~HeadlessImGui();
  HeadlessImGui(const HeadlessImGui&) = delete;
  HeadlessImGui& operator=(const HeadlessImGui&) = delete;

  // One frame: rebuilds the atlas when needed, runs `before` right after NewFrame (to queue
  // input or open popups) and `draw`, renders. Returns the text on screen, one line per
  // window (back to front), glyphs in the order they were drawn.
  std::string frame(const std::function<void()>& draw, const std::function<void()>& before = {});
  ImFont* font() const;

  // Where the last frame drew `text` (spaces, full-width too, ignored): the centre of its glyphs, the
  // occurrence drawn last (the front-most: in a popup rather than under it); nullopt when not on screen.
  std::optional<ImVec2> find(const std::string& text) const;
  // Where that occurrence begins: the left edge of its first glyph, at the glyph's mid-height
  // (an edit field's label is drawn right of the field: click just left of it).
  std::optional<ImVec2> find_start(const std::string& text) const;
  // A left click at `at`, as a user makes it: three frames of `draw` (move there, press, release).
  void click(ImVec2 at, const std::function<void()>& draw);

 private:
  struct Glyph {
    char32_t c;
    ImVec2 min, max;
  };
  gui::FontSet& fonts_;
  std::vector<Glyph> glyphs_;  // of the last frame; '\n' between windows
  // The index in glyphs_ of the last occurrence of `text` (spaces ignored) and its length.
  std::optional<std::pair<std::size_t, std::size_t>> locate(const std::string& text) const;
};

}  // namespace wasshoi::test
