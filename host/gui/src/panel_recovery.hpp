#pragma once
// Getting ImGui's stacks back in order after a plugin's panel threw (or forgot an End/Pop), so
// the host can close the panel's window and go on with the frame instead of aborting.
#include <imgui.h>

struct ImGuiWindow;

namespace wasshoi::gui {

// The window the host opened for a panel (call right after Begin).
ImGuiWindow* current_window();
// Ends everything the panel left open inside `window` — child windows, popups, tables, tab
// bars, trees, groups, pushed ids, styles, fonts, flags — leaving `window` current and ready for
// End(). Returns false when anything had to be ended (the panel was not balanced).
bool recover_window(ImGuiWindow* window);

}  // namespace wasshoi::gui
