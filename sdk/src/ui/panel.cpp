// Pieces every panel needs: section headings, the panel's message, writes that report instead
// of failing (sdk/ui_panel.hpp).
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

}  // namespace wasshoi::sdk::ui
