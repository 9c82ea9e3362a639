#pragma once
// ImGui without a window: a context with a display size and a CPU-built font atlas, so the
// shell and widgets can be drawn frame by frame in ordinary tests. The text a frame shows is
// read back from the rendered vertices: each glyph quad carries the atlas coordinates of its
// glyph, so what comes back is what would be on screen (a glyph missing from the atlas comes
// back as the fallback '?'; spaces draw nothing and do not come back).
#include <imgui.h>

#include <functional>
#include <string>
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

 private:
  gui::FontSet& fonts_;
};

}  // namespace wasshoi::test
