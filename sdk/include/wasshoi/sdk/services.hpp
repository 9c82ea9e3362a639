#pragma once
// Services: interfaces declared in the SDK, implemented by one plugin, looked up by others.
// Each interface has a static `kServiceId`. Plugins never include each other's headers.
#include <map>
#include <memory>
#include <string>
#include <wasshoi/sdk/error.hpp>

namespace wasshoi::sdk {

// The owner of the services host core provides itself (sdk::OrganizationDirectory). They are
// provided before any plugin registers and withdrawn only when the host shuts down: disabling a
// plugin withdraws that plugin's services (remove_owner(plugin id)) and never these. No plugin
// may have this id (the host refuses to load one).
inline constexpr const char* kHostServiceOwner = "core";

class Services {
 public:
  // One provider per service: a second one is refused with an Error naming the service and
  // both plugins (the host then lists the second plugin as failed with that reason), never
  // silently put in place of the first.
  template <typename Service>
  void provide(std::string owner, std::shared_ptr<Service> impl) {
    auto [it, added] = entries_.try_emplace(Service::kServiceId,
                                            Entry{owner, std::static_pointer_cast<void>(std::move(impl))});
    if (!added) refuse_second_provider(Service::kServiceId, it->second.owner, owner);
  }
  // nullptr when no enabled plugin provides it.
  template <typename Service>
  std::shared_ptr<Service> find() const {
    auto it = entries_.find(Service::kServiceId);
    return it == entries_.end() ? nullptr : std::static_pointer_cast<Service>(it->second.impl);
  }
  template <typename Service>
  Service& get() const {
    auto s = find<Service>();
    if (!s)
      throw Error(std::string("service '") + Service::kServiceId +
                  "' is not available: enable the plugin that provides it");
    return *s;
  }
  // The service when `owner` provides it; nullptr otherwise.
  template <typename Service>
  std::shared_ptr<Service> find_provided_by(const std::string& owner) const {
    auto it = entries_.find(Service::kServiceId);
    if (it == entries_.end() || it->second.owner != owner) return nullptr;
    return std::static_pointer_cast<Service>(it->second.impl);
  }
  void remove_owner(const std::string& owner);
  void clear() { entries_.clear(); }

 private:
  [[noreturn]] static void refuse_second_provider(const std::string& service, const std::string& first,
                                                  const std::string& second);
  struct Entry {
    std::string owner;
    std::shared_ptr<void> impl;
  };
  std::map<std::string, Entry> entries_;
};

}  // namespace wasshoi::sdk
