#include "panel_recovery.hpp"

#include <imgui_internal.h>

namespace wasshoi::gui {

namespace {

// True when the stacks are as they were when `window` (the current one) began.
bool stacks_as_on_begin() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGuiWindow* window = g.CurrentWindow;
  const ImGuiStackSizes& s = g.CurrentWindowStack.back().StackSizesOnBegin;
  return window->IDStack.Size == s.SizeOfIDStack && g.ColorStack.Size == s.SizeOfColorStack &&
         g.StyleVarStack.Size == s.SizeOfStyleVarStack && g.FontStack.Size == s.SizeOfFontStack &&
         g.FocusScopeStack.Size == s.SizeOfFocusScopeStack && g.GroupStack.Size == s.SizeOfGroupStack &&
         g.ItemFlagsStack.Size == s.SizeOfItemFlagsStack &&
         g.BeginPopupStack.Size == s.SizeOfBeginPopupStack && g.DisabledStackSize == s.SizeOfDisabledStack &&
         window->DC.TreeDepth == 0 && g.CurrentTabBar == nullptr &&
         !(g.CurrentTable &&
           (g.CurrentTable->OuterWindow == window || g.CurrentTable->InnerWindow == window));
}

// ImGui's own recovery, plus the stacks it leaves alone in 1.86 (fonts, item flags, disabled).
void recover_current() {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  ImGui::ErrorCheckEndWindowRecover(nullptr);
  const ImGuiStackSizes& s = g.CurrentWindowStack.back().StackSizesOnBegin;
  while (g.FontStack.Size > s.SizeOfFontStack) ImGui::PopFont();
  while (g.ItemFlagsStack.Size > s.SizeOfItemFlagsStack) ImGui::PopItemFlag();
  while (g.DisabledStackSize > s.SizeOfDisabledStack) ImGui::EndDisabled();
  while (g.FocusScopeStack.Size > s.SizeOfFocusScopeStack) ImGui::PopFocusScope();
}

}  // namespace

ImGuiWindow* current_window() {
  return ImGui::GetCurrentContext()->CurrentWindow;
}

bool recover_window(ImGuiWindow* window) {
  ImGuiContext& g = *ImGui::GetCurrentContext();
  bool clean = true;
  // Windows the panel opened inside ours, innermost first (as ErrorCheckEndFrameRecover does).
  while (g.CurrentWindow != window && g.CurrentWindowStack.Size > 1) {
    clean = false;
    recover_current();
    if (g.CurrentWindow->Flags & ImGuiWindowFlags_ChildWindow)
      ImGui::EndChild();
    else
      ImGui::End();
  }
  if (!stacks_as_on_begin()) {
    clean = false;
    recover_current();
  }
  return clean;
}

}  // namespace wasshoi::gui
