#pragma once
// A typed event bus. An event is a plain struct with a static `kEventId`; plugins publish and
// subscribe without knowing each other. Handlers run synchronously, in subscription order.
#include <functional>
#include <map>
#include <string>
#include <vector>

namespace wasshoi::sdk {

class EventBus {
 public:
  template <typename Event>
  void subscribe(std::string owner, std::function<void(const Event&)> handler) {
    handlers_[Event::kEventId].push_back(
        {std::move(owner), [h = std::move(handler)](const void* e) { h(*static_cast<const Event*>(e)); }});
  }

  template <typename Event>
  void publish(const Event& event) const {
    auto it = handlers_.find(Event::kEventId);
    if (it == handlers_.end()) return;
    // Copy: a handler may subscribe more handlers while we run.
    auto handlers = it->second;
    for (const auto& h : handlers) h.call(&event);
  }

  // Drops every handler of `owner` (a plugin being disabled or unloaded).
  void remove_owner(const std::string& owner);
  void clear() { handlers_.clear(); }
  std::size_t handler_count(const std::string& event_id) const;

 private:
  struct Handler {
    std::string owner;
    std::function<void(const void*)> call;
  };
  std::map<std::string, std::vector<Handler>> handlers_;
};

// Events published by the host.
namespace events {
struct OrganizationChanged {  // the user switched to another organization
  static constexpr const char* kEventId = "host.organization_changed";
  std::int64_t org_id;
};
struct DataChanged {  // a plugin wrote; others may refresh caches
  static constexpr const char* kEventId = "host.data_changed";
  std::string owner;
  std::string what;
};
}  // namespace events

}  // namespace wasshoi::sdk
