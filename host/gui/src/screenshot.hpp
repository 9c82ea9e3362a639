#pragma once
#include <filesystem>

namespace wasshoi::gui {

// Reads the current OpenGL back buffer (width × height) and writes it to `file` as PNG.
// Written through sdk::FileWriter as personal data (0600); sdk::Error naming the file when it
// cannot be written.
void write_screenshot(const std::filesystem::path& file, int width, int height);

}  // namespace wasshoi::gui
