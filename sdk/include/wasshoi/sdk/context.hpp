#pragma once
// What a plugin's contributions receive when they run: the database, the bus, the services and
// the organization the user is working in. The host implements it for the GUI and the CLI.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/events.hpp>
#include <wasshoi/sdk/services.hpp>

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <ostream>
#include <string>

namespace wasshoi::sdk {

using OrgId = std::int64_t;

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
