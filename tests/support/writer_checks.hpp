#pragma once
// What the file writer's tests share: its test hook, and the mode and kind of a file.
//
// The file writer's test hook (docs/hardening.md, "Files"), set for one scope: every
// sdk::FileWriter of this process, and of the programs it starts (they inherit the environment),
// fails with ENOSPC once a file would grow past `bytes`.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string>

namespace wasshoi::test {

class FailWritesAfter {
 public:
  explicit FailWritesAfter(std::uintmax_t bytes) {
    ::setenv("WASSHOI_TEST_FAIL_WRITE_AFTER", std::to_string(bytes).c_str(), 1);
  }
  ~FailWritesAfter() { ::unsetenv("WASSHOI_TEST_FAIL_WRITE_AFTER"); }
  FailWritesAfter(const FailWritesAfter&) = delete;
  FailWritesAfter& operator=(const FailWritesAfter&) = delete;
};

// The permission bits of `p` (which must exist).
inline mode_t mode_of(const std::filesystem::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

// Whether `p` itself (not what a link names) is a character device such as /dev/full.
inline bool is_char_device(const std::filesystem::path& p) {
  struct stat st {};
  return ::lstat(p.c_str(), &st) == 0 && S_ISCHR(st.st_mode);
}

}  // namespace wasshoi::test
