#pragma once
// A fresh in-memory database for every fuzz input, made by the real migrations.
//
// Running the migrations (core + a plugin: a dozen tables, an FTS5 index, triggers) for every
// input costs more than the import being fuzzed. So they run once, into a template; each input
// gets a byte copy of that template in a new connection (sqlite3_deserialize) — the same database
// the migrations made, at a fraction of the cost. See docs/hardening.md for the figures.
#include <functional>
#include <string>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::fuzz {

class FreshDatabases {
 public:
  // `setup` runs once on a new in-memory database: migrations, organizations, 班 …
  explicit FreshDatabases(const std::function<void(sdk::Database&)>& setup);
  // A new connection holding a copy of what `setup` made, with audit on as the host has it.
  sdk::Database next() const;

 private:
  std::string image_;  // the template, serialized
};

// Aborts (a finding for libFuzzer) with `what` when `ok` is false: the import broke a promise.
void expect(bool ok, const char* what);
// With WASSHOI_FUZZ_TRACE set, prints what an input did (to check what a seed reaches):
//   WASSHOI_FUZZ_TRACE=1 build-fuzz/fuzz_roster_import tests/fuzz/corpus/roster_import/*.csv
void trace(const std::string& line);

}  // namespace wasshoi::fuzz
