#include "server_form.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID
#include <imgui_stdlib.h>    // needs imgui.h first

#include <algorithm>
#include <array>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

namespace wasshoi::gui {

using sdk::tr;
namespace ui = sdk::ui;

namespace {

constexpr const char* kFormId = "open_server";

// libpq's sslmode values, the safest first, as the 暗号化 list offers them.
constexpr std::array<const char*, 5> kSslModes = {"verify-full", "verify-ca", "require", "prefer", "disable"};

bool checks_certificate(const std::string& mode) {
  return mode == "verify-full" || mode == "verify-ca";
}

// Overwrites a password before letting go of it.
void forget(std::string& secret) {
  std::fill(secret.begin(), secret.end(), '\0');
  secret.clear();
}

void form_note(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  ui::TextWrapped(text);
  ImGui::PopStyleColor();
}

// A label left of its field, the fields lined up at `column`.
void form_label(const char* key, float column) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr(key));
  ImGui::SameLine(column);
  ImGui::SetNextItemWidth(-1);
}

}  // namespace

bool begin_fitting_modal(const std::string& title, const char* id, bool& pending, bool& shown,
                         float width_em) {
  const std::string name = ui::display_text(title) + "###" + id;
  if (pending) {
    ImGui::OpenPopup(name.c_str());
    pending = false;
  }
  const ImGuiViewport* view = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(view->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  const float width = std::min(view->WorkSize.x * 0.9f, ImGui::GetFontSize() * width_em);
  ImGui::SetNextWindowSize(ImVec2(width, 0), ImGuiCond_Always);  // 0: the height of what it shows
  ImGui::SetNextWindowSizeConstraints(ImVec2(width, 0), ImVec2(width, view->WorkSize.y * 0.96f));
  shown = ImGui::BeginPopupModal(name.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings);
  return shown;
}

ServerForm::~ServerForm() {
  forget(password_);
}

void ServerForm::open() {
  forget(password_);
  message_.clear();
  detail_.clear();
  pending_ = true;
  used_ = true;
  closing_ = false;
  focus_host_ = true;
}

void ServerForm::open_with(const std::string& uri) {
  open();
  const sdk::ServerAddress a = sdk::parse_server_uri(uri);
  host_ = a.host;
  port_ = a.port;
  database_ = a.database;
  user_ = a.user;
  // What the URI did: libpq's default (prefer) when it names no sslmode.
  sslmode_ = a.sslmode.empty() ? "prefer" : a.sslmode;
  ca_file_.clear();
  others_.clear();
  others_for_ = {host_, database_};
  for (const auto& [name, value] : a.parameters) {
    if (name == "sslrootcert")
      ca_file_ = value;
    else
      others_.emplace_back(name, value);
  }
  focus_host_ = false;
  focus_password_ = true;
}

void ServerForm::failed(std::string message, std::string detail, bool ask_password) {
  message_ = std::move(message);
  detail_ = std::move(detail);
  if (!ask_password) return;
  forget(password_);  // a wrong one is typed again
  focus_password_ = true;
}

void ServerForm::close() {
  closing_ = true;
  forget(password_);
  message_.clear();
  detail_.clear();
}

std::string ServerForm::uri_without_password() const {
  sdk::ServerAddress a{.host = host_, .port = port_, .database = database_, .user = user_};
  // A recent URI's other parameters (options, connect_timeout …) belong to that server's database.
  if (host_ == others_for_.first && database_ == others_for_.second) a.parameters = others_;
  a.sslmode = sslmode_.empty() ? (local() ? "" : "verify-full") : sslmode_;
  if (checks_certificate(a.sslmode) && !ca_file_.empty()) a.parameters.emplace_back("sslrootcert", ca_file_);
  return sdk::server_uri(a);
}

std::optional<std::string> ServerForm::draw(bool connecting) {
  if (!begin_fitting_modal(tr("gui.server.title"), kFormId, pending_, shown_, 36.0f)) return std::nullopt;
  if (closing_) {
    closing_ = false;
    shown_ = false;
    ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
    return std::nullopt;
  }
  form_note(tr("gui.server.intro"));
  ImGui::Spacing();
  ImGui::BeginDisabled(connecting);
  const bool entered = draw_fields(connecting);
  ImGui::EndDisabled();
  if (!message_.empty()) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ui::error_colour());
    ui::TextWrapped(message_);
    ImGui::PopStyleColor();
    // libpq's own words, folded: for whoever helps, and the form stays within the window.
    if (!detail_.empty() && ImGui::TreeNode(tr("gui.server.detail"))) {
      form_note(detail_);
      ImGui::TreePop();
    }
  }
  ImGui::Spacing();
  ImGui::Spacing();
  std::optional<std::string> uri;
  ImGui::BeginDisabled(connecting);
  const bool pressed = ui::Button(
      tr(connecting ? "gui.server.connecting" : "gui.server.connect"),
      ImVec2(std::max(ui::button_width(tr("gui.server.connecting")), ImGui::GetFontSize() * 8.0f), 0));
  ImGui::EndDisabled();
  if ((pressed || entered) && !connecting) {
    if (!port_.empty() &&
        !std::all_of(port_.begin(), port_.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      failed(tr("gui.server.port_digits"), {}, false);
    } else {
      message_.clear();
      detail_.clear();
      uri = uri_without_password();
      if (!password_.empty()) uri = sdk::server_uri_with_password(*uri, password_);
      ImGui::ClearActiveID();  // ImGui's copy of the password field goes too
    }
  }
  const std::string cancel = tr("sdk.ui.cancel");
  ui::same_line_if_fits(ui::button_width(cancel));
  if (ui::Button(cancel) || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) {
    forget(password_);
    message_.clear();
    detail_.clear();
    cancelled_ = true;
    shown_ = false;
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
  return uri;
}

namespace {
// The labels' column: as wide as the widest of them at the current font size.
float form_label_column() {
  float column = 0;
  for (const char* key : {"gui.server.host", "gui.server.port", "gui.server.database", "gui.server.user",
                          "gui.server.password", "gui.server.encryption", "gui.server.ca"})
    column = std::max(column, ui::text_width(tr(key)));
  return column + ImGui::GetStyle().ItemSpacing.x * 2 + ImGui::GetStyle().WindowPadding.x;
}
}  // namespace

bool ServerForm::draw_fields(bool connecting) {
  const float column = form_label_column();
  form_label("gui.server.host", column);
  if (focus_host_ && !connecting) ImGui::SetKeyboardFocusHere();
  focus_host_ = false;
  ImGui::InputTextWithHint("##host", tr("gui.server.host_hint"), &host_);
  form_label("gui.server.port", column);
  ImGui::SetNextItemWidth(ImGui::GetFontSize() * 6.0f);
  ImGui::InputTextWithHint("##port", "5432", &port_, ImGuiInputTextFlags_CharsDecimal);
  form_label("gui.server.database", column);
  ui::InputText("##database", database_);
  form_label("gui.server.user", column);
  ui::InputText("##user", user_);
  form_label("gui.server.password", column);
  if (focus_password_ && !connecting) ImGui::SetKeyboardFocusHere();
  focus_password_ = false;
  const bool entered =
      ImGui::InputTextWithHint("##password", tr("gui.server.password_hint"), &password_,
                               ImGuiInputTextFlags_Password | ImGuiInputTextFlags_EnterReturnsTrue);
  draw_encryption(column);
  return entered;
}

void ServerForm::draw_encryption(float column) {
  const std::string shown_mode = sslmode_.empty() ? (local() ? "prefer" : "verify-full") : sslmode_;
  form_label("gui.server.encryption", column);
  const std::string preview = tr("gui.server.ssl." + shown_mode);
  if (ImGui::BeginCombo("##sslmode", preview.c_str())) {
    for (const char* mode : kSslModes)
      if (ImGui::Selectable(tr(std::string("gui.server.ssl.") + mode), shown_mode == mode)) sslmode_ = mode;
    ImGui::EndCombo();
  }
  if (!local() && shown_mode != "verify-full") {
    ImGui::SetCursorPosX(column);
    ImGui::PushStyleColor(ImGuiCol_Text, ui::error_colour());
    ui::TextWrapped(tr("gui.server.insecure"));
    ImGui::PopStyleColor();
  }
  if (!checks_certificate(shown_mode)) return;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("gui.server.ca"));
  ImGui::SameLine(column);
  ui::file_field("##ca", ca_chooser_,
                 {.title = tr("gui.server.ca_title"),
                  .filters = {{tr("gui.server.ca_files"), {"*.crt", "*.pem", "*.CRT", "*.PEM"}}}},
                 ca_file_);
  ImGui::SetCursorPosX(column);
  form_note(tr("gui.server.ca_note"));
}

}  // namespace wasshoi::gui
