#pragma once
// Everything `wasshoi` prepares apart from the window: string catalogs, plugins, the database,
// the Workspace (the Shell over the database) and the first font atlas. main() builds it on a
// second thread while the main thread opens the window (the two take about as long), so nothing
// here may call GLFW, OpenGL or the ImGui context.
#include <imgui.h>

#include <memory>
#include <wasshoi/gui/fonts.hpp>
#include <wasshoi/gui/workspace.hpp>

#include "options.hpp"

namespace wasshoi::gui {

struct Session {
  std::unique_ptr<FontSet> fonts;
  std::unique_ptr<Workspace> workspace;  // holds the fonts: declared after them, goes before them
  std::unique_ptr<ImFontAtlas> atlas;    // built for the first frame; the ImGui context uses it
};

// Throws what host::App throws for a bad --db or a wrong --user passphrase (sdk::InputError
// naming the problem).
Session open_session(const GuiOptions& options);

// Work that waits for the first frame: the full kanji set, and the automatic backup when
// someone is signed in (else it runs on sign-in).
void after_first_frame(Session& session);

}  // namespace wasshoi::gui
