// wasshoi: the desktop application. The window (X server, OpenGL: the slow part of starting)
// opens hidden on the main thread while a second thread opens the database, loads the plugins
// and builds the first font atlas; the window is shown only when both are ready, so a bad --db
// ends with a message, exit 1, nothing written and nothing on screen.
#include <future>
#include <iostream>
#include <wasshoi/sdk/i18n.hpp>

#include "options.hpp"
#include "session.hpp"
#include "window.hpp"

using namespace wasshoi;

#if defined(__SANITIZE_ADDRESS__)
// Under scripts/sanitize.sh: the GL driver (Mesa) unloads itself at exit and leaves allocations
// LeakSanitizer can no longer name, so this program runs without leak checking. The shell's own
// code is leak-checked in the headless GUI tests (tests/gui), which draw without a driver.
extern "C" const char* __asan_default_options() {
  return "detect_leaks=0";
}
#endif

namespace {

// Lists what --panel accepts when the given id is not among them.
int unknown_panel(gui::Shell& shell, const std::string& id) {
  std::cerr << "wasshoi: no panel '" << id << "' for this organization; available:";
  for (const auto& p : shell.panel_ids()) std::cerr << " " << p;
  std::cerr << " " << gui::kOpenServerPanel << " " << gui::kFileMenuPanel << "\n";
  return 1;
}

int run(const gui::GuiOptions& o, std::chrono::steady_clock::time_point started) {
  auto preparing = std::async(std::launch::async, [&o] { return gui::open_session(o); });
  gui::Window window;
  gui::Session s = preparing.get();  // a bad --db throws here, before anything is shown
  // Before a sign-in on the screen, --panel is kept for after it.
  gui::Shell& shell = s.workspace->shell();
  if (!o.panel.empty() && !shell.show_panel(o.panel)) return unknown_panel(shell, o.panel);
  if (!window.ok()) {
    std::cerr << "wasshoi: cannot open a window (" << window.error()
              << "); without a display, try: xvfb-run -a wasshoi …\n";
    return 1;
  }
  const gui::WindowOptions options{.screenshot = o.screenshot,
                                   .frames = o.frames,
                                   .exit_after_first_frame = o.exit_after_first_frame,
                                   .started = started,
                                   .after_first_frame = [&s] { gui::after_first_frame(s); }};
  return window.run(*s.workspace, *s.fonts, *s.atlas, sdk::tr("gui.window_title"), options);
}

}  // namespace

int main(int argc, char** argv) {
  const auto started = std::chrono::steady_clock::now();
  gui::GuiOptions options;
  if (int code = gui::parse_options(argc, argv, options); code >= 0) return code;
  try {
    return run(options, started);
  } catch (const std::exception& e) {
    // Bad --db (missing folder, not SQLite, corrupt), unreadable catalogs: say so and stop.
    std::cerr << "wasshoi: " << e.what() << "\n";
    return 1;
  }
}
