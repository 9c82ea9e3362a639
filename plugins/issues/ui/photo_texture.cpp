// Photos kept in the database, decoded once with stb_image into OpenGL textures for the editor.
#include <GL/gl.h>
#include <stb/stb_image.h>

#include <map>

#include "core/attachments.hpp"
#include "ui/list_panel.hpp"

namespace wasshoi::issues::ui {

Texture photo_texture(sdk::Context& ctx, std::int64_t attachment_id) {
  static std::map<std::int64_t, Texture> cache;  // photos never change once stored
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
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, t.width, t.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
    stbi_image_free(pixels);
    t.id = id;
  }
  cache[attachment_id] = t;
  return t;
}

}  // namespace wasshoi::issues::ui
