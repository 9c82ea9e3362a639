#include "settings_panel.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>  // needs imgui.h first

#include <algorithm>
#include <wasshoi/host/access_rules.hpp>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/ui.hpp>
#include <wasshoi/sdk/ui_panel.hpp>

#include "labels.hpp"

namespace wasshoi::gui {

using sdk::tr;

namespace {

constexpr sdk::Role kRoles[] = {sdk::Role::Chair, sdk::Role::Officer, sdk::Role::HanLeader,
                                sdk::Role::Viewer};

// A catalog text with {name} marks filled in.
std::string fill(const char* text, std::initializer_list<std::pair<std::string_view, std::string>> values) {
  return sdk::fill_marks(text, values);
}

std::string role_label(sdk::Role role) {
  return tr(std::string("gui.role.") + host::to_string(role));
}

int role_index(sdk::Role role) {
  for (int i = 0; i < 4; ++i)
    if (kRoles[i] == role) return i;
  return 1;
}

void section_heading(const char* text) {
  ImGui::Spacing();
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  ImGui::TextUnformatted(text);
  ImGui::PopStyleColor();
  ImGui::Separator();
  ImGui::Spacing();
}

void settings_note(const std::string& text) {
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
  sdk::ui::TextWrapped(text);
  ImGui::PopStyleColor();
}

// Label left, the field after it: a paper form. Labels are at most 7 characters.
void field_label(const char* label, float width = -1.0f) {
  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(label);
  ImGui::SameLine(ImGui::GetFontSize() * 8.0f);
  // Never wider than what is left of the line (28 px in a narrow window).
  if (width > 0.0f) width = std::min(width, ImGui::GetContentRegionAvail().x);
  ImGui::SetNextItemWidth(width);
}

// Before a button that follows a field: on the same line when it fits, else on the next.
void beside(const char* label) {
  sdk::ui::same_line_if_fits(sdk::ui::button_width(label));
}

bool button(const char* label) {
  return ImGui::Button(label, ImVec2(0, ImGui::GetFrameHeight() * 1.3f));
}

std::string han_name(const std::vector<host::Han>& han, std::optional<std::int64_t> id) {
  if (!id) return {};
  for (const auto& h : han)
    if (h.id == *id) return h.name;
  return {};
}

// A combo of the 班 of a 自治会; `id` 0 until one is chosen.
void han_combo(const char* id_label, const std::vector<host::Han>& han, std::int64_t& id) {
  const std::string preview = id ? han_name(han, id) : std::string(tr("gui.settings.choose"));
  if (sdk::ui::BeginCombo(id_label, preview, ImGuiComboFlags_HeightLarge)) {
    for (const auto& h : han)
      if (sdk::ui::Selectable(h.name + "##h" + std::to_string(h.id), h.id == id)) id = h.id;
    ImGui::EndCombo();
  }
}

void role_combo(const char* id_label, int& index) {
  if (ImGui::BeginCombo(id_label, role_label(kRoles[index]).c_str())) {
    for (int i = 0; i < 4; ++i)
      if (ImGui::Selectable(role_label(kRoles[i]).c_str(), i == index)) index = i;
    ImGui::EndCombo();
  }
}

}  // namespace

bool SettingsPanel::may(sdk::Act act, sdk::OrgId org) {
  auto orgs = app_.orgs();
  return host::may(app_.access(), orgs, act, org);
}

bool SettingsPanel::offered(sdk::OrgId org) {
  if (org == 0) return false;
  try {
    if (host::is_retired(app_.db(), org)) return false;
    return may(sdk::Act::ManageOrganization, org) || may(sdk::Act::ManageHan, org) ||
           may(sdk::Act::ManageAccounts, org);
  } catch (const sdk::Error&) {
    return false;
  }
}

bool SettingsPanel::act(const std::function<void()>& action, const char* done_key) {
  bool done = false;
  try {
    action();
    ctx_.notify(tr(done_key));
    done = true;
  } catch (const sdk::Error& e) {
    ctx_.notify(e.what());
  }
  changed_();
  return done;
}

void SettingsPanel::confirm(std::string text, std::string yes_label, std::function<void()> action,
                            const char* done_key) {
  question_ = Question{std::move(text), std::move(yes_label), std::move(action), done_key};
  question_open_ = false;
}

void SettingsPanel::draw_confirmation() {
  const std::string title = std::string(tr("gui.settings.confirm_title")) + "###settings.confirm";
  if (question_ && !question_open_) {
    ImGui::OpenPopup(title.c_str());
    question_open_ = true;
  }
  const ImVec2 display = ImGui::GetIO().DisplaySize;
  ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.45f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetFontSize() * 30.0f, display.x * 0.9f), 0.0f));
  if (!ImGui::BeginPopupModal(title.c_str(), nullptr,
                              ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings)) {
    if (question_open_) question_.reset();  // closed
    question_open_ = false;
    return;
  }
  if (question_) {
    sdk::ui::TextWrapped(question_->text);
    ImGui::Spacing();
    ImGui::Spacing();
    const float w = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    const float h = ImGui::GetFontSize() * 2.2f;
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.70f, 0.15f, 0.10f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, ImVec4(0.80f, 0.22f, 0.15f, 1.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    const bool yes = ImGui::Button(question_->yes.c_str(), ImVec2(w, h));
    ImGui::PopStyleColor(3);
    ImGui::SameLine();
    const bool no = ImGui::Button(tr("gui.settings.cancel"), ImVec2(w, h));
    if (yes) {
      Question q = std::move(*question_);
      question_.reset();
      ImGui::CloseCurrentPopup();
      act(q.action, q.done_key);
    } else if (no) {
      question_.reset();
      ImGui::CloseCurrentPopup();
    }
  } else {
    ImGui::CloseCurrentPopup();
  }
  ImGui::EndPopup();
}

void SettingsPanel::draw() {
  const sdk::OrgId id = ctx_.current_org();
  auto found = app_.orgs().find(id);
  if (!found || !offered(id)) {
    settings_note(tr("gui.settings.not_offered"));
    return;
  }
  const host::Organization& org = *found;
  if (org_ != id) {  // another organization: its own values in the fields
    org_ = id;
    org_name_ = org.name;
    parent_ = org.parent.value_or(0);
    edit_han_ = merge_into_ = add_han_ = 0;
    selected_login_.clear();
    add_role_ = host::Accounts(app_.db()).any() ? 1 : 0;  // the first account is a 会長
  }
  ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  sdk::ui::TextWrapped(org_label(org));
  ImGui::PopStyleColor();
  ImGui::Spacing();
  if (ImGui::BeginTabBar("settings.tabs")) {
    auto tab = [&](Tab t, const char* key) {
      ImGuiTabItemFlags flags = 0;
      if (wanted_ == t) flags |= ImGuiTabItemFlags_SetSelected;
      return ImGui::BeginTabItem(
          (std::string(tr(key)) + "###tab" + std::to_string(static_cast<int>(t))).c_str(), nullptr, flags);
    };
    const bool manage_org = may(sdk::Act::ManageOrganization, id);
    if (manage_org && tab(Tab::Organization, "gui.settings.tab_org")) {
      draw_organization(org);
      ImGui::EndTabItem();
    }
    if (org.kind == host::OrgKind::Jichikai && tab(Tab::Han, "gui.settings.tab_han")) {
      draw_han(org, may(sdk::Act::ManageHan, id));
      ImGui::EndTabItem();
    }
    if (may(sdk::Act::ManageAccounts, id) && tab(Tab::Accounts, "gui.settings.tab_accounts")) {
      draw_accounts(org);
      ImGui::EndTabItem();
    }
    if (manage_org && tab(Tab::Plugins, "gui.settings.tab_plugins")) {
      draw_plugins(org);
      ImGui::EndTabItem();
    }
    ImGui::EndTabBar();
  }
  wanted_.reset();
  draw_confirmation();
}

void SettingsPanel::draw_organization(const host::Organization& org) {
  section_heading(tr("gui.settings.org_name"));
  field_label(tr("gui.settings.name"), ImGui::GetFontSize() * 18.0f);
  sdk::ui::InputText("##org.name", org_name_);
  beside(tr("gui.settings.rename"));
  ImGui::BeginDisabled(org_name_ == org.name);
  if (button(tr("gui.settings.rename")))
    act([&] { host::Setup(app_).rename_org(org.id, org_name_); }, "gui.msg.org_renamed");
  ImGui::EndDisabled();

  if (org.kind == host::OrgKind::Jichikai || org.kind == host::OrgKind::Npo ||
      org.kind == host::OrgKind::Company) {
    section_heading(tr("gui.settings.parent_title"));
    const auto all = app_.orgs().list();
    const auto retired = host::retired_organizations(app_.db());
    std::string preview = tr("gui.orgs.no_parent");
    for (const auto& o : all)
      if (o.id == parent_) preview = o.name;
    field_label(tr("gui.settings.parent"), ImGui::GetFontSize() * 18.0f);
    if (sdk::ui::BeginCombo("##org.parent", preview)) {
      if (ImGui::Selectable(tr("gui.orgs.no_parent"), parent_ == 0)) parent_ = 0;
      for (const auto& o : all)
        if (o.kind == host::OrgKind::Kyodotai && !retired.count(o.id) &&
            sdk::ui::Selectable(o.name + "##p" + std::to_string(o.id), o.id == parent_))
          parent_ = o.id;
      ImGui::EndCombo();
    }
    beside(tr("gui.settings.move"));
    ImGui::BeginDisabled(parent_ == org.parent.value_or(0));
    if (button(tr("gui.settings.move")))
      act(
          [&] {
            host::Setup(app_).move_org(org.id, parent_ ? std::optional<sdk::OrgId>(parent_) : std::nullopt);
          },
          "gui.msg.org_moved");
    ImGui::EndDisabled();
    settings_note(tr("gui.settings.parent_note"));
  }

  section_heading(tr("gui.settings.retire_title"));
  settings_note(tr("gui.settings.retire_note"));
  ImGui::Spacing();
  if (button(tr("gui.settings.retire_org"))) {
    const sdk::OrgId id = org.id;
    confirm(
        fill(tr("gui.settings.retire_org_q"), {{"name", org.name}}), tr("gui.settings.retire_org_yes"),
        [this, id] { host::Setup(app_).retire_org(id); }, "gui.msg.org_retired");
  }
}

void SettingsPanel::draw_han(const host::Organization& org, bool may_change) {
  const auto han = app_.orgs().han(org.id);
  section_heading(tr("gui.settings.han_title"));
  if (!may_change) settings_note(tr("gui.settings.han_read_only"));
  if (han.empty()) settings_note(tr("gui.orgs.han_none"));
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_RowBg;
  const int columns = may_change ? 3 : 1;
  if (!han.empty() && ImGui::BeginTable("settings.han", columns, kFlags)) {
    ImGui::TableSetupColumn("name", ImGuiTableColumnFlags_WidthStretch);
    if (may_change) {
      ImGui::TableSetupColumn("order", ImGuiTableColumnFlags_WidthFixed);
      ImGui::TableSetupColumn("acts", ImGuiTableColumnFlags_WidthFixed);
    }
    for (std::size_t i = 0; i < han.size(); ++i) {
      const auto& h = han[i];
      ImGui::PushID(static_cast<int>(h.id));
      ImGui::TableNextRow(0, ImGui::GetFrameHeight() * 1.3f);
      ImGui::TableNextColumn();
      ImGui::AlignTextToFramePadding();
      if (edit_han_ == h.id) {
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10.0f);
        sdk::ui::InputText("##han.name", han_name_);
        ImGui::SameLine();
        if (ImGui::Button(tr("gui.settings.save")) &&
            act([&] { host::Setup(app_).rename_han(org.id, h.id, han_name_); }, "gui.msg.han_renamed"))
          edit_han_ = 0;
        ImGui::SameLine();
        if (ImGui::Button(tr("gui.settings.cancel"))) edit_han_ = 0;
      } else {
        sdk::ui::Text(h.name);
      }
      if (may_change) {
        ImGui::TableNextColumn();
        ImGui::BeginDisabled(i == 0);
        if (ImGui::Button(tr("gui.settings.up")))
          act([&] { host::Setup(app_).move_han(org.id, h.id, static_cast<int>(i)); }, "gui.msg.han_moved");
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(i + 1 == han.size());
        if (ImGui::Button(tr("gui.settings.down")))
          act([&] { host::Setup(app_).move_han(org.id, h.id, static_cast<int>(i) + 2); },
              "gui.msg.han_moved");
        ImGui::EndDisabled();
        ImGui::TableNextColumn();
        if (ImGui::Button(tr("gui.settings.rename_short"))) {
          edit_han_ = h.id;
          han_name_ = h.name;
        }
        ImGui::SameLine();
        ImGui::BeginDisabled(han.size() < 2);
        if (ImGui::Button(tr("gui.settings.merge"))) {
          merge_into_ = 0;
          ImGui::OpenPopup("merge");
        }
        ImGui::EndDisabled();
        if (ImGui::BeginPopup("merge")) {
          sdk::ui::Text(fill(tr("gui.settings.merge_into"), {{"han", h.name}}));
          std::vector<host::Han> others;
          for (const auto& o : han)
            if (o.id != h.id) others.push_back(o);
          ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12.0f);
          han_combo("##merge.into", others, merge_into_);
          ImGui::BeginDisabled(merge_into_ == 0);
          if (ImGui::Button(tr("gui.settings.merge_go"))) {
            const std::int64_t from = h.id, into = merge_into_;
            const std::string text =
                fill(tr("gui.settings.merge_q"), {{"from", h.name},
                                                  {"into", han_name(han, into)},
                                                  {"n", std::to_string(host::Setup(app_).han_rows(from))}});
            const sdk::OrgId id = org.id;
            confirm(
                text, tr("gui.settings.merge_yes"),
                [this, id, from, into] { host::Setup(app_).merge_han(id, from, into); },
                "gui.msg.han_merged");
            ImGui::CloseCurrentPopup();
          }
          ImGui::EndDisabled();
          ImGui::EndPopup();
        }
      }
      ImGui::PopID();
    }
    ImGui::EndTable();
  }
  if (!may_change) return;
  section_heading(tr("gui.settings.han_add_title"));
  field_label(tr("gui.settings.han_names"), ImGui::GetFontSize() * 14.0f);
  sdk::ui::InputText("##han.new", new_han_);
  beside(tr("gui.settings.add"));
  if (button(tr("gui.settings.add")) &&
      act([&] { host::Setup(app_).add_han(org.id, host::expand_han_names(new_han_)); }, "gui.msg.han_added"))
    new_han_.clear();
  settings_note(tr("gui.settings.han_names_note"));
}

void SettingsPanel::draw_accounts(const host::Organization& org) {
  const auto accounts = host::Setup(app_).accounts_of(org.id);
  const auto han = app_.orgs().han(org.id);
  section_heading(tr("gui.settings.accounts_title"));
  if (accounts.empty()) settings_note(tr("gui.settings.accounts_none"));
  constexpr ImGuiTableFlags kFlags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg;
  const host::Account* selected = nullptr;
  if (!accounts.empty() && ImGui::BeginTable("settings.accounts", 5, kFlags)) {
    ImGui::TableSetupColumn(tr("gui.settings.login"));
    ImGui::TableSetupColumn(tr("gui.settings.person"));
    ImGui::TableSetupColumn(tr("gui.settings.role"));
    ImGui::TableSetupColumn(tr("gui.settings.han"));
    ImGui::TableSetupColumn(tr("gui.settings.state"));
    ImGui::TableHeadersRow();
    for (const auto& a : accounts) {
      ImGui::TableNextRow(0, ImGui::GetFrameHeight());
      ImGui::TableNextColumn();
      if (a.retired) ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
      if (sdk::ui::Selectable(a.login + "##a" + std::to_string(a.id), a.login == selected_login_,
                              ImGuiSelectableFlags_SpanAllColumns)) {
        selected_login_ = a.login == selected_login_ ? std::string() : a.login;
        edit_role_ = role_index(a.role);
        edit_han_id_ = a.han.value_or(0);
        edit_name_ = a.name;
        reset_pass_.clear();
        reset_again_.clear();
      }
      ImGui::TableNextColumn();
      sdk::ui::Text(a.name);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted((role_label(a.role) + (a.admin ? tr("gui.settings.admin_mark") : "")).c_str());
      ImGui::TableNextColumn();
      sdk::ui::Text(han_name(han, a.han));
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(tr(a.retired ? "gui.settings.retired" : "gui.settings.active"));
      if (a.retired) ImGui::PopStyleColor();
      if (a.login == selected_login_) selected = &a;
    }
    ImGui::EndTable();
  }
  if (!accounts.empty()) settings_note(tr("gui.settings.accounts_select"));
  if (selected) draw_account_edit(org, *selected);
  draw_account_add(org);
}

void SettingsPanel::draw_account_edit(const host::Organization& org, const host::Account& a) {
  section_heading(fill(tr("gui.settings.edit_title"), {{"login", a.login}}).c_str());
  if (a.retired) {
    settings_note(tr("gui.settings.retired_note"));
    return;
  }
  const auto han = app_.orgs().han(org.id);
  const std::string login = a.login;
  field_label(tr("gui.settings.person"), ImGui::GetFontSize() * 14.0f);
  sdk::ui::InputText("##edit.name", edit_name_);
  field_label(tr("gui.settings.role"), ImGui::GetFontSize() * 14.0f);
  role_combo("##edit.role", edit_role_);
  if (kRoles[edit_role_] == sdk::Role::HanLeader) {
    field_label(tr("gui.settings.han"), ImGui::GetFontSize() * 14.0f);
    han_combo("##edit.han", han, edit_han_id_);
  }
  if (button(tr("gui.settings.save_account"))) {
    host::AccountChange change;
    change.name = edit_name_;
    change.role = kRoles[edit_role_];
    if (change.role == sdk::Role::HanLeader && edit_han_id_) change.han = edit_han_id_;
    act([&] { host::Setup(app_).change_account(login, change); }, "gui.msg.account_changed");
  }
  ImGui::Spacing();
  section_heading(tr("gui.settings.reset_title"));
  field_label(tr("gui.settings.new_pass"), ImGui::GetFontSize() * 14.0f);
  sdk::ui::InputText("##reset.pass", reset_pass_, ImGuiInputTextFlags_Password);
  field_label(tr("gui.settings.again"), ImGui::GetFontSize() * 14.0f);
  sdk::ui::InputText("##reset.again", reset_again_, ImGuiInputTextFlags_Password);
  if (button(tr("gui.settings.reset"))) {
    if (reset_pass_ != reset_again_) {
      ctx_.notify(tr("gui.settings.pass_mismatch"));
      reset_pass_.clear();
      reset_again_.clear();
    } else if (act([&] { host::Setup(app_).reset_passphrase(login, reset_pass_); }, "gui.msg.pass_reset")) {
      reset_pass_.clear();
      reset_again_.clear();
    }
  }
  settings_note(tr("gui.settings.reset_note"));
  section_heading(tr("gui.settings.retire_account_title"));
  if (button(tr("gui.settings.retire_account")))
    confirm(
        fill(tr("gui.settings.retire_account_q"), {{"login", login}, {"name", a.name}}),
        tr("gui.settings.retire_account_yes"), [this, login] { host::Setup(app_).retire_account(login); },
        "gui.msg.account_retired");
}

void SettingsPanel::draw_account_add(const host::Organization& org) {
  const auto han = app_.orgs().han(org.id);
  section_heading(tr("gui.settings.add_title"));
  const bool first = !host::Accounts(app_.db()).any();
  if (first) settings_note(tr("gui.settings.first_account_note"));
  const float w = ImGui::GetFontSize() * 14.0f;
  field_label(tr("gui.settings.login"), w);
  ImGui::InputText("##add.login", &add_login_);
  field_label(tr("gui.settings.person"), w);
  sdk::ui::InputText("##add.name", add_name_);
  field_label(tr("gui.settings.role"), w);
  role_combo("##add.role", add_role_);
  const bool hancho = kRoles[add_role_] == sdk::Role::HanLeader;
  if (hancho) {
    field_label(tr("gui.settings.han"), w);
    han_combo("##add.han", han, add_han_);
  }
  field_label(tr("gui.settings.pass"), w);
  ImGui::InputText("##add.pass", &add_pass_, ImGuiInputTextFlags_Password);
  field_label(tr("gui.settings.again"), w);
  ImGui::InputText("##add.again", &add_again_, ImGuiInputTextFlags_Password);
  settings_note(tr("gui.settings.pass_note"));
  if (button(tr("gui.settings.add_account"))) {
    if (add_pass_ != add_again_) {
      ctx_.notify(tr("gui.settings.pass_mismatch"));
      add_pass_.clear();
      add_again_.clear();
    } else if (act(
                   [&] {
                     host::Accounts(app_.db()).add(
                         app_.access(), add_login_, add_name_, add_pass_, kRoles[add_role_], org.id,
                         hancho && add_han_ ? std::optional<std::int64_t>(add_han_) : std::nullopt);
                   },
                   first ? "gui.msg.first_account_added" : "gui.msg.account_added")) {
      add_login_.clear();
      add_name_.clear();
      add_pass_.clear();
      add_again_.clear();
      add_han_ = 0;
      add_role_ = 1;
    }
  }
}

void SettingsPanel::draw_plugins(const host::Organization& org) {
  section_heading(tr("gui.orgs.plugins"));
  settings_note(tr("gui.settings.plugins_note"));
  for (const auto& r : app_.plugins().plugins()) {
    const bool loaded = r.state == host::PluginState::Loaded;
    bool enabled = loaded && app_.orgs().is_enabled(org.id, r.id);
    std::string label = plugin_name(r);
    if (!loaded) label += std::string(" ") + tr("gui.orgs.plugin_failed");
    ImGui::BeginDisabled(!loaded);
    if (ImGui::Checkbox((label + "##settings.plugin." + r.id).c_str(), &enabled)) {
      if (enabled)
        act([&] { app_.enable_plugin(org.id, r.id); }, "gui.msg.plugin_enabled");
      else
        act([&] { host::Setup(app_).disable_plugin(org.id, r.id); }, "gui.msg.plugin_disabled");
    }
    ImGui::EndDisabled();
  }
}

}  // namespace wasshoi::gui
