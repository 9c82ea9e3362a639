#include "concurrency_support.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <latch>
#include <stdexcept>
#include <thread>
#include <wasshoi/sdk/db.hpp>

extern char** environ;

namespace wasshoi::test {

namespace fs = std::filesystem;

namespace {

int spawn(const std::string& exe, const std::vector<std::string>& args, posix_spawn_file_actions_t& fa) {
  std::vector<std::string> copy = args;
  std::vector<char*> argv{const_cast<char*>(exe.c_str())};
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, exe.c_str(), &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw std::runtime_error("cannot start " + exe);
  return pid;
}

}  // namespace

WriteLock::WriteLock(const std::string& db) {
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  pid_ = spawn(WASSHOI_HOLD_LOCK_EXE, {db}, fa);
  close(in[0]);
  close(out[1]);
  to_child_ = in[1];
  from_child_ = out[0];
  std::string said;
  char c;
  while (said.find('\n') == std::string::npos && read(from_child_, &c, 1) == 1) said += c;
  if (said != "locked\n") {
    int code = release();
    throw std::runtime_error("hold_write_lock did not take the lock (exit " + std::to_string(code) + ")");
  }
}

int WriteLock::release(bool commit) {
  if (pid_ < 0) return -1;
  std::string line = commit ? "commit\n" : "rollback\n";
  [[maybe_unused]] auto written = write(to_child_, line.data(), line.size());
  close(to_child_);
  close(from_child_);
  int code = wait_program(pid_);
  pid_ = -1;
  return code;
}

WriteLock::~WriteLock() {
  release();
}

CliProcess::CliProcess(const fs::path& io_dir, const std::vector<std::string>& args) {
  static std::atomic<int> serial{0};
  const std::string n = std::to_string(serial++);
  out_ = io_dir / ("out" + n);
  err_ = io_dir / ("err" + n);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err_.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_ = spawn((bin_dir() / "wasshoi-cli").string(), args, fa);
}

RunResult CliProcess::wait() {
  RunResult r;
  r.exit_code = wait_program(pid_);
  r.out = read_file(out_);
  r.err = read_file(err_);
  return r;
}

std::vector<RunResult> run_behind_gate(const std::string& db,
                                       const std::vector<std::vector<std::string>>& commands,
                                       int head_start_ms) {
  TempDir io;
  WriteLock gate(db);
  std::vector<CliProcess> running;
  for (const auto& args : commands) running.emplace_back(io.path(), args);
  std::this_thread::sleep_for(std::chrono::milliseconds(head_start_ms));
  if (gate.release() != 0) throw std::runtime_error("the gate's transaction failed");
  std::vector<RunResult> results;
  for (auto& p : running) results.push_back(p.wait());
  return results;
}

std::vector<RunResult> run_two_loops(int runs, const std::function<std::vector<std::string>(int, int)>& args,
                                     int* busy_retries) {
  std::vector<RunResult> results(2 * static_cast<std::size_t>(runs));
  std::atomic<int> retries{0};
  std::latch start(2);
  auto loop = [&](int worker) {
    start.arrive_and_wait();
    for (int i = 0; i < runs; ++i) {
      RunResult& r = results[static_cast<std::size_t>(worker * runs + i)];
      for (int attempt = 0; attempt < 5; ++attempt) {
        r = run_cli(args(worker, i));
        if (r.exit_code != kCliBusy) break;
        ++retries;
      }
    }
  };
  std::thread a(loop, 0), b(loop, 1);
  a.join();
  b.join();
  if (busy_retries) *busy_retries = retries;
  return results;
}

std::int64_t count(const std::string& db, const std::string& sql) {
  auto d = sdk::Database::open(db, sdk::Database::Mode::ReadOnly);
  return sdk::query_int(d, sql).value_or(-1);
}

std::string integrity(const std::string& db) {
  auto d = sdk::Database::open(db, sdk::Database::Mode::ReadWrite);
  return d.integrity_check();
}

std::string describe_failures(const std::vector<RunResult>& results) {
  std::string s;
  for (std::size_t i = 0; i < results.size(); ++i)
    if (results[i].exit_code != 0)
      s += "run " + std::to_string(i) + ": exit " + std::to_string(results[i].exit_code) + ": " +
           results[i].err;
  return s;
}

}  // namespace wasshoi::test
