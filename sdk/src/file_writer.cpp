// The safe file writer: a temporary file created exclusively beside the target, written, fsynced
// and renamed over the target, then the folder fsynced. See file_writer.hpp.
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/file_writer.hpp>

namespace wasshoi::sdk {

namespace fs = std::filesystem;

namespace {

constexpr mode_t kPersonalFile = 0600, kPersonalFolder = 0700;
constexpr mode_t kOrdinaryFile = 0644, kOrdinaryFolder = 0755;

std::string errno_text(int e) {
  return std::strerror(e);
}

[[noreturn]] void refuse(const fs::path& target, const std::string& why) {
  throw InputError("cannot write " + target.string() + ": " + why);
}

// What a file that is not a regular file is, for the message: "a device".
std::string what_is(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode) || S_ISBLK(mode)) return "a device";
  if (S_ISFIFO(mode)) return "a FIFO (named pipe)";
  if (S_ISSOCK(mode)) return "a socket";
  return "a special file";
}

fs::path folder_of(const fs::path& p) {
  return p.has_parent_path() ? p.parent_path() : fs::path(".");
}

// The process's umask without changing it: umask(2) can only be read by setting it, which would
// race with threads creating files meanwhile.
mode_t current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Umask:", 0) == 0) return static_cast<mode_t>(std::strtoul(line.c_str() + 6, nullptr, 8));
  return 022;
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
  mode_t existing_mode = 0;
};

// Everything that can be refused before a byte is written.
Target resolve(const fs::path& target, const WriteOptions& options) {
  if (target.empty()) throw InputError("cannot write '': the file name is empty");
  const std::string name = target.filename().string();
  if (name.empty() || name == "." || name == "..") refuse(target, "it names a folder, not a file");

  Target t{target};
  struct stat st {};
  if (::lstat(target.c_str(), &st) != 0) {
    int e = errno;
    if (e != ENOENT) refuse(target, errno_text(e));
    // A new name: its folder must be there (or be made).
    fs::path folder = folder_of(target);
    struct stat fst {};
    if (::stat(folder.c_str(), &fst) != 0) {
      int fe = errno;
      if (fe == ENOENT && options.create_folders) return t;
      if (fe == ENOENT) refuse(target, "the folder " + folder.string() + " does not exist");
      refuse(target, folder.string() + ": " + errno_text(fe));
    }
    if (!S_ISDIR(fst.st_mode)) refuse(target, folder.string() + " is not a folder");
    return t;
  }
  if (S_ISLNK(st.st_mode)) {
    // Followed only to a regular file: the link stays and the file it names is replaced. A link to
    // nothing would create a file wherever it points, so it is refused like a link to a device.
    struct stat to {};
    if (::stat(target.c_str(), &to) != 0) refuse(target, "it is a symbolic link to nothing");
    if (!S_ISREG(to.st_mode))
      refuse(target, "it is a symbolic link to " + what_is(to.st_mode) + ", not to a regular file");
    std::error_code ec;
    t.resolved = fs::canonical(target, ec);
    if (ec) refuse(target, ec.message());
    st = to;
  } else if (!S_ISREG(st.st_mode)) {
    refuse(target, "it is " + what_is(st.st_mode) + ", not a regular file");
  }
  if (!options.overwrite) refuse(target, "it exists already; choose another name");
  // The rename only needs the folder to be writable; a file its owner made read-only stays so.
  if (::access(t.resolved.c_str(), W_OK) != 0) refuse(target, errno_text(errno));
  t.exists = true;
  t.existing_mode = st.st_mode & 0777;
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
// leftover: remove it before writing anew. Only regular files we own are touched.
void remove_leftover_temps(const fs::path& resolved) {
  const std::string tmpl = temp_template(resolved);
  const std::string prefix = fs::path(tmpl).filename().string();
  const std::string head = prefix.substr(0, prefix.size() - 6);  // without XXXXXX
  const fs::path folder = folder_of(resolved);
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.size() != prefix.size() || name.compare(0, head.size(), head) != 0) continue;
    int fd = ::open(it->path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) continue;
    struct stat st {};
    const bool ours = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid();
    const bool settled = ::time(nullptr) - st.st_mtime >= 5;
    if (ours && settled && ::flock(fd, LOCK_EX | LOCK_NB) == 0) ::unlink(it->path().c_str());
    ::close(fd);  // drops our lock, if we took it
  }
}

// After the rename: the new name is on disk only once the folder is.
void sync_folder(const fs::path& folder, const fs::path& target) {
  int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return;  // nothing more can be done; the rename itself has happened
  int rc = ::fsync(fd);
  int e = errno;
  ::close(fd);
  // Some file systems cannot fsync a folder (EINVAL); the rename is then as durable as they make it.
  if (rc != 0 && e != EINVAL && e != EROFS)
    throw Error(target.string() + " was written, but its folder " + folder.string() +
                " could not be saved to disk (" + errno_text(e) + ")");
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
    if (::mkdir(p.c_str(), personal_data ? kPersonalFolder : kOrdinaryFolder) == 0) {
      // mkdir applies the umask; a folder of personal data is 0700 whatever it is.
      if (personal_data) ::chmod(p.c_str(), kPersonalFolder);
      continue;
    }
    int e = errno;
    struct stat st {};
    if (e == EEXIST && ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) continue;
    throw Error("cannot create the folder " + p.string() + ": " +
                (e == EEXIST ? "a file of that name is in the way" : errno_text(e)));
  }
}

FileWriter::FileWriter(const fs::path& target, const WriteOptions& options)
    : target_(target), options_(options) {
  Target t = resolve(target, options);
  resolved_ = t.resolved;
  if (options.create_folders) create_folder(folder_of(resolved_), options.personal_data);

  remove_leftover_temps(resolved_);
  std::string tmpl = temp_template(resolved_);
  std::vector<char> buf(tmpl.begin(), tmpl.end());
  buf.push_back('\0');
  // mkostemp: O_CREAT | O_EXCL, mode 0600; nobody else's file is ever opened by mistake.
  fd_ = ::mkostemp(buf.data(), O_CLOEXEC);
  if (fd_ < 0) {
    int e = errno;
    throw Error("cannot write " + target_.string() + ": cannot create a file in " +
                folder_of(resolved_).string() + " (" + errno_text(e) + ")");
  }
  temp_ = buf.data();
  ::flock(fd_, LOCK_EX);  // "alive": see remove_leftover_temps (a new file: never contended)

  mode_t mode = options.personal_data ? kPersonalFile : (kOrdinaryFile & ~current_umask());
  if (t.exists) mode &= t.existing_mode;  // never more readable than the file it replaces
  if (::fchmod(fd_, mode) != 0) fail("cannot set the file's permissions (" + errno_text(errno) + ")");
  fail_after_ = fail_after_from_environment();
}

FileWriter::~FileWriter() {
  discard();
}

void FileWriter::discard() noexcept {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!committed_ && !temp_.empty()) {
    ::unlink(temp_.c_str());
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
  while (allowed > 0) {
    ssize_t n = ::write(fd_, p, allowed);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) fail(errno_text(errno));
    if (n == 0) fail(errno_text(ENOSPC));  // a regular file that takes nothing: the disk is full
    p += n;
    allowed -= static_cast<std::size_t>(n);
    written_ += static_cast<std::uint64_t>(n);
  }
  if (injected) fail(errno_text(ENOSPC));
}

void FileWriter::commit() {
  if (committed_) return;
  if (fd_ < 0) throw Error("cannot write " + target_.string() + ": the file was already discarded");
  struct stat st {};
  if (::fstat(fd_, &st) != 0) fail(errno_text(errno));
  // Bytes written by another writer through temp_path() (SQLite's backup) meet the hook here.
  if (fail_after_ >= 0 && static_cast<std::int64_t>(st.st_size) > fail_after_) fail(errno_text(ENOSPC));
  // fsync before the rename: otherwise a power cut could leave the new name on an empty file.
  if (::fsync(fd_) != 0) fail(errno_text(errno));
  int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno_text(errno));

  // The target may have changed since it was checked (another program): checked again just before.
  Target now;
  try {
    now = resolve(target_, options_);
  } catch (...) {
    discard();
    throw;
  }
  if (now.resolved != resolved_) fail("it changed while it was being written");
  if (options_.overwrite) {
    if (::rename(temp_.c_str(), resolved_.c_str()) != 0) fail(errno_text(errno));
  } else {
    // Atomically refuses a file that appeared meanwhile; hard links where renameat2 is missing.
    if (::renameat2(AT_FDCWD, temp_.c_str(), AT_FDCWD, resolved_.c_str(), RENAME_NOREPLACE) != 0) {
      int e = errno;
      if (e == EEXIST) fail("it exists already; choose another name");
      if (e != EINVAL && e != ENOSYS) fail(errno_text(e));
      if (::link(temp_.c_str(), resolved_.c_str()) != 0) {
        int le = errno;
        fail(le == EEXIST ? std::string("it exists already; choose another name") : errno_text(le));
      }
      ::unlink(temp_.c_str());
    }
  }
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
