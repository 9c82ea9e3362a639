// bench-city-members [--db postgresql://…|sqlite] [--import-runs N] [--rounds N]
// Issue 19's members figures on the city-sized sample (city.hpp), on one engine; each against a
// baseline measured in the same run:
//   search as an officer of one 自治会 (1-, 2- and 3-character queries; the ids the members plugin
//   finds and the roster rows it shows)  vs  the plain SQL way: a substring scan of the folded
//   text of the 自治会's persons;
//   roster import of 100 000 rows into a new 自治会 of the city (the CLI's one-pass import)  vs
//   `psql \copy` of the same file into one plain table (PostgreSQL), or `sqlite3 .import` of it
//   into a WAL file and a prepared INSERT loop in one transaction (SQLite);
//   removing one person (members_persons.helper_id is ON DELETE SET NULL)  vs  reading that person.
// Prints figures and ratios; never a timed test. scripts/bench.sh runs it on both engines.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "city.hpp"
#include "core/directory.hpp"
#include "core/households.hpp"
#include "core/importer.hpp"
#include "core/roster.hpp"
#include "core/search_text.hpp"
#include "scratch_db.hpp"
#include "test_support.hpp"

extern char** environ;

using namespace wasshoi;
using namespace wasshoi::bench::city;
namespace fs = std::filesystem;

namespace {

constexpr unsigned kSeed = 20261206;
constexpr int kImportRows = 100000;
constexpr int kLimit = 50;  // what the roster panel and `members search` ask for

struct QuerySet {
  const char* label;
  std::vector<std::string> queries;
};

// What officers type: names (the register's 髙 﨑 𠮷 too), readings in hiragana, katakana and
// half-width kana, address parts, and misses.
const std::vector<QuerySet>& query_sets() {
  static const std::vector<QuerySet> sets = {
      {"1 char", {"林", "森", "誠", "さ", "ﾀ", "崎", "宮", "髙", "𠮷", "鬱"}},
      {"2 chars", {"佐藤", "高橋", "たか", "サト", "千葉", "本町", "ゆみ", "髙橋", "山﨑", "ｵﾉ"}},
      {"3 chars",
       {"たかは", "小野寺", "一関市", "スガワ", "しげる", "𠮷田悟", "ﾁﾊﾞｹ", "鬱鬱鬱", "ぞぞぞ", "下ノ台"}},
  };
  return sets;
}

// The plain SQL way to find the same persons: every person of the 自治会, their folded text
// tested for the folded query.
std::string scan_sql(sdk::Database& db) {
  const char* test =
      db.engine() == sdk::Engine::SQLite ? "instr(p.search, ?2) > 0" : "strpos(p.search, ?2) > 0";
  return std::string(
             "SELECT p.id, p.sort_key FROM members_persons p JOIN members_households h ON h.id = "
             "p.household_id "
             "WHERE p.org_id = ?1 AND h.left_on IS NULL AND ") +
         test + " LIMIT ?3";
}

void bench_search(sdk::Database& db, const std::string& who, sdk::OrgId org, int persons, int rounds) {
  std::printf("\nsearch as an officer of %s (%d persons; limit %d; %d rounds of 10 queries each; ms)\n",
              who.c_str(), persons, kLimit, rounds);
  std::printf("  %-8s %-25s %-25s %-25s %s\n", "", "found (ids)  p50 / p99", "shown (rows) p50 / p99",
              "substring scan p50 / p99", "ratio p99");
  const std::string scan = scan_sql(db);
  std::vector<double> all_shown, all_scan;
  for (const auto& set : query_sets()) {
    std::vector<double> found, shown, scanned;
    for (int round = 0; round < rounds; ++round)
      for (const auto& q : set.queries) {
        auto t0 = Clock::now();
        auto ids = members::search_person_ids(db, org, q, kLimit);
        found.push_back(ms_since(t0));
        auto rows = members::roster_rows(db, ids, 0);
        shown.push_back(ms_since(t0));
        const std::string folded = members::search_query(q).spaced;
        t0 = Clock::now();
        sdk::Statement st(db, scan);
        st.bind_all(org, folded, kLimit);
        std::size_t n = 0;
        while (st.step()) ++n;
        scanned.push_back(ms_since(t0));
      }
    std::printf("  %-8s %9.2f / %-13.2f %9.2f / %-13.2f %9.2f / %-13.2f %.2f\n", set.label,
                percentile(found, 50), percentile(found, 99), percentile(shown, 50), percentile(shown, 99),
                percentile(scanned, 50), percentile(scanned, 99),
                percentile(shown, 99) / percentile(scanned, 99));
    all_shown.insert(all_shown.end(), shown.begin(), shown.end());
    all_scan.insert(all_scan.end(), scanned.begin(), scanned.end());
  }
  std::printf("  %-8s %25s %9.2f / %-13.2f %9.2f / %-13.2f %.2f   (target: p99 <= 5 ms)\n", "all", "",
              percentile(all_shown, 50), percentile(all_shown, 99), percentile(all_scan, 50),
              percentile(all_scan, 99), percentile(all_shown, 99) / percentile(all_scan, 99));
}

// Runs a program (no shell), its output discarded; its exit code.
int run(const std::vector<std::string>& args) {
  std::vector<std::string> copy = args;
  std::vector<char*> argv;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
  pid_t pid = 0;
  const int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) throw sdk::Error("cannot start " + args[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void must(int code, const std::string& what) {
  if (code != 0) throw sdk::Error(what + " failed (exit " + std::to_string(code) + ")");
}

// The baselines: the same file into one plain table by the engine's own tool.
Span psql_copy(test::ScratchDb& scratch, const fs::path& csv, int run_no) {
  const std::string table = "roster_copy_" + std::to_string(run_no);
  scratch.db().exec("CREATE TABLE " + table +
                    "(han text, name text, reading text, address text, phone text, people text, joined text, "
                    "notes text)");
  Stopwatch watch;
  must(run({"psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", scratch.target(), "-c",
            "\\copy " + table + " FROM '" + csv.string() + "' WITH (FORMAT csv, HEADER true)"}),
       "psql \\copy");
  Span s = watch.elapsed();
  scratch.db().exec("DROP TABLE " + table);
  return s;
}

Span sqlite3_import(const fs::path& folder, const fs::path& csv, int run_no) {
  const fs::path file = folder / ("sqlite3-" + std::to_string(run_no) + ".db");
  Stopwatch watch;
  must(
      run({"sqlite3", file.string(), "PRAGMA journal_mode=WAL", ".import --csv " + csv.string() + " roster"}),
      "sqlite3 .import");
  Span s = watch.elapsed();
  fs::remove(file);
  return s;
}

Span insert_loop(const fs::path& folder, const std::string& utf8, int run_no) {
  const fs::path file = folder / ("insert-" + std::to_string(run_no) + ".db");
  Stopwatch watch;
  {
    sdk::Database db = sdk::Database::open(file);
    db.exec("CREATE TABLE roster(han, name, reading, address, phone, people, joined, notes)");
    sdk::CsvReader reader(utf8);
    sdk::CsvRecord r;
    reader.next(r);  // the header
    db.exec("BEGIN IMMEDIATE");
    sdk::Statement st(db, "INSERT INTO roster VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
    while (reader.next(r)) {
      for (int i = 0; i < 8; ++i) st.bind(i + 1, r.fields[static_cast<std::size_t>(i)]);
      st.run();
    }
    db.exec("COMMIT");
  }
  Span s = watch.elapsed();
  fs::remove(file);
  return s;
}

// The CLI's import (`members import`): read and written in one pass, one transaction.
Span members_import(host::App& app, const std::string& utf8, sdk::OrgId org) {
  members::ImportOptions options;
  options.source = "city-roster-100k.csv";
  members::ImportPlan read;
  Stopwatch watch;
  auto summary = members::read_and_import_roster(app.db(), app.services().get<sdk::OrganizationDirectory>(),
                                                 org, utf8, options, read);
  Span s = watch.elapsed();
  if (summary.persons != kImportRows || !read.errors.empty())
    throw sdk::Error("unexpected import: " + std::to_string(summary.persons) + " persons, " +
                     std::to_string(read.errors.size()) + " bad rows");
  return s;
}

void line(const std::string& what, Span s) {
  std::printf("  %-50s wall %8.1f ms   cpu %8.1f ms\n", what.c_str(), s.wall_ms, s.cpu_ms);
}

double median_wall(const std::vector<Span>& spans) {
  std::vector<double> w;
  for (const auto& s : spans) w.push_back(s.wall_ms);
  return percentile(w, 50);
}

// Returns the 自治会 the last run imported into.
sdk::OrgId bench_import(host::App& app, test::ScratchDb& scratch, const fs::path& folder,
                        const std::string& utf8, int runs) {
  const fs::path csv = folder / "city-roster-100k.csv";
  test::write_file(csv, utf8);
  const bool pg = scratch.postgres();
  std::printf(
      "\nroster import of %d rows (%.1f MB UTF-8) into a new 自治会 of the city; %d runs, alternating\n",
      kImportRows, static_cast<double>(utf8.size()) / 1e6, runs);
  std::vector<Span> ours, base, loop;
  sdk::OrgId org = 0;
  for (int r = 1; r <= runs; ++r) {
    base.push_back(pg ? psql_copy(scratch, csv, r) : sqlite3_import(folder, csv, r));
    line(std::string(pg ? "psql \\copy into one plain table" : "sqlite3 .import into a WAL file") + ", run " +
             std::to_string(r),
         base.back());
    if (!pg) {
      loop.push_back(insert_loop(folder, utf8, r));
      line("prepared INSERT loop, one transaction, run " + std::to_string(r), loop.back());
    }
    org =
        app.add_organization(host::OrgKind::Jichikai, "取込" + std::to_string(r) + "区自治会", std::nullopt);
    ours.push_back(members_import(app, utf8, org));
    line("members import (one pass, as the CLI), run " + std::to_string(r), ours.back());
  }
  const double ratio = median_wall(ours) / median_wall(base);
  std::printf("  ratio (median wall) members import / %s: %.2f   (target: <= 3)\n",
              pg ? "psql \\copy" : "sqlite3 .import", ratio);
  if (!pg)
    std::printf("  ratio (median wall) members import / INSERT loop: %.2f\n",
                median_wall(ours) / median_wall(loop));
  return org;
}

// Removing one person of a household of several: the foreign keys that point at persons
// (helper_id ON DELETE SET NULL, roles, …) are followed for every removal.
void bench_remove(sdk::Database& db, sdk::OrgId org) {
  std::vector<members::PersonId> ids;
  sdk::Statement st(db,
                    "SELECT p.id FROM members_persons p WHERE p.org_id = ? AND p.is_head = 0 "
                    "ORDER BY p.id LIMIT 40");
  st.bind(1, org);
  while (st.step()) ids.push_back(st.get_int(0));
  std::vector<double> removed, read;
  for (auto id : ids) {
    auto t0 = Clock::now();
    (void)members::get_person(db, id);
    read.push_back(ms_since(t0));
    t0 = Clock::now();
    members::remove_person(db, id);
    removed.push_back(ms_since(t0));
  }
  std::printf(
      "\nremoving one person (members_persons: %lld rows), %zu persons: p50 %.2f ms, p99 %.2f ms; "
      "reading one: p50 %.2f ms; ratio p50 %.1f\n",
      static_cast<long long>(sdk::query_int(db, "SELECT count(*) FROM members_persons").value_or(0)),
      ids.size(), percentile(removed, 50), percentile(removed, 99), percentile(read, 50),
      percentile(removed, 50) / percentile(read, 50));
}

}  // namespace

int main(int argc, char** argv) {
  try {
    const std::string server = engine_argument(argc, argv);
    int import_runs = 2, rounds = 30;
    std::string only;  // search, remove or import: that part alone (for a profiler: perf record -- …)
    for (int i = 1; i + 1 < argc; i += 2) {
      const std::string a = argv[i];
      if (a == "--import-runs")
        import_runs = std::max(1, std::atoi(argv[i + 1]));
      else if (a == "--rounds")
        rounds = std::max(1, std::atoi(argv[i + 1]));
      else if (a == "--only")
        only = argv[i + 1];
      else
        throw sdk::InputError(
            "usage: bench-city-members [--db URI|sqlite] [--import-runs N] [--rounds N] [--only "
            "search|remove|import]");
    }
    sdk::strings().load_folder(fs::path(WASSHOI_BIN_DIR) / "i18n");
    test::TempDir folder;
    test::ScratchDb scratch(server);
    host::App app(host::AppOptions{
        .db_path = scratch.target(), .plugin_dir = plugin_dir(), .actor = "bench", .create = true});
    app.open_database();
    std::printf("bench-city-members on %s\n", engine_description(app.db()).c_str());
    const City city = make_city(app, CitySize{}, kSeed);
    std::printf("city: %d organizations (%zu 自治会), %d households, %d persons; made in %.1f s\n",
                city.organizations, city.jichikai.size(), city.households, city.persons,
                city.made.wall_ms / 1e3);
    const Jichikai& median = city.median_jichikai();
    const Jichikai& largest = city.largest_jichikai();
    auto part = [&](const char* name) { return only.empty() || only == name; };
    if (part("search")) {
      bench_search(app.db(), "the median 自治会, " + median.name, median.id, median.persons, rounds);
      bench_search(app.db(), "the largest 自治会, " + largest.name, largest.id, largest.persons, rounds);
    }
    if (part("remove")) bench_remove(app.db(), median.id);
    if (part("import")) {
      const std::string utf8 = roster_csv(kImportRows, kSeed + 1);
      const sdk::OrgId imported = bench_import(app, scratch, folder.path(), utf8, import_runs);
      if (only.empty())
        bench_search(app.db(), "the 自治会 just imported (a pathological 100 000 persons)", imported,
                     kImportRows, std::max(1, rounds / 3));
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench-city-members: %s\n", e.what());
    return 1;
  }
  return 0;
}
