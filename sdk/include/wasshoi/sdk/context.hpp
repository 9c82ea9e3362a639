#pragma once
// What a plugin's contributions receive when they run: the database, the bus, the services and
// the organization the user is working in. The host implements it for the GUI and the CLI.
#include <cstdint>
#include <functional>
#include <nlohmann/json_fwd.hpp>  // the full header only where JSON is built (it is ~1 s per file)
#include <optional>
#include <ostream>
#include <string>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/events.hpp>
#include <wasshoi/sdk/services.hpp>

namespace wasshoi::sdk {

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
  // The signed-in officer (Full access when the database has no accounts). Default: nobody,
  // who may do nothing.
  virtual const Access& access() const {
    static const Access nobody;
    return nobody;
  }
  // InputError unless the signed-in officer may do `act` for organization `org` (the matrix is in
  // host core and docs/access.md). Default: refused.
  virtual void require(Act act, OrgId org) {
    (void)org;
    throw InputError("not permitted: act " + std::to_string(static_cast<int>(act)) + " outside a host");
  }
  // InputError unless row `id` of `table` (declared with Registry::own_table) exists and the
  // signed-in officer may see it: their organization, their 班 for a 班長, and nothing of another
  // 自治会. The message is the same for a row that does not exist and one that is not theirs.
  virtual void require_visible(std::string_view table, std::int64_t id) {
    (void)id;
    throw InputError("not permitted: " + std::string(table) + " outside a host");
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
