// What the row guard costs (docs/access.md, docs/performance.md): 20 000 households written one
// statement each in one transaction, and 20 000 lookups by id, with the guard's TEMP triggers
// and checks on (a signed-in 会長) and without (a file without accounts). Prints the ratio.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <wasshoi/host/access_rules.hpp>
#include <wasshoi/sdk/db.hpp>

using namespace wasshoi;
namespace fs = std::filesystem;

namespace {

constexpr int kRows = 20000;

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

struct Run {
  double write = 0, read = 0;
};

Run run(bool guarded, const fs::path& dir) {
  fs::path file = dir / (guarded ? "guarded.db" : "plain.db");
  fs::remove(file);
  sdk::Database db = sdk::Database::open(file);
  db.exec(
      "CREATE TABLE organizations(id INTEGER PRIMARY KEY, kind TEXT NOT NULL, name TEXT NOT NULL, parent_id "
      "INTEGER);"
      "INSERT INTO organizations VALUES(1, 'jichikai', '山目第一自治会', NULL);"
      "CREATE TABLE households(id INTEGER PRIMARY KEY, org_id INTEGER NOT NULL, han_id INTEGER, name TEXT);");
  sdk::Access access = sdk::Access::everything();
  host::RowGuard guard(access);
  guard.add("bench", {.table = "households",
                      .noun = "household",
                      .org = "$.org_id",
                      .han = "$.han_id",
                      .personal = true,
                      .han_leaders_write = true});
  if (guarded) {
    access.role = sdk::Role::Chair;
    access.account = "kaicho";
    access.org = 1;
    guard.install(db);
  }
  Run r;
  auto t0 = std::chrono::steady_clock::now();
  {
    sdk::Transaction tx(db, "bench");
    sdk::Statement st(db, "INSERT INTO households(org_id, han_id, name) VALUES(1, ?, ?)");
    for (int i = 0; i < kRows; ++i) {
      st.bind_all(static_cast<std::int64_t>(i % 12 + 1), "髙橋 一郎");
      st.run();
    }
    tx.commit();
  }
  r.write = seconds_since(t0);
  t0 = std::chrono::steady_clock::now();
  for (int i = 1; i <= kRows; ++i) {
    if (guarded) guard.require_visible(db, "households", i);
    sdk::Statement st(db, "SELECT name FROM households WHERE id = ?");
    st.bind(1, static_cast<std::int64_t>(i));
    st.step();
  }
  r.read = seconds_since(t0);
  return r;
}

}  // namespace

int main() {
  fs::path dir = fs::temp_directory_path() / ("wasshoi-bench-access-" + std::to_string(getpid()));
  fs::create_directories(dir);
  run(false, dir);  // warm-up
  Run plain = run(false, dir), guarded = run(true, dir);
  std::printf("row guard, %d households written one statement each (one transaction):\n", kRows);
  std::printf("  without accounts %.1f ms, signed-in 会長 %.1f ms: ratio %.2f (%.1f µs a row more)\n",
              plain.write * 1e3, guarded.write * 1e3, guarded.write / plain.write,
              (guarded.write - plain.write) / kRows * 1e6);
  std::printf("%d lookups by id: without %.1f ms, with the visibility check %.1f ms: ratio %.2f\n", kRows,
              plain.read * 1e3, guarded.read * 1e3, guarded.read / plain.read);
  fs::remove_all(dir);
  return 0;
}
