// bench_members: figures for issue 3 (docs/members.md). Everything is measured in this run:
//   import of a 100 000-row CP932 roster  vs  sqlite3 .import of the same rows (:memory: and a
//   file) and a raw prepared insert in this process;
//   search p50/p99 at 100 000 persons     vs  the same SQL run raw;
//   roster panel frame time at 100 000    vs  at 100 persons.
#include <cstdio>
#include <cstdlib>
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/i18n.hpp>

#include "bench.hpp"
#include "core/importer.hpp"

using namespace wasshoi;
using namespace wasshoi::bench;
namespace fs = std::filesystem;

namespace {

Span run_sqlite3(const std::string& db, const fs::path& csv, const char* pragma) {
  const std::string cmd =
      "sqlite3 " + db + " '" + pragma + "' '.import --csv " + csv.string() + " roster' > /dev/null";
  Stopwatch watch;
  if (std::system(cmd.c_str()) != 0) std::fprintf(stderr, "sqlite3 failed: %s\n", cmd.c_str());
  return watch.elapsed();
}

// The least a program can do with the same file: decode, parse, insert 8 text columns.
Span raw_insert(const fs::path& folder, const std::string& cp932) {
  Stopwatch watch;
  sdk::Database db = sdk::Database::open(folder / "raw.db");
  db.exec("CREATE TABLE roster(han, name, reading, address, phone, people, joined, notes)");
  sdk::CsvReader reader(sdk::decode_to_utf8(cp932));
  sdk::CsvRecord r;
  reader.next(r);  // header
  db.exec("BEGIN IMMEDIATE");
  sdk::Statement st(db, "INSERT INTO roster VALUES(?, ?, ?, ?, ?, ?, ?, ?)");
  while (reader.next(r)) {
    for (int i = 0; i < 8; ++i) st.bind(i + 1, r.fields[static_cast<std::size_t>(i)]);
    st.run();
  }
  db.exec("COMMIT");
  return watch.elapsed();
}

struct ImportTimes {
  Span read, write;
  Span total() const { return Span{read.wall_ms + write.wall_ms, read.cpu_ms + write.cpu_ms}; }
};

void check_import(const members::ImportSummary& summary, const members::ImportPlan& plan) {
  if (summary.persons != 100000 || !plan.errors.empty())
    std::fprintf(stderr, "unexpected import: %d persons, %zu errors\n", summary.persons, plan.errors.size());
}

members::ImportOptions bench_options() {
  members::ImportOptions options;
  options.source = "roster-100k.csv";
  return options;
}

// As the CLI imports a file: reading overlaps writing (read_and_import_roster).
Span one_pass_import(BenchDb& b, const std::string& cp932) {
  members::ImportPlan read;
  Stopwatch watch;
  auto summary = members::read_and_import_roster(
      b.app.db(), b.app.services().get<sdk::OrganizationDirectory>(), b.org, cp932, bench_options(), read);
  Span s = watch.elapsed();
  check_import(summary, read);
  return s;
}

// As the GUI imports: the file read and checked first (its preview), then written.
ImportTimes planned_import(BenchDb& b, const std::string& cp932) {
  ImportTimes t;
  Stopwatch read;
  members::ImportPlan plan = members::read_roster(cp932, bench_options());
  t.read = read.elapsed();
  Stopwatch write;
  auto summary = members::import_roster(b.app.db(), b.app.services().get<sdk::OrganizationDirectory>(), b.org,
                                        plan, bench_options());
  t.write = write.elapsed();
  check_import(summary, plan);
  return t;
}

void bench_import(const fs::path& folder, const std::string& utf8, const std::string& cp932,
                  bool import_only) {
  const fs::path utf8_file = folder / "roster-100k-utf8.csv";
  if (import_only) {  // for a profiler: our import alone
    BenchDb b(folder, "import.db");
    Span ours = one_pass_import(b, cp932);
    std::printf("members import wall %.1f ms, cpu %.1f ms\n", ours.wall_ms, ours.cpu_ms);
    return;
  }
  test::write_file(utf8_file, utf8);
  test::write_file(folder / "roster-100k-cp932.csv", cp932);
  std::printf("import of 100 000 rows (%.1f MB CP932, %.1f MB UTF-8)\n", cp932.size() / 1e6,
              utf8.size() / 1e6);
  const Span mem = run_sqlite3(":memory:", utf8_file, "PRAGMA journal_mode=OFF");
  const Span file = run_sqlite3((folder / "sqlite3.db").string(), utf8_file, "PRAGMA journal_mode=WAL");
  const Span raw = raw_insert(folder, cp932);
  BenchDb b(folder, "import.db");
  const Span total = one_pass_import(b, cp932);
  BenchDb planned_db(folder, "planned.db");
  const ImportTimes planned = planned_import(planned_db, cp932);
  auto line = [](const char* what, Span s) {
    std::printf("  %-38s wall %8.1f ms   cpu %8.1f ms\n", what, s.wall_ms, s.cpu_ms);
  };
  line("sqlite3 .import, :memory:", mem);
  line("sqlite3 .import, WAL file", file);
  line("raw decode+parse+insert, file", raw);
  line("members import (CP932, file; CLI)", total);
  std::printf(
      "  ratio (wall / cpu) vs sqlite3 :memory: %.2f / %.2f, vs sqlite3 file %.2f / %.2f, vs raw %.2f / "
      "%.2f\n",
      total.wall_ms / mem.wall_ms, total.cpu_ms / mem.cpu_ms, total.wall_ms / file.wall_ms,
      total.cpu_ms / file.cpu_ms, total.wall_ms / raw.wall_ms, total.cpu_ms / raw.cpu_ms);
  std::printf("  (targets: <= 3x sqlite3 .import, under 1000 ms)\n");
  line("read, then import the plan (GUI)", planned.total());
  std::printf(
      "    read+check %.1f ms wall (the preview), then the import %.1f ms wall (%.2fx the file import)\n",
      planned.read.wall_ms, planned.write.wall_ms, planned.write.wall_ms / file.wall_ms);
  bench_search(b);
}

}  // namespace

int main(int argc, char** argv) {
  const bool import_only = argc > 1 && std::string(argv[1]) == "--import-only";
  try {
    sdk::strings().load_folder(fs::path(WASSHOI_BIN_DIR) / "i18n");
    test::TempDir folder;
    // --import-only FILE: our import of FILE alone (for a profiler); FILE is written when missing.
    const fs::path cached = import_only && argc > 2 ? fs::path(argv[2]) : fs::path();
    const std::string utf8 =
        cached.empty() || !fs::exists(cached) ? roster_csv(100000, 20260401) : std::string();
    const std::string cp932 =
        utf8.empty() ? test::read_file(cached) : *sdk::utf8_to_cp932(utf8);  // no 𠮷: fits CP932
    if (!cached.empty() && !fs::exists(cached)) test::write_file(cached, cp932);
    bench_import(folder.path(), utf8, cp932, import_only);
#ifdef WASSHOI_BENCH_FRAMES
    if (!import_only) bench_frames(folder.path(), cp932);
#endif
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_members: %s\n", e.what());
    return 1;
  }
  return 0;
}
