// Pieces every panel needs: section headings, the panel's message, writes that report instead
// of failing (sdk/ui_panel.hpp).
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

namespace wasshoi::sdk::ui {

void section(std::string_view title, Heading style) {
  ImGui::Spacing();
  if (style == Heading::Muted)
    TextDisabled(title);
  else
    Text(title);
  ImGui::Separator();
}

ImVec4 error_colour() {
  return {0.75f, 0.10f, 0.10f, 1.0f};
}

ImVec4 done_colour() {
  return {0.10f, 0.45f, 0.15f, 1.0f};
}

bool run_action(PanelMessage& message, std::string_view done_message, const std::function<void()>& write) {
  try {
    write();
  } catch (const BusyError&) {
    // The wording the host uses for a busy database everywhere else (the status bar, the CLI).
    message.error(tr("cli.busy"));
    return false;
  } catch (const Error& e) {
    message.error(e.what());
    return false;
  }
  message.done(std::string(done_message));
  return true;
}

void show(const PanelMessage& message) {
  if (message.empty()) return;
  ImGui::PushStyleColor(ImGuiCol_Text, message.is_error ? error_colour() : done_colour());
  TextWrapped(message.text);
  ImGui::PopStyleColor();
}

void warning_text(std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, error_colour());
  TextWrapped(text);
  ImGui::PopStyleColor();
}

float text_width(std::string_view text) {
  const std::string shown = display_text(text);
  request_glyphs(shown);
  return ImGui::CalcTextSize(shown.data(), shown.data() + shown.size()).x;
}

float button_width(std::string_view label) {
  if (auto at = label.find("##"); at != std::string_view::npos) label = label.substr(0, at);
  return text_width(label) + ImGui::GetStyle().FramePadding.x * 2;
}

float checkbox_width(std::string_view label) {
  if (auto at = label.find("##"); at != std::string_view::npos) label = label.substr(0, at);
  return ImGui::GetFrameHeight() +
         (label.empty() ? 0 : ImGui::GetStyle().ItemInnerSpacing.x + text_width(label));
}

void same_line_if_fits(float width, float spacing) {
  const float gap = spacing < 0 ? ImGui::GetStyle().ItemSpacing.x : spacing;
  const float right = ImGui::GetWindowPos().x + ImGui::GetContentRegionMax().x;
  if (ImGui::GetItemRectMax().x + gap + width <= right) ImGui::SameLine(0, gap);
}

void fixed_column(const char* label, std::initializer_list<std::string_view> widest,
                  ImGuiTableColumnFlags flags, ImGuiID user_id) {
  std::string_view name(label);
  if (auto at = name.find("##"); at != std::string_view::npos) name = name.substr(0, at);
  float width = text_width(name);
  // Room for the sort arrow of a sortable table (TableHeader draws it right of the label).
  const ImGuiTable* table = ImGui::GetCurrentTable();
  if (table && (table->Flags & ImGuiTableFlags_Sortable) && !(flags & ImGuiTableColumnFlags_NoSort))
    width += ImGui::GetFontSize() * 0.65f + ImGui::GetStyle().FramePadding.x;
  for (std::string_view w : widest) width = std::max(width, text_width(w));
  // NoResize: ImGui then takes the width given here on every frame (a resizable fixed column keeps
  // the width of its first frame), so the column follows the font size and the values shown.
  ImGui::TableSetupColumn(label,
                          (flags & ~ImGuiTableColumnFlags_WidthMask_) | ImGuiTableColumnFlags_WidthFixed |
                              ImGuiTableColumnFlags_NoResize,
                          std::ceil(width) + 1.0f, user_id);
}

}  // namespace wasshoi::sdk::ui
