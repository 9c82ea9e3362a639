#include "outcome.hpp"

#include <iostream>
#include <wasshoi/sdk/i18n.hpp>

#include "session.hpp"

namespace wasshoi::cli {

namespace {

// Rolls back a transaction a plugin opened by hand and left open when it threw (sdk::Transaction
// rolls back by itself while the exception unwinds).
void roll_back_open_transaction(host::App& app) {
  if (!app.has_database()) return;
  try {
    sdk::Database& db = app.db();
    if (db.in_transaction()) db.exec("ROLLBACK");
  } catch (const std::exception&) {
    // Not signed in (nothing could have been written) or SQLite rolled back already.
  }
}

}  // namespace

std::string catalog_text(std::string_view key,
                         std::initializer_list<std::pair<std::string_view, std::string>> values) {
  std::string text = sdk::tr(key);
  for (const auto& [name, value] : values) {
    const std::string mark = "{" + std::string(name) + "}";
    for (auto at = text.find(mark); at != std::string::npos; at = text.find(mark, at + value.size()))
      text.replace(at, mark.size(), value);
  }
  return text;
}

std::string exit_code_help() {
  return "Exit codes:\n"
         "  0  done\n"
         "  1  error: bad input, refused, a database that cannot be used\n"
         "  2  usage error\n"
         "  3  the database is busy (another Wasshoi window or command kept writing past the 5 s busy\n"
         "     timeout): nothing was written, try again\n"
         "  4  a plugin failed: it is disabled for this run, its unfinished writes are rolled back, and the\n"
         "     message says whether anything had been saved before";
}

int report_error(const std::string& message) {
  std::cerr << "wasshoi-cli: error: " << message << '\n';
  return kError;
}

int report_busy() {
  std::cerr << "wasshoi-cli: " << sdk::tr("cli.busy") << '\n';
  return kBusy;
}

std::string plugin_label(host::App& app, const std::string& plugin_id) {
  const host::PluginRecord* r = app.plugins().find(plugin_id);
  const std::string& name = r && !r->info.name_ja.empty() ? r->info.name_ja : plugin_id;
  return name == plugin_id ? name : name + " (" + plugin_id + ")";
}

int report_plugin_failure(host::App& app, const std::string& plugin_id, const std::string& what) {
  roll_back_open_transaction(app);
  if (app.plugins().is_loaded(plugin_id)) app.plugins().disable(plugin_id, "its command failed: " + what);
  std::string message =
      catalog_text("cli.plugin_failed", {{"name", plugin_label(app, plugin_id)}, {"reason", what}});
  const int saved = committed_writes();
  message += saved == 0 ? catalog_text("cli.data_unchanged")
                        : catalog_text("cli.data_partly_saved", {{"n", std::to_string(saved)}});
  std::cerr << "wasshoi-cli: " << message << '\n';
  return kPluginFailed;
}

}  // namespace wasshoi::cli
