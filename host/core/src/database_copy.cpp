#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <wasshoi/host/database_copy.hpp>

namespace wasshoi::host {

namespace {

bool on_server(const sdk::Database& db) {
  return db.engine() == sdk::Engine::PostgreSQL;
}

std::string quoted(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// Foreign keys as (table, the table it points to), self-references left out.
std::vector<std::pair<std::string, std::string>> foreign_keys(sdk::Database& db,
                                                              const std::vector<std::string>& tables) {
  std::vector<std::pair<std::string, std::string>> out;
  if (on_server(db)) {
    sdk::Statement fk(db,
                      "SELECT cl.relname, rf.relname FROM pg_constraint c "
                      "JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class rf ON rf.oid = c.confrelid "
                      "JOIN pg_namespace n ON n.oid = cl.relnamespace "
                      "WHERE c.contype = 'f' AND n.nspname = current_schema()");
    while (fk.step()) out.emplace_back(fk.get_text(0), fk.get_text(1));
  } else {
    for (const auto& t : tables) {
      sdk::Statement fk(db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");
      fk.bind(1, t);
      while (fk.step()) out.emplace_back(t, fk.get_text(0));
    }
  }
  std::erase_if(out, [](const auto& e) { return e.first == e.second; });
  return out;
}

// Parents before children; among tables free to go, by name (the same order on every run).
std::vector<std::string> in_foreign_key_order(std::vector<std::string> tables,
                                              const std::vector<std::pair<std::string, std::string>>& fks) {
  std::sort(tables.begin(), tables.end());
  const std::set<std::string> known(tables.begin(), tables.end());
  std::map<std::string, std::set<std::string>> waits_for;  // table → parents not yet placed
  for (const auto& [child, parent] : fks)
    if (known.count(child) && known.count(parent)) waits_for[child].insert(parent);
  std::vector<std::string> order;
  std::set<std::string> placed;
  while (order.size() < tables.size()) {
    bool progress = false;
    for (const auto& t : tables) {
      if (placed.count(t)) continue;
      auto& parents = waits_for[t];
      if (std::any_of(parents.begin(), parents.end(), [&](const auto& p) { return !placed.count(p); }))
        continue;
      order.push_back(t);
      placed.insert(t);
      progress = true;
    }
    if (!progress) {  // a cycle of foreign keys: the rest by name (SQLite defers its checks)
      for (const auto& t : tables)
        if (!placed.count(t)) order.push_back(t), placed.insert(t);
    }
  }
  return order;
}

Column::Kind kind_of(std::string type) {
  std::transform(type.begin(), type.end(), type.begin(), [](unsigned char c) { return std::toupper(c); });
  if (type.find("INT") != std::string::npos || type.find("BOOL") != std::string::npos)
    return Column::Kind::Integer;
  if (type.find("REAL") != std::string::npos || type.find("DOUBLE") != std::string::npos ||
      type.find("FLOA") != std::string::npos)
    return Column::Kind::Real;
  if (type.find("BLOB") != std::string::npos || type.find("BYTEA") != std::string::npos)
    return Column::Kind::Blob;
  return Column::Kind::Text;
}

std::map<std::string, std::int64_t> schema_versions(sdk::Database& db) {
  std::map<std::string, std::int64_t> out;
  sdk::Statement v(db, "SELECT owner, max(version) FROM schema_migrations GROUP BY owner");
  while (v.step()) out[v.get_text(0)] = v.get_int(1);
  return out;
}

std::string column_list(const std::vector<Column>& columns) {
  std::string out;
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + quoted(c.name);
  return out;
}

// The columns of `table` that `other` has too, in `db`'s order.
std::vector<Column> shared_columns(sdk::Database& db, sdk::Database& other, const std::string& table) {
  std::set<std::string> theirs;
  for (const auto& c : table_columns(other, table)) theirs.insert(c.name);
  auto mine = table_columns(db, table);
  std::erase_if(mine, [&](const Column& c) { return !theirs.count(c.name); });
  return mine;
}

// The columns of `table` in its primary key (kind = "p") or in a foreign key to itself ("self").
std::vector<std::string> key_columns(sdk::Database& db, const std::string& table, const std::string& kind) {
  sdk::Statement k(
      db,
      "SELECT a.attname FROM pg_constraint c JOIN pg_class cl ON cl.oid = c.conrelid "
      "JOIN pg_namespace n ON n.oid = cl.relnamespace "
      "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey) "
      "WHERE n.nspname = current_schema() AND cl.relname = ? AND "
      "(CASE WHEN ? = 'p' THEN c.contype = 'p' ELSE c.contype = 'f' AND c.confrelid = c.conrelid END) "
      "ORDER BY a.attnum");
  k.bind_all(table, kind);
  std::vector<std::string> out;
  while (k.step()) out.push_back(k.get_text(0));
  return out;
}

void bind_from(sdk::Statement& write, int index, sdk::Statement& read, int column, Column::Kind kind) {
  if (read.is_null(column)) {
    write.bind(index, nullptr);
    return;
  }
  switch (kind) {
    case Column::Kind::Integer:
      write.bind(index, read.get_int(column));
      break;
    case Column::Kind::Real:
      write.bind(index, read.get_double(column));
      break;
    case Column::Kind::Blob:
      write.bind(index, read.get_blob(column));
      break;
    case Column::Kind::Text:
      write.bind(index, read.get_text(column));
      break;
  }
}

// PostgreSQL checks a foreign key to the same table at each row (SQLite defers it to the commit):
// such columns are inserted empty and set once every row of the table is in.
void set_self_references(sdk::Database& source, sdk::Database& target, const std::string& table,
                         const std::vector<Column>& columns, const std::vector<std::string>& self,
                         const std::vector<std::string>& key) {
  const auto kind = [&](const std::string& name) {
    for (const auto& c : columns)
      if (c.name == name) return c.kind;
    return Column::Kind::Text;
  };
  std::string set, where, present, select;
  for (const auto& s : self) {
    set += (set.empty() ? "" : ", ") + quoted(s) + " = ?";
    present += (present.empty() ? "" : " OR ") + quoted(s) + " IS NOT NULL";
    select += (select.empty() ? "" : ", ") + quoted(s);
  }
  for (const auto& k : key) {
    where += (where.empty() ? "" : " AND ") + quoted(k) + " = ?";
    select += ", " + quoted(k);
  }
  sdk::Statement read(source, "SELECT " + select + " FROM " + quoted(table) + " WHERE " + present);
  sdk::Statement write(target, "UPDATE " + quoted(table) + " SET " + set + " WHERE " + where);
  const int n = static_cast<int>(self.size());
  while (read.step()) {
    for (int i = 0; i < n; ++i) bind_from(write, i + 1, read, i, kind(self[static_cast<std::size_t>(i)]));
    for (int i = 0; i < static_cast<int>(key.size()); ++i)
      bind_from(write, n + i + 1, read, n + i, kind(key[static_cast<std::size_t>(i)]));
    write.run();
    write.reset();
  }
}

// A read snapshot of the source while it is copied: the tables are read as of one moment.
class ReadSnapshot {
 public:
  explicit ReadSnapshot(sdk::Database& db) : db_(db) {
    db_.exec(on_server(db_) ? "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY" : "BEGIN");
  }
  ~ReadSnapshot() {
    try {
      db_.exec("ROLLBACK");  // read only: nothing to keep
    } catch (...) {
    }
  }
  ReadSnapshot(const ReadSnapshot&) = delete;
  ReadSnapshot& operator=(const ReadSnapshot&) = delete;

 private:
  sdk::Database& db_;
};

}  // namespace

std::vector<std::string> data_tables(sdk::Database& db) {
  std::vector<std::string> tables;
  if (on_server(db)) {
    sdk::Statement t(db,
                     "SELECT table_name FROM information_schema.tables "
                     "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'");
    while (t.step()) tables.push_back(t.get_text(0));
  } else {
    // SQLite names a virtual table's own tables 'shadow': the virtual table (a search index)
    // is rebuilt from its content by the target's triggers, so neither is copied.
    sdk::Statement t(db, "SELECT name FROM pragma_table_list WHERE schema = 'main' AND type = 'table'");
    while (t.step())
      if (!t.get_text(0).starts_with("sqlite_")) tables.push_back(t.get_text(0));
  }
  std::erase(tables, "schema_migrations");
  return in_foreign_key_order(tables, foreign_keys(db, tables));
}

std::vector<Column> table_columns(sdk::Database& db, const std::string& table) {
  std::vector<Column> out;
  sdk::Statement c(db, on_server(db) ? "SELECT column_name, data_type FROM information_schema.columns "
                                       "WHERE table_schema = current_schema() AND table_name = ? "
                                       "ORDER BY ordinal_position"
                                     : "SELECT name, type FROM pragma_table_info(?) ORDER BY cid");
  c.bind(1, table);
  while (c.step()) out.push_back({c.get_text(0), kind_of(c.get_text(1))});
  return out;
}

TableSum table_sum(sdk::Database& db, const std::string& table, const std::vector<Column>& columns) {
  if (sodium_init() < 0) throw sdk::Error("libsodium cannot start");
  TableSum sum{table, 0, {}};
  std::array<std::uint64_t, 2> total{0, 0};
  if (!columns.empty()) {
    sdk::Statement rows(db, "SELECT " + column_list(columns) + " FROM " + quoted(table));
    std::string canonical;
    while (rows.step()) {
      canonical.clear();
      for (int i = 0; i < static_cast<int>(columns.size()); ++i) {
        if (rows.is_null(i)) {
          canonical += "\x01";
          continue;
        }
        switch (columns[static_cast<std::size_t>(i)].kind) {
          case Column::Kind::Integer:
            canonical += "i" + std::to_string(rows.get_int(i));
            break;
          case Column::Kind::Real: {
            char text[40];
            std::snprintf(text, sizeof text, "r%.17g", rows.get_double(i));
            canonical += text;
            break;
          }
          case Column::Kind::Blob: {
            const sdk::Blob b = rows.get_blob(i);
            std::string hex(b.size() * 2 + 1, '\0');
            sodium_bin2hex(hex.data(), hex.size(), b.data(), b.size());
            hex.pop_back();
            canonical += "b" + hex;
            break;
          }
          case Column::Kind::Text:
            canonical += "t" + rows.get_text(i);
            break;
        }
        canonical += '\0';
      }
      std::array<unsigned char, 16> h{};
      crypto_generichash(h.data(), h.size(), reinterpret_cast<const unsigned char*>(canonical.data()),
                         canonical.size(), nullptr, 0);
      for (int half = 0; half < 2; ++half) {
        std::uint64_t part = 0;
        for (int b = 0; b < 8; ++b) part = part << 8 | h[static_cast<std::size_t>(half * 8 + b)];
        total[static_cast<std::size_t>(half)] += part;  // modulo 2^64: the same in any row order
      }
      ++sum.rows;
    }
  }
  char hex[33];
  std::snprintf(hex, sizeof hex, "%016llx%016llx", static_cast<unsigned long long>(total[0]),
                static_cast<unsigned long long>(total[1]));
  sum.checksum = hex;
  return sum;
}

bool CopyResult::identical() const {
  if (source.size() != target.size()) return false;
  for (std::size_t i = 0; i < source.size(); ++i)
    if (source[i].table != target[i].table || source[i].rows != target[i].rows ||
        source[i].checksum != target[i].checksum)
      return false;
  return true;
}

std::vector<TableSum> database_sums(sdk::Database& db) {
  std::vector<TableSum> out;
  for (const auto& t : data_tables(db)) out.push_back(table_sum(db, t, table_columns(db, t)));
  return out;
}

CopyResult copy_database(sdk::Database& source, sdk::Database& target) {
  const std::string from = source.path().string(), to = target.path().string();
  if (from == to) throw sdk::InputError("db copy: --from and --to are the same database (" + from + ")");
  if (schema_versions(source) != schema_versions(target))
    throw sdk::InputError("db copy: " + from + " and " + to +
                          " are at different schema versions (see `wasshoi-cli db check` on each); "
                          "open both with this version of Wasshoi, with the same plugins");
  if (*sdk::query_int(target, "SELECT count(*) FROM organizations") > 0)
    throw sdk::InputError("db copy: " + to +
                          " already holds organizations; copy into a new file or an empty server database");
  ReadSnapshot snapshot(source);
  const std::vector<std::string> tables = data_tables(source);
  const std::vector<std::string> target_tables = data_tables(target);
  for (const auto& t : tables)
    if (std::find(target_tables.begin(), target_tables.end(), t) == target_tables.end())
      throw sdk::InputError("db copy: " + to + " has no table " + t +
                            " (a plugin that the source uses is missing where the target is opened)");

  CopyResult result;
  std::vector<std::vector<Column>> columns;
  for (const auto& t : tables) {
    columns.push_back(shared_columns(source, target, t));
    result.source.push_back(table_sum(source, t, columns.back()));
  }

  const bool audit = target.audit_enabled();
  target.enable_audit(false);  // the source's audit log is copied as it is, with no row added
  try {
    sdk::Transaction tx(target, "db copy");
    if (!on_server(target)) target.exec("PRAGMA defer_foreign_keys = ON");  // checked at commit
    // Rows the target's migrations seeded (settings, templates) give way to the source's.
    for (auto t = tables.rbegin(); t != tables.rend(); ++t) target.exec("DELETE FROM " + quoted(*t));
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const auto& cols = columns[i];
      if (cols.empty()) continue;
      std::string marks;
      for (std::size_t c = 0; c < cols.size(); ++c) marks += c ? ", ?" : "?";
      std::vector<std::string> self, key;
      if (on_server(target)) {
        self = key_columns(target, tables[i], "self");
        key = key_columns(target, tables[i], "p");
        if (key.empty()) self.clear();  // no key to find the row again: left to the row order
      }
      sdk::Statement read(source,
                          "SELECT " + column_list(cols) + " FROM " + quoted(tables[i]) + " ORDER BY 1");
      sdk::Statement write(
          target, "INSERT INTO " + quoted(tables[i]) + "(" + column_list(cols) + ") VALUES(" + marks + ")");
      while (read.step()) {
        for (int c = 0; c < static_cast<int>(cols.size()); ++c) {
          const auto& col = cols[static_cast<std::size_t>(c)];
          if (std::find(self.begin(), self.end(), col.name) != self.end())
            write.bind(c + 1, nullptr);
          else
            bind_from(write, c + 1, read, c, col.kind);
        }
        write.run();
        write.reset();
      }
      if (!self.empty()) set_self_references(source, target, tables[i], cols, self, key);
    }
    if (on_server(target)) {
      // Identity columns were given the copied ids: their sequences continue after the largest.
      std::vector<std::pair<std::string, std::string>> identities;
      sdk::Statement id(target,
                        "SELECT table_name, column_name FROM information_schema.columns "
                        "WHERE table_schema = current_schema() AND is_identity = 'YES'");
      while (id.step()) identities.emplace_back(id.get_text(0), id.get_text(1));
      for (const auto& [t, c] : identities) {
        sdk::Statement next(target, "SELECT setval(pg_get_serial_sequence(?, ?), COALESCE((SELECT max(" +
                                        quoted(c) + ") FROM " + quoted(t) + "), 0) + 1, false)");
        next.bind_all(quoted(t), c);
        next.step();
      }
    }
    tx.commit();
  } catch (...) {
    target.enable_audit(audit);
    throw;
  }
  target.enable_audit(audit);
  for (std::size_t i = 0; i < tables.size(); ++i)
    result.target.push_back(table_sum(target, tables[i], columns[i]));
  return result;
}

}  // namespace wasshoi::host
