#pragma once
// 最近開いたデータベース (ファイル menu): the SQLite files and servers opened in the window, newest
// first, at most kMax, kept in the user's Wasshoi folder (recent_databases_file(): one target a
// line, UTF-8, 0600 through sdk::FileWriter). A server is kept by its URI without its password
// (sdk::server_uri_without_password), whatever it was opened with: the password comes from the
// form, WASSHOI_PASSPHRASE or PGPASSFILE each time.
#include <filesystem>
#include <string>
#include <vector>

namespace wasshoi::gui {

// $XDG_DATA_HOME/wasshoi/recent-databases (~/.local/share/wasshoi/recent-databases).
std::filesystem::path recent_databases_file();

class RecentDatabases {
 public:
  static constexpr std::size_t kMax = 8;

  explicit RecentDatabases(std::filesystem::path file) : file_(std::move(file)) {}

  // Reads the file. A missing or unreadable file is an empty list; a password found in a line
  // (written there by hand) is left out of what is read.
  void load();
  const std::vector<std::string>& entries() const { return entries_; }
  const std::filesystem::path& file() const { return file_; }

  // Puts `target` first — a file by its absolute path, a server by its URI without the
  // password — removes an older line for the same database and what is beyond kMax, and writes
  // the file (0600; the folder made 0700 when missing). sdk::Error when it cannot be written: the
  // list in memory has the entry anyway.
  void add(const std::string& target);

  // How a target is kept: a file's absolute, normal path; a server's URI without its password.
  static std::string normal_form(const std::string& target);

 private:
  std::filesystem::path file_;
  std::vector<std::string> entries_;
};

// How the menu names a target: 「wasshoi.db（~/.local/share/wasshoi）」 for a file,
// 「wasshoi（kaikei@office.example）」 for a server (its database, user and host).
std::string database_label(const std::string& target);

}  // namespace wasshoi::gui
