#include <map>
#include <mutex>
#include <wasshoi/sdk/cli_ids.hpp>

namespace wasshoi::sdk {

namespace {
std::mutex g_mutex;
std::map<const void*, std::string>& id_options() {
  static std::map<const void*, std::string> m;
  return m;
}
}  // namespace

void note_id_option(const void* option, std::string table) {
  std::lock_guard lock(g_mutex);
  id_options()[option] = std::move(table);
}

std::optional<std::string> id_table(const void* option) {
  std::lock_guard lock(g_mutex);
  auto it = id_options().find(option);
  if (it == id_options().end()) return std::nullopt;
  return it->second;
}

}  // namespace wasshoi::sdk
