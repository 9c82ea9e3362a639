#pragma once
// How a wasshoi-cli run ends: its exit code and the message an officer reads.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <wasshoi/host/app.hpp>

namespace wasshoi::cli {

// Exit codes, also listed at the end of --help.
enum ExitCode : int {
  kOk = 0,
  kError = 1,         // bad input, refused, a database that cannot be used
  kUsage = 2,         // the command line itself is wrong (CLI11)
  kBusy = 3,          // another window or command held the write lock past the busy timeout
  kPluginFailed = 4,  // a plugin threw something that is not an sdk::Error; disabled for this run
};

// The --help footer that explains the exit codes.
std::string exit_code_help();

// A catalog text with its "{key}" marks filled in.
std::string catalog_text(std::string_view key,
                         std::initializer_list<std::pair<std::string_view, std::string>> values = {});

int report_error(const std::string& message);
// "データベースは他のプログラムが使用中です…": nothing was written, try again.
int report_busy();
// Disables `plugin_id` for this session (PluginManager::disable), rolls back a transaction the
// plugin left open, and says which plugin failed, why, and whether data was changed.
int report_plugin_failure(host::App& app, const std::string& plugin_id, const std::string& what);
// The plugin's name as an officer knows it: 会員名簿 (members).
std::string plugin_label(host::App& app, const std::string& plugin_id);

}  // namespace wasshoi::cli
