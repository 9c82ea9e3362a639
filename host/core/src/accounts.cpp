#include <sodium.h>

#include <array>
#include <cstdlib>
#include <iostream>
#include <wasshoi/host/access_rules.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/setup.hpp>
#include <wasshoi/sdk/dialect.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/platform.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::host {

namespace {

struct RoleName {
  sdk::Role role;
  const char* id;
  const char* ja;
};
constexpr std::array<RoleName, 6> kRoles = {{
    {sdk::Role::None, "none", "未サインイン"},
    {sdk::Role::Full, "full", "全権"},
    {sdk::Role::Chair, "kaicho", "会長"},
    {sdk::Role::Officer, "yakuin", "役員"},
    {sdk::Role::HanLeader, "hancho", "班長"},
    {sdk::Role::Viewer, "etsuran", "閲覧"},
}};

void init_sodium() {
  if (sodium_init() < 0) throw sdk::Error("libsodium cannot start");
}

std::string hash_passphrase(const std::string& pass) {
  init_sodium();
  char out[crypto_pwhash_STRBYTES];
  if (crypto_pwhash_str(out, pass.data(), pass.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                        crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
    throw sdk::Error("not enough memory to hash the passphrase");
  return out;
}

void check_passphrase_rules(const std::string& pass) {
  if (sdk::utf8_to_u32(pass).size() < 8) throw sdk::InputError("the passphrase needs at least 8 characters");
}

void check_han(Organizations& orgs, const Organization& o, sdk::Role role, std::optional<std::int64_t> han) {
  if (role == sdk::Role::HanLeader) {
    if (!han) throw sdk::InputError("a 班長 account needs its 班 (--han ID)");
    bool found = false;
    for (const auto& h : orgs.han(o.id)) found = found || h.id == *han;
    if (!found) throw sdk::InputError("班 " + std::to_string(*han) + " is not a 班 of " + o.name);
  } else if (han) {
    throw sdk::InputError("only 班長 accounts belong to a 班");
  }
}

}  // namespace

const char* to_string(sdk::Role role) {
  for (const auto& r : kRoles)
    if (r.role == role) return r.id;
  return "?";
}

const char* role_label_ja(sdk::Role role) {
  for (const auto& r : kRoles)
    if (r.role == role) return r.ja;
  return "?";
}

sdk::Role parse_role(std::string_view text) {
  for (const auto& r : kRoles)
    if (text == r.id && r.role != sdk::Role::Full && r.role != sdk::Role::None) return r.role;
  throw sdk::InputError("unknown role '" + std::string(text) +
                        "' (use kaicho 会長, yakuin 役員, hancho 班長 or etsuran 閲覧)");
}

bool Accounts::any() {
  return sdk::query_int(db_, "SELECT count(*) FROM accounts").value_or(0) > 0;
}

std::int64_t Accounts::add(const sdk::Access& by, const std::string& login, const std::string& name,
                           const std::string& passphrase, sdk::Role role, OrgId org,
                           std::optional<std::int64_t> han, bool admin) {
  if (db_.engine() == sdk::Engine::PostgreSQL)
    throw sdk::InputError(
        "PostgreSQL のデータベースにはまだ役員アカウントを作れません: 行ごとの権限をサーバーで守る仕組み"
        "（行単位セキュリティ、issue 20）ができるまで、だれが接続できるかはサーバーのロールと pg_hba.conf "
        "で決めてください");
  std::string l = sdk::trim(login);
  if (l.empty()) throw sdk::InputError("the login must not be empty");
  sdk::check_text(sdk::TextKind::Login, "the login", l);
  sdk::check_text(sdk::TextKind::Name, "the account's name", name);
  if (role == sdk::Role::Full)
    throw sdk::InputError("accounts have a role: kaicho, yakuin, hancho or etsuran");
  Organizations orgs(db_);
  Organization o = orgs.get(org);
  const bool first = !any();
  if (first && role != sdk::Role::Chair)
    throw sdk::InputError("the first account must be a 会長 (kaicho): from then on everyone signs in");
  if (!may(by, orgs, sdk::Act::ManageAccounts, org))
    throw sdk::InputError("not permitted: only the 会長 of " + o.name +
                          " or the file's 管理者 may add its accounts");
  if (admin && !(by.full() || by.admin))
    throw sdk::InputError("not permitted: only a 管理者 may make another 管理者");
  if (admin && role != sdk::Role::Chair) throw sdk::InputError("a 管理者 (--admin) must be a 会長 (kaicho)");
  admin = admin || first;  // the first 会長 administers the file
  check_han(orgs, o, role, han);
  check_passphrase_rules(passphrase);
  std::string hash = hash_passphrase(passphrase);
  sdk::Transaction tx(db_, "account.add", l + " " + to_string(role) + " of " + o.name);
  sdk::Statement exists(db_, "SELECT 1 FROM accounts WHERE login = ?");
  exists.bind(1, l);
  if (exists.step()) throw sdk::InputError("an account '" + l + "' already exists");
  sdk::Statement st(db_,
                    "INSERT INTO accounts(login, name, pass_hash, role, org_id, han_id, admin) VALUES(?, ?, "
                    "?, ?, ?, ?, ?)");
  st.bind_all(l, sdk::trim(name).empty() ? l : sdk::trim(name), hash, to_string(role), org, han,
              static_cast<std::int64_t>(admin))
      .run();
  auto id = db_.last_insert_id();
  tx.commit();
  return id;
}

std::vector<Account> Accounts::list() {
  sdk::Statement st(
      db_,
      "SELECT id, login, name, role, org_id, han_id, admin, retired_at IS NOT NULL FROM accounts "
      "ORDER BY org_id, login");
  std::vector<Account> out;
  while (st.step())
    out.push_back({st.get_int(0), st.get_text(1), st.get_text(2), parse_role(st.get_text(3)), st.get_int(4),
                   st.get_optional_int(5), st.get_int(6) != 0, st.get_int(7) != 0});
  return out;
}

sdk::Access Accounts::authenticate(const std::string& login, const std::string& passphrase) {
  init_sodium();
  sdk::Statement st(db_,
                    "SELECT pass_hash, name, role, org_id, han_id, admin FROM accounts "
                    "WHERE login = ? AND retired_at IS NULL");
  st.bind(1, sdk::trim(login));
  const std::string refused = "wrong login or passphrase";
  if (!st.step()) {
    // Spend the same time as a real check, so a wrong login cannot be told from a wrong passphrase.
    std::string dummy = hash_passphrase("x" + passphrase);
    throw sdk::InputError(refused);
  }
  std::string hash = st.get_text(0);
  if (crypto_pwhash_str_verify(hash.c_str(), passphrase.data(), passphrase.size()) != 0)
    throw sdk::InputError(refused);
  sdk::Access a;
  a.account = sdk::trim(login);
  a.name = st.get_text(1);
  a.role = parse_role(st.get_text(2));
  a.org = st.get_int(3);
  a.han = st.get_optional_int(4);
  a.admin = st.get_int(5) != 0;
  a.read_only = a.role == sdk::Role::Viewer;
  return a;
}

void Accounts::change_passphrase(const std::string& login, const std::string& old_pass,
                                 const std::string& new_pass) {
  authenticate(login, old_pass);
  check_passphrase_rules(new_pass);
  std::string hash = hash_passphrase(new_pass);
  sdk::Transaction tx(db_, "account.passphrase", login);
  sdk::Statement st(db_, "UPDATE accounts SET pass_hash = ? WHERE login = ?");
  st.bind_all(hash, sdk::trim(login)).run();
  tx.commit();
}

Account Accounts::managed(const sdk::Access& by, const std::string& login) {
  Organizations orgs(db_);
  const std::string l = sdk::trim(login);
  for (const auto& a : list()) {
    if (a.login != l || !may(by, orgs, sdk::Act::ManageAccounts, a.org)) continue;
    if (a.admin && !(by.full() || by.admin))
      throw sdk::InputError("not permitted: only a 管理者 may change the account of a 管理者 ('" + l + "')");
    return a;
  }
  // Another organization's account and one that does not exist: one answer, so trying logins
  // reveals nothing.
  throw sdk::InputError(
      "no account '" + l + "' among what " +
      (by.signed_in() && !by.full() ? "the account '" + by.account + "'" : std::string("you")) +
      " may manage");
}

std::int64_t Accounts::active_admins() {
  return sdk::query_int(db_, "SELECT count(*) FROM accounts WHERE admin = 1 AND retired_at IS NULL")
      .value_or(0);
}

void Accounts::change(const sdk::Access& by, const std::string& login, const AccountChange& change) {
  Account a = managed(by, login);
  if (a.retired) throw sdk::InputError("the account '" + a.login + "' is retired");
  const sdk::Role role = change.role.value_or(a.role);
  if (role == sdk::Role::Full || role == sdk::Role::None)
    throw sdk::InputError("accounts have a role: kaicho, yakuin, hancho or etsuran");
  std::optional<std::int64_t> han = change.han;
  if (!han && role == sdk::Role::HanLeader) han = a.han;
  bool admin = change.admin.value_or(a.admin);
  if (a.login == by.account && (role != a.role || han != a.han || admin != a.admin))
    throw sdk::InputError(
        "not permitted: nobody changes their own role, 班 or 管理者 flag; "
        "another 会長 or the 管理者 does it");
  if (admin != a.admin && !(by.full() || by.admin))
    throw sdk::InputError("not permitted: only a 管理者 makes or unmakes a 管理者");
  if (admin && role != sdk::Role::Chair)
    throw sdk::InputError("the account '" + a.login + "' is a 管理者, who must be a 会長 (kaicho)" +
                          (a.admin ? ": take the 管理者 flag away first" : ""));
  if (a.admin && !admin && active_admins() <= 1)
    throw sdk::InputError("the account '" + a.login +
                          "' is the last 管理者 (administrator) of the file: make another 管理者 first");
  Organizations orgs(db_);
  const Organization o = orgs.get(a.org);
  check_han(orgs, o, role, han);
  std::string name = change.name ? sdk::trim(*change.name) : a.name;
  if (name.empty()) name = a.login;
  sdk::check_text(sdk::TextKind::Name, "the account's name", name);
  sdk::Transaction tx(db_, "account.change",
                      a.login + " " + to_string(a.role) + " → " + to_string(role) + (admin ? " 管理者" : ""));
  sdk::Statement st(db_, "UPDATE accounts SET name = ?, role = ?, han_id = ?, admin = ? WHERE id = ?");
  st.bind_all(name, to_string(role), han, static_cast<std::int64_t>(admin), a.id).run();
  tx.commit();
}

void Accounts::reset_passphrase(const sdk::Access& by, const std::string& login,
                                const std::string& passphrase) {
  Account a = managed(by, login);
  if (a.retired) throw sdk::InputError("the account '" + a.login + "' is retired");
  check_passphrase_rules(passphrase);
  std::string hash = hash_passphrase(passphrase);
  sdk::Transaction tx(db_, "account.reset_passphrase", a.login);
  sdk::Statement st(db_, "UPDATE accounts SET pass_hash = ? WHERE id = ?");
  st.bind_all(hash, a.id).run();
  tx.commit();
}

void Accounts::retire(const sdk::Access& by, const std::string& login) {
  Account a = managed(by, login);
  if (a.retired) throw sdk::InputError("the account '" + a.login + "' is already retired");
  if (a.login == by.account)
    throw sdk::InputError(
        "not permitted: nobody retires their own account; another 会長 or the 管理者 does it");
  if (a.admin && active_admins() <= 1)
    throw sdk::InputError("the account '" + a.login +
                          "' is the last 管理者 (administrator) of the file and cannot be retired");
  sdk::Transaction tx(db_, "account.retire", a.login);
  sdk::Statement st(db_, "UPDATE accounts SET retired_at = ? WHERE id = ?");
  st.bind_all(sdk::utc_timestamp(), a.id).run();
  tx.commit();
}

AccessLevel access_level(const sdk::Access& access, Organizations& orgs, OrgId org,
                         const std::string& plugin) {
  if (access.full()) return AccessLevel::Write;
  if (!access.signed_in()) return AccessLevel::None;
  Organization target = orgs.get(org);
  if (org == access.org) return access.role == sdk::Role::Viewer ? AccessLevel::Read : AccessLevel::Write;
  // A 地域協働体 officer looks into its 自治会' issues and proposals, never their rosters.
  Organization own = orgs.get(access.org);
  bool child = target.parent && *target.parent == access.org && own.kind == OrgKind::Kyodotai;
  if (child && (plugin == "issues" || plugin == "proposals")) return AccessLevel::Read;
  return AccessLevel::None;
}

void enforce_access(sdk::Database& db, sdk::Access& access, Organizations& orgs, OrgId org,
                    const std::string& plugin) {
  // A retired organization keeps its data, read only for everyone (host/setup.hpp).
  if (is_retired(db, org) &&
      (access.full() || access_level(access, orgs, org, plugin) != AccessLevel::None)) {
    access.read_only = true;
    db.set_read_only(true, orgs.get(org).name + " is retired (退会): its data is kept, read only");
    return;
  }
  if (access.full()) {
    if (access.read_only) {  // back from a retired organization
      access.read_only = false;
      db.set_read_only(false);
    }
    return;
  }
  if (!access.signed_in()) throw sdk::InputError("not permitted: nobody is signed in");
  switch (access_level(access, orgs, org, plugin)) {
    case AccessLevel::Write:
      access.read_only = false;
      db.set_read_only(false);
      return;
    case AccessLevel::Read:
      access.read_only = true;
      db.set_read_only(true, org == access.org ? "a 閲覧 account may only read"
                                               : "a 地域協働体 account may only read the data of its 自治会");
      return;
    case AccessLevel::None:
      break;
  }
  const Organization own = orgs.get(access.org), target = orgs.get(org);
  throw sdk::InputError("the account '" + access.account + "' (" + role_label_ja(access.role) + ", " +
                        own.name + ") may not work in " + target.name +
                        (plugin.empty() ? "" : " with " + plugin));
}

std::string read_passphrase() {
  return read_secret("WASSHOI_PASSPHRASE", "passphrase: ");
}

std::string read_secret(const char* env_name, const char* prompt) {
  if (const char* env = std::getenv(env_name)) return env;
  const bool tty = sdk::platform::stdin_is_terminal();
  if (tty) std::cerr << prompt << std::flush;
  std::string line;
  {
    const sdk::platform::StdinEchoOff quiet(tty);  // the terminal shows nothing typed until the line ends
    std::getline(std::cin, line);
  }
  if (tty) std::cerr << '\n';
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace wasshoi::host
