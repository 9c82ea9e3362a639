#pragma once
// Everything `wasshoi` prepares apart from the window: string catalogs, plugins, the database,
// the shell and the first font atlas. main() builds it on a second thread while the main thread
// opens the window (the two take about as long), so nothing here may call GLFW, OpenGL or the
// ImGui context.
#include <imgui.h>

#include <memory>
#include <wasshoi/gui/fonts.hpp>
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/app.hpp>

#include "options.hpp"

namespace wasshoi::gui {

struct Session {
  bool existing_data = false;  // the database had content before this start (back it up)
  std::shared_ptr<bool> backed_up = std::make_shared<bool>(false);  // once a run
  std::unique_ptr<host::App> app;
  std::unique_ptr<FontSet> fonts;
  std::unique_ptr<Shell> shell;
  std::unique_ptr<ImFontAtlas> atlas;  // built for the first frame; the ImGui context uses it
};

// Throws what host::App throws for a bad --db or a wrong --user passphrase (sdk::InputError
// naming the problem).
Session open_session(const GuiOptions& options);

// The automatic backup of an existing database (status bar message when it fails); sets `done`.
void back_up(host::App& app, Shell& shell, bool& done);

// Work that waits for the first frame: the full kanji set, and the automatic backup when
// someone is signed in (else it runs on sign-in, Shell's on_sign_in).
void after_first_frame(Session& session);

}  // namespace wasshoi::gui
