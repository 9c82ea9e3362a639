#include <imgui.h>

#include <wasshoi/gui/style.hpp>

namespace wasshoi::gui {

void apply_style(int font_px) {
  ImGuiStyle style;
  ImGui::StyleColorsLight(&style);
  style.WindowPadding = ImVec2(12, 10);
  style.FramePadding = ImVec2(8, 5);
  style.ItemSpacing = ImVec2(10, 7);
  style.ItemInnerSpacing = ImVec2(8, 6);
  style.CellPadding = ImVec2(8, 4);
  style.IndentSpacing = 22;
  style.ScrollbarSize = 18;
  style.GrabMinSize = 14;
  style.WindowRounding = 4;
  style.FrameRounding = 4;
  style.PopupRounding = 4;
  style.GrabRounding = 4;
  style.WindowBorderSize = 1;
  style.FrameBorderSize = 1;  // input fields stay visible on a white page
  style.PopupBorderSize = 1;
  style.WindowTitleAlign = ImVec2(0.0f, 0.5f);
  ImVec4* c = style.Colors;
  c[ImGuiCol_Text] = ImVec4(0.08f, 0.08f, 0.10f, 1.00f);
  c[ImGuiCol_TextDisabled] = ImVec4(0.38f, 0.40f, 0.44f, 1.00f);
  c[ImGuiCol_WindowBg] = ImVec4(0.98f, 0.98f, 0.97f, 1.00f);
  c[ImGuiCol_ChildBg] = ImVec4(1.00f, 1.00f, 1.00f, 1.00f);
  c[ImGuiCol_PopupBg] = ImVec4(1.00f, 1.00f, 1.00f, 1.00f);
  c[ImGuiCol_MenuBarBg] = ImVec4(0.90f, 0.91f, 0.93f, 1.00f);
  c[ImGuiCol_Border] = ImVec4(0.62f, 0.64f, 0.68f, 0.70f);
  c[ImGuiCol_FrameBg] = ImVec4(1.00f, 1.00f, 1.00f, 1.00f);
  c[ImGuiCol_TitleBg] = ImVec4(0.84f, 0.86f, 0.90f, 1.00f);
  c[ImGuiCol_TitleBgActive] = ImVec4(0.20f, 0.36f, 0.62f, 1.00f);
  c[ImGuiCol_Header] = ImVec4(0.22f, 0.45f, 0.78f, 0.22f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.22f, 0.45f, 0.78f, 0.35f);
  c[ImGuiCol_HeaderActive] = ImVec4(0.22f, 0.45f, 0.78f, 0.50f);
  c[ImGuiCol_Button] = ImVec4(0.86f, 0.89f, 0.94f, 1.00f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.82f, 0.94f, 1.00f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.20f, 0.36f, 0.62f, 1.00f);
  c[ImGuiCol_CheckMark] = ImVec4(0.14f, 0.32f, 0.62f, 1.00f);
  c[ImGuiCol_TableHeaderBg] = ImVec4(0.88f, 0.90f, 0.94f, 1.00f);
  style.ScaleAllSizes(static_cast<float>(font_px) / 20.0f);
  ImGui::GetStyle() = style;
}

}  // namespace wasshoi::gui
