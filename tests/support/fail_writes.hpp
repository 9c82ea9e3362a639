#pragma once
// The file writer's test hook (docs/hardening.md, "Files"), set for one scope: every
// sdk::FileWriter of this process, and of the programs it starts (they inherit the environment),
// fails with ENOSPC once a file would grow past `bytes`.
#include <cstdint>
#include <cstdlib>
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

}  // namespace wasshoi::test
