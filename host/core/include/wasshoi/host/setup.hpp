#pragma once
// Setting up organizations, 班 and officer accounts: the acts the 設定 area of the window and the
// `org` / `account` commands share. Each act is asked of host::may first (docs/access.md: the
// acts ManageOrganization, ManageHan, ManageAccounts, AddOrganization); a refusal writes nothing.
// Each write is one sdk::Transaction, so one audit row.
//
// Retiring keeps the data. A retired organization (organizations.retired_at) is read only for
// everyone — host::enforce_access makes the connection read-only there — and is no longer
// offered to work in (the window's switcher leaves it out; `org list` marks it). A retired
// account (accounts.retired_at) can no longer sign in: it gets the ordinary "wrong login or
// passphrase"; its login stays taken, and the audit log keeps naming it.
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/app.hpp>

namespace wasshoi::host {

// 班 names as an officer types them: one per line or separated by 、 , ，; "1班〜5班" (also ~ ～ -)
// stands for 1班, 2班 … 5班. Empty parts are skipped; InputError for a range over 99 班.
std::vector<std::string> expand_han_names(std::string_view text);

// Where rows refer to a 班: every column of every table with a foreign key to han(id), found
// from the schema (PRAGMA foreign_key_list over every table), so host core needs to know no
// plugin's tables: members_households.han_id, members_roles.han_id, issues_issues.han_id,
// accounts.han_id …
struct HanColumn {
  std::string table, column;
};
std::vector<HanColumn> han_columns(sdk::Database& db);

class Setup {
 public:
  explicit Setup(App& app) : app_(app) {}

  // The first start of an empty database: a 自治会 with its 班 (and every plugin enabled), in one
  // transaction. As `org add`: for the 管理者, or anyone on a database without accounts.
  OrgId first_start(const std::string& name, const std::vector<std::string>& han);

  // ---- organizations (Act::ManageOrganization) ----
  void rename_org(OrgId org, const std::string& name);
  // Under a 地域協働体 (or out of it, nullopt); the kind rules of Organizations::check_parent.
  void move_org(OrgId org, std::optional<OrgId> parent);
  // Kept with its data, read only from now on. Refused while organizations still belong to it.
  void retire_org(OrgId org);
  // Its data stays; App::enable_plugin turns it back on.
  void disable_plugin(OrgId org, const std::string& plugin);

  // ---- 班 (Act::ManageHan) ----
  std::vector<std::int64_t> add_han(OrgId org, const std::vector<std::string>& names);
  void rename_han(OrgId org, std::int64_t han, const std::string& name);
  // Rows that refer to `han` (households, roles, issues, accounts …): what a merge moves.
  std::int64_t han_rows(std::int64_t han);
  // Every row of `from` to `into` (both 班 of `org`), then `from` is removed. Returns the rows moved.
  std::int64_t merge_han(OrgId org, std::int64_t from, std::int64_t into);
  // Moves `han` to `position` (1 = first) in the order 班 are listed.
  void move_han(OrgId org, std::int64_t han, int position);

  // ---- officer accounts: Accounts::change, reset_passphrase, retire as the signed-in officer ----
  void change_account(const std::string& login, const AccountChange& change);
  void reset_passphrase(const std::string& login, const std::string& passphrase);
  void retire_account(const std::string& login);
  // The accounts of `org` the officer may manage (retired ones too), by role then login.
  std::vector<Account> accounts_of(OrgId org);

 private:
  Organization active(OrgId org);  // InputError for a missing or retired organization
  Han han_of(OrgId org, std::int64_t han);
  App& app_;
};

}  // namespace wasshoi::host
