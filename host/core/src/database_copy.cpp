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

std::string quoted_name(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + '"';
}

// A foreign key, column by column: `child.column` points at `parent.parent_column`.
struct ForeignKey {
  std::string child, column, parent, parent_column;
};

std::vector<std::string> primary_key(sdk::Database& db, const std::string& table);

std::vector<ForeignKey> foreign_keys(sdk::Database& db, const std::vector<std::string>& tables) {
  std::vector<ForeignKey> out;
  if (on_server(db)) {
    sdk::Statement fk(db,
                      "SELECT cl.relname, a.attname, rf.relname, af.attname FROM pg_constraint c "
                      "JOIN pg_class cl ON cl.oid = c.conrelid JOIN pg_class rf ON rf.oid = c.confrelid "
                      "JOIN pg_namespace n ON n.oid = cl.relnamespace "
                      "CROSS JOIN LATERAL unnest(c.conkey, c.confkey) AS k(child_att, parent_att) "
                      "JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.child_att "
                      "JOIN pg_attribute af ON af.attrelid = c.confrelid AND af.attnum = k.parent_att "
                      "WHERE c.contype = 'f' AND n.nspname = current_schema()");
    while (fk.step()) out.push_back({fk.get_text(0), fk.get_text(1), fk.get_text(2), fk.get_text(3)});
  } else {
    for (const auto& t : tables) {
      sdk::Statement fk(db, "SELECT \"table\", \"from\", \"to\" FROM pragma_foreign_key_list(?)");
      fk.bind(1, t);
      while (fk.step()) {
        ForeignKey k{t, fk.get_text(1), fk.get_text(0), fk.is_null(2) ? std::string() : fk.get_text(2)};
        if (k.parent_column.empty()) {  // REFERENCES parent: its primary key
          const auto key = primary_key(db, k.parent);
          k.parent_column = key.empty() ? "rowid" : key.front();
        }
        out.push_back(std::move(k));
      }
    }
  }
  return out;
}

// Parents before children; among tables free to go, by name (the same order on every run).
std::vector<std::string> in_foreign_key_order(std::vector<std::string> tables,
                                              const std::vector<ForeignKey>& fks) {
  std::sort(tables.begin(), tables.end());
  const std::set<std::string> known(tables.begin(), tables.end());
  std::map<std::string, std::set<std::string>> waits_for;  // table → parents not yet placed
  for (const auto& k : fks)
    if (k.child != k.parent && known.count(k.child) && known.count(k.parent))
      waits_for[k.child].insert(k.parent);
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
  for (const auto& c : columns) out += (out.empty() ? "" : ", ") + quoted_name(c.name);
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

std::vector<std::string> primary_key(sdk::Database& db, const std::string& table) {
  if (on_server(db)) return key_columns(db, table, "p");
  sdk::Statement k(db, "SELECT name FROM pragma_table_info(?) WHERE pk > 0 ORDER BY pk");
  k.bind(1, table);
  std::vector<std::string> out;
  while (k.step()) out.push_back(k.get_text(0));
  return out;
}

// The names the copy's SQL gives the row it reads and the row that row points at: not names the
// plugins' owner expressions use inside their own subqueries (t, p, s, h …).
constexpr const char* kRow = "copied_row";
constexpr const char* kParent = "parent_row";

// The condition (on `$.`) the rows a scope takes of `table` meet; empty: all of them.
std::string taken_rows(const CopyScope& scope, const std::string& table) {
  if (scope.whole()) return "";
  std::string in;
  for (auto org : scope.orgs) in += (in.empty() ? "" : ", ") + std::to_string(org);
  return "(" + scope.owners.at(table) + ") IN (" + in + ")";
}

// " WHERE <condition on the copied row>", or "" for every row.
std::string where_taken(const CopyScope& scope, const std::string& table) {
  const std::string condition = taken_rows(scope, table);
  return condition.empty() ? "" : " WHERE " + on_row(condition, kRow);
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

// A value as the text a server reads back to the same value: integers in decimal, reals with 17
// significant digits (a double's every bit), blobs as bytea's hex form (\x…).
std::string as_copy_text(sdk::Statement& read, int column, Column::Kind kind) {
  switch (kind) {
    case Column::Kind::Integer:
      return std::to_string(read.get_int(column));
    case Column::Kind::Real: {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%.17g", read.get_double(column));
      return buf;
    }
    case Column::Kind::Blob: {
      static constexpr char kHex[] = "0123456789abcdef";
      std::string out = "\\x";
      for (auto b : read.get_blob(column)) {
        out += kHex[b >> 4];
        out += kHex[b & 15];
      }
      return out;
    }
    case Column::Kind::Text:
      break;
  }
  return read.get_text(column);
}

// The rows `read` gives into `table` of a server with COPY … FROM STDIN (Database::copy_in), in
// batches; the columns in `self` (foreign keys to the same table) empty, set afterwards.
void copy_rows_in(sdk::Statement& read, sdk::Database& target, const std::string& table,
                  const std::vector<Column>& cols, const std::vector<std::string>& self) {
  constexpr std::size_t kBatch = 5000;
  std::vector<std::string> names;
  std::vector<bool> empty;
  for (const auto& c : cols) {
    names.push_back(c.name);
    empty.push_back(std::find(self.begin(), self.end(), c.name) != self.end());
  }
  std::vector<sdk::Database::CopyRow> rows;
  while (read.step()) {
    sdk::Database::CopyRow row(cols.size());
    for (std::size_t c = 0; c < cols.size(); ++c)
      if (!empty[c] && !read.is_null(static_cast<int>(c)))
        row[c] = as_copy_text(read, static_cast<int>(c), cols[c].kind);
    rows.push_back(std::move(row));
    if (rows.size() == kBatch) {
      target.copy_in(table, names, rows);
      rows.clear();
    }
  }
  target.copy_in(table, names, rows);
}

// PostgreSQL checks a foreign key to the same table at each row (SQLite defers it to the commit):
// such columns are inserted empty and set once every row of the table is in.
void set_self_references(sdk::Database& source, sdk::Database& target, const std::string& table,
                         const std::string& taken, const std::vector<Column>& columns,
                         const std::vector<std::string>& self, const std::vector<std::string>& key) {
  const auto kind = [&](const std::string& name) {
    for (const auto& c : columns)
      if (c.name == name) return c.kind;
    return Column::Kind::Text;
  };
  std::string set, where, present, select;
  for (const auto& s : self) {
    set += (set.empty() ? "" : ", ") + quoted_name(s) + " = ?";
    present += (present.empty() ? "" : " OR ") + quoted_name(s) + " IS NOT NULL";
    select += (select.empty() ? "" : ", ") + quoted_name(s);
  }
  for (const auto& k : key) {
    where += (where.empty() ? "" : " AND ") + quoted_name(k) + " = ?";
    select += ", " + quoted_name(k);
  }
  sdk::Statement read(source, "SELECT " + select + " FROM " + quoted_name(table) + " AS " +
                                  std::string(kRow) + (taken.empty() ? " WHERE " : taken + " AND (") +
                                  present + (taken.empty() ? "" : ")"));
  sdk::Statement write(target, "UPDATE " + quoted_name(table) + " SET " + set + " WHERE " + where);
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

TableSum table_sum(sdk::Database& db, const std::string& table, const std::vector<Column>& columns,
                   const std::string& condition) {
  if (sodium_init() < 0) throw sdk::Error("libsodium cannot start");
  TableSum sum{table, 0, {}};
  std::array<std::uint64_t, 2> total{0, 0};
  if (!columns.empty()) {
    sdk::Statement rows(db, "SELECT " + column_list(columns) + " FROM " + quoted_name(table) + " AS " +
                                std::string(kRow) +
                                (condition.empty() ? "" : " WHERE " + on_row(condition, kRow)));
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

CopyScope organization_scope(sdk::Database& db, const RowGuard& guard,
                             const std::vector<std::int64_t>& orgs) {
  CopyScope scope;
  for (auto org : orgs) {
    sdk::Statement known(db, "SELECT count(*) FROM organizations WHERE id = ?");
    known.bind(1, org);
    known.step();
    if (known.get_int(0) == 0)
      throw sdk::InputError("--org: there is no organization " + std::to_string(org) + " in " +
                            db.path().string() + " (see `wasshoi-cli org list`)");
    if (std::find(scope.orgs.begin(), scope.orgs.end(), org) == scope.orgs.end()) scope.orgs.push_back(org);
  }
  scope.owners = {
      {"organizations", "$.id"}, {"han", "$.org_id"}, {"org_plugins", "$.org_id"}, {"accounts", "$.org_id"}};
  for (const auto& [table, entry] : guard.entries())
    if (!entry.decl.org.empty()) scope.owners[table] = entry.decl.org;
  return scope;
}

namespace {

std::string organization_label(sdk::Database& db, std::int64_t org) {
  sdk::Statement name(db, "SELECT name FROM organizations WHERE id = ?");
  name.bind(1, org);
  return std::to_string(org) + (name.step() ? " (" + name.get_text(0) + ")" : std::string());
}

// Before one organization's rows go: the target must not hold the organization, must not use an
// id of one of its rows, and must hold every row they point at outside the organizations copied.
void check_room_for(sdk::Database& source, sdk::Database& target, const CopyScope& scope,
                    const std::vector<std::string>& tables) {
  const std::string to = target.path().string();
  for (auto org : scope.orgs) {
    sdk::Statement there(target, "SELECT count(*) FROM organizations WHERE id = ?");
    there.bind(1, org);
    there.step();
    if (there.get_int(0) > 0)
      throw sdk::InputError("db copy: " + to + " already holds organization " +
                            organization_label(target, org) + "; nothing was copied");
  }
  const std::string keep_ids =
      "; the rows keep their ids (the plugins keep ids where no foreign key names them), so they go "
      "only where those ids are free: a new file, an empty server database, or the database they came from";
  for (const auto& t : tables) {
    const auto key = primary_key(source, t);
    if (key.size() != 1) continue;  // a composite key: its parts are ids checked in their own tables
    sdk::Statement ids(source, "SELECT " + std::string(kRow) + "." + quoted_name(key[0]) + " FROM " +
                                   quoted_name(t) + " AS " + std::string(kRow) + where_taken(scope, t));
    sdk::Statement used(target,
                        "SELECT count(*) FROM " + quoted_name(t) + " WHERE " + quoted_name(key[0]) + " = ?");
    while (ids.step()) {
      bind_from(used, 1, ids, 0, Column::Kind::Integer);
      used.step();
      const bool taken = used.get_int(0) > 0;
      used.reset();
      if (taken)
        throw sdk::InputError("db copy: " + to + " already has a row " + t + " " + key[0] + " = " +
                              ids.get_text(0) + " (another organization's)" + keep_ids +
                              "; nothing was copied");
    }
  }
  const std::set<std::string> copied(tables.begin(), tables.end());
  std::vector<std::string> missing;       // the first few, for the message
  std::set<std::int64_t> owners_missing;  // every organization whose rows are missing
  std::size_t missing_rows = 0;
  for (const auto& k : foreign_keys(source, tables)) {
    if (!copied.count(k.child)) continue;
    const std::string inside = copied.count(k.parent) ? " AND " + on_row(taken_rows(scope, k.parent), kParent)
                                                      : std::string(" AND 1 = 0");
    sdk::Statement outside(source, "SELECT DISTINCT " + std::string(kRow) + "." + quoted_name(k.column) +
                                       " FROM " + quoted_name(k.child) + " AS " + std::string(kRow) +
                                       where_taken(scope, k.child) + " AND " + std::string(kRow) + "." +
                                       quoted_name(k.column) + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " +
                                       quoted_name(k.parent) + " AS " + std::string(kParent) + " WHERE " +
                                       kParent + "." + quoted_name(k.parent_column) + " = " + kRow + "." +
                                       quoted_name(k.column) + inside + ")");
    sdk::Statement present(target, "SELECT count(*) FROM " + quoted_name(k.parent) + " WHERE " +
                                       quoted_name(k.parent_column) + " = ?");
    std::optional<sdk::Statement> owner;
    if (scope.owners.count(k.parent))
      owner.emplace(source, "SELECT " + on_row(scope.owners.at(k.parent), kParent) + " FROM " +
                                quoted_name(k.parent) + " AS " + std::string(kParent) + " WHERE " + kParent +
                                "." + quoted_name(k.parent_column) + " = ?");
    Column::Kind kind = Column::Kind::Integer;
    for (const auto& c : table_columns(source, k.child))
      if (c.name == k.column) kind = c.kind;
    while (outside.step()) {
      bind_from(present, 1, outside, 0, kind);
      present.step();
      const bool there = present.get_int(0) > 0;
      present.reset();
      if (there) continue;
      std::string whose;
      if (owner) {
        bind_from(*owner, 1, outside, 0, kind);
        if (owner->step() && !owner->is_null(0)) {
          owners_missing.insert(owner->get_int(0));
          whose = k.parent == "organizations"
                      ? "organization " + organization_label(source, owner->get_int(0))
                      : k.parent + " " + outside.get_text(0) + " of organization " +
                            organization_label(source, owner->get_int(0));
        }
        owner->reset();
      }
      if (whose.empty()) whose = k.parent + " " + k.parent_column + " = " + outside.get_text(0);
      if (++missing_rows <= 6) missing.push_back(whose + " (named in " + k.child + "." + k.column + ")");
    }
  }
  if (!missing.empty()) {
    std::string list, add;
    for (const auto& m : missing) list += "\n  " + m;
    if (missing_rows > missing.size())
      list += "\n  … and " + std::to_string(missing_rows - missing.size()) + " more";
    for (auto org : owners_missing) add += " --org " + std::to_string(org);
    throw sdk::InputError("db copy: " + to +
                          " does not hold rows that the organizations copied point at:" + list +
                          (add.empty() ? "\ncopy the whole database instead"
                                       : "\nadd" + add + " (or copy those organizations first)") +
                          "; nothing was copied");
  }
}

}  // namespace

CopyResult copy_database(sdk::Database& source, sdk::Database& target, const CopyScope& scope) {
  const std::string from = source.path().string(), to = target.path().string();
  if (from == to) throw sdk::InputError("db copy: --from and --to are the same database (" + from + ")");
  if (schema_versions(source) != schema_versions(target))
    throw sdk::InputError("db copy: " + from + " and " + to +
                          " are at different schema versions (see `wasshoi-cli db check` on each); "
                          "open both with this version of Wasshoi, with the same plugins");
  if (scope.whole() && *sdk::query_int(target, "SELECT count(*) FROM organizations") > 0)
    throw sdk::InputError("db copy: " + to +
                          " already holds organizations; copy into a new file or an empty server database, "
                          "or copy organizations one by one (--org)");
  ReadSnapshot snapshot(source);
  CopyResult result;
  std::vector<std::string> tables;
  for (auto& t : data_tables(source)) {
    if (scope.whole() || scope.owners.count(t))
      tables.push_back(std::move(t));
    else
      result.left_out.push_back(std::move(t));
  }
  const std::vector<std::string> target_tables = data_tables(target);
  for (const auto& t : tables)
    if (std::find(target_tables.begin(), target_tables.end(), t) == target_tables.end())
      throw sdk::InputError("db copy: " + to + " has no table " + t +
                            " (a plugin that the source uses is missing where the target is opened)");
  if (!scope.whole()) check_room_for(source, target, scope, tables);

  std::vector<std::vector<Column>> columns;
  for (const auto& t : tables) {
    columns.push_back(shared_columns(source, target, t));
    result.source.push_back(table_sum(source, t, columns.back(), taken_rows(scope, t)));
  }

  // A whole copy brings the source's audit log as it is, with no row added; a copy of some
  // organizations leaves the history behind and records itself in the target's.
  const bool audit = target.audit_enabled();
  if (scope.whole()) target.enable_audit(false);
  try {
    std::string names;
    for (auto org : scope.orgs) names += (names.empty() ? "" : ", ") + organization_label(source, org);
    sdk::Transaction tx(target, "db copy", scope.whole() ? "" : "organizations " + names + " from " + from);
    if (!on_server(target)) target.exec("PRAGMA defer_foreign_keys = ON");  // checked at commit
    // Rows the target's migrations seeded (settings, templates) give way to the source's.
    if (scope.whole())
      for (auto t = tables.rbegin(); t != tables.rend(); ++t) target.exec("DELETE FROM " + quoted_name(*t));
    for (std::size_t i = 0; i < tables.size(); ++i) {
      const auto& cols = columns[i];
      if (cols.empty()) continue;
      std::string marks;
      for (std::size_t c = 0; c < cols.size(); ++c) marks += c ? ", ?" : "?";
      std::vector<std::string> self, key;
      if (on_server(target)) {
        self = key_columns(target, tables[i], "self");
        key = primary_key(target, tables[i]);
        if (key.empty()) self.clear();  // no key to find the row again: left to the row order
      }
      const std::string taken = where_taken(scope, tables[i]);
      sdk::Statement read(source, "SELECT " + column_list(cols) + " FROM " + quoted_name(tables[i]) + " AS " +
                                      std::string(kRow) + taken + " ORDER BY 1");
      if (on_server(target)) {
        copy_rows_in(read, target, tables[i], cols, self);
      } else {
        sdk::Statement write(target, "INSERT INTO " + quoted_name(tables[i]) + "(" + column_list(cols) +
                                         ") VALUES(" + marks + ")");
        while (read.step()) {
          for (int c = 0; c < static_cast<int>(cols.size()); ++c)
            bind_from(write, c + 1, read, c, cols[static_cast<std::size_t>(c)].kind);
          write.run();
          write.reset();
        }
      }
      if (!self.empty()) set_self_references(source, target, tables[i], taken, cols, self, key);
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
                                        quoted_name(c) + ") FROM " + quoted_name(t) + "), 0) + 1, false)");
        next.bind_all(quoted_name(t), c);
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
    result.target.push_back(table_sum(target, tables[i], columns[i], taken_rows(scope, tables[i])));
  return result;
}

}  // namespace wasshoi::host
