#pragma once
// Settings stored in the database (language, font size, last organization …).
#include <optional>
#include <string>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::host {

class Settings {
 public:
  explicit Settings(sdk::Database& db) : db_(db) {}
  std::optional<std::string> get(const std::string& key);
  std::string get_or(const std::string& key, const std::string& fallback);
  int get_int(const std::string& key, int fallback);
  void set(const std::string& key, const std::string& value);

 private:
  sdk::Database& db_;
};

}  // namespace wasshoi::host
