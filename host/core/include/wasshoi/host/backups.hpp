#pragma once
// Backups with the SQLite online backup API: automatic on start (rotated), on demand, restore.
#include <wasshoi/sdk/db.hpp>

#include <filesystem>
#include <vector>

namespace wasshoi::host {

// <folder of the database>/backups
std::filesystem::path backup_dir(const sdk::Database& db);
// Writes <backup_dir>/<stem>-YYYYMMDD-HHMMSS.db and keeps the newest `keep` files.
std::filesystem::path automatic_backup(sdk::Database& db, int keep = 10);
std::vector<std::filesystem::path> list_backups(const sdk::Database& db);
// Restores `source` into `db` after saving the current content as a backup first.
void restore(sdk::Database& db, const std::filesystem::path& source);

}  // namespace wasshoi::host
