// The safe file writer: a temporary file created exclusively beside the target, written, fsynced
// and renamed over the target, then the folder fsynced. See file_writer.hpp.
// The system calls themselves are in platform_posix.cpp (sdk/platform.hpp).
#include <cerrno>
#include <cstdlib>
#include <string>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/platform.hpp>

namespace wasshoi::sdk {

namespace fs = std::filesystem;
using platform::FileType;

namespace {

constexpr unsigned kPersonalFile = 0600, kPersonalFolder = 0700;
constexpr mode_t kOrdinaryFile = 0644, kOrdinaryFolder = 0755;

std::string errno_text(int e) {
  return std::error_code(e, std::generic_category()).message();
}

[[noreturn]] void refuse(const fs::path& target, const std::string& why) {
  throw InputError("cannot write " + target.string() + ": " + why);
}

// What a file that is not a regular file is, for the message: "a device".
std::string what_is(FileType type) {
  switch (type) {
    case FileType::Folder:
      return "a folder";
    case FileType::Device:
      return "a device";
    case FileType::Fifo:
      return "a FIFO (named pipe)";
    case FileType::Socket:
      return "a socket";
    default:
      return "a special file";
  }
}

fs::path folder_of(const fs::path& p) {
  return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

// The test hook (docs/hardening.md): WASSHOI_TEST_FAIL_WRITE_AFTER=<bytes>.
std::int64_t fail_after_from_environment() {
  const char* v = std::getenv("WASSHOI_TEST_FAIL_WRITE_AFTER");
  if (!v || !*v) return -1;
  char* end = nullptr;
  long long n = std::strtoll(v, &end, 10);
  return (*end == '\0' && n >= 0) ? n : -1;
}

struct Target {
  fs::path resolved;    // the name the rename replaces
  bool exists = false;  // a regular file is there now
  unsigned existing_mode = 0;
};

// Everything that can be refused before a byte is written.
Target resolve(const fs::path& target, const WriteOptions& options) {
  if (target.empty()) throw InputError("cannot write '': the file name is empty");
  const std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..") refuse(target, "it names a folder, not a file");

  Target t{target};
  std::error_code ec;
  platform::FileInfo st = platform::file_info(target, false, ec);
  if (ec) {
    if (ec != std::errc::no_such_file_or_directory) refuse(target, ec.message());
    // A new name: its folder must be there (or be made).
    fs::path folder = folder_of(target);
    const platform::FileInfo fst = platform::file_info(folder, true, ec);
    if (ec) {
      const bool absent = ec == std::errc::no_such_file_or_directory;
      if (absent && options.create_folders) return t;
      if (absent) refuse(target, "the folder " + folder.string() + " does not exist");
      refuse(target, folder.string() + ": " + ec.message());
    }
    if (fst.type != FileType::Folder) refuse(target, folder.string() + " is not a folder");
    return t;
  }
  if (st.type == FileType::SymbolicLink) {
    // Followed only to a regular file: the link stays and the file it names is replaced. A link to
    // nothing would create a file wherever it points, so it is refused like a link to a device.
    const platform::FileInfo to = platform::file_info(target, true, ec);
    if (ec) refuse(target, "it is a symbolic link to nothing");
    if (to.type != FileType::Regular)
      refuse(target, "it is a symbolic link to " + what_is(to.type) + ", not to a regular file");
    t.resolved = fs::canonical(target, ec);
    if (ec) refuse(target, ec.message());
    st = to;
  } else if (st.type != FileType::Regular) {
    refuse(target, "it is " + what_is(st.type) + ", not a regular file");
  }
  if (!options.overwrite) refuse(target, "it exists already; choose another name");
  // The rename only needs the folder to be writable; a file its owner made read-only stays so.
  if (const std::error_code denied = platform::check_writable(t.resolved)) refuse(target, denied.message());
  t.exists = true;
  t.existing_mode = st.permissions;
  return t;
}

// ".<name>.wasshoi-XXXXXX" beside the file; the name part is shortened (at a UTF-8 boundary) so
// that a long file name still leaves room under NAME_MAX.
std::string temp_template(const fs::path& resolved) {
  std::string name = resolved.filename().string();
  std::size_t cut = std::min<std::size_t>(name.size(), 120);
  while (cut > 0 && cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
  name.resize(cut);
  return (folder_of(resolved) / ("." + name + ".wasshoi-XXXXXX")).string();
}

// Temporary files of writers killed mid-write (kill -9, a power cut) stay behind: hidden, 0600,
// but a copy of what was being written (a roster). A live writer holds an exclusive flock on its
// temporary file from the moment it creates it until it is renamed or removed, and the kernel
// drops the lock when the process dies, so a temporary file of `resolved` whose lock can be taken,
// and that has not changed for a few seconds (the instant between mkostemp and flock), is a
// leftover: remove it before writing anew. Only regular files we own are touched
// (platform::remove_if_abandoned).
void remove_leftover_temps(const fs::path& resolved) {
  const std::string tmpl = temp_template(resolved);
  const std::string prefix = fs::path(tmpl).filename().string();
  const std::string head = prefix.substr(0, prefix.size() - 6);  // without XXXXXX
  const fs::path folder = folder_of(resolved);
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() != prefix.size() || name.compare(0, head.size(), head) != 0) continue;
    platform::remove_if_abandoned(it->path(), 5);
  }
}

// After the rename: the new name is on disk only once the folder is.
void sync_folder(const fs::path& folder, const fs::path& target) {
  // Some file systems cannot fsync a folder; the rename is then as durable as they make it
  // (platform::sync_folder reports no error for them).
  if (const std::error_code ec = platform::sync_folder(folder))
    throw Error(target.string() + " was written, but its folder " + folder.string() +
                " could not be saved to disk (" + ec.message() + ")");
}

}  // namespace

void check_write_target(const fs::path& target, const WriteOptions& options) {
  resolve(target, options);
}

void create_folder(const fs::path& folder, bool personal_data) {
  if (folder.empty()) return;
  fs::path p;
  for (const auto& part : folder) {
    p /= part;
    const std::error_code made = platform::make_folder(p, personal_data ? kPersonalFolder : kOrdinaryFolder);
    if (!made) {
      // The umask applies to a new folder; a folder of personal data is 0700 whatever it is.
      if (personal_data) platform::set_permissions(p, kPersonalFolder);
      continue;
    }
    const bool exists = made == std::errc::file_exists;
    std::error_code ec;
    if (exists && platform::file_info(p, true, ec).type == FileType::Folder && !ec) continue;
    throw Error("cannot create the folder " + p.string() + ": " +
                (exists ? "a file of that name is in the way" : made.message()));
  }
}

FileWriter::FileWriter(const fs::path& target, const WriteOptions& options)
    : target_(target), options_(options) {
  Target t = resolve(target, options);
  resolved_ = t.resolved;
  if (options.create_folders) create_folder(folder_of(resolved_), options.personal_data);

  remove_leftover_temps(resolved_);
  std::string tmpl = temp_template(resolved_);
  // A new file, 0600, locked while we live ("alive": see remove_leftover_temps); nobody else's
  // file is ever opened by mistake.
  std::error_code ec;
  fd_ = platform::create_temp_file(tmpl, ec);
  if (fd_ < 0)
    throw Error("cannot write " + target_.string() + ": cannot create a file in " +
                folder_of(resolved_).string() + " (" + ec.message() + ")");
  temp_ = tmpl;

  unsigned mode = options.personal_data ? kPersonalFile : (kOrdinaryFile & ~platform::current_umask());
  if (t.exists) mode &= t.existing_mode;  // never more readable than the file it replaces
  if (const std::error_code e = platform::set_permissions(fd_, mode))
    fail("cannot set the file's permissions (" + e.message() + ")");
  fail_after_ = fail_after_from_environment();
}

FileWriter::~FileWriter() {
  discard();
}

void FileWriter::discard() noexcept {
  if (fd_ >= 0) {
    platform::close_file(fd_);
    fd_ = -1;
  }
  if (!committed_ && !temp_.empty()) {
    std::error_code ec;
    fs::remove(temp_, ec);
    temp_.clear();
  }
}

void FileWriter::fail(const std::string& reason) {
  discard();
  throw Error("cannot write " + target_.string() + ": " + reason);
}

void FileWriter::write(std::string_view bytes) {
  write(bytes.data(), bytes.size());
}

void FileWriter::write(const void* data, std::size_t size) {
  if (fd_ < 0) throw Error("cannot write " + target_.string() + ": the file was already closed");
  const char* p = static_cast<const char*>(data);
  std::size_t allowed = size;
  bool injected = false;
  if (fail_after_ >= 0 && written_ + size > static_cast<std::uint64_t>(fail_after_)) {
    allowed = static_cast<std::size_t>(static_cast<std::uint64_t>(fail_after_) - written_);
    injected = true;
  }
  if (const std::error_code ec = platform::write_all(fd_, p, allowed)) fail(ec.message());
  written_ += allowed;
  if (injected) fail(errno_text(ENOSPC));
}

void FileWriter::commit() {
  if (committed_) return;
  if (fd_ < 0) throw Error("cannot write " + target_.string() + ": the file was already discarded");
  std::error_code ec;
  const platform::FileInfo st = platform::file_info(fd_, ec);
  if (ec) fail(ec.message());
  // Bytes written by another writer through temp_path() (SQLite's backup) meet the hook here.
  if (fail_after_ >= 0 && static_cast<std::int64_t>(st.size) > fail_after_) fail(errno_text(ENOSPC));
  // Flushed to the disk before the rename: otherwise a power cut could leave the new name on an
  // empty file.
  if ((ec = platform::flush_to_disk(fd_))) fail(ec.message());
  int fd = fd_;
  fd_ = -1;
  if ((ec = platform::close_file(fd))) fail(ec.message());

  // The target may have changed since it was checked (another program): checked again just before.
  Target now;
  try {
    now = resolve(target_, options_);
  } catch (...) {
    discard();
    throw;
  }
  if (now.resolved != resolved_) fail("it changed while it was being written");
  // Atomic either way; without overwrite, a file that appeared meanwhile is refused, not replaced.
  ec = options_.overwrite ? platform::replace_file(temp_, resolved_)
                          : platform::rename_no_replace(temp_, resolved_);
  if (ec == std::errc::file_exists && !options_.overwrite) fail("it exists already; choose another name");
  if (ec) fail(ec.message());
  committed_ = true;
  temp_.clear();
  sync_folder(folder_of(resolved_), target_);
}

void write_file(const fs::path& target, std::string_view bytes, const WriteOptions& options) {
  FileWriter w(target, options);
  w.write(bytes);
  w.commit();
}

}  // namespace wasshoi::sdk
