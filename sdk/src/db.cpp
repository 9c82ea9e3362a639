#include <sqlite3.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <random>
#include <thread>
#include <utility>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/dialect.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/platform.hpp>
#include <wasshoi/sdk/row_lock.hpp>

#include "db_postgres.hpp"

namespace wasshoi::sdk {

Error::~Error() = default;
ConnectionError::~ConnectionError() = default;

namespace {

// A refusal raised below the plugins (host core's row guard, in a trigger) reaches the caller as
// an SQLite error whose message starts with this; it is the officer's answer, not a fault.
constexpr std::string_view kRefusalMark = "wasshoi-refused: ";

void throw_refusal_if_marked(std::string_view message) {
  if (auto at = message.find(kRefusalMark); at != std::string_view::npos)
    throw InputError(std::string(message.substr(at + kRefusalMark.size())));
}

[[noreturn]] void throw_sqlite(sqlite3* db, int rc, std::string_view what) {
  std::string msg(what);
  msg += ": ";
  const char* detail = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  throw_refusal_if_marked(detail);
  msg += detail;
  int primary = rc & 0xff;
  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    throw BusyError("the database is busy (another Wasshoi window or command is writing); try again", rc);
  throw DbError(msg, rc);
}

[[noreturn]] void refuse_on_server(const Database& db, std::string_view what, std::string_view instead = {}) {
  std::string msg =
      std::string(what) + " is not available on a PostgreSQL database (" + db.path().string() + ")";
  if (!instead.empty()) msg += "; " + std::string(instead);
  throw InputError(msg);
}

}  // namespace

bool is_server_target(std::string_view target) {
  return target.starts_with("postgresql://") || target.starts_with("postgres://");
}

// How a SQLite connection waits for the write lock another connection holds (BEGIN IMMEDIATE):
// up to `timeout`, trying again after short sleeps. SQLite's own handler (sqlite3_busy_timeout)
// sleeps 1, 2, 5, 10 … up to 100 ms between tries: a writer holds the lock for a transaction's
// length, a fraction of a millisecond to a few (the fsync of the commit), so a waiter kept
// sleeping long after the lock was free while writers that had not slept took it; with 50
// processes booking at once some waited two seconds for a lock held 3 ms at a time. Here the
// sleeps grow from 50 µs to 2 ms with jitter (so waiters do not wake together), which keeps the
// wait close to the time the lock was really held, at a few hundred tries a second per waiter.
struct detail::BusyWait {
  std::chrono::milliseconds timeout{5000};
  std::chrono::steady_clock::time_point since;
  std::minstd_rand jitter{std::random_device{}()};
};

namespace {
int count_commit(void* counter) {
  ++*static_cast<std::int64_t*>(counter);
  return 0;  // 0: let the commit go ahead
}

int wait_when_busy(void* state, int tries) {
  auto& wait = *static_cast<detail::BusyWait*>(state);
  const auto now = std::chrono::steady_clock::now();
  if (tries == 0) wait.since = now;
  if (now - wait.since >= wait.timeout) return 0;  // give up: SQLITE_BUSY, a BusyError
  const int base_us = std::min(2000, 50 << std::min(tries, 6));
  const int us = base_us / 2 + static_cast<int>(wait.jitter() % static_cast<unsigned>(base_us));
  std::this_thread::sleep_for(std::chrono::microseconds(us));
  return 1;  // try again
}
}  // namespace

Database::Database(sqlite3* db, std::filesystem::path path)
    : db_(db),
      path_(std::move(path)),
      sqlite_commits_(std::make_unique<std::int64_t>(0)),
      busy_wait_(std::make_unique<detail::BusyWait>()) {
  if (db_) sqlite3_commit_hook(db_, count_commit, sqlite_commits_.get());
}

Database::Database(std::unique_ptr<detail::PgConnection> pg, std::filesystem::path shown)
    : pg_(std::move(pg)), path_(std::move(shown)) {}

Database::Database(Database&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)),
      pg_(std::move(other.pg_)),
      path_(std::move(other.path_)),
      actor_(std::move(other.actor_)),
      audit_(other.audit_),
      read_only_(other.read_only_),
      busy_timeout_ms_(other.busy_timeout_ms_),
      read_only_why_(std::move(other.read_only_why_)),
      virtual_tables_(std::move(other.virtual_tables_)),
      sqlite_commits_(std::move(other.sqlite_commits_)),
      busy_wait_(std::move(other.busy_wait_)) {
  if (read_only_ && db_) set_read_only(true, read_only_why_);  // the authorizer knows the object's address
}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    if (db_) sqlite3_close_v2(db_);
    db_ = std::exchange(other.db_, nullptr);
    pg_ = std::move(other.pg_);
    path_ = std::move(other.path_);
    actor_ = std::move(other.actor_);
    audit_ = other.audit_;
    read_only_ = other.read_only_;
    busy_timeout_ms_ = other.busy_timeout_ms_;
    read_only_why_ = std::move(other.read_only_why_);
    virtual_tables_ = std::move(other.virtual_tables_);
    sqlite_commits_ = std::move(other.sqlite_commits_);
    busy_wait_ = std::move(other.busy_wait_);
    if (read_only_ && db_) set_read_only(true, read_only_why_);
  }
  return *this;
}

Database::~Database() {
  if (db_) sqlite3_close_v2(db_);
}

namespace {

// SQLite counts every allocation under a global mutex unless told not to; nothing here reads
// those counts, and a 100 000-row import makes millions of allocations. The setting must come
// before SQLite initializes, so before the first connection opens.
void configure_sqlite() {
  static const int once = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
  (void)once;  // SQLITE_MISUSE when someone else initialized SQLite first: then it stays on
}

// ---- SQL both engines understand ----------------------------------------------------------------
// PostgreSQL's names for what SQLite 3.40 spells differently or lacks, so that a plugin writes one
// SQL text for both engines (docs/engines.md, "Portable SQL"): string_agg(value, separator) (SQLite
// 3.44 added it; 3.40 has only group_concat), strpos(text, part) (SQLite's instr) and
// greatest/least (SQLite's many-argument max/min, which return NULL when any argument is; these,
// as on PostgreSQL, skip NULLs). Deterministic, so usable in indexes and CHECKs.
struct StringAgg {
  std::string* text;  // null until the first non-NULL value
};

void string_agg_step(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return;
  auto* agg = static_cast<StringAgg*>(sqlite3_aggregate_context(ctx, sizeof(StringAgg)));
  if (!agg) return sqlite3_result_error_nomem(ctx);
  auto text_of = [](sqlite3_value* v) {
    const auto* p = reinterpret_cast<const char*>(sqlite3_value_text(v));
    return std::string_view(p ? p : "", static_cast<std::size_t>(sqlite3_value_bytes(v)));
  };
  try {
    if (!agg->text) {
      agg->text = new std::string(text_of(argv[0]));
    } else {
      if (sqlite3_value_type(argv[1]) != SQLITE_NULL) agg->text->append(text_of(argv[1]));
      agg->text->append(text_of(argv[0]));
    }
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(ctx);
  }
}

void string_agg_final(sqlite3_context* ctx) {
  auto* agg = static_cast<StringAgg*>(sqlite3_aggregate_context(ctx, 0));
  if (!agg || !agg->text) return sqlite3_result_null(ctx);
  sqlite3_result_text(ctx, agg->text->data(), static_cast<int>(agg->text->size()), SQLITE_TRANSIENT);
  delete agg->text;
  agg->text = nullptr;
}

void strpos_function(sqlite3_context* ctx, int, sqlite3_value** argv) {
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL || sqlite3_value_type(argv[1]) == SQLITE_NULL)
    return sqlite3_result_null(ctx);
  // Counted in characters, as instr and PostgreSQL count: UTF-8 lead bytes before the match.
  const auto* hay = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  const auto* needle = reinterpret_cast<const char*>(sqlite3_value_text(argv[1]));
  const std::string_view h(hay ? hay : ""), n(needle ? needle : "");
  const auto at = h.find(n);
  if (at == std::string_view::npos) return sqlite3_result_int(ctx, 0);
  int chars = 1;
  for (std::size_t i = 0; i < at; ++i)
    if ((static_cast<unsigned char>(h[i]) & 0xC0) != 0x80) ++chars;
  sqlite3_result_int(ctx, chars);
}

// <0, 0, >0 as SQLite orders two non-NULL values: numbers before text, numbers by value, text by bytes.
int compare_values(sqlite3_value* a, sqlite3_value* b) {
  auto is_number = [](sqlite3_value* v) {
    const int t = sqlite3_value_numeric_type(v);
    return t == SQLITE_INTEGER || t == SQLITE_FLOAT;
  };
  if (is_number(a) != is_number(b)) return is_number(a) ? -1 : 1;
  if (is_number(a)) {
    if (sqlite3_value_type(a) == SQLITE_INTEGER && sqlite3_value_type(b) == SQLITE_INTEGER) {
      const auto x = sqlite3_value_int64(a), y = sqlite3_value_int64(b);
      return x < y ? -1 : x > y ? 1 : 0;
    }
    const double x = sqlite3_value_double(a), y = sqlite3_value_double(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  const auto* x = reinterpret_cast<const char*>(sqlite3_value_text(a));
  const auto* y = reinterpret_cast<const char*>(sqlite3_value_text(b));
  return std::string_view(x ? x : "").compare(y ? y : "");
}

template <bool Greatest>
void extreme_function(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  sqlite3_value* best = nullptr;
  for (int i = 0; i < argc; ++i) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) continue;
    const int c = best ? compare_values(argv[i], best) : 0;
    if (!best || (Greatest ? c > 0 : c < 0)) best = argv[i];
  }
  if (best)
    sqlite3_result_value(ctx, best);
  else
    sqlite3_result_null(ctx);
}

void register_portable_functions(sqlite3* db) {
  constexpr int kFlags = SQLITE_UTF8 | SQLITE_DETERMINISTIC;
  int rc = sqlite3_create_function_v2(db, "string_agg", 2, kFlags, nullptr, nullptr, string_agg_step,
                                      string_agg_final, nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db, "strpos", 2, kFlags, nullptr, strpos_function, nullptr, nullptr,
                                    nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db, "greatest", -1, kFlags, nullptr, extreme_function<true>, nullptr,
                                    nullptr, nullptr);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db, "least", -1, kFlags, nullptr, extreme_function<false>, nullptr,
                                    nullptr, nullptr);
  if (rc != SQLITE_OK) throw_sqlite(db, rc, "cannot register the portable SQL functions");
}

}  // namespace

Database Database::open(const std::filesystem::path& path, Mode mode) {
  if (is_server_target(path.native())) {
    auto pg = detail::PgConnection::connect(path.native());
    std::string shown = pg->shown();
    Database db(std::move(pg), shown);
    db.set_busy_timeout_ms(5000);  // as on SQLite: wait that long for a lock, then BusyError
    if (mode == Mode::ReadOnly) db.pg_->set_read_only(true, "the database was opened read-only");
    return db;
  }
  configure_sqlite();
  namespace fs = std::filesystem;
  const std::string shown = path.string();
  std::error_code ec;
  fs::path parent = path.parent_path();
  if (!parent.empty() && !fs::is_directory(parent, ec))
    throw InputError("cannot open database " + shown + ": the folder " + parent.string() + " does not exist");
  if (fs::is_directory(path, ec))
    throw InputError("cannot open database " + shown + ": it is a folder, not a file");
  const bool exists = fs::exists(path, ec);
  if (!exists && mode != Mode::ReadWriteCreate)
    throw InputError("cannot open database " + shown + ": no such file");

  int flags = SQLITE_OPEN_NOMUTEX;
  flags |= mode == Mode::ReadOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (mode == Mode::ReadWriteCreate) flags |= SQLITE_OPEN_CREATE;
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(shown.c_str(), &raw, flags, nullptr);
  Database db(raw, path);
  if (rc != SQLITE_OK)
    throw InputError("cannot open database " + shown + ": " +
                     (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  sqlite3_extended_result_codes(raw, 1);
  register_portable_functions(raw);
  db.set_busy_timeout_ms(5000);
  // Reading the schema is the cheapest check that the file is SQLite at all; it writes nothing.
  rc = sqlite3_exec(raw, "SELECT count(*) FROM sqlite_schema", nullptr, nullptr, nullptr);
  if (rc != SQLITE_OK) {
    std::string why = sqlite3_errmsg(raw);
    throw InputError("cannot open database " + shown + ": " + why +
                     " (not a Wasshoi database, or damaged; restore a backup with `wasshoi-cli db restore`)");
  }
  if (mode != Mode::ReadOnly) {
    // WAL: readers never block the writer; synchronous=FULL: a committed write survives a power cut.
    db.exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
  }
  // Temporary tables, sorts and statement journals (each multi-row INSERT inside a transaction
  // keeps one) stay in memory rather than in temp files. Set once here: changing temp_store later
  // drops the connection's TEMP tables and triggers.
  db.exec("PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY;");
  return db;
}

Database Database::open_memory() {
  configure_sqlite();
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(":memory:", &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  Database db(raw, ":memory:");
  if (rc != SQLITE_OK) throw_sqlite(raw, rc, "cannot open an in-memory database");
  register_portable_functions(raw);
  db.exec("PRAGMA foreign_keys=ON;");
  return db;
}

namespace {
int deny_writes(void* self, int action, const char* table, const char*, const char* database, const char*) {
  switch (action) {
    case SQLITE_INSERT:
    case SQLITE_UPDATE:
    case SQLITE_DELETE:
      // A full-text index prepares its own writes to its shadow tables when it is first read;
      // they can only run when its table is written, which is denied here.
      if (table && static_cast<Database*>(self)->is_index_shadow_table(table)) return SQLITE_OK;
      // FTS5 also prepares an UPDATE of the schema table when it connects; SQLite itself refuses
      // to run one (writable_schema is off), so letting it be prepared changes nothing.
      if (action == SQLITE_UPDATE && table &&
          (std::string_view(table) == "sqlite_master" || std::string_view(table) == "sqlite_schema"))
        return SQLITE_OK;
      [[fallthrough]];
    case SQLITE_CREATE_TABLE:
    case SQLITE_CREATE_INDEX:
    case SQLITE_CREATE_TRIGGER:
    case SQLITE_CREATE_VIEW:
    case SQLITE_DROP_TABLE:
    case SQLITE_DROP_INDEX:
    case SQLITE_DROP_TRIGGER:
    case SQLITE_DROP_VIEW:
    case SQLITE_ALTER_TABLE:
      // Temporary tables are a reader's scratch space, not data.
      return database && std::string_view(database) == "temp" ? SQLITE_OK : SQLITE_DENY;
    default:
      return SQLITE_OK;
  }
}
}  // namespace

bool Database::is_index_shadow_table(std::string_view table) const {
  for (const auto& vt : virtual_tables_)
    if (table.size() > vt.size() + 1 && table.starts_with(vt) && table[vt.size()] == '_') return true;
  return false;
}

void Database::set_read_only(bool on, std::string why) {
  if (pg_) {
    read_only_ = on;
    read_only_why_ = why.empty() ? "this account may only read" : std::move(why);
    pg_->set_read_only(on, read_only_why_);
    return;
  }
  if (on) {
    virtual_tables_.clear();
    Statement st(*this,
                 "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'");
    while (st.step()) virtual_tables_.push_back(st.get_text(0));
  }
  read_only_ = on;
  read_only_why_ = why.empty() ? "this account may only read" : std::move(why);
  sqlite3_set_authorizer(db_, on ? deny_writes : nullptr, this);
}

void Database::exec(std::string_view sql) {
  if (pg_) return pg_->exec(sql);
  std::string s(sql);
  char* err = nullptr;
  int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
  if (rc != SQLITE_OK) {
    std::string msg = err ? err : sqlite3_errstr(rc);
    sqlite3_free(err);
    throw_refusal_if_marked(msg);
    if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
      throw BusyError("the database is busy (another Wasshoi window or command is writing); try again", rc);
    if ((rc & 0xff) == SQLITE_AUTH) throw InputError("not allowed: " + read_only_why_);
    throw DbError(msg, rc);
  }
}

namespace {

void check_identifier(std::string_view name) {
  const bool ok = !name.empty() && !std::isdigit(static_cast<unsigned char>(name.front())) &&
                  std::all_of(name.begin(), name.end(),
                              [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; });
  if (!ok) throw Error("not a plain table or column name: '" + std::string(name) + "'");
}

// One value in COPY's text format: \N for NULL; backslash, tab, newline and CR escaped.
void append_copy_value(std::string& out, const std::optional<std::string>& value) {
  if (!value) {
    out += "\\N";
    return;
  }
  for (char c : *value) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
}

}  // namespace

std::size_t Database::copy_in(std::string_view table, const std::vector<std::string>& columns,
                              const std::vector<CopyRow>& rows) {
  check_identifier(table);
  if (columns.empty()) throw Error("copy_in needs at least one column");
  std::string names;  // quoted: a column may be named like a key word (position, text)
  for (const auto& c : columns) {
    check_identifier(c);
    names += (names.empty() ? "\"" : ", \"") + c + "\"";
  }
  for (const auto& row : rows)
    if (row.size() != columns.size())
      throw Error("copy_in: a row of " + std::to_string(row.size()) + " values for " +
                  std::to_string(columns.size()) + " columns of " + std::string(table));
  if (rows.empty()) return 0;
  if (pg_) {
    std::string data;
    for (const auto& row : rows) {
      for (std::size_t i = 0; i < row.size(); ++i) {
        if (i) data += '\t';
        append_copy_value(data, row[i]);
      }
      data += '\n';
    }
    pg_->copy_in("COPY \"" + std::string(table) + "\"(" + names + ") FROM STDIN", data);
    return rows.size();
  }
  std::string marks = "?";
  for (std::size_t i = 1; i < columns.size(); ++i) marks += ", ?";
  Statement insert(*this, "INSERT INTO \"" + std::string(table) + "\"(" + names + ") VALUES(" + marks + ")");
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < row.size(); ++i) {
      if (row[i])
        insert.bind_unowned(static_cast<int>(i) + 1, *row[i]);
      else
        insert.bind(static_cast<int>(i) + 1, nullptr);
    }
    insert.run();
  }
  return rows.size();
}

std::vector<std::int64_t> Database::take_ids(std::string_view table, std::string_view column,
                                             std::size_t count) {
  check_identifier(table);
  check_identifier(column);
  std::vector<std::int64_t> ids;
  if (count == 0) return ids;
  ids.reserve(count);
  if (pg_) {
    // The sequence looked up once, then `count` values of it.
    Statement st(
        *this,
        "SELECT nextval(q.seq) FROM (SELECT CAST(pg_get_serial_sequence(CAST(? AS TEXT), "
        "CAST(? AS TEXT)) AS regclass) AS seq) AS q CROSS JOIN generate_series(1, CAST(? AS INTEGER))");
    st.bind_all(std::string(table), std::string(column), static_cast<std::int64_t>(count));
    while (st.step()) ids.push_back(st.get_int(0));
    std::sort(ids.begin(), ids.end());
    return ids;
  }
  const std::int64_t first =
      query_int(*this, "SELECT coalesce(max(" + std::string(column) + "), 0) + 1 FROM " + std::string(table))
          .value_or(1);
  for (std::size_t i = 0; i < count; ++i) ids.push_back(first + static_cast<std::int64_t>(i));
  return ids;
}

std::int64_t Database::last_insert_id() const {
  if (pg_) return pg_->last_insert_id();
  return sqlite3_last_insert_rowid(db_);
}
std::vector<std::pair<std::string, std::string>> Database::server_environment() const {
  if (pg_) return pg_->environment();
  return {};
}
int Database::changes() const {
  if (pg_) return pg_->changes();
  return sqlite3_changes(db_);
}
std::int64_t Database::commits() const {
  if (pg_) return pg_->commits();
  return sqlite_commits_ ? *sqlite_commits_ : 0;
}
bool Database::in_transaction() const {
  if (pg_) return pg_->in_transaction();
  return sqlite3_get_autocommit(db_) == 0;
}
void Database::set_busy_timeout_ms(int ms) {
  // On PostgreSQL: how long a statement waits for a row or table lock before it gives up
  // (55P03, a BusyError). There 0 would mean "wait for ever"; on SQLite it means "do not wait".
  busy_timeout_ms_ = std::max(ms, 0);
  if (pg_) return pg_->exec("SET lock_timeout = " + std::to_string(ms < 1 ? 1 : ms));
  if (ms <= 0) {
    sqlite3_busy_handler(db_, nullptr, nullptr);  // do not wait
    return;
  }
  busy_wait_->timeout = std::chrono::milliseconds(ms);
  sqlite3_busy_handler(db_, wait_when_busy, busy_wait_.get());
}

bool Database::table_exists(std::string_view name) {
  if (pg_) {
    Statement st(*this,
                 "SELECT 1 FROM information_schema.tables WHERE table_name = ? AND "
                 "table_schema = ANY (current_schemas(false))");
    st.bind(1, name);
    return st.step();
  }
  Statement st(*this, "SELECT 1 FROM sqlite_schema WHERE type='table' AND name=?");
  st.bind(1, name);
  return st.step();
}

std::string Database::integrity_check() {
  if (pg_) return "ok";
  Statement st(*this, "PRAGMA integrity_check");
  std::string out;
  while (st.step()) {
    if (!out.empty()) out += '\n';
    out += st.get_text(0);
  }
  return out;
}

namespace {
void copy_database(sqlite3* from, sqlite3* to, const std::string& what) {
  sqlite3_backup* backup = sqlite3_backup_init(to, "main", from, "main");
  if (!backup) throw DbError(what + ": " + sqlite3_errmsg(to), sqlite3_errcode(to));
  int rc;
  do {
    rc = sqlite3_backup_step(backup, 256);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) sqlite3_sleep(20);
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(backup);
  if (rc != SQLITE_DONE) throw DbError(what + ": " + sqlite3_errstr(rc), rc);
}
}  // namespace

void Database::backup_to(const std::filesystem::path& target) {
  if (pg_)
    refuse_on_server(*this, "backup to a file",
                     "back the server up with `pg_dump -Fc -f " + target.string() + " DBNAME` instead");
  namespace fs = std::filesystem;
  std::error_code ec;
  auto type = fs::symlink_status(target, ec).type();
  if (type == fs::file_type::regular || type == fs::file_type::symlink)
    throw InputError("backup target " + target.string() + " already exists; choose a new file name");
  // A backup holds everyone's personal data: 0600, never over an existing file. SQLite writes the
  // copy into the writer's temporary file by name; the writer fsyncs and renames it into place,
  // so a full disk leaves no half backup under the target's name.
  FileWriter file(target, {.personal_data = true, .overwrite = false});
  sqlite3* raw = nullptr;
  int rc =
      sqlite3_open_v2(file.temp_path().c_str(), &raw, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nullptr);
  struct Closer {
    sqlite3*& db;
    ~Closer() { sqlite3_close_v2(db); }
  } closer{raw};
  if (rc != SQLITE_OK) file.fail(raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc));
  // No journal beside the temporary file: a failed copy is thrown away whole, never rolled back.
  // The writer fsyncs the result itself.
  sqlite3_exec(raw, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;", nullptr, nullptr, nullptr);
  try {
    copy_database(db_, raw, "backup to " + target.string() + " failed");
  } catch (const DbError& e) {
    file.fail(sqlite3_errstr(e.code()));
  }
  rc = sqlite3_close_v2(raw);
  raw = nullptr;
  if (rc != SQLITE_OK) file.fail(sqlite3_errstr(rc));
  file.commit();
}

std::string Database::serialize() {
  if (pg_) refuse_on_server(*this, "copying the database into memory (serialize)", "use `pg_dump -Fc`");
  // A read transaction: the image is one consistent state even while another program writes.
  exec("BEGIN");
  sqlite3_int64 size = 0;
  unsigned char* data = sqlite3_serialize(db_, "main", &size, 0);
  exec("COMMIT");
  if (!data) throw DbError("cannot copy the database: out of memory", SQLITE_NOMEM);
  std::string out(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
  sqlite3_free(data);
  return out;
}

void Database::restore_from(const std::filesystem::path& source) {
  if (pg_) refuse_on_server(*this, "restore from a file", "restore a `pg_dump -Fc` backup with `pg_restore`");
  Database in = Database::open(source, Mode::ReadOnly);
  std::string check = in.integrity_check();
  if (check != "ok")
    throw InputError("cannot restore from " + source.string() + ": it is damaged (" + check + ")");
  if (in_transaction()) throw Error("cannot restore while a transaction is open");
  copy_database(in.db_, db_, "restore from " + source.string() + " failed");
}

namespace {
void text_function_trampoline(sqlite3_context* ctx, int argc, sqlite3_value** argv) {
  auto fn = reinterpret_cast<std::string (*)(std::string_view)>(sqlite3_user_data(ctx));
  if (argc != 1 || sqlite3_value_type(argv[0]) == SQLITE_NULL) {
    sqlite3_result_null(ctx);
    return;
  }
  const char* text = reinterpret_cast<const char*>(sqlite3_value_text(argv[0]));
  int n = sqlite3_value_bytes(argv[0]);
  try {
    std::string out = fn(std::string_view(text, static_cast<std::size_t>(n)));
    sqlite3_result_text(ctx, out.data(), static_cast<int>(out.size()), SQLITE_TRANSIENT);
  } catch (const std::exception& e) {
    sqlite3_result_error(ctx, e.what(), -1);
  }
}
}  // namespace

void Database::create_text_function(const char* name, std::string (*fn)(std::string_view)) {
  if (pg_) refuse_on_server(*this, std::string("the SQL function ") + name);
  int rc = sqlite3_create_function_v2(db_, name, 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                      reinterpret_cast<void*>(fn), text_function_trampoline, nullptr, nullptr,
                                      nullptr);
  if (rc != SQLITE_OK) throw_sqlite(db_, rc, "cannot register SQL function");
}

// ---- Statement --------------------------------------------------------------------------------

Statement::Statement(Database& db, std::string_view sql) : db_(&db) {
  if (db.pg()) {
    pg_ = std::make_unique<detail::PgStatement>(*db.pg(), sql);
    return;
  }
  int rc = sqlite3_prepare_v2(db.handle(), sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
  if ((rc & 0xff) == SQLITE_AUTH) throw InputError("not allowed: " + db.read_only_reason());
  if (rc != SQLITE_OK) throw_sqlite(db.handle(), rc, "cannot prepare SQL");
}

Statement::Statement(Statement&& other) noexcept
    : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)), pg_(std::move(other.pg_)) {}

Statement::~Statement() {
  if (stmt_) sqlite3_finalize(stmt_);
}

void Statement::check(int rc, const char* what) const {
  if (rc != SQLITE_OK) throw_sqlite(db_->handle(), rc, what);
}

int Statement::index_of(const char* name) const {
  int i = pg_ ? pg_->index_of(name) : sqlite3_bind_parameter_index(stmt_, name);
  if (i == 0) throw Error(std::string("no SQL parameter named ") + name);
  return i;
}

Statement& Statement::bind(int index, std::int64_t value) {
  if (pg_) return pg_->bind_text(index, std::to_string(value)), *this;
  check(sqlite3_bind_int64(stmt_, index, value), "cannot bind");
  return *this;
}
Statement& Statement::bind(int index, double value) {
  if (pg_) {
    char text[32];
    std::snprintf(text, sizeof text, "%.17g", value);
    pg_->bind_text(index, text);
    return *this;
  }
  check(sqlite3_bind_double(stmt_, index, value), "cannot bind");
  return *this;
}
Statement& Statement::bind(int index, std::string_view value) {
  if (pg_) return pg_->bind_text(index, std::string(value)), *this;
  check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT, SQLITE_UTF8),
        "cannot bind");
  return *this;
}
Statement& Statement::bind_unowned(int index, std::string_view value) {
  if (pg_) return pg_->bind_text(index, std::string(value)), *this;
  check(sqlite3_bind_text64(stmt_, index, value.data(), value.size(), SQLITE_STATIC, SQLITE_UTF8),
        "cannot bind");
  return *this;
}

Statement& Statement::bind(int index, const Blob& value) {
  if (pg_) return pg_->bind_blob(index, value), *this;
  check(sqlite3_bind_blob64(stmt_, index, value.data(), value.size(), SQLITE_TRANSIENT), "cannot bind");
  return *this;
}
Statement& Statement::bind(int index, std::nullptr_t) {
  if (pg_) return pg_->bind_null(index), *this;
  check(sqlite3_bind_null(stmt_, index), "cannot bind");
  return *this;
}
Statement& Statement::bind(int index, const Date& value) {
  if (!value.valid()) throw InputError("not a date: " + value.iso());
  return bind(index, value.iso());
}
Statement& Statement::bind(int index, const DateTime& value) {
  if (!value.valid()) throw InputError("not a date and time: " + value.iso());
  return bind(index, value.iso());
}

bool Statement::step() {
  if (pg_) return pg_->step();
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  sqlite3_reset(stmt_);
  throw_sqlite(db_->handle(), rc, "SQL failed");
}

int Statement::run() {
  if (pg_) return pg_->run();
  while (step()) {
  }
  int n = sqlite3_changes(db_->handle());
  sqlite3_reset(stmt_);
  return n;
}

void Statement::reset() {
  if (pg_) {
    pg_->reset();
    pg_->clear_bindings();
    return;
  }
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

bool Statement::is_null(int col) const {
  if (pg_) return pg_->is_null(col);
  return sqlite3_column_type(stmt_, col) == SQLITE_NULL;
}
std::int64_t Statement::get_int(int col) const {
  if (pg_) return pg_->get_int(col);
  return sqlite3_column_int64(stmt_, col);
}
double Statement::get_double(int col) const {
  if (pg_) return pg_->get_double(col);
  return sqlite3_column_double(stmt_, col);
}
std::string Statement::get_text(int col) const {
  if (pg_) return pg_->get_text(col);
  const unsigned char* p = sqlite3_column_text(stmt_, col);
  if (!p) return {};
  return std::string(reinterpret_cast<const char*>(p),
                     static_cast<std::size_t>(sqlite3_column_bytes(stmt_, col)));
}
std::optional<std::string> Statement::get_optional_text(int col) const {
  if (is_null(col)) return std::nullopt;
  return get_text(col);
}
std::optional<std::int64_t> Statement::get_optional_int(int col) const {
  if (is_null(col)) return std::nullopt;
  return get_int(col);
}
Blob Statement::get_blob(int col) const {
  if (pg_) return pg_->get_blob(col);
  const auto* p = static_cast<const std::uint8_t*>(sqlite3_column_blob(stmt_, col));
  int n = sqlite3_column_bytes(stmt_, col);
  return p ? Blob(p, p + n) : Blob{};
}
std::optional<Date> Statement::get_date(int col) const {
  if (pg_ ? !pg_->is_text(col) : sqlite3_column_type(stmt_, col) != SQLITE_TEXT)
    return std::nullopt;                 // NULL, or a number
  return parse_iso_date(get_text(col));  // nullopt for text that is not a valid date
}
std::optional<DateTime> Statement::get_datetime(int col) const {
  if (pg_ ? !pg_->is_text(col) : sqlite3_column_type(stmt_, col) != SQLITE_TEXT) return std::nullopt;
  auto t = parse_datetime(get_text(col));
  if (!t || !t->valid()) return std::nullopt;
  return t;
}
int Statement::column_count() const {
  if (pg_) return pg_->column_count();
  return sqlite3_column_count(stmt_);
}
std::string Statement::column_name(int col) const {
  if (pg_) return pg_->column_name(col);
  return sqlite3_column_name(stmt_, col);
}

// ---- Transaction ------------------------------------------------------------------------------

namespace {

bool set_triggers(sqlite3* db, bool on) {
  int now = -1;
  return sqlite3_db_config(db, SQLITE_DBCONFIG_ENABLE_TRIGGER, on ? 1 : 0, &now) == SQLITE_OK &&
         now == (on ? 1 : 0);
}

}  // namespace

BulkTransaction::BulkTransaction(Database& db, std::string action, std::string detail, BulkOptions options)
    : db_(db) {
  // PostgreSQL keeps its settings as they are: foreign keys and triggers stay on there.
  if (db.engine() == Engine::PostgreSQL) options = BulkOptions{};
  try {
    if (options.cache_kib > 0) {
      cache_before_ = query_int(db, "PRAGMA cache_size").value_or(-2000);
      db.exec("PRAGMA cache_size = -" + std::to_string(options.cache_kib));
    }
    if (options.without_foreign_keys && !db.in_transaction()) {
      db.exec("PRAGMA foreign_keys = OFF");
      foreign_keys_off_ = query_int(db, "PRAGMA foreign_keys") == 0;
    }
    // Prepared statements expire when this changes and are prepared again on their next step.
    if (options.without_triggers) triggers_off_ = set_triggers(db.handle(), false);
    tx_.emplace(db, std::move(action), std::move(detail));
  } catch (...) {
    restore();
    throw;
  }
}

BulkTransaction::~BulkTransaction() {
  tx_.reset();  // first: foreign keys can be switched back on only outside the transaction
  restore();
}

void BulkTransaction::restore() noexcept {
  try {
    if (triggers_off_) set_triggers(db_.handle(), true);
    if (foreign_keys_off_) db_.exec("PRAGMA foreign_keys = ON");
    if (cache_before_) db_.exec("PRAGMA cache_size = " + std::to_string(*cache_before_));
  } catch (...) {  // only when the connection itself is broken: nothing is left to restore then
  }
}

std::string utc_timestamp() {
  // UTC with milliseconds, as SQLite's strftime('%Y-%m-%dT%H:%M:%fZ','now') wrote it, so both
  // engines write the same.
  using namespace std::chrono;
  const auto now = system_clock::now();
  const auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
  const std::time_t secs = system_clock::to_time_t(now);
  const std::tm utc = platform::utc_time(secs);
  char text[64];
  std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, static_cast<int>(ms));
  return text;
}

Transaction::Transaction(Database& db, std::string action, std::string detail)
    : db_(db), action_(std::move(action)), detail_(std::move(detail)) {
  if (db_.in_transaction()) {
    nested_ = true;
    db_.exec("SAVEPOINT wasshoi_nested");
  } else {
    // PostgreSQL locks rows as they are written, so there is no database-wide write lock to take.
    db_.exec(db_.engine() == Engine::PostgreSQL ? "BEGIN" : "BEGIN IMMEDIATE");
  }
}

Transaction::~Transaction() {
  if (done_) return;
  try {
    if (nested_) {
      db_.exec("ROLLBACK TO wasshoi_nested; RELEASE wasshoi_nested");
    } else if (db_.in_transaction()) {
      db_.exec("ROLLBACK");
    }
  } catch (...) {
    // Rolling back can only fail if SQLite already rolled back, or the server connection is
    // gone (the server then rolls back itself); nothing is left to undo.
  }
}

void Transaction::commit() {
  if (done_) throw Error("transaction committed twice");
  const char* end = nested_ ? "RELEASE wasshoi_nested" : "COMMIT";
  if (db_.audit_enabled() && db_.pg() && !db_.pg()->transaction_failed()) {
    // PostgreSQL: the audit row and the COMMIT in one round trip (the server runs the COMMIT
    // only when the INSERT went through; a failed INSERT throws here and the destructor rolls
    // back). Every write transaction ends so.
    const auto at = db_.pg()->literal(utc_timestamp()), actor = db_.pg()->literal(db_.actor()),
               action = db_.pg()->literal(action_), detail = db_.pg()->literal(detail_);
    if (at && actor && action && detail) {
      db_.exec("INSERT INTO audit_log(at, actor, action, detail) VALUES(" + *at + ", " + *actor + ", " +
               *action + ", " + *detail + "); " + end);
      done_ = true;
      return;
    }
  }
  if (db_.audit_enabled()) {
    Statement st(db_, "INSERT INTO audit_log(at, actor, action, detail) VALUES(?, ?, ?, ?)");
    st.bind_all(utc_timestamp(), db_.actor(), action_, detail_).run();
  }
  if (nested_) {
    db_.exec("RELEASE wasshoi_nested");
  } else {
    // PostgreSQL answers COMMIT of a transaction in which a statement failed by rolling it back,
    // without an error: say so instead of reporting success.
    if (db_.pg() && db_.pg()->transaction_failed())
      throw DbError("cannot commit: a statement of this transaction failed, so nothing of it was written", 1);
    db_.exec("COMMIT");
  }
  done_ = true;
}

void detail::pause_before_retry(int attempt) {
  static thread_local std::minstd_rand jitter(std::random_device{}());
  const int base_ms = 25 << (2 * std::min(std::max(attempt - 1, 0), 4));
  const int ms = base_ms + static_cast<int>(jitter() % static_cast<unsigned>(base_ms));
  std::this_thread::sleep_for(std::chrono::milliseconds(ms));
}

std::optional<std::int64_t> query_int(Database& db, std::string_view sql) {
  Statement st(db, sql);
  if (!st.step() || st.is_null(0)) return std::nullopt;
  return st.get_int(0);
}

std::optional<std::string> query_text(Database& db, std::string_view sql) {
  Statement st(db, sql);
  if (!st.step() || st.is_null(0)) return std::nullopt;
  return st.get_text(0);
}

void lock_row(Database& db, std::string_view table, std::string_view key_column, std::int64_t key) {
  if (db.engine() != Engine::PostgreSQL) return;
  Statement lock(db, "SELECT " + std::string(key_column) + " FROM " + std::string(table) + " WHERE " +
                         std::string(key_column) + " = ? FOR NO KEY UPDATE");
  lock.bind(1, key);
  lock.step();
}

}  // namespace wasshoi::sdk
