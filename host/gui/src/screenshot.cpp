#include "screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace wasshoi::gui {

void write_screenshot(const std::filesystem::path& file, int width, int height) {
  const int stride = width * 3;
  std::vector<unsigned char> pixels(static_cast<std::size_t>(stride) * height);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadBuffer(GL_BACK);
  // RGB, not RGBA: ImGui leaves partial alpha in the framebuffer that is meaningless in a file.
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  // OpenGL's rows start at the bottom, PNG's at the top.
  std::vector<unsigned char> flipped(pixels.size());
  for (int y = 0; y < height; ++y)
    std::copy_n(&pixels[static_cast<std::size_t>(height - 1 - y) * stride], stride,
                &flipped[static_cast<std::size_t>(y) * stride]);
  if (!stbi_write_png(file.c_str(), width, height, 3, flipped.data(), stride))
    throw std::runtime_error("cannot write the screenshot to " + file.string());
}

}  // namespace wasshoi::gui
