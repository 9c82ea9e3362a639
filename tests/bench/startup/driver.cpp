// bench-startup: how long `wasshoi` takes from being started to showing its first frame,
// against the minimal ImGui + GLFW + OpenGL 3 program (bench-startup-minimal) measured in the
// same run on the same X display. Runs them alternately, prints medians and the ratio
// (target: wasshoi / minimal <= 1.5).
//
//   xvfb-run -a build/bin/bench-startup [--runs N] [--db FILE]
//
// Without --db it makes a database with the fictional sample (wasshoi-cli demo) in a temporary
// folder, so wasshoi starts as an officer's copy would: plugins, data, automatic backup.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

extern char** environ;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

struct Run {
  double first_frame_ms = 0;  // spawn → "first-frame" line on its stdout
  double reported_ms = 0;     // main() → first frame, as the program itself reports it
  double exit_ms = 0;         // spawn → process gone
  bool ok = false;
};

double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// Starts `argv`, reads its stdout until the "first-frame" line, waits for it to exit.
Run time_one(const std::vector<std::string>& args) {
  int out[2];
  if (pipe(out) != 0) return {};
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  std::vector<char*> argv;
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  Run r;
  pid_t pid = 0;
  const auto t0 = Clock::now();
  const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  if (rc != 0) {
    close(out[0]);
    return r;
  }
  std::string seen;
  char buf[256];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) {
    seen.append(buf, static_cast<std::size_t>(n));
    if (r.first_frame_ms == 0 && seen.find("first-frame") != std::string::npos)
      r.first_frame_ms = ms_since(t0);
  }
  close(out[0]);
  if (auto at = seen.find("first-frame "); at != std::string::npos)
    r.reported_ms = std::atof(seen.c_str() + at + 12);
  int status = 0;
  waitpid(pid, &status, 0);
  r.exit_ms = ms_since(t0);
  r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0 && r.first_frame_ms > 0;
  return r;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n == 0 ? 0 : (n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2);
}

int run_quiet(const std::vector<std::string>& args) {
  std::string cmd;
  for (const auto& a : args) cmd += "'" + a + "' ";
  return std::system((cmd + ">/dev/null 2>&1").c_str());
}

struct Options {
  int runs = 7;
  fs::path db;
};

Options parse(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--runs") && i + 1 < argc)
      o.runs = std::max(1, std::atoi(argv[++i]));
    else if (!std::strcmp(argv[i], "--db") && i + 1 < argc)
      o.db = argv[++i];
    else {
      std::fprintf(stderr, "usage: bench-startup [--runs N] [--db FILE]   (under X, e.g. xvfb-run -a)\n");
      std::exit(2);
    }
  }
  return o;
}

void report(const char* name, const std::vector<Run>& runs) {
  std::vector<double> first, reported, exit;
  for (const auto& r : runs) {
    first.push_back(r.first_frame_ms);
    reported.push_back(r.reported_ms);
    exit.push_back(r.exit_ms);
  }
  std::printf(
      "%-8s first frame median %6.1f ms (min %6.1f, max %6.1f; from main() %6.1f)   exit median %6.1f ms\n",
      name, median(first), *std::min_element(first.begin(), first.end()),
      *std::max_element(first.begin(), first.end()), median(reported), median(exit));
}

}  // namespace

int main(int argc, char** argv) {
  Options o = parse(argc, argv);
  if (!std::getenv("DISPLAY")) {
    std::fprintf(stderr, "bench-startup: no X display; run it as: xvfb-run -a %s\n", argv[0]);
    return 2;
  }
  const fs::path bin = fs::read_symlink("/proc/self/exe").parent_path();
  const fs::path tmp = fs::temp_directory_path() / ("wasshoi-bench-" + std::to_string(getpid()));
  fs::create_directories(tmp);
  if (o.db.empty()) {
    o.db = tmp / "bench.db";
    if (run_quiet({(bin / "wasshoi-cli").string(), "--db", o.db.string(), "demo", "--households", "120"}) !=
        0)
      std::fprintf(stderr, "bench-startup: wasshoi-cli demo failed; measuring on an empty database\n");
  }
  const std::vector<std::string> wasshoi = {(bin / "wasshoi").string(), "--db", o.db.string(),
                                            "--exit-after-first-frame"};
  const std::vector<std::string> minimal = {(bin / "bench-startup-minimal").string()};
  time_one(wasshoi);  // warm-up: page cache, fontconfig cache, first backup
  time_one(minimal);
  std::vector<Run> w, m;
  for (int i = 0; i < o.runs; ++i) {
    w.push_back(time_one(wasshoi));
    m.push_back(time_one(minimal));
    if (!w.back().ok || !m.back().ok) {
      std::fprintf(stderr, "bench-startup: a run failed (wasshoi ok=%d, minimal ok=%d)\n", w.back().ok,
                   m.back().ok);
      return 1;
    }
  }
  std::printf("startup to first frame, %d runs each, alternating, database %s\n", o.runs, o.db.c_str());
  report("minimal", m);
  report("wasshoi", w);
  auto first = [](const std::vector<Run>& runs) {
    std::vector<double> v;
    for (const auto& r : runs) v.push_back(r.first_frame_ms);
    return median(v);
  };
  const double ratio = first(w) / first(m);
  std::printf("ratio wasshoi/minimal (first frame): %.2f  (target <= 1.5: %s)\n", ratio,
              ratio <= 1.5 ? "met" : "NOT met");
  std::error_code ec;
  fs::remove_all(tmp, ec);
  return 0;
}
