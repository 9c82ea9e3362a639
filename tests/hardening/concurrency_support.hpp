#pragma once
// Several real wasshoi-cli processes on one real database, started together, and a second writer
// that holds the write lock as long as a test wants. A database is named as `wasshoi-cli --db`
// takes it: a file, or a server URI (test::ScratchDb::target(), on the engine under test).
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "test_support.hpp"

namespace wasshoi::test {

// Exit codes of wasshoi-cli (host/cli/outcome.hpp).
constexpr int kCliBusy = 3;

// The `hold_write_lock` helper: holds the write lock on `db` (SQLite: BEGIN IMMEDIATE;
// PostgreSQL: the audit table, hold_write_lock.cpp) from construction (which returns once the
// lock is held) until release() or destruction (rolled back).
class WriteLock {
 public:
  explicit WriteLock(const std::string& db);
  ~WriteLock();
  WriteLock(const WriteLock&) = delete;
  WriteLock& operator=(const WriteLock&) = delete;
  // Lets go (committing nothing unless `commit`); returns the helper's exit code.
  int release(bool commit = false);

 private:
  int pid_ = -1, to_child_ = -1, from_child_ = -1;
};

// A wasshoi-cli process started without waiting; its output goes to files.
class CliProcess {
 public:
  CliProcess(const std::filesystem::path& io_dir, const std::vector<std::string>& args);
  RunResult wait();

 private:
  int pid_ = -1;
  std::filesystem::path out_, err_;
};

// Starts every command at once while `gate` holds the write lock, gives them `head_start_ms` to
// get as far as they can (each reads what it needs, then waits for the lock), lets the lock go
// and collects the results in order. The most contention two officers can make.
std::vector<RunResult> run_behind_gate(const std::string& db,
                                       const std::vector<std::vector<std::string>>& commands,
                                       int head_start_ms = 1500);

// Two loops of wasshoi-cli runs at once, one thread each, released together. `args(worker, i)`
// gives run i (0 … runs-1) of worker 0 or 1. A run that ends busy (exit 3) is tried again, as the
// message asks; `busy_retries` counts those.
std::vector<RunResult> run_two_loops(int runs,
                                     const std::function<std::vector<std::string>(int worker, int i)>& args,
                                     int* busy_retries = nullptr);

std::int64_t count(const std::string& db, const std::string& sql);
// SQLite's integrity check ("ok"); a server checks its own pages, and says "ok".
std::string integrity(const std::string& db);
// Every result, for a failure message: exit code and standard error of each run that failed.
std::string describe_failures(const std::vector<RunResult>& results);

}  // namespace wasshoi::test
