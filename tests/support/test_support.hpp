#pragma once
// Shared helpers for the tests: a temporary folder that cleans up, running the real programs.
#include <filesystem>
#include <string>
#include <vector>

namespace wasshoi::test {

// The passphrase of the accounts the tests sign in with.
inline constexpr const char* kPassphrase = "correct horse battery";

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// Runs a program from the build's bin/ folder (e.g. "wasshoi-cli") with arguments, no shell.
RunResult run_program(const std::string& program, const std::vector<std::string>& args);
inline RunResult run_cli(const std::vector<std::string>& args) {
  return run_program("wasshoi-cli", args);
}

// Starts a program from bin/ without waiting (output discarded); returns its process id.
int start_program(const std::string& program, const std::vector<std::string>& args);
// Waits for it; returns its exit code, or 128 + signal.
int wait_program(int pid);

// An X display for a test that opens real desktop windows in its own process (GTK's dialogs): the
// one in DISPLAY when there is one (the test runs under xvfb-run), else an Xvfb server of its own,
// started on a free display number (Xvfb -displayfd) and stopped when this goes. Throws, saying
// what to install, when there is no Xvfb.
class XDisplay {
 public:
  XDisplay();
  ~XDisplay();
  XDisplay(const XDisplay&) = delete;
  XDisplay& operator=(const XDisplay&) = delete;
  const std::string& name() const { return name_; }

 private:
  int server_pid_ = -1;
  std::string name_;
};

std::filesystem::path bin_dir();
std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, const std::string& bytes);

}  // namespace wasshoi::test
