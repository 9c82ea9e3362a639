// sdk::platform (the one platform file, sdk/platform.hpp) on real files, a real FIFO and a real
// pseudo-terminal: what each function guarantees. The safe writer's own tests (file_writer_test,
// the crash and kill tests) cover the same calls through FileWriter.
#include <fcntl.h>
#include <pty.h>
#include <pwd.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <csignal>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <wasshoi/sdk/platform.hpp>

#include "test_support.hpp"

using namespace wasshoi::sdk;
namespace fs = std::filesystem;

namespace {

mode_t mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("platform: replace_file replaces and rename_no_replace never does") {
  wasshoi::test::TempDir dir;
  wasshoi::test::write_file(dir / "a.new", "新しい 髙﨑");
  wasshoi::test::write_file(dir / "a.txt", "old");
  REQUIRE_FALSE(platform::replace_file(dir / "a.new", dir / "a.txt"));
  CHECK(wasshoi::test::read_file(dir / "a.txt") == "新しい 髙﨑");
  CHECK_FALSE(fs::exists(dir / "a.new"));

  wasshoi::test::write_file(dir / "b.new", "second");
  CHECK(platform::rename_no_replace(dir / "b.new", dir / "a.txt") == std::errc::file_exists);
  CHECK(wasshoi::test::read_file(dir / "a.txt") == "新しい 髙﨑");
  CHECK(fs::exists(dir / "b.new"));
  REQUIRE_FALSE(platform::rename_no_replace(dir / "b.new", dir / "b.txt"));
  CHECK(wasshoi::test::read_file(dir / "b.txt") == "second");
  CHECK_FALSE(fs::exists(dir / "b.new"));
  CHECK_FALSE(platform::sync_folder(dir.path()));
}

TEST_CASE("platform: a temporary file is new and 0600 and stays while its writer lives") {
  wasshoi::test::TempDir dir;
  std::string name = (dir / ".x.wasshoi-XXXXXX").string();
  std::error_code ec;
  const int fd = platform::create_temp_file(name, ec);
  REQUIRE(fd >= 0);
  REQUIRE_FALSE(ec);
  CHECK(name.find("XXXXXX") == std::string::npos);
  CHECK(mode_of(name) == 0600);
  REQUIRE_FALSE(platform::write_all(fd, "abc", 3));
  CHECK(platform::file_info(fd, ec).size == 3);
  CHECK_FALSE(platform::flush_to_disk(fd));
  // Locked by its (living) writer: never taken for a leftover, however old.
  CHECK_FALSE(platform::remove_if_abandoned(name, 0));
  CHECK(fs::exists(name));
  CHECK_FALSE(platform::close_file(fd));
  // Closed, as by a writer killed: a leftover once settled, not before.
  CHECK_FALSE(platform::remove_if_abandoned(name, 3600));
  CHECK(fs::exists(name));
  CHECK(platform::remove_if_abandoned(name, 0));
  CHECK_FALSE(fs::exists(name));

  // A symbolic link of that name is never followed nor removed.
  wasshoi::test::write_file(dir / "target", "keep");
  fs::create_symlink(dir / "target", dir / "link");
  CHECK_FALSE(platform::remove_if_abandoned(dir / "link", 0));
  CHECK(fs::is_symlink(dir / "link"));
}

TEST_CASE("platform: file_info tells a link from its file and a missing name") {
  wasshoi::test::TempDir dir;
  wasshoi::test::write_file(dir / "f", "12345");
  fs::create_symlink(dir / "f", dir / "l");
  std::error_code ec;
  CHECK(platform::file_info(dir / "l", false, ec).type == platform::FileType::SymbolicLink);
  const platform::FileInfo to = platform::file_info(dir / "l", true, ec);
  CHECK(to.type == platform::FileType::Regular);
  CHECK(to.size == 5);
  CHECK(platform::file_info(dir.path(), true, ec).type == platform::FileType::Folder);
  platform::file_info(dir / "none", false, ec);
  CHECK(ec == std::errc::no_such_file_or_directory);
  CHECK(platform::make_folder(dir / "f", 0700) == std::errc::file_exists);
}

TEST_CASE("platform: open_for_reading does not wait for a FIFO without a writer") {
  wasshoi::test::TempDir dir;
  REQUIRE(::mkfifo((dir / "fifo").c_str(), 0600) == 0);
  platform::FileInfo info;
  std::error_code ec;
  const int fd = platform::open_for_reading(dir / "fifo", info, ec);  // would block without O_NONBLOCK
  REQUIRE(fd >= 0);
  CHECK(info.type == platform::FileType::Fifo);
  platform::close_file(fd);

  wasshoi::test::write_file(dir / "名簿.csv", "氏名\n髙橋\n");
  const int f = platform::open_for_reading(dir / "名簿.csv", info, ec);
  REQUIRE(f >= 0);
  CHECK(info.type == platform::FileType::Regular);
  char buf[64];
  const std::size_t n = platform::read_some(f, buf, sizeof buf, ec);
  CHECK_FALSE(ec);
  CHECK(std::string(buf, n) == "氏名\n髙橋\n");
  CHECK(platform::read_some(f, buf, sizeof buf, ec) == 0);
  platform::close_file(f);

  CHECK(platform::open_for_reading(dir / "none", info, ec) < 0);
  CHECK(ec == std::errc::no_such_file_or_directory);
}

TEST_CASE("platform: the private temporary folder is new and 0700") {
  std::error_code ec;
  const fs::path a = platform::make_private_temp_folder("wasshoi-test-", ec);
  REQUIRE_FALSE(ec);
  const fs::path b = platform::make_private_temp_folder("wasshoi-test-", ec);
  REQUIRE_FALSE(ec);
  CHECK(a != b);
  CHECK(a.parent_path() == fs::temp_directory_path());
  CHECK(a.filename().string().starts_with("wasshoi-test-"));
  CHECK(mode_of(a) == 0700);
  CHECK(fs::is_empty(a));
  fs::remove(a);
  fs::remove(b);
}

TEST_CASE("platform: user_data_home follows XDG_DATA_HOME then HOME") {
  const char* old_xdg = std::getenv("XDG_DATA_HOME");
  const char* old_home = std::getenv("HOME");
  const std::string keep_xdg = old_xdg ? old_xdg : "", keep_home = old_home ? old_home : "";
  ::setenv("XDG_DATA_HOME", "/srv/データ", 1);
  CHECK(platform::user_data_home() == fs::path("/srv/データ"));
  ::setenv("XDG_DATA_HOME", "", 1);
  ::setenv("HOME", "/home/髙﨑", 1);
  CHECK(platform::user_data_home() == fs::path("/home/髙﨑/.local/share"));
  old_xdg ? ::setenv("XDG_DATA_HOME", keep_xdg.c_str(), 1) : ::unsetenv("XDG_DATA_HOME");
  old_home ? ::setenv("HOME", keep_home.c_str(), 1) : ::unsetenv("HOME");
}

TEST_CASE("platform: the process and its user") {
  CHECK(platform::process_id() == static_cast<std::uint64_t>(::getpid()));
  // The CI user exists in /etc/passwd (a container's nameless uid would give "").
  CHECK(platform::os_user_name().empty() == (::getpwuid(::getuid()) == nullptr));
}

TEST_CASE("platform: utc_time and local_time") {
  const std::tm utc = platform::utc_time(0);
  CHECK(utc.tm_year == 70);
  CHECK(utc.tm_hour == 0);
  const char* old_tz = std::getenv("TZ");
  const std::string keep = old_tz ? old_tz : "";
  ::setenv("TZ", "JST-9", 1);
  ::tzset();
  const std::tm tokyo = platform::local_time(0);
  CHECK(tokyo.tm_hour == 9);
  CHECK(tokyo.tm_mday == 1);
  old_tz ? ::setenv("TZ", keep.c_str(), 1) : ::unsetenv("TZ");
  ::tzset();
}

TEST_CASE("platform: StdinEchoOff hides what is typed on a terminal and restores it") {
  int master = -1, slave = -1;
  REQUIRE(::openpty(&master, &slave, nullptr, nullptr, nullptr) == 0);
  const int saved_stdin = ::dup(STDIN_FILENO);
  REQUIRE(::dup2(slave, STDIN_FILENO) == STDIN_FILENO);
  termios t{};
  REQUIRE(::tcgetattr(STDIN_FILENO, &t) == 0);
  const bool echo_before = (t.c_lflag & ECHO) != 0;
  CHECK(platform::stdin_is_terminal());
  {
    platform::StdinEchoOff quiet;
    REQUIRE(::tcgetattr(STDIN_FILENO, &t) == 0);
    CHECK((t.c_lflag & ECHO) == 0);
  }
  REQUIRE(::tcgetattr(STDIN_FILENO, &t) == 0);
  CHECK(((t.c_lflag & ECHO) != 0) == echo_before);
  CHECK(echo_before);
  {
    platform::StdinEchoOff off(false);  // asked not to: nothing changes
    REQUIRE(::tcgetattr(STDIN_FILENO, &t) == 0);
    CHECK((t.c_lflag & ECHO) != 0);
  }
  ::dup2(saved_stdin, STDIN_FILENO);
  ::close(saved_stdin);
  ::close(slave);
  ::close(master);

  // Not a terminal (a pipe): nothing to hide, nothing fails.
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const int saved = ::dup(STDIN_FILENO);
  ::dup2(fds[0], STDIN_FILENO);
  CHECK_FALSE(platform::stdin_is_terminal());
  { platform::StdinEchoOff quiet; }
  ::dup2(saved, STDIN_FILENO);
  ::close(saved);
  ::close(fds[0]);
  ::close(fds[1]);
}

TEST_CASE("platform: run_program streams the output, keeps the errors and passes the environment") {
  std::string out;
  std::error_code ec;
  // 200 000 bytes on the output and some on the error at once: neither pipe may stall the other.
  auto run = platform::run_program(
      "sh", {"-c", "head -c 200000 /dev/zero | tr '\\0' x; echo \"$WASSHOI_RUN_TEST 髙﨑\" >&2; exit 3"},
      {{"WASSHOI_RUN_TEST", "𠮷"}}, [&](const char* data, std::size_t size) { out.append(data, size); }, ec);
  REQUIRE_FALSE(ec);
  CHECK(run.exit_code == 3);
  CHECK(out == std::string(200000, 'x'));
  CHECK(run.errors == "𠮷 髙﨑\n");
  // A name given replaces the one this process has; the standard input is empty.
  ::setenv("WASSHOI_RUN_TEST", "old", 1);
  out.clear();
  run = platform::run_program(
      "sh", {"-c", "cat; printf %s \"$WASSHOI_RUN_TEST\""}, {{"WASSHOI_RUN_TEST", "new"}},
      [&](const char* data, std::size_t size) { out.append(data, size); }, ec);
  ::unsetenv("WASSHOI_RUN_TEST");
  CHECK(run.exit_code == 0);
  CHECK(out == "new");
  // A signal: 128 + its number.
  run = platform::run_program(
      "sh", {"-c", "kill -TERM $$"}, {}, [](const char*, std::size_t) {}, ec);
  CHECK(run.exit_code == 128 + SIGTERM);
}

TEST_CASE("platform: run_program says when the program is missing, and stops it when the output is refused") {
  std::error_code ec;
  auto run = platform::run_program(
      "wasshoi-no-such-program", {}, {}, [](const char*, std::size_t) {}, ec);
  CHECK(ec == std::errc::no_such_file_or_directory);
  CHECK(run.exit_code == -1);
  // The caller's exception ends the program (it would print forever) and comes through.
  CHECK_THROWS_WITH(
      platform::run_program(
          "yes", {}, {}, [](const char*, std::size_t) { throw std::runtime_error("disk full"); }, ec),
      "disk full");
}
