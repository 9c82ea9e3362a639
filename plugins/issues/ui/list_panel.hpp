#pragma once
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::issues::ui {

void draw_list_panel(sdk::Context& ctx);    // issues.list
void draw_editor_panel(sdk::Context& ctx);  // issues.editor
void draw_agenda_panel(sdk::Context& ctx);  // issues.agenda
void draw_merge_dialog(sdk::Context& ctx);  // a modal opened from the list
// The photo of an attachment as an OpenGL texture (decoded once with stb_image); 0 if not an image.
struct Texture {
  unsigned id = 0;
  int width = 0, height = 0;
};
Texture photo_texture(sdk::Context& ctx, std::int64_t attachment_id);

}  // namespace wasshoi::issues::ui
