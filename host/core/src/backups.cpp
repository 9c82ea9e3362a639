#include <wasshoi/host/backups.hpp>

#include <wasshoi/sdk/file_writer.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace wasshoi::host {

namespace fs = std::filesystem;

fs::path backup_dir(const sdk::Database& db) {
  fs::path p = db.path();
  return (p.has_parent_path() ? p.parent_path() : fs::current_path()) / "backups";
}

namespace {

std::string timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  char out[40];
  std::snprintf(out, sizeof out, "%s-%03d", buf, static_cast<int>(ms));
  return out;
}

bool is_backup_of(const fs::path& file, const std::string& stem) {
  std::string name = file.filename().string();
  return name.starts_with(stem + "-") && file.extension() == ".db";
}

}  // namespace

std::vector<fs::path> list_backups(const sdk::Database& db) {
  std::vector<fs::path> out;
  std::error_code ec;
  fs::path dir = backup_dir(db);
  if (!fs::is_directory(dir, ec)) return out;
  std::string stem = db.path().stem().string();
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.is_regular_file() && is_backup_of(e.path(), stem)) out.push_back(e.path());
  std::sort(out.begin(), out.end());  // the timestamp in the name sorts by time
  return out;
}

fs::path automatic_backup(sdk::Database& db, int keep) {
  fs::path dir = backup_dir(db);
  // Backups hold everyone's personal data: the folder is 0700, also when an older version made it
  // 0755 (our own folder, so tightening it takes nothing from anyone).
  sdk::create_folder(dir, true);
  std::error_code ec;
  if ((fs::status(dir, ec).permissions() & (fs::perms::group_all | fs::perms::others_all)) != fs::perms::none)
    fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace, ec);
  fs::path target = dir / (db.path().stem().string() + "-" + timestamp() + ".db");
  db.backup_to(target);
  auto all = list_backups(db);
  for (std::size_t i = 0; i + static_cast<std::size_t>(keep) < all.size(); ++i) {
    std::error_code ec;
    fs::remove(all[i], ec);
  }
  return target;
}

void restore(sdk::Database& db, const fs::path& source) {
  {
    // Check the source before touching anything.
    sdk::Database in = sdk::Database::open(source, sdk::Database::Mode::ReadOnly);
    std::string check = in.integrity_check();
    if (check != "ok") throw sdk::InputError("cannot restore from " + source.string() + ": it is damaged (" + check + ")");
    if (!in.table_exists("organizations") || !in.table_exists("schema_migrations"))
      throw sdk::InputError("cannot restore from " + source.string() + ": it is not a Wasshoi database");
  }
  if (db.table_exists("organizations")) automatic_backup(db);  // the current data, just in case
  db.restore_from(source);
}

}  // namespace wasshoi::host
