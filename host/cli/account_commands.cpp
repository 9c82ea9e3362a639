// wasshoi-cli account …: officer accounts (会長, 役員, 班長, 閲覧).
#include <CLI/CLI.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <wasshoi/host/access_rules.hpp>
#include <wasshoi/host/accounts.hpp>
#include <wasshoi/host/setup.hpp>

#include "commands.hpp"

namespace wasshoi::cli {

namespace {

nlohmann::json to_json(const host::Account& a) {
  return {{"id", a.id},       {"login", a.login},
          {"name", a.name},   {"role", host::to_string(a.role)},
          {"org_id", a.org},  {"han_id", a.han ? nlohmann::json(*a.han) : nlohmann::json(nullptr)},
          {"admin", a.admin}, {"retired", a.retired}};
}

}  // namespace

void add_account_commands(CLI::App& root, Session& s) {
  auto* account = root.add_subcommand(
      "account", "officer accounts: 会長 (kaicho), 役員 (yakuin), 班長 (hancho), 閲覧 (etsuran)");
  account->require_subcommand(1);

  auto* add = account->add_subcommand(
      "add", "add an account; its passphrase comes from WASSHOI_NEW_PASSPHRASE or standard input");
  struct AddArgs {
    std::string login, name, role;
    sdk::OrgId org = 0;
    std::int64_t han = 0;
    bool admin = false;
  };
  auto a = std::make_shared<AddArgs>();
  add->add_option("--login", a->login, "the login name")->required();
  add->add_option("--name", a->name, "the officer's name, e.g. 髙橋 一郎");
  add->add_option("--role", a->role, "kaicho, yakuin, hancho or etsuran")->required();
  add->add_option("--of", a->org, "the organization id")->required();
  add->add_option("--han", a->han, "the 班 id of a 班長");
  add->add_flag("--admin", a->admin,
                "a 管理者 of the whole file (backups, restore, organizations); a 会長 only");
  add->callback([&s, a] {
    host::Accounts accounts(s.app().db());
    sdk::Role role = host::parse_role(a->role);
    const char* env = std::getenv("WASSHOI_NEW_PASSPHRASE");
    std::string pass = env ? env : host::read_passphrase();
    auto id = accounts.add(s.app().access(), a->login, a->name, pass, role, a->org,
                           a->han ? std::optional<std::int64_t>(a->han) : std::nullopt, a->admin);
    s.emit({{"id", id}, {"login", a->login}, {"role", a->role}, {"org_id", a->org}},
           [&](std::ostream& out) { out << id << '\n'; });
  });

  account->add_subcommand("list", "the accounts the signed-in officer manages (their own otherwise)")
      ->callback([&s] {
        auto all = host::Accounts(s.app().db()).list();
        {
          auto orgs = s.app().orgs();
          const auto& me = s.app().access();
          std::erase_if(all, [&](const host::Account& a) {
            return !host::may(me, orgs, sdk::Act::ManageAccounts, a.org) && a.login != me.account;
          });
        }
        nlohmann::json arr = nlohmann::json::array();
        for (const auto& a : all) arr.push_back(to_json(a));
        s.emit(arr, [&](std::ostream& out) {
          for (const auto& a : all)
            out << a.id << '\t' << a.login << '\t' << host::role_label_ja(a.role) << '\t' << a.name
                << "\torg " << a.org << (a.han ? "\t班 " + std::to_string(*a.han) : "")
                << (a.retired ? "\t(retired)" : "") << '\n';
        });
      });

  struct ChangeArgs {
    std::string login, name, role, admin;
    std::int64_t han = 0;
  };
  auto c = std::make_shared<ChangeArgs>();
  auto* change = account->add_subcommand("change", "change an account's name, role, 班 or 管理者 flag");
  change->add_option("LOGIN", c->login, "the account's login")->required();
  change->add_option("--name", c->name, "the officer's name");
  change->add_option("--role", c->role, "kaicho, yakuin, hancho or etsuran");
  change->add_option("--han", c->han, "the 班 id of a 班長");
  change->add_option("--admin", c->admin, "yes or no: a 管理者 of the whole file (only a 管理者 decides)")
      ->check(CLI::IsMember({"yes", "no"}));
  change->callback([&s, c] {
    host::AccountChange ch;
    if (!c->name.empty()) ch.name = c->name;
    if (!c->role.empty()) ch.role = host::parse_role(c->role);
    if (c->han) ch.han = c->han;
    if (!c->admin.empty()) ch.admin = c->admin == "yes";
    if (!ch.name && !ch.role && !ch.han && !ch.admin)
      throw sdk::InputError("nothing to change: give --name, --role, --han or --admin");
    host::Setup(s.app()).change_account(c->login, ch);
    s.emit({{"login", c->login}, {"changed", true}},
           [&](std::ostream& out) { out << "changed " << c->login << '\n'; });
  });

  auto* reset = account->add_subcommand("reset-passphrase",
                                        "give an account a new passphrase (from WASSHOI_NEW_PASSPHRASE or "
                                        "standard input), as its 会長 or the 管理者");
  reset->add_option("LOGIN", c->login, "the account's login")->required();
  reset->callback([&s, c] {
    s.app().db();  // signed in before the new passphrase is read
    const char* env = std::getenv("WASSHOI_NEW_PASSPHRASE");
    std::string pass = env ? env : host::read_secret("WASSHOI_NEW_PASSPHRASE", "new passphrase: ");
    host::Setup(s.app()).reset_passphrase(c->login, pass);
    s.emit({{"login", c->login}, {"reset", true}},
           [&](std::ostream& out) { out << "reset " << c->login << '\n'; });
  });

  auto* retire = account->add_subcommand(
      "retire",
      "retire an account: it can no longer sign in (kept for the audit log; the last 管理者 cannot be)");
  retire->add_option("LOGIN", c->login, "the account's login")->required();
  retire->callback([&s, c] {
    host::Setup(s.app()).retire_account(c->login);
    s.emit({{"login", c->login}, {"retired", true}},
           [&](std::ostream& out) { out << "retired " << c->login << '\n'; });
  });

  account->add_subcommand("whoami", "the signed-in officer")->callback([&s] {
    s.app().db();
    const auto& a = s.app().access();
    s.emit({{"login", a.account}, {"role", host::to_string(a.role)}, {"org_id", a.org}, {"admin", a.admin}},
           [&](std::ostream& out) { out << (a.full() ? "(no accounts: full access)" : a.account) << '\n'; });
  });
}

}  // namespace wasshoi::cli
