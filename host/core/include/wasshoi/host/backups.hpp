#pragma once
// Backups with the SQLite online backup API: automatic on start (rotated), on demand, restore.
#include <filesystem>
#include <vector>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::host {

// <folder of the database>/backups
std::filesystem::path backup_dir(const sdk::Database& db);
// Writes <backup_dir>/<stem>-YYYYMMDD-HHMMSS.db and keeps the newest `keep` files.
std::filesystem::path automatic_backup(sdk::Database& db, int keep = 10);
std::vector<std::filesystem::path> list_backups(const sdk::Database& db);
// Restores `source` into `db` after saving the current content as a backup first. A file that
// has officer accounts is never replaced by one without them (everyone would have full access).
void restore(sdk::Database& db, const std::filesystem::path& source);

// Backups for a USB stick: the whole file encrypted with a passphrase (libsodium secretstream,
// XChaCha20-Poly1305, the key from Argon2id). Written 0600, through a temporary file renamed
// over `target` only when complete. A wrong passphrase or a changed byte is an InputError.
void encrypted_backup(sdk::Database& db, const std::filesystem::path& target, const std::string& passphrase);
bool is_encrypted_backup(const std::filesystem::path& file);
// Decrypts `source` into a new file `plain` (0600) that restore() can take.
void decrypt_backup(const std::filesystem::path& source, const std::filesystem::path& plain,
                    const std::string& passphrase);

}  // namespace wasshoi::host
