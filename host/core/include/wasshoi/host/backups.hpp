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
// Now as backups are named: 20261205-141503-042 (local time, to the millisecond; sorts by time).
std::string backup_timestamp();
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

// On a PostgreSQL server (src/server_backups.cpp), with the server's own programs, which connect
// as `db` did (Database::server_environment(): the password in their environment). Only the schema
// the connection works in (current_schema(): public on an installation) is saved and restored.
// InputError naming the Debian package (postgresql-client) when the program is missing, with the
// program's own message when it fails; on a SQLite file, InputError.
//
// pg_dump's custom format (pg_dump -Fc), written through sdk::FileWriter: 0600, complete or not
// at all, an existing file refused.
void server_backup(sdk::Database& db, const std::filesystem::path& target);
// Whether `file` starts as pg_dump's custom format does ("PGDMP").
bool is_server_backup(const std::filesystem::path& file);
// Replaces the schema's content by the backup's (pg_restore --clean --if-exists
// --single-transaction): on any error nothing changes. With `before`, the current content is
// saved there first (server_backup). Not inside a transaction of `db`.
void server_restore(sdk::Database& db, const std::filesystem::path& source,
                    const std::filesystem::path& before);

}  // namespace wasshoi::host
