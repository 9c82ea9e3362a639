#pragma once
// The host's 設定 panel (host.settings) for the organization being worked in: its name, its
// 地域協働体 and retiring it; its 班 (add several at once, rename, order, merge); its officer
// accounts (add, change role or 班, reset a passphrase, retire); the plugins it uses. Every act
// is host::Setup / host::Accounts / host::App, as for `wasshoi-cli org …` and `account …`; the
// panel only offers what host::may allows (a 班長 or 閲覧 is not offered the panel at all), and
// asks before anything that cannot be undone (merging 班, retiring).
#include <functional>
#include <optional>
#include <string>
#include <wasshoi/gui/gui_context.hpp>
#include <wasshoi/host/setup.hpp>

namespace wasshoi::gui {

class SettingsPanel {
 public:
  enum class Tab { Organization, Han, Accounts, Plugins };

  SettingsPanel(host::App& app, GuiContext& ctx, std::function<void()> changed)
      : app_(app), ctx_(ctx), changed_(std::move(changed)) {}

  // Whether the signed-in officer may do anything here for `org` (the panel is offered then).
  bool offered(sdk::OrgId org);
  void draw();
  // Brings a tab to the front on the next frame (after the first start: the accounts).
  void show_tab(Tab tab) { wanted_ = tab; }

 private:
  void draw_organization(const host::Organization& org);
  void draw_han(const host::Organization& org, bool may_change);
  void draw_accounts(const host::Organization& org);
  void draw_account_edit(const host::Organization& org, const host::Account& account);
  void draw_account_add(const host::Organization& org);
  void draw_plugins(const host::Organization& org);
  void draw_confirmation();
  bool may(sdk::Act act, sdk::OrgId org);
  // Runs one act; host core's refusal or the done message goes to the status bar. True when done.
  bool act(const std::function<void()>& action, const char* done_key);
  // A question before an act that cannot be undone; `action` runs on 「はい」.
  void confirm(std::string text, std::string yes_label, std::function<void()> action, const char* done_key);

  host::App& app_;
  GuiContext& ctx_;
  std::function<void()> changed_;
  std::optional<Tab> wanted_;
  sdk::OrgId org_ = 0;  // the organization the fields below belong to

  // organization
  std::string org_name_;
  sdk::OrgId parent_ = 0;
  // 班
  std::string new_han_;
  std::int64_t edit_han_ = 0;
  std::string han_name_;
  std::int64_t merge_into_ = 0;
  // accounts
  std::string selected_login_;
  int edit_role_ = 0;
  std::int64_t edit_han_id_ = 0;
  std::string edit_name_, reset_pass_, reset_again_;
  std::string add_login_, add_name_, add_pass_, add_again_;
  int add_role_ = 0;
  std::int64_t add_han_ = 0;
  // confirmation
  struct Question {
    std::string text, yes;
    std::function<void()> action;
    const char* done_key = nullptr;
  };
  std::optional<Question> question_;
  bool question_open_ = false;
};

}  // namespace wasshoi::gui
