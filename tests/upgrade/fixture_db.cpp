#include "fixture_db.hpp"

#include <sqlite3.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <wasshoi/host/database_copy.hpp>

#include "test_support.hpp"

namespace wasshoi::test {

namespace fs = std::filesystem;

namespace {

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close(db); }
};
using Connection = std::unique_ptr<sqlite3, Closer>;

Connection connect(const fs::path& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Connection db(raw);
  if (rc != SQLITE_OK) throw std::runtime_error(path.string() + ": " + sqlite3_errmsg(raw));
  return db;
}

struct Finalizer {
  void operator()(sqlite3_stmt* st) const { sqlite3_finalize(st); }
};
using Query = std::unique_ptr<sqlite3_stmt, Finalizer>;

Query prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    throw std::runtime_error(sql + ": " + sqlite3_errmsg(db));
  return Query(st);
}

std::string quoted(const std::string& name) {
  return "\"" + name + "\"";
}

// A value as a typed, exact string: "i:42", "r:0x1.8p+1", "t:髙橋", "b:89504e47", "null".
std::string value(sqlite3_stmt* st, int col) {
  switch (sqlite3_column_type(st, col)) {
    case SQLITE_INTEGER:
      return "i:" + std::to_string(sqlite3_column_int64(st, col));
    case SQLITE_FLOAT: {
      char buf[64];
      std::snprintf(buf, sizeof buf, "r:%a", sqlite3_column_double(st, col));
      return buf;
    }
    case SQLITE_TEXT: {
      const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, col));
      return "t:" + std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(st, col)));
    }
    case SQLITE_BLOB: {
      const auto* p = static_cast<const unsigned char*>(sqlite3_column_blob(st, col));
      std::string hex = "b:";
      char buf[3];
      for (int i = 0; i < sqlite3_column_bytes(st, col); ++i) {
        std::snprintf(buf, sizeof buf, "%02x", p[i]);
        hex += buf;
      }
      return hex;
    }
    default:
      return "null";
  }
}

std::multiset<std::string> rows(sqlite3* db, const std::string& table,
                                const std::vector<std::string>& columns) {
  std::string list;
  for (const auto& c : columns) list += (list.empty() ? "" : ", ") + quoted(c);
  Query st = prepare(db, "SELECT " + list + " FROM " + quoted(table));
  std::multiset<std::string> out;
  while (sqlite3_step(st.get()) == SQLITE_ROW) {
    std::string row;
    for (int i = 0; i < static_cast<int>(columns.size()); ++i) row += (i ? " | " : "") + value(st.get(), i);
    out.insert(row);
  }
  return out;
}

}  // namespace

fs::path fixture_path(const std::string& name) {
  return fs::path(WASSHOI_UPGRADE_FIXTURE_DIR) / name;
}

void load_fixture(const std::string& name, const fs::path& db) {
  std::string sql = read_file(fixture_path(name));
  if (sql.empty()) throw std::runtime_error(fixture_path(name).string() + " is empty or missing");
  Connection c = connect(db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  char* error = nullptr;
  if (sqlite3_exec(c.get(), sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    throw std::runtime_error(name + ": " + message);
  }
}

Tables read_tables(const fs::path& db) {
  Connection c = connect(db, SQLITE_OPEN_READONLY);
  // FTS5 keeps its index in shadow tables named after the virtual table (members_search_data …).
  Query st = prepare(
      c.get(),
      "SELECT name FROM sqlite_schema t WHERE type = 'table' AND name NOT LIKE 'sqlite!_%' ESCAPE '!' "
      "AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' AND NOT EXISTS (SELECT 1 FROM sqlite_schema v "
      "WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%' AND t.name IN (v.name || '_data', "
      "v.name || '_idx', v.name || '_content', v.name || '_docsize', v.name || '_config'))");
  Tables out;
  while (sqlite3_step(st.get()) == SQLITE_ROW) {
    std::string name = reinterpret_cast<const char*>(sqlite3_column_text(st.get(), 0));
    Query info = prepare(c.get(), "SELECT name FROM pragma_table_info(?)");
    sqlite3_bind_text(info.get(), 1, name.c_str(), -1, SQLITE_TRANSIENT);
    Table& t = out[name];
    while (sqlite3_step(info.get()) == SQLITE_ROW)
      t.columns.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(info.get(), 0)));
  }
  for (auto& [name, t] : out) t.rows = rows(c.get(), name, t.columns);
  return out;
}

Tables read_tables_like(const fs::path& db, const Tables& before) {
  Connection c = connect(db, SQLITE_OPEN_READONLY);
  Tables out;
  for (const auto& [name, t] : before) out[name] = {t.columns, rows(c.get(), name, t.columns)};
  return out;
}

Tables read_tables_like(sdk::Database& db, const Tables& before) {
  Tables out;
  for (const auto& [name, t] : before) {
    std::map<std::string, host::Column::Kind> kinds;
    for (const auto& c : host::table_columns(db, name)) kinds[c.name] = c.kind;
    std::string list;
    for (const auto& c : t.columns) {
      if (!kinds.count(c)) throw std::runtime_error(name + "." + c + " is gone");
      list += (list.empty() ? "" : ", ") + quoted(c);
    }
    sdk::Statement st(db, "SELECT " + list + " FROM " + quoted(name));
    Table& read = out[name];
    read.columns = t.columns;
    while (st.step()) {
      std::string row;
      for (int i = 0; i < static_cast<int>(t.columns.size()); ++i) {
        std::string v = "null";
        if (!st.is_null(i)) switch (kinds[t.columns[static_cast<std::size_t>(i)]]) {
            case host::Column::Kind::Integer:
              v = "i:" + std::to_string(st.get_int(i));
              break;
            case host::Column::Kind::Real: {
              char buf[64];
              std::snprintf(buf, sizeof buf, "r:%a", st.get_double(i));
              v = buf;
              break;
            }
            case host::Column::Kind::Text:
              v = "t:" + st.get_text(i);
              break;
            case host::Column::Kind::Blob: {
              v = "b:";
              char buf[3];
              for (auto byte : st.get_blob(i)) {
                std::snprintf(buf, sizeof buf, "%02x", static_cast<unsigned>(byte));
                v += buf;
              }
              break;
            }
          }
        row += (i ? " | " : "") + v;
      }
      read.rows.insert(row);
    }
  }
  return out;
}

std::vector<std::string> missing_rows(const Tables& before, const Tables& after) {
  std::vector<std::string> missing;
  for (const auto& [name, t] : before) {
    auto it = after.find(name);
    std::multiset<std::string> left = it == after.end() ? std::multiset<std::string>{} : it->second.rows;
    for (const auto& row : t.rows) {
      auto found = left.find(row);
      if (found == left.end())
        missing.push_back(name + ": " + row);
      else
        left.erase(found);
    }
  }
  return missing;
}

int recorded_version(const fs::path& db, const std::string& owner) {
  Connection c = connect(db, SQLITE_OPEN_READONLY);
  Query st = prepare(c.get(), "SELECT coalesce(max(version), 0) FROM schema_migrations WHERE owner = ?");
  sqlite3_bind_text(st.get(), 1, owner.c_str(), -1, SQLITE_TRANSIENT);
  sqlite3_step(st.get());
  return sqlite3_column_int(st.get(), 0);
}

}  // namespace wasshoi::test
