// Pieces every panel needs: section headings, the panel's message, writes that report instead
// of failing (sdk/ui_panel.hpp).
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/text.hpp>
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

// ---- corrections, confirmations, undo ------------------------------------------------------------

bool begin_modal(const std::string& title, const char* id, bool& pending, bool& shown, float width_em) {
  const std::string name = display_text(title) + "###" + id;
  if (pending) {
    ImGui::OpenPopup(name.c_str());
    pending = false;
  }
  const ImGuiViewport* view = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(view->GetCenter(), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(view->WorkSize.x * 0.9f, ImGui::GetFontSize() * width_em), 0),
                           ImGuiCond_Appearing);
  shown = ImGui::BeginPopupModal(name.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings);
  return shown;
}

namespace {

// やめる (or Esc) beside the modal's first button, then the end of the modal.
void end_modal(bool& shown) {
  const std::string cancel = tr("sdk.ui.cancel");
  same_line_if_fits(button_width(cancel));
  if (Button(cancel) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    ImGui::CloseCurrentPopup();
    shown = false;
  }
  ImGui::EndPopup();
}

std::string label_or(const std::string& label, const char* key) {
  return label.empty() ? tr(key) : label;
}

}  // namespace

void ReasonPrompt::open(std::string title, std::string what, std::string ok_label) {
  title_ = std::move(title), what_ = std::move(what), ok_label_ = std::move(ok_label);
  reason_.clear();
  pending_ = true;
  focus_frames_ = 2;
}

std::optional<std::string> ReasonPrompt::draw() {
  if (!pending_ && !shown_) return std::nullopt;
  if (!begin_modal(title_, "wasshoi_reason", pending_, shown_)) return std::nullopt;
  std::optional<std::string> result;
  if (!what_.empty()) TextWrapped(what_);
  Text(tr("sdk.ui.reason"));
  // The field takes the keyboard: a modal window is measured on its first frame and shown from
  // its second, so the focus is asked for on both.
  if (focus_frames_ > 0) {
    ImGui::SetKeyboardFocusHere();
    --focus_frames_;
  }
  ImGui::SetNextItemWidth(-1);
  // Not EnterReturnsTrue: ui::InputText takes the text back only when the edit reports a change.
  InputText("##reason", reason_);
  const bool entered =
      ImGui::IsItemDeactivated() && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Enter), false);
  const std::string reason = trim(reason_);
  if (reason.empty()) TextDisabled(tr("sdk.ui.reason_needed"));
  ImGui::BeginDisabled(reason.empty());
  const std::string ok = label_or(ok_label_, "sdk.ui.ok");
  if (Button(ok) || (entered && !reason.empty())) {
    result = reason;
    ImGui::CloseCurrentPopup();
    shown_ = false;
  }
  ImGui::EndDisabled();
  end_modal(shown_);
  return result;
}

void Confirm::open(std::string title, std::string text, std::string ok_label) {
  title_ = std::move(title), text_ = std::move(text), ok_label_ = std::move(ok_label);
  pending_ = true;
}

bool Confirm::draw() {
  if (!pending_ && !shown_) return false;
  if (!begin_modal(title_, "wasshoi_confirm", pending_, shown_)) return false;
  bool result = false;
  TextWrapped(text_);
  ImGui::Spacing();
  const std::string ok = label_or(ok_label_, "sdk.ui.ok");
  if (Button(ok)) {
    result = true;
    ImGui::CloseCurrentPopup();
    shown_ = false;
  }
  end_modal(shown_);
  return result;
}

bool show_undo(UndoOffer& offer, PanelMessage& message) {
  if (offer.empty()) return false;
  ImGui::PushStyleColor(ImGuiCol_Text, done_colour());
  TextWrapped(offer.done);
  ImGui::PopStyleColor();
  const std::string label = tr("sdk.ui.undo");
  same_line_if_fits(button_width(label));
  if (!Button(label + "##undo")) return false;
  auto inverse = std::move(offer.undo);
  offer.clear();
  return run_action(message, tr("sdk.ui.undone"), inverse);
}

}  // namespace wasshoi::sdk::ui
