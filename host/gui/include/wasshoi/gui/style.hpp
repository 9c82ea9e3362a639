#pragma once
// The look of the window: light, high-contrast, with spacing that grows with the font size
// (many officers are older and read best with large text and generous targets).
namespace wasshoi::gui {

void apply_style(int font_px);

}  // namespace wasshoi::gui
