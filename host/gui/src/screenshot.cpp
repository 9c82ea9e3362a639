#include "screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <exception>
#include <vector>
#include <wasshoi/sdk/file_writer.hpp>

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
  // Through the SDK's file writer: the window shows rosters, so the picture is personal data
  // (0600), and a full disk leaves no half picture. stb hands over the PNG in pieces.
  sdk::FileWriter out(file, {.personal_data = true});
  struct Sink {
    sdk::FileWriter* out;
    std::exception_ptr error;
  } sink{&out, nullptr};
  auto write = [](void* context, void* data, int size) {
    auto* s = static_cast<Sink*>(context);
    if (s->error) return;
    try {
      s->out->write(data, static_cast<std::size_t>(size));
    } catch (...) {
      s->error = std::current_exception();
    }
  };
  int ok = stbi_write_png_to_func(write, &sink, width, height, 3, flipped.data(), stride);
  if (sink.error) std::rethrow_exception(sink.error);
  if (!ok) out.fail("the PNG could not be encoded");
  out.commit();
}

}  // namespace wasshoi::gui
