#pragma once
// The real window: GLFW + OpenGL 3 around the Shell, the frame loop, font texture uploads,
// screenshots and the benchmark exit.
#include <chrono>
#include <filesystem>
#include <functional>
#include <wasshoi/gui/fonts.hpp>
#include <wasshoi/gui/shell.hpp>

namespace wasshoi::gui {

struct WindowOptions {
  int width = 1280;
  int height = 800;
  std::filesystem::path screenshot;  // write the window here once it has settled, then exit
  int frames = 0;                    // exit after this many frames (0: until closed)
  bool exit_after_first_frame = false;
  std::chrono::steady_clock::time_point started;  // process start, for the first-frame time
  // Work that can wait until the window shows something (the automatic backup); runs once,
  // right after the first frame, also when the program exits then.
  std::function<void()> after_first_frame;
};

// Finds the Japanese font (fontconfig) and builds the first atlas while the window opens.
// Returns the process exit code: 0, or 1 when there is no display or the PNG cannot be written.
int run_window(Shell& shell, FontSet& fonts, const WindowOptions& options);

}  // namespace wasshoi::gui
