#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <wasshoi/gui/recent_databases.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/paths.hpp>
#include <wasshoi/sdk/server_uri.hpp>

namespace wasshoi::gui {

namespace fs = std::filesystem;

fs::path recent_databases_file() {
  return sdk::user_data_dir() / "recent-databases";
}

std::string RecentDatabases::normal_form(const std::string& target) {
  if (sdk::is_server_target(target)) return sdk::server_uri_without_password(target);
  std::error_code ec;
  const fs::path absolute = fs::absolute(target, ec);
  return (ec ? fs::path(target) : absolute).lexically_normal().string();
}

void RecentDatabases::load() {
  entries_.clear();
  std::ifstream in(file_);
  std::string line;
  while (std::getline(in, line) && entries_.size() < kMax) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) continue;
    line = sdk::server_uri_without_password(line);
    if (std::find(entries_.begin(), entries_.end(), line) == entries_.end()) entries_.push_back(line);
  }
}

void RecentDatabases::add(const std::string& target) {
  const std::string entry = normal_form(target);
  if (entry.empty() || entry.find('\n') != std::string::npos) return;  // a line per target
  std::erase(entries_, entry);
  entries_.insert(entries_.begin(), entry);
  if (entries_.size() > kMax) entries_.resize(kMax);
  std::string text;
  for (const auto& e : entries_) text += e + "\n";
  // Which databases an officer works on, and where: theirs only (0600, like the backups).
  sdk::write_file(file_, text, {.personal_data = true, .overwrite = true, .create_folders = true});
}

namespace {

// The folder as people read it: ~ for the home folder.
std::string folder_label(const fs::path& folder) {
  const std::string text = folder.string();
  const char* home = std::getenv("HOME");
  if (home && *home) {
    const std::string h = fs::path(home).lexically_normal().string();
    if (text == h) return "~";
    if (text.starts_with(h + "/")) return "~" + text.substr(h.size());
  }
  return text;
}

}  // namespace

std::string database_label(const std::string& target) {
  if (!sdk::is_server_target(target)) {
    const fs::path path(target);
    return sdk::tr_fill("gui.recent.file", {path.filename().string(), folder_label(path.parent_path())});
  }
  const sdk::ServerAddress a = sdk::parse_server_uri(target);
  const std::string host = sdk::is_local_server(a.host) && (a.host.empty() || a.host.starts_with('/'))
                               ? std::string(sdk::tr("gui.recent.this_computer"))
                               : a.host;
  const std::string who = a.user.empty() ? host : a.user + "@" + host;
  return sdk::tr_fill("gui.recent.server", {a.database.empty() ? a.user : a.database, who});
}

}  // namespace wasshoi::gui
