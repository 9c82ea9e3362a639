#include <wasshoi/host/settings.hpp>

namespace wasshoi::host {

std::optional<std::string> Settings::get(const std::string& key) {
  sdk::Statement st(db_, "SELECT value FROM settings WHERE key = ?");
  st.bind(1, key);
  if (!st.step()) return std::nullopt;
  return st.get_text(0);
}

std::string Settings::get_or(const std::string& key, const std::string& fallback) {
  return get(key).value_or(fallback);
}

int Settings::get_int(const std::string& key, int fallback) {
  auto v = get(key);
  if (!v) return fallback;
  try {
    return std::stoi(*v);
  } catch (const std::exception&) {
    return fallback;
  }
}

void Settings::set(const std::string& key, const std::string& value) {
  sdk::Transaction tx(db_, "settings.set", key + "=" + value);
  sdk::Statement st(
      db_,
      "INSERT INTO settings(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value");
  st.bind_all(key, value).run();
  tx.commit();
}

}  // namespace wasshoi::host
