// The POSIX implementation of sdk/platform.hpp: the only source of the programs that includes the
// system's POSIX headers (tests/platform_check.cmake). What each function guarantees, and what a
// Windows implementation would call, is in the header.
#include <fcntl.h>
#include <poll.h>
#include <pwd.h>
#include <signal.h>
#include <spawn.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>
#include <wasshoi/sdk/platform.hpp>

namespace wasshoi::sdk::platform {

namespace fs = std::filesystem;

namespace {

std::error_code last_error(int e = errno) {
  return {e, std::generic_category()};
}

FileInfo info_of(const struct stat& st) {
  FileInfo info;
  const mode_t m = st.st_mode;
  info.type = S_ISREG(m)                 ? FileType::Regular
              : S_ISDIR(m)               ? FileType::Folder
              : S_ISLNK(m)               ? FileType::SymbolicLink
              : S_ISCHR(m) || S_ISBLK(m) ? FileType::Device
              : S_ISFIFO(m)              ? FileType::Fifo
              : S_ISSOCK(m)              ? FileType::Socket
                                         : FileType::Other;
  info.permissions = static_cast<unsigned>(m & 0777);
  info.size = static_cast<std::uint64_t>(st.st_size);
  return info;
}

}  // namespace

FileInfo file_info(const fs::path& path, bool follow_links, std::error_code& ec) {
  struct stat st {};
  if ((follow_links ? ::stat(path.c_str(), &st) : ::lstat(path.c_str(), &st)) != 0) {
    ec = last_error();
    return {};
  }
  ec.clear();
  return info_of(st);
}

std::error_code check_writable(const fs::path& path) {
  return ::access(path.c_str(), W_OK) == 0 ? std::error_code{} : last_error();
}

std::error_code make_folder(const fs::path& folder, unsigned mode) {
  return ::mkdir(folder.c_str(), static_cast<mode_t>(mode)) == 0 ? std::error_code{} : last_error();
}

std::error_code set_permissions(const fs::path& path, unsigned mode) {
  return ::chmod(path.c_str(), static_cast<mode_t>(mode)) == 0 ? std::error_code{} : last_error();
}

unsigned current_umask() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line))
    if (line.rfind("Umask:", 0) == 0)
      return static_cast<unsigned>(std::strtoul(line.c_str() + 6, nullptr, 8));
  return 022;
}

int create_temp_file(std::string& name_template, std::error_code& ec) {
  std::vector<char> buf(name_template.begin(), name_template.end());
  buf.push_back('\0');
  // mkostemp: O_CREAT | O_EXCL, mode 0600.
  const int fd = ::mkostemp(buf.data(), O_CLOEXEC);
  if (fd < 0) {
    ec = last_error();
    return -1;
  }
  name_template = buf.data();
  ::flock(fd, LOCK_EX);  // a new file: never contended
  ec.clear();
  return fd;
}

bool remove_if_abandoned(const fs::path& path, int settled_seconds) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return false;
  struct stat st {};
  const bool ours = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == ::geteuid();
  const bool settled = ::time(nullptr) - st.st_mtime >= settled_seconds;
  bool removed = false;
  if (ours && settled && ::flock(fd, LOCK_EX | LOCK_NB) == 0) removed = ::unlink(path.c_str()) == 0;
  ::close(fd);  // drops our lock, if we took it
  return removed;
}

std::error_code set_permissions(int file, unsigned mode) {
  return ::fchmod(file, static_cast<mode_t>(mode)) == 0 ? std::error_code{} : last_error();
}

std::error_code write_all(int file, const void* data, std::size_t size) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(file, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return last_error();
    if (n == 0) return last_error(ENOSPC);  // a regular file that takes nothing: the disk is full
    p += n;
    size -= static_cast<std::size_t>(n);
  }
  return {};
}

FileInfo file_info(int file, std::error_code& ec) {
  struct stat st {};
  if (::fstat(file, &st) != 0) {
    ec = last_error();
    return {};
  }
  ec.clear();
  return info_of(st);
}

std::error_code flush_to_disk(int file) {
  return ::fsync(file) == 0 ? std::error_code{} : last_error();
}

std::error_code close_file(int file) {
  return ::close(file) == 0 ? std::error_code{} : last_error();
}

std::error_code replace_file(const fs::path& from, const fs::path& to) {
  return ::rename(from.c_str(), to.c_str()) == 0 ? std::error_code{} : last_error();
}

std::error_code rename_no_replace(const fs::path& from, const fs::path& to) {
  if (::renameat2(AT_FDCWD, from.c_str(), AT_FDCWD, to.c_str(), RENAME_NOREPLACE) == 0) return {};
  const int e = errno;
  if (e != EINVAL && e != ENOSYS) return last_error(e);
  // A file system without renameat2: a hard link is just as exclusive (it fails on an existing
  // name), then the temporary name goes.
  if (::link(from.c_str(), to.c_str()) != 0) return last_error();
  ::unlink(from.c_str());
  return {};
}

std::error_code sync_folder(const fs::path& folder) {
  const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return {};  // nothing more can be done; the rename itself has happened
  const int rc = ::fsync(fd);
  const int e = errno;
  ::close(fd);
  if (rc != 0 && e != EINVAL && e != EROFS) return last_error(e);
  return {};
}

int open_for_reading(const fs::path& path, FileInfo& info, std::error_code& ec) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
  if (fd < 0) {
    ec = last_error();
    return -1;
  }
  info = file_info(fd, ec);
  if (ec) {
    ::close(fd);
    return -1;
  }
  if (info.type == FileType::Regular) ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
  return fd;
}

std::size_t read_some(int file, void* data, std::size_t size, std::error_code& ec) {
  for (;;) {
    const ssize_t n = ::read(file, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ec = last_error();
      return 0;
    }
    ec.clear();
    return static_cast<std::size_t>(n);
  }
}

fs::path make_private_temp_folder(const std::string& prefix, std::error_code& ec) {
  std::string pattern = (fs::temp_directory_path() / (prefix + "XXXXXX")).string();
  if (!::mkdtemp(pattern.data())) {
    ec = last_error();
    return {};
  }
  return pattern;
}

fs::path user_data_home() {
  if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg);
  if (const char* home = std::getenv("HOME"); home && *home) return fs::path(home) / ".local" / "share";
  return fs::current_path();
}

std::string os_user_name() {
  // getpwuid's result is static; the programs ask once, at start (App::App).
  if (const passwd* pw = ::getpwuid(::getuid()); pw && pw->pw_name) return pw->pw_name;
  return {};
}

std::uint64_t process_id() {
  return static_cast<std::uint64_t>(::getpid());
}

std::tm local_time(std::time_t t) {
  std::tm tm{};
  ::localtime_r(&t, &tm);
  return tm;
}

std::tm utc_time(std::time_t t) {
  std::tm tm{};
  ::gmtime_r(&t, &tm);
  return tm;
}

namespace {
// The two ends of a pipe, closed however the caller leaves.
struct Pipe {
  int fd[2] = {-1, -1};
  ~Pipe() {
    for (int f : fd)
      if (f >= 0) ::close(f);
  }
  void close_end(int i) {
    if (fd[i] >= 0) ::close(fd[i]);
    fd[i] = -1;
  }
};
}  // namespace

ProgramRun run_program(const std::string& program, const std::vector<std::string>& arguments,
                       const std::vector<std::pair<std::string, std::string>>& environment,
                       const std::function<void(const char* data, std::size_t size)>& output,
                       std::error_code& ec) {
  ec.clear();
  ProgramRun run;
  Pipe out, err;
  if (::pipe2(out.fd, O_CLOEXEC) != 0 || ::pipe2(err.fd, O_CLOEXEC) != 0) {
    ec = last_error();
    return run;
  }
  std::vector<std::string> args{program};
  args.insert(args.end(), arguments.begin(), arguments.end());
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  // This process's environment, less the names `environment` sets, then those.
  std::vector<std::string> env;
  for (char** e = environ; *e; ++e) {
    std::string_view entry(*e);
    bool replaced = false;
    for (const auto& [name, value] : environment)
      if (entry.size() > name.size() && entry.substr(0, name.size()) == name && entry[name.size()] == '=')
        replaced = true;
    if (!replaced) env.emplace_back(entry);
  }
  for (const auto& [name, value] : environment) env.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& e : env) envp.push_back(e.data());
  envp.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  ::posix_spawn_file_actions_init(&actions);
  ::posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  ::posix_spawn_file_actions_adddup2(&actions, out.fd[1], STDOUT_FILENO);
  ::posix_spawn_file_actions_adddup2(&actions, err.fd[1], STDERR_FILENO);
  pid_t pid = 0;
  const int started = ::posix_spawnp(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  ::posix_spawn_file_actions_destroy(&actions);
  if (started != 0) {
    ec = last_error(started);
    return run;
  }
  out.close_end(1);
  err.close_end(1);
  auto wait_for_it = [&] {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  };
  try {
    char buffer[65536];
    pollfd fds[2] = {{out.fd[0], POLLIN, 0}, {err.fd[0], POLLIN, 0}};
    while (fds[0].fd >= 0 || fds[1].fd >= 0) {
      if (::poll(fds, 2, -1) < 0) {
        if (errno == EINTR) continue;
        throw std::system_error(last_error(), "poll");
      }
      for (int i = 0; i < 2; ++i) {
        if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
        const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
          fds[i].fd = -1;  // its end is closed by the Pipe
          continue;
        }
        if (i == 0) {
          output(buffer, static_cast<std::size_t>(n));
        } else {
          run.errors.append(buffer, static_cast<std::size_t>(n));
          if (run.errors.size() > 65536) run.errors.erase(0, run.errors.size() - 65536);
        }
      }
    }
  } catch (...) {
    ::kill(pid, SIGKILL);
    wait_for_it();
    throw;
  }
  wait_for_it();
  return run;
}

int wait_for_socket(int socket, bool for_writing, int timeout_ms, std::error_code& ec) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    int wait = -1;
    if (timeout_ms >= 0) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
      wait = static_cast<int>(std::max<std::int64_t>(left.count(), 0));
    }
    pollfd fd{socket, static_cast<short>(for_writing ? POLLOUT : POLLIN), 0};
    const int ready = ::poll(&fd, 1, wait);
    if (ready >= 0) return ready > 0 ? 1 : 0;
    if (errno != EINTR) {
      ec = last_error();
      return -1;
    }
  }
}

bool stdin_is_terminal() {
  return ::isatty(STDIN_FILENO) != 0;
}

StdinEchoOff::StdinEchoOff(bool enable) {
  static_assert(sizeof(termios) <= sizeof saved_, "StdinEchoOff::saved_ holds a termios");
  if (!enable || !stdin_is_terminal()) return;
  termios old{};
  if (::tcgetattr(STDIN_FILENO, &old) != 0) return;
  std::memcpy(saved_, &old, sizeof old);
  termios quiet = old;
  quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  active_ = ::tcsetattr(STDIN_FILENO, TCSANOW, &quiet) == 0;
}

StdinEchoOff::~StdinEchoOff() {
  if (!active_) return;
  termios old{};
  std::memcpy(&old, saved_, sizeof old);
  ::tcsetattr(STDIN_FILENO, TCSANOW, &old);
}

}  // namespace wasshoi::sdk::platform
