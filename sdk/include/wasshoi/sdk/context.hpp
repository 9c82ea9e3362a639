#pragma once
// What a plugin's contributions receive when they run: the database, the bus, the services and
// the organization the user is working in. The host implements it for the GUI and the CLI.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/events.hpp>
#include <wasshoi/sdk/services.hpp>

#include <nlohmann/json_fwd.hpp>  // the full header only where JSON is built (it is ~1 s per file)

#include <cstdint>
#include <functional>
#include <optional>
#include <ostream>
#include <string>

namespace wasshoi::sdk {

using OrgId = std::int64_t;

// Officer roles. Without accounts (one officer's own laptop) everyone has Full access; once a
// database has accounts, everyone signs in and the host enforces these for GUI and CLI alike.
enum class Role {
  Full,       // no accounts in this database
  Chair,      // 会長: everything of their organization
  Officer,    // 役員: everything of their organization
  HanLeader,  // 班長: their 班 only
  Viewer,     // 閲覧: read only
};

// Who is working and what they may see. Plugins ask it where rows belong to a 班 (han_scope)
// and before showing personal data; the host enforces organization and write access itself.
struct Access {
  std::string account;  // login; empty without accounts
  std::string name;     // display name
  Role role = Role::Full;
  OrgId org = 0;        // the account's organization
  std::optional<std::int64_t> han;  // a 班長's 班
  bool read_only = false;           // set by the host for 閲覧 and for looking into another org

  bool full() const { return role == Role::Full; }
  // A 班長 sees the rows of their 班 in their own organization; nullopt means no restriction.
  std::optional<std::int64_t> han_scope(OrgId o) const {
    if (role == Role::HanLeader && o == org) return han;
    return std::nullopt;
  }
  // Personal data (rosters, phone numbers) of organization `o`.
  bool may_see_personal_data(OrgId o) const { return full() || o == org; }
};

class Context {
 public:
  virtual ~Context() = default;
  virtual Database& db() = 0;
  virtual EventBus& events() = 0;
  virtual Services& services() = 0;
  // The organization the user works in; 0 when none is chosen.
  virtual OrgId current_org() const = 0;
  // "ja" or "en".
  virtual std::string language() const = 0;
  // A short message for the user (status bar in the GUI, stderr in the CLI).
  virtual void notify(const std::string& message) = 0;
  // The signed-in officer (Full access when the database has no accounts).
  virtual const Access& access() const {
    static const Access full;
    return full;
  }
};

class CliContext : public Context {
 public:
  virtual bool json() const = 0;
  // With --json prints `value` as one JSON document on stdout; otherwise calls `human`.
  virtual void emit(const nlohmann::json& value, const std::function<void(std::ostream&)>& human) = 0;
  // The organization from --org, or the only 自治会 when there is one; otherwise InputError.
  virtual OrgId require_org() = 0;
};

}  // namespace wasshoi::sdk
