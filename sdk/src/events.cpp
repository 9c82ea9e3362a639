#include <algorithm>
#include <wasshoi/sdk/events.hpp>
#include <wasshoi/sdk/services.hpp>

namespace wasshoi::sdk {

void EventBus::remove_owner(const std::string& owner) {
  for (auto& [id, list] : handlers_) std::erase_if(list, [&](const Handler& h) { return h.owner == owner; });
}

std::size_t EventBus::handler_count(const std::string& event_id) const {
  auto it = handlers_.find(event_id);
  return it == handlers_.end() ? 0 : it->second.size();
}

void Services::refuse_second_provider(const std::string& service, const std::string& first,
                                      const std::string& second) {
  if (first == second)
    throw Error("the plugin '" + second + "' provides the service '" + service + "' twice");
  throw Error("the service '" + service + "' is already provided by the plugin '" + first +
              "'; the plugin '" + second +
              "' cannot provide it too (one provider per service: remove one of the two plugins)");
}

void Services::remove_owner(const std::string& owner) {
  std::erase_if(entries_, [&](const auto& kv) { return kv.second.owner == owner; });
}

}  // namespace wasshoi::sdk
