#pragma once
// Officer accounts. A database without accounts belongs to one officer's laptop and everyone
// has full access. Once the first account (a 会長) exists, everyone signs in; passphrases are
// stored as slow salted hashes (libsodium crypto_pwhash_str, Argon2id), never as text.
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/host/organizations.hpp>
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::host {

const char* to_string(sdk::Role role);        // kaicho, yakuin, hancho, etsuran (full: "full")
sdk::Role parse_role(std::string_view text);  // InputError listing the roles
const char* role_label_ja(sdk::Role role);    // 会長, 役員, 班長, 閲覧

struct Account {
  std::int64_t id = 0;
  std::string login;
  std::string name;
  sdk::Role role = sdk::Role::Viewer;
  OrgId org = 0;
  std::optional<std::int64_t> han;
  bool admin = false;    // 管理者 of the file
  bool retired = false;  // may no longer sign in (Accounts::retire)
};

// What Accounts::change changes; nullopt: as it is.
struct AccountChange {
  std::optional<std::string> name;
  std::optional<sdk::Role> role;
  std::optional<std::int64_t> han;  // a 班長's 班
  std::optional<bool> admin;        // 管理者; only a 管理者 grants or takes it
};

class Accounts {
 public:
  explicit Accounts(sdk::Database& db) : db_(db) {}

  bool any();
  // The first account must be a 会長, and is the file's 管理者; a 班長 needs a 班 of their 自治会;
  // passphrases have at least 8 characters. `by` is who creates it: Full access, the 会長 of the
  // same organization or a 管理者 (any organization: the first account of a new one). Only a
  // 管理者 makes another 管理者 (`admin`, a 会長).
  std::int64_t add(const sdk::Access& by, const std::string& login, const std::string& name,
                   const std::string& passphrase, sdk::Role role, OrgId org, std::optional<std::int64_t> han,
                   bool admin = false);
  std::vector<Account> list();
  // The Access of a signed-in officer. Wrong login or passphrase: one InputError for both.
  sdk::Access authenticate(const std::string& login, const std::string& passphrase);
  void change_passphrase(const std::string& login, const std::string& old_pass, const std::string& new_pass);

  // Changing an account is for whoever may add it (Act::ManageAccounts on its organization); a
  // 管理者's account only for a 管理者. Another organization's account and one that does not exist
  // get the same refusal. The last 管理者 is never demoted nor retired, and nobody changes their own
  // role, 班 or 管理者 flag nor retires themselves.
  void change(const sdk::Access& by, const std::string& login, const AccountChange& change);
  // A new passphrase set by the 会長 or 管理者 (the officer forgot theirs).
  void reset_passphrase(const sdk::Access& by, const std::string& login, const std::string& passphrase);
  // Kept (the audit log names it, its login stays taken), but signing in is refused from now on
  // with the ordinary "wrong login or passphrase".
  void retire(const sdk::Access& by, const std::string& login);

 private:
  Account managed(const sdk::Access& by, const std::string& login);
  std::int64_t active_admins();
  sdk::Database& db_;
};

// How `access` may work in organization `org` with plugin `plugin` (empty: the host), changing
// nothing: what enforce_access applies, for screens that offer only what may be entered.
enum class AccessLevel { None, Read, Write };
AccessLevel access_level(const sdk::Access& access, Organizations& orgs, OrgId org,
                         const std::string& plugin);

// A passphrase for --user, as both programs take it: $WASSHOI_PASSPHRASE, else one line of
// standard input (not echoed on a terminal, after a "passphrase: " prompt on stderr).
std::string read_passphrase();
// The same for another secret: $env_name, else one line of standard input after `prompt`.
std::string read_secret(const char* env_name, const char* prompt);

// Applies what `access` may do in organization `org` with plugin `plugin` (empty: the host):
// throws InputError when it may not work there at all, and makes the connection read-only when it
// may only look (閲覧, or a 地域協働体 officer looking at its 自治会' issues and proposals), and
// writable again where it may write (the GUI switches organizations on one connection).
void enforce_access(sdk::Database& db, sdk::Access& access, Organizations& orgs, OrgId org,
                    const std::string& plugin);

}  // namespace wasshoi::host
