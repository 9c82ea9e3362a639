#pragma once
// The city-sized sample of issue 19 for bench-city-members and bench-city-booking: 500
// organizations (the city, 公民館, NPOs, 地域協働体 and 455 自治会), 45 000 households, 120 000
// persons with lifelike names (髙 﨑 𠮷 included, a third of the readings in half-width kana),
// made deterministically through the members plugin's own bulk writer, on the engine the
// program is given (--db URI, else WASSHOI_TEST_DB, else a SQLite file).
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>
#include <wasshoi/host/app.hpp>

namespace wasshoi::bench::city {

using Clock = std::chrono::steady_clock;
inline double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}
double percentile(std::vector<double> values, double p);  // p in [0, 100]

// Wall time and CPU time of this process and its finished children. On PostgreSQL the server's
// own CPU time is in neither: compare wall times.
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

// The engine to measure: `--db postgresql://…` (a fresh schema there, dropped at the end) or
// `--db sqlite`; without --db, WASSHOI_TEST_DB when it names a server, else SQLite. Returns the
// server URI, or "" for SQLite. Removes the option from argv.
std::string engine_argument(int& argc, char** argv);
std::filesystem::path plugin_dir();  // the build's bin/plugins: the real plugins
// "PostgreSQL 15.x over a Unix socket" / "SQLite 3.x, WAL file, synchronous=FULL".
std::string engine_description(sdk::Database& db);

struct Jichikai {
  sdk::OrgId id = 0;
  std::string name;
  int households = 0;
  int persons = 0;
};

struct CitySize {
  int organizations = 500;
  int households = 45000;
  int persons = 120000;
};

struct City {
  sdk::OrgId city = 0;
  std::vector<sdk::OrgId> kominkan;  // support organizations (公民館) owning rooms
  std::vector<Jichikai> jichikai;    // by id
  int households = 0, persons = 0, organizations = 0;
  Span made;
  const Jichikai& median_jichikai() const;   // by persons
  const Jichikai& largest_jichikai() const;  // by persons
};

// Writes the city into the database `app` has open (every plugin migrated). Deterministic for a
// seed: the same names, sizes and addresses on both engines.
City make_city(host::App& app, const CitySize& size, unsigned seed);

// A roster file of `rows` households, one row each, as officers keep one (班, 世帯主氏名, ﾌﾘｶﾞﾅ,
// 住所, 電話番号, 世帯人数, 加入日, 備考), UTF-8 without BOM; deterministic.
std::string roster_csv(int rows, unsigned seed);

}  // namespace wasshoi::bench::city
