#include "fresh_db.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace wasshoi::fuzz {

FreshDatabases::FreshDatabases(const std::function<void(sdk::Database&)>& setup) {
  sdk::Database db = sdk::Database::open_memory();
  setup(db);
  sqlite3_int64 size = 0;
  unsigned char* bytes = sqlite3_serialize(db.handle(), "main", &size, 0);
  expect(bytes != nullptr, "cannot serialize the template database");
  image_.assign(reinterpret_cast<const char*>(bytes), static_cast<std::size_t>(size));
  sqlite3_free(bytes);
}

sdk::Database FreshDatabases::next() const {
  sdk::Database db = sdk::Database::open_memory();
  auto* copy = static_cast<unsigned char*>(sqlite3_malloc64(image_.size()));
  expect(copy != nullptr, "out of memory copying the template database");
  std::memcpy(copy, image_.data(), image_.size());
  int rc = sqlite3_deserialize(db.handle(), "main", copy, static_cast<sqlite3_int64>(image_.size()),
                               static_cast<sqlite3_int64>(image_.size()),
                               SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
  expect(rc == SQLITE_OK, "cannot load the template database");
  db.set_actor("fuzz");
  db.enable_audit(true);
  return db;
}

void expect(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz: broken promise: %s\n", what);
  std::abort();
}

void trace(const std::string& line) {
  static const bool on = std::getenv("WASSHOI_FUZZ_TRACE") != nullptr;
  if (on) std::fprintf(stderr, "fuzz: %s\n", line.c_str());
}

}  // namespace wasshoi::fuzz
