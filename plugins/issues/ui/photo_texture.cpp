// Photos kept in the database, decoded once with stb_image into OpenGL textures for the editor.
#include <GL/gl.h>
#include <stb/stb_image.h>

#include <algorithm>
#include <map>
#include <vector>
#include <wasshoi/sdk/document.hpp>

#include "core/attachments.hpp"
#include "ui/list_panel.hpp"

namespace wasshoi::issues::ui {

namespace {

// A phone's photo turned upright as its EXIF orientation says (sdk::jpeg_orientation): the pixel
// of the upright picture at (x, y) is the stored pixel at (sx, sy).
std::vector<unsigned char> upright(const unsigned char* px, int& w, int& h, int orientation) {
  const int sw = w, sh = h;
  if (orientation >= 5) std::swap(w, h);
  std::vector<unsigned char> out(static_cast<std::size_t>(w) * h * 4);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int sx = x, sy = y;
      switch (orientation) {
        case 2:
          sx = sw - 1 - x;
          break;
        case 3:
          sx = sw - 1 - x, sy = sh - 1 - y;
          break;
        case 4:
          sy = sh - 1 - y;
          break;
        case 5:
          sx = y, sy = x;
          break;
        case 6:
          sx = y, sy = sh - 1 - x;
          break;
        case 7:
          sx = sw - 1 - y, sy = sh - 1 - x;
          break;
        case 8:
          sx = sw - 1 - y, sy = x;
          break;
        default:
          break;
      }
      std::copy_n(px + (static_cast<std::size_t>(sy) * sw + sx) * 4, 4,
                  out.data() + (static_cast<std::size_t>(y) * w + x) * 4);
    }
  return out;
}

}  // namespace

Texture photo_texture(sdk::Context& ctx, std::int64_t attachment_id) {
  static std::map<std::int64_t, Texture> cache;  // photos never change once stored
  // … in one database: another one opened in the window has its own photos under the same ids.
  static std::string cache_db;
  if (cache_db != ctx.db().path().string()) {
    for (auto& [photo, texture] : cache)
      if (texture.id) glDeleteTextures(1, &texture.id);
    cache.clear();
    cache_db = ctx.db().path().string();
  }
  if (auto it = cache.find(attachment_id); it != cache.end()) return it->second;
  sdk::Blob data = attachment_data(ctx.db(), attachment_id);
  Texture t;
  int channels = 0;
  unsigned char* pixels =
      stbi_load_from_memory(data.data(), static_cast<int>(data.size()), &t.width, &t.height, &channels, 4);
  if (pixels) {
    GLuint id = 0;
    glGenTextures(1, &id);
    glBindTexture(GL_TEXTURE_2D, id);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    const int orientation = sdk::jpeg_orientation(data.data(), data.size());
    if (orientation != 1) {
      std::vector<unsigned char> turned = upright(pixels, t.width, t.height, orientation);
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, t.width, t.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, turned.data());
    } else {
      glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, t.width, t.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    }
    stbi_image_free(pixels);
    t.id = id;
  }
  cache[attachment_id] = t;
  return t;
}

}  // namespace wasshoi::issues::ui
