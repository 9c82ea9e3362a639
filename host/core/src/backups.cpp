#include <sodium.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <fstream>
#include <thread>
#include <wasshoi/host/backups.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/platform.hpp>

namespace wasshoi::host {

namespace fs = std::filesystem;

fs::path backup_dir(const sdk::Database& db) {
  fs::path p = db.path();
  return (p.has_parent_path() ? p.parent_path() : fs::current_path()) / "backups";
}

std::string backup_timestamp() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  const std::tm tm = sdk::platform::local_time(t);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y%m%d-%H%M%S", &tm);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  char out[40];
  std::snprintf(out, sizeof out, "%s-%03d", buf, static_cast<int>(ms));
  return out;
}

namespace {

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
  fs::path target = dir / (db.path().stem().string() + "-" + backup_timestamp() + ".db");
  // Two backups within one millisecond (a restore right after a start): the next millisecond's
  // name, so the names still sort by time.
  for (int i = 0; fs::exists(target, ec) && i < 1000; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
    target = dir / (db.path().stem().string() + "-" + backup_timestamp() + ".db");
  }
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
    if (check != "ok")
      throw sdk::InputError("cannot restore from " + source.string() + ": it is damaged (" + check + ")");
    if (!in.table_exists("organizations") || !in.table_exists("schema_migrations"))
      throw sdk::InputError("cannot restore from " + source.string() + ": it is not a Wasshoi database");
  }
  if (db.table_exists("accounts") && sdk::query_int(db, "SELECT count(*) FROM accounts").value_or(0) > 0) {
    sdk::Database in = sdk::Database::open(source, sdk::Database::Mode::ReadOnly);
    bool has_accounts =
        in.table_exists("accounts") && sdk::query_int(in, "SELECT count(*) FROM accounts").value_or(0) > 0;
    if (!has_accounts)
      throw sdk::InputError(
          "cannot restore from " + source.string() +
          ": it has no officer accounts, and this file has: everyone would then have full access. "
          "Restore a backup made after the accounts were created.");
  }
  if (db.table_exists("organizations")) automatic_backup(db);  // the current data, just in case
  db.restore_from(source);
}

namespace {

constexpr std::string_view kMagic = "WASSHOI-ENCRYPTED-BACKUP-1\n";
constexpr std::size_t kChunk = 64 * 1024;

struct KeyParams {
  unsigned long long ops = crypto_pwhash_OPSLIMIT_MODERATE;
  std::size_t mem = crypto_pwhash_MEMLIMIT_MODERATE;
};

std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> derive_key(
    const std::string& pass, const unsigned char* salt, const KeyParams& p) {
  std::array<unsigned char, crypto_secretstream_xchacha20poly1305_KEYBYTES> key{};
  if (crypto_pwhash(key.data(), key.size(), pass.data(), pass.size(), salt, p.ops, p.mem,
                    crypto_pwhash_ALG_ARGON2ID13) != 0)
    throw sdk::Error("not enough memory to derive the backup key");
  return key;
}

void init_sodium() {
  if (sodium_init() < 0) throw sdk::Error("libsodium cannot start");
}

}  // namespace

bool is_encrypted_backup(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::string head(kMagic.size(), '\0');
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  return in && head == kMagic;
}

void encrypted_backup(sdk::Database& db, const fs::path& target, const std::string& passphrase) {
  init_sodium();
  if (passphrase.size() < 8) throw sdk::InputError("the backup passphrase needs at least 8 characters");
  sdk::FileWriter out(target, {.personal_data = true, .overwrite = false});
  // The plain copy lives only in memory: a USB stick never holds unencrypted bytes, even briefly.
  std::string bytes = db.serialize();
  KeyParams params;
  unsigned char salt[crypto_pwhash_SALTBYTES];
  randombytes_buf(salt, sizeof salt);
  auto key = derive_key(passphrase, salt, params);
  crypto_secretstream_xchacha20poly1305_state st;
  unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_init_push(&st, header, key.data());
  sodium_memzero(key.data(), key.size());
  out.write(reinterpret_cast<const unsigned char*>(kMagic.data()), kMagic.size());
  out.write(salt, sizeof salt);
  unsigned char p[16];
  for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(params.ops >> (8 * i));
  for (int i = 0; i < 8; ++i)
    p[8 + i] = static_cast<unsigned char>(static_cast<std::uint64_t>(params.mem) >> (8 * i));
  out.write(p, sizeof p);
  out.write(header, sizeof header);
  std::vector<unsigned char> cipher(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES);
  std::size_t at = 0;
  do {
    std::size_t n = std::min(kChunk, bytes.size() - at);
    bool last = at + n == bytes.size();
    unsigned long long clen = 0;
    crypto_secretstream_xchacha20poly1305_push(
        &st, cipher.data(), &clen, reinterpret_cast<const unsigned char*>(bytes.data()) + at, n, nullptr, 0,
        last ? crypto_secretstream_xchacha20poly1305_TAG_FINAL : 0);
    out.write(cipher.data(), static_cast<std::size_t>(clen));
    at += n;
  } while (at < bytes.size());
  sodium_memzero(bytes.data(), bytes.size());
  out.commit();
}

void decrypt_backup(const fs::path& source, const fs::path& plain, const std::string& passphrase) {
  init_sodium();
  std::ifstream in(source, std::ios::binary);
  if (!in) throw sdk::InputError("cannot read " + source.string());
  std::string magic(kMagic.size(), '\0');
  in.read(magic.data(), static_cast<std::streamsize>(magic.size()));
  if (!in || magic != kMagic) throw sdk::InputError(source.string() + " is not an encrypted Wasshoi backup");
  unsigned char salt[crypto_pwhash_SALTBYTES];
  unsigned char p[16];
  unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  in.read(reinterpret_cast<char*>(salt), sizeof salt);
  in.read(reinterpret_cast<char*>(p), sizeof p);
  in.read(reinterpret_cast<char*>(header), sizeof header);
  if (!in) throw sdk::InputError(source.string() + ": the encrypted backup is cut short");
  KeyParams params{0, 0};
  for (int i = 0; i < 8; ++i) params.ops |= static_cast<unsigned long long>(p[i]) << (8 * i);
  std::uint64_t mem = 0;
  for (int i = 0; i < 8; ++i) mem |= static_cast<std::uint64_t>(p[8 + i]) << (8 * i);
  params.mem = static_cast<std::size_t>(mem);
  if (params.ops < crypto_pwhash_OPSLIMIT_MIN || params.ops > crypto_pwhash_OPSLIMIT_SENSITIVE ||
      mem < crypto_pwhash_MEMLIMIT_MIN || mem > crypto_pwhash_MEMLIMIT_SENSITIVE)
    throw sdk::InputError(source.string() + ": the encrypted backup's header is damaged");
  auto key = derive_key(passphrase, salt, params);
  crypto_secretstream_xchacha20poly1305_state st;
  const std::string wrong = source.string() + ": wrong passphrase, or the backup was changed or damaged";
  if (crypto_secretstream_xchacha20poly1305_init_pull(&st, header, key.data()) != 0)
    throw sdk::InputError(wrong);
  sodium_memzero(key.data(), key.size());
  sdk::FileWriter out(plain, {.personal_data = true, .overwrite = false});
  std::vector<unsigned char> cipher(kChunk + crypto_secretstream_xchacha20poly1305_ABYTES);
  std::vector<unsigned char> clear(kChunk);
  bool final = false;
  while (!final) {
    in.read(reinterpret_cast<char*>(cipher.data()), static_cast<std::streamsize>(cipher.size()));
    std::size_t got = static_cast<std::size_t>(in.gcount());
    if (got == 0) throw sdk::InputError(wrong);
    unsigned long long mlen = 0;
    unsigned char tag = 0;
    if (crypto_secretstream_xchacha20poly1305_pull(&st, clear.data(), &mlen, &tag, cipher.data(), got,
                                                   nullptr, 0) != 0)
      throw sdk::InputError(wrong);
    out.write(clear.data(), static_cast<std::size_t>(mlen));
    final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
    if (final && in.peek() != std::char_traits<char>::eof()) throw sdk::InputError(wrong);
  }
  sodium_memzero(clear.data(), clear.size());
  out.commit();
}

}  // namespace wasshoi::host
