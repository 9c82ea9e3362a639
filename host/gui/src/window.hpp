#pragma once
// The real window: GLFW + OpenGL 3 around the Shell, the frame loop, font texture uploads,
// screenshots and the benchmark exit.
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <wasshoi/gui/fonts.hpp>
#include <wasshoi/gui/workspace.hpp>

struct GLFWwindow;

namespace wasshoi::gui {

struct WindowOptions {
  std::filesystem::path screenshot;  // write the window here once it has settled, then exit
  int frames = 0;                    // exit after this many frames (0: until closed)
  bool exit_after_first_frame = false;
  std::chrono::steady_clock::time_point started;  // process start, for the first-frame time
  // Work that can wait until the window shows something (the automatic backup, the full kanji
  // set); runs once, right after the first frame, also when the program exits then.
  std::function<void()> after_first_frame;
};

class Window {
 public:
  // Opens a hidden 1280×800 window with an OpenGL 3.0 context: the slow part of starting (X
  // server, Mesa). Touches neither ImGui nor the string catalogs, so it can run while another
  // thread prepares the data. Check ok() before run().
  Window();
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  bool ok() const { return window_ != nullptr; }
  // Why the window could not be opened (GLFW's words).
  const std::string& error() const { return error_; }
  // Shows the window titled `title` and runs the workspace (the Shell of the database open,
  // whichever it is) until it is closed or the options say stop. `atlas` (already built from
  // `fonts`) becomes the ImGui context's font atlas. Returns the exit code: 0, or 1 when the PNG
  // cannot be written.
  int run(Workspace& workspace, FontSet& fonts, ImFontAtlas& atlas, const char* title,
          const WindowOptions& options);

 private:
  GLFWwindow* window_ = nullptr;
  std::string error_;
};

}  // namespace wasshoi::gui
