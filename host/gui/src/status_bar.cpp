// The status bar, the welcome on an empty database, and the About box.
#include <wasshoi/gui/shell.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/demo.hpp>
#include <wasshoi/host/setup.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/server_uri.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "open_database.hpp"
#include "settings_panel.hpp"

namespace wasshoi::gui {

using sdk::tr;

namespace {
// Enough households for every screen to show something, small enough to create in a blink.
constexpr int kSampleHouseholds = 120;

void separator_dot() {
  ImGui::SameLine();
  ImGui::TextDisabled("|");
  ImGui::SameLine();
}

// Popups are centred and as wide as a comfortable line of Japanese text; height fits content
// (the welcome at 28 px takes nearly the whole window: centred, its title stays on screen).
void centre_next_popup(float width_in_chars) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * width_in_chars, 0.0f), ImGuiCond_Always);
}

// Secondary explanation under a button: grey, wrapped.
void note(const char* text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  sdk::ui::TextWrapped(text);
  ImGui::PopStyleColor();
}

bool big_button(const char* label) {
  return ImGui::Button(label, ImVec2(-1.0f, ImGui::GetFontSize() * 2.4f));
}
}  // namespace

void Shell::draw_status_bar(const Layout& l) {
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(0, display.y - l.status_height));
  ImGui::SetNextWindowSize(ImVec2(display.x, l.status_height));
  constexpr ImGuiWindowFlags kFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                      ImGuiWindowFlags_NoSavedSettings |
                                      ImGuiWindowFlags_NoBringToFrontOnFocus;
  if (ImGui::Begin("###status", nullptr, kFlags)) {
    // A server without its password, not even masked (it was given, and is no one's business).
    sdk::ui::Text(std::string(tr("gui.status.db")) +
                  sdk::server_uri_without_password(app_.db().path().string()));
    separator_dot();
    const host::Organization* org = current_organization();
    sdk::ui::Text(std::string(tr("gui.status.org")) + (org ? org->name : std::string(tr("gui.org.none"))));
    if (const std::string who = account_label(); !who.empty()) {
      separator_dot();
      sdk::ui::Text(std::string(tr("gui.status.user")) + who);
    }
    if (!ctx_.last_message().empty()) {
      separator_dot();
      sdk::ui::Text(ctx_.last_message());
    }
  }
  ImGui::End();
}

// "山田 太郎（班長・3班）": who is signed in; empty without accounts.
std::string Shell::account_label() const {
  const sdk::Access& who = app_.access();
  if (who.full()) return {};
  std::string role = tr(std::string("gui.role.") + host::to_string(who.role));
  if (!han_name_.empty()) role += tr("gui.role.separator") + han_name_;
  return who.name + tr("gui.paren.open") + role + tr("gui.paren.close");
}

void Shell::draw_welcome() {
  // It waits while another database is being chosen or opened from it (and comes back after a cancel).
  if (!orgs_.empty() || welcome_dismissed_ || opener_->showing()) return;
  const std::string title = std::string(tr("gui.welcome.title")) + "###welcome";
  if (!ImGui::IsPopupOpen("###welcome")) ImGui::OpenPopup(title.c_str());
  centre_next_popup(34.0f);
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr,
                              ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings))
    return;
  if (first_start_) {
    draw_first_start();
    ImGui::EndPopup();
    return;
  }
  sdk::ui::TextWrapped(tr("gui.welcome.body"));
  ImGui::Spacing();
  ImGui::Spacing();
  // Only who may add organizations (anyone on a database without accounts) is asked.
  if (big_button(tr("gui.welcome.register"))) {
    first_start_ = true;
    first_focus_ = true;
  }
  note(tr("gui.welcome.register_note"));
  ImGui::Spacing();
  if (big_button(tr("gui.welcome.sample"))) {
    create_sample_data();
    ImGui::CloseCurrentPopup();
  }
  note(tr("gui.welcome.sample_note"));
  ImGui::Spacing();
  if (big_button(tr("gui.welcome.empty"))) {
    welcome_dismissed_ = true;
    show_panel(kOrganizationsPanel);
    ImGui::CloseCurrentPopup();
  }
  note(tr("gui.welcome.empty_note"));
  if (opener_->offered()) {
    // An officer whose 自治会 already keeps its data elsewhere (the office's server, a copied
    // file): one line, so that the welcome still fits the window at 28 px.
    ImGui::Separator();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(tr("gui.welcome.existing"));
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("gui.welcome.open_server")));
    if (ImGui::Button(tr("gui.welcome.open_server"))) {
      opener_->show_server_form();
      ImGui::CloseCurrentPopup();
    }
    sdk::ui::same_line_if_fits(sdk::ui::button_width(tr("gui.welcome.open_file")));
    if (ImGui::Button(tr("gui.welcome.open_file"))) {
      opener_->choose_file();
      ImGui::CloseCurrentPopup();
    }
  }
  ImGui::EndPopup();
}

// The first start's one form: the 自治会's name and its 班 (several at once: 1班〜5班). Host core
// makes both in one transaction (host::Setup::first_start); then 設定 opens on the accounts.
void Shell::draw_first_start() {
  sdk::ui::TextWrapped(tr("gui.first.body"));
  ImGui::Spacing();
  const float label_width = ImGui::GetFontSize() * 8.0f;
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("gui.first.name"));
  ImGui::SameLine(label_width);
  ImGui::SetNextItemWidth(-1);
  if (first_focus_) ImGui::SetKeyboardFocusHere();
  first_focus_ = false;
  sdk::ui::InputText("##first.name", first_name_);
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(tr("gui.first.han"));
  ImGui::SameLine(label_width);
  ImGui::SetNextItemWidth(-1);
  sdk::ui::InputText("##first.han", first_han_);
  note(tr("gui.first.han_note"));
  std::string preview;
  try {
    for (const auto& h : host::expand_han_names(first_han_)) preview += (preview.empty() ? "" : "、") + h;
  } catch (const sdk::Error& e) {
    preview = e.what();
  }
  if (!preview.empty()) sdk::ui::TextWrapped(std::string(tr("gui.first.han_preview")) + preview);
  ImGui::Spacing();
  ImGui::Spacing();
  if (big_button(tr("gui.first.create"))) {
    try {
      const sdk::OrgId org = host::Setup(app_).first_start(first_name_, host::expand_han_names(first_han_));
      refresh_organizations();
      select_org(org);
      welcome_dismissed_ = true;
      first_start_ = false;
      settings_panel_->show_tab(SettingsPanel::Tab::Accounts);
      show_panel(kSettingsPanel);
      ctx_.notify(tr("gui.msg.first_created"));
      ImGui::CloseCurrentPopup();
    } catch (const sdk::Error& e) {
      ctx_.notify(e.what());
    }
  }
  if (!ctx_.last_message().empty()) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.05f, 0.05f, 1));
    sdk::ui::TextWrapped(ctx_.last_message());
    ImGui::PopStyleColor();
  }
  ImGui::Spacing();
  if (ImGui::Button(tr("gui.first.back"))) first_start_ = false;
}

void Shell::create_sample_data() {
  try {
    sdk::DemoOptions sample = host::create_demo(app_, ctx_, kSampleHouseholds);
    refresh_organizations();
    if (!sample.jichikai.empty()) select_org(sample.jichikai.front());
    ctx_.notify(tr("gui.msg.sample_created"));
  } catch (const std::exception& e) {
    ctx_.notify(std::string(tr("gui.msg.sample_failed")) + e.what());
  }
}

void Shell::draw_about() {
  const std::string title = std::string(tr("gui.about.title")) + "###about";
  if (about_requested_) {
    ImGui::OpenPopup(title.c_str());
    about_requested_ = false;
  }
  centre_next_popup(30.0f);
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_NoSavedSettings)) return;
  ImGui::Text("Wasshoi %s", WASSHOI_VERSION);
  sdk::ui::TextWrapped(tr("gui.about.body"));
  ImGui::Spacing();
  sdk::ui::TextWrapped(std::string(tr("gui.status.db")) +
                       sdk::server_uri_without_password(app_.db().path().string()));
  const auto& font = fonts_.file();
  sdk::ui::TextWrapped(std::string(tr("gui.about.font")) +
                       (font ? font->family : std::string(tr("gui.about.font_builtin"))));
  ImGui::Spacing();
  if (big_button(tr("gui.about.close"))) ImGui::CloseCurrentPopup();
  ImGui::EndPopup();
}

}  // namespace wasshoi::gui
