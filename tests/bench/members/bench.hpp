#pragma once
// Shared pieces of bench_members: timing, percentiles, the generated roster, a database with
// the real host and members plugin.
#include <chrono>
#include <string>
#include <vector>
#include <wasshoi/host/app.hpp>

#include "test_support.hpp"

namespace wasshoi::bench {

using Clock = std::chrono::steady_clock;
inline double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
double percentile(std::vector<double> values, double p);  // p in [0, 100]

// Wall time and CPU time (this process and its finished children): on a shared machine the
// CPU time is the steadier figure, the wall time what a user waits.
struct Span {
  double wall_ms = 0, cpu_ms = 0;
};
class Stopwatch {
 public:
  Stopwatch();
  Span elapsed() const;

 private:
  Clock::time_point wall_;
  double cpu_;
};

// A roster CSV as officers keep one: `rows` households, one row each, UTF-8 (no BOM).
// Deterministic; mixes 西暦 and 和暦 dates, ｶﾀｶﾅ readings, quoted commas and newlines.
std::string roster_csv(int rows, unsigned seed);

// A fresh database in `folder` opened by the real host with the real plugins, and one 自治会.
struct BenchDb {
  BenchDb(const std::filesystem::path& folder, const std::string& name);
  host::App app;
  sdk::OrgId org = 0;
};

// Search latencies (ms) of the directory's search and of the same SQL run raw.
void bench_search(BenchDb& db);
// Roster panel frame times at 100 000 and at 100 persons (needs the GUI build).
void bench_frames(const std::filesystem::path& folder, const std::string& big_csv);

}  // namespace wasshoi::bench
