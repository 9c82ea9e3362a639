#include "sign_in.hpp"

#include <imgui.h>
#include <imgui_internal.h>  // ClearActiveID
#include <imgui_stdlib.h>    // needs imgui.h first

#include <algorithm>
#include <chrono>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/server_uri.hpp>
#include <wasshoi/sdk/ui.hpp>

namespace wasshoi::gui {

using sdk::tr;

namespace {
// Larger than the rest of the window: the first thing an officer reads, often without glasses.
constexpr float kTextScale = 1.25f;
constexpr float kTitleScale = 1.8f;

// Overwrites a passphrase before letting go of it.
void wipe(std::string& secret) {
  std::fill(secret.begin(), secret.end(), '\0');
  secret.clear();
}

void grey_wrapped(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  sdk::ui::TextWrapped(text);
  ImGui::PopStyleColor();
}
}  // namespace

SignInScreen::~SignInScreen() {
  if (check_.valid()) check_.wait();
}

void SignInScreen::reset() {
  if (check_.valid()) check_.wait();
  check_ = {};
  login_.clear();
  wipe(passphrase_);
  message_.clear();
  focus_login_ = true;
}

void SignInScreen::submit() {
  if (check_.valid()) return;
  message_.clear();
  check_ = std::async(std::launch::async, [this, login = login_, pass = passphrase_]() mutable {
    Outcome outcome;
    try {
      app_.sign_in(login, pass);
      outcome.result = Outcome::In;
    } catch (const sdk::InputError&) {
      outcome.result = Outcome::Refused;  // host core says the same for a wrong login
    } catch (const std::exception& e) {
      outcome.result = Outcome::Failed;
      outcome.error = e.what();
    }
    wipe(pass);
    return outcome;
  });
  wipe(passphrase_);
  ImGui::ClearActiveID();  // ImGui's own copy of the field goes too
}

bool SignInScreen::take_outcome() {
  using namespace std::chrono_literals;
  if (!check_.valid() || check_.wait_for(0s) != std::future_status::ready) return false;
  Outcome outcome = check_.get();
  if (outcome.result == Outcome::In) return true;
  message_ = outcome.result == Outcome::Refused ? tr("gui.sign_in.refused") : outcome.error;
  focus_passphrase_ = true;  // the login stays; type the passphrase again
  return false;
}

bool SignInScreen::draw() {
  const bool in = take_outcome();
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("###sign_in", nullptr, kFlags)) {
    // A column in the middle, as wide as a comfortable line, a little above the centre.
    const float width = std::min(ImGui::GetFontSize() * kTextScale * 26.0f, ImGui::GetWindowWidth() - 40.0f);
    ImGui::SetCursorPos(ImVec2((ImGui::GetWindowWidth() - width) * 0.5f, ImGui::GetWindowHeight() * 0.14f));
    if (ImGui::BeginChild("##form", ImVec2(width, 0), false, ImGuiWindowFlags_NoBackground)) draw_form();
    ImGui::EndChild();
  }
  ImGui::End();
  return in;
}

void SignInScreen::draw_form() {
  constexpr ImGuiInputTextFlags kEnter = ImGuiInputTextFlags_EnterReturnsTrue;
  const bool busy = checking();
  ImGui::SetWindowFontScale(kTitleScale);
  ImGui::TextUnformatted(tr("gui.sign_in.title"));
  ImGui::SetWindowFontScale(kTextScale);
  ImGui::Spacing();
  grey_wrapped(tr("gui.sign_in.intro"));
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::BeginDisabled(busy);
  ImGui::TextUnformatted(tr("gui.sign_in.login"));
  ImGui::SetNextItemWidth(-1);
  if (focus_login_) ImGui::SetKeyboardFocusHere();
  focus_login_ = false;
  if (ImGui::InputText("##login", &login_, kEnter)) focus_passphrase_ = true;  // Enter: next field
  ImGui::Spacing();
  ImGui::TextUnformatted(tr("gui.sign_in.passphrase"));
  ImGui::SetNextItemWidth(-1);
  if (focus_passphrase_) ImGui::SetKeyboardFocusHere();
  focus_passphrase_ = false;
  const bool entered = ImGui::InputText("##passphrase", &passphrase_, ImGuiInputTextFlags_Password | kEnter);
  ImGui::Spacing();
  ImGui::Spacing();
  const bool pressed = ImGui::Button(tr(busy ? "gui.sign_in.checking" : "gui.sign_in.submit"),
                                     ImVec2(-1.0f, ImGui::GetFontSize() * 2.2f));
  ImGui::EndDisabled();
  if ((entered || pressed) && !busy) submit();
  if (!message_.empty()) {
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.05f, 0.05f, 1.0f));
    sdk::ui::TextWrapped(message_);
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  ImGui::Spacing();
  ImGui::SetWindowFontScale(1.0f);
  const auto& db = app_.options().db_path;
  grey_wrapped(std::string(tr("gui.status.db")) +
               sdk::server_uri_without_password((db.empty() ? host::default_db_path() : db).string()));
}

}  // namespace wasshoi::gui
