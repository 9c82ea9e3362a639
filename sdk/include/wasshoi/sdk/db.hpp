#pragma once
// RAII over the database: Database (one connection), Statement (one prepared statement),
// Transaction (BEGIN IMMEDIATE for writes on SQLite, BEGIN on PostgreSQL; rolled back unless
// committed). Two drivers stand behind these: SQLite (a file; the default) and PostgreSQL (a
// server, opened from a `postgresql://` URI). Plugins use these only, never sqlite3.h nor
// libpq-fe.h; what differs between the two engines is in docs/engines.md.
//
// Dates are stored as ISO text ("2025-04-01"; date-times "2026-05-10T10:00") and go in and out
// through bind(i, Date) / get_date(col) (and bind(i, DateTime) / get_datetime(col)), with one
// policy for what is stored:
//  - NULL reads as std::nullopt;
//  - text that is not a valid date (a hand-edited row, "2025-02-30", "", a number) reads as
//    std::nullopt too: never an exception, never a made-up default. A list of rows then still
//    lists the row with the date unknown (shown as 「日付不明」 / "date unknown"), and the officer
//    can correct it; what needs the date itself (a quorum, a 年度) refuses that one row with
//    a message saying so;
//  - binding a Date or DateTime that is not valid is refused (InputError), so nothing new is
//    stored that would read back as unknown. An empty optional binds NULL.
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>

struct sqlite3;
struct sqlite3_stmt;

namespace wasshoi::sdk {

namespace detail {
class PgConnection;  // sdk/src/db_postgres.hpp: the only place that includes libpq-fe.h
class PgStatement;
struct BusyWait;  // SQLite: how long a writer waits for the write lock (sdk/src/db.cpp)
// Sleeps before attempt `attempt` + 1 of sdk::retry_when_busy: 25, 100, 400 ms … with jitter, so
// two programs that undid each other's work do not meet again at once.
void pause_before_retry(int attempt);
}  // namespace detail

using Blob = std::vector<std::uint8_t>;

enum class Engine { SQLite, PostgreSQL };

// True for a PostgreSQL connection URI (`postgresql://…` or `postgres://…`); anything else is
// the path of a SQLite file.
bool is_server_target(std::string_view target);

class Database {
 public:
  enum class Mode { ReadWrite, ReadWriteCreate, ReadOnly };

  // Opens (or creates, with ReadWriteCreate) the file and checks it is a usable SQLite database:
  // WAL journal, foreign keys on, busy timeout. A folder that does not exist, a file that is not
  // SQLite, or a corrupt one throw InputError naming the path; nothing is written then.
  // A `postgresql://` URI (is_server_target) connects to that server instead (libpq URI syntax;
  // the password may come from PGPASSFILE); a server that cannot be reached, or refuses, throws
  // InputError naming the URI without its password. ReadOnly makes the connection refuse writes;
  // ReadWriteCreate creates nothing on a server (the database must exist).
  static Database open(const std::filesystem::path& path, Mode mode = Mode::ReadWriteCreate);
  static Database open_memory();

  Database(Database&&) noexcept;
  Database& operator=(Database&&) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;
  ~Database();

  void exec(std::string_view sql);  // one or more statements, no parameters
  // A bulk load: `rows` into `table`'s `columns`, each value as its text (what binding it as
  // text would store) or NULL (std::nullopt). PostgreSQL: one `COPY table(columns) FROM STDIN`
  // (text format, sent with PQputCopyData); SQLite: one prepared INSERT run per row. Table and
  // column names are plain identifiers (letters, digits, _), anything else is refused. Returns
  // the rows written (changes()). In a transaction it is all or nothing with the rest of it.
  using CopyRow = std::vector<std::optional<std::string>>;
  std::size_t copy_in(std::string_view table, const std::vector<std::string>& columns,
                      const std::vector<CopyRow>& rows);
  // `count` new values for `table`'s auto-numbered key `column` ({id}), ascending, for rows a
  // bulk load writes with their keys (the persons of a household refer to it): on PostgreSQL
  // from the column's identity sequence (nextval), so later INSERTs that leave the key to the
  // sequence never collide; on SQLite counting on from the largest in use, which is safe inside
  // the write transaction (BEGIN IMMEDIATE holds the write lock).
  std::vector<std::int64_t> take_ids(std::string_view table, std::string_view column, std::size_t count);
  std::int64_t last_insert_id() const;
  int changes() const;
  // How many write transactions this connection has committed since it opened (a write outside
  // a transaction counts as one): tells a caller whether anything of a failed piece of work was
  // written for good (sdk::retry_when_busy, the CLI's messages).
  std::int64_t commits() const;
  bool in_transaction() const;
  // The file; on PostgreSQL the URI with its password replaced by *** (fit for messages).
  const std::filesystem::path& path() const { return path_; }
  Engine engine() const { return pg_ ? Engine::PostgreSQL : Engine::SQLite; }
  // On PostgreSQL: the settings this connection was made with as libpq's environment variables
  // (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGSSLMODE …, from PQconninfo), for one of
  // the server's own programs (pg_dump, pg_restore) to connect as it did — the password in its
  // environment, never on its command line. Empty on SQLite.
  std::vector<std::pair<std::string, std::string>> server_environment() const;

  // Who is writing: recorded in the audit log with every write transaction.
  void set_actor(std::string actor) { actor_ = std::move(actor); }
  const std::string& actor() const { return actor_; }
  // Once the host has created the audit_log table, every committed write transaction adds a row.
  void enable_audit(bool on) { audit_ = on; }
  bool audit_enabled() const { return audit_; }

  // Refuses every change to the database (閲覧 accounts, looking into another organization): a
  // write fails with InputError `why`. Enforced by SQLite's authorizer, below every plugin; on
  // PostgreSQL by the session's default_transaction_read_only (from the next transaction on).
  void set_read_only(bool on, std::string why = {});
  bool read_only() const { return read_only_; }
  // A shadow table of a virtual table (a full-text index's `members_search_data`).
  bool is_index_shadow_table(std::string_view table) const;
  const std::string& read_only_reason() const { return read_only_why_; }

  // How long a write waits for another connection's lock before BusyError (5 s from open). On
  // SQLite the waiting sleeps in short steps (sdk/src/db.cpp, BusyWait), not SQLite's own.
  void set_busy_timeout_ms(int ms);
  int busy_timeout_ms() const { return busy_timeout_ms_; }
  // On PostgreSQL: a table (or view) visible on the search_path.
  bool table_exists(std::string_view name);
  // PRAGMA integrity_check; returns "ok" or SQLite's list of problems. "ok" on PostgreSQL (the
  // server checks its own pages).
  std::string integrity_check();
  // Copies the whole database to a new file with the SQLite online backup API, through
  // sdk::FileWriter: a temporary file beside the target, fsynced and renamed; 0600 (personal
  // data); an existing file is refused. SQLite only (on PostgreSQL: InputError saying to use
  // `pg_dump -Fc`), as are serialize() and restore_from().
  void backup_to(const std::filesystem::path& target);
  // The whole database as one consistent image of its bytes (sqlite3_serialize), in memory.
  std::string serialize();
  // Replaces this database's content by `source` (checked first), in place.
  void restore_from(const std::filesystem::path& source);

  // Registers a deterministic scalar SQL function of one text argument (used for search folding).
  // SQLite only: refused on PostgreSQL.
  void create_text_function(const char* name, std::string (*fn)(std::string_view));

  sqlite3* handle() const { return db_; }  // host core only (backup, diagnostics); null on PostgreSQL
  detail::PgConnection* pg() const { return pg_.get(); }  // the SDK's own use; null on SQLite

 private:
  explicit Database(sqlite3* db, std::filesystem::path path);
  explicit Database(std::unique_ptr<detail::PgConnection> pg, std::filesystem::path shown);
  sqlite3* db_ = nullptr;
  std::unique_ptr<detail::PgConnection> pg_;
  std::filesystem::path path_;
  std::string actor_ = "system";
  bool audit_ = false;
  bool read_only_ = false;
  int busy_timeout_ms_ = 0;
  std::string read_only_why_;
  std::vector<std::string> virtual_tables_;       // read when read-only is switched on
  std::unique_ptr<std::int64_t> sqlite_commits_;  // counted by SQLite's commit hook (a stable address)
  std::unique_ptr<detail::BusyWait> busy_wait_;   // SQLite's busy handler's state (a stable address)
};

class Statement {
 public:
  Statement(Database& db, std::string_view sql);
  Statement(Statement&&) noexcept;
  Statement& operator=(Statement&&) = delete;
  Statement(const Statement&) = delete;
  ~Statement();

  // Parameters are 1-based, as in SQLite. The same SQL text runs on PostgreSQL: `?`, `?N`,
  // `:name`, `@name` and `$name` become `$N` there.
  Statement& bind(int index, std::int64_t value);
  Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
  Statement& bind(int index, double value);
  Statement& bind(int index, std::string_view value);
  Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
  Statement& bind(int index, const Blob& value);
  Statement& bind(int index, std::nullptr_t);
  // ISO text ("2025-04-01", "2026-05-10T10:00"); InputError for a date that is not valid.
  Statement& bind(int index, const Date& value);
  Statement& bind(int index, const DateTime& value);
  template <typename T>
  Statement& bind(int index, const std::optional<T>& value) {
    return value ? bind(index, *value) : bind(index, nullptr);
  }
  Statement& bind(const char* name, std::int64_t value) { return bind(index_of(name), value); }
  Statement& bind(const char* name, std::string_view value) { return bind(index_of(name), value); }
  // Binds text without copying it, for bulk writes: `value` must stay alive and unchanged until
  // the statement has run and its parameters have been bound anew.
  Statement& bind_unowned(int index, std::string_view value);
  // bind_all(a, b, c) binds 1, 2, 3 in order.
  template <typename... Args>
  Statement& bind_all(const Args&... args) {
    int i = 0;
    (bind(++i, args), ...);
    return *this;
  }

  // Advances; true while a row is available. After the last row (false) the statement is reset
  // and may run again with the same bindings. On PostgreSQL the whole result is read on the
  // first step.
  bool step();
  // Runs a statement that returns no rows; returns the number of changed rows.
  int run();
  void reset();

  bool is_null(int col) const;
  std::int64_t get_int(int col) const;
  double get_double(int col) const;
  std::string get_text(int col) const;
  std::optional<std::string> get_optional_text(int col) const;
  std::optional<std::int64_t> get_optional_int(int col) const;
  Blob get_blob(int col) const;
  // A stored date (ISO text): nullopt for NULL and for anything that is not a valid date — see
  // the policy at the top of this file. Never throws for what is stored.
  std::optional<Date> get_date(int col) const;
  // The same for a stored date-time ("2026-05-10T10:00").
  std::optional<DateTime> get_datetime(int col) const;
  int column_count() const;
  std::string column_name(int col) const;

 private:
  int index_of(const char* name) const;
  void check(int rc, const char* what) const;
  Database* db_;
  sqlite3_stmt* stmt_ = nullptr;
  std::unique_ptr<detail::PgStatement> pg_;
};

// A write transaction: BEGIN IMMEDIATE (takes the write lock up front, so two writers never
// deadlock half-way; on PostgreSQL plain BEGIN, READ COMMITTED), rolled back on destruction
// unless commit() ran. On PostgreSQL an error inside the transaction aborts all of it: catching
// a DbError and going on is not possible there (use a nested Transaction, a savepoint). `action` names what
// the user did ("members.import"); it and `detail` go into the audit log on commit.
class Transaction {
 public:
  Transaction(Database& db, std::string action, std::string detail = {});
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();
  void set_detail(std::string detail) { detail_ = std::move(detail); }
  void commit();

 private:
  Database& db_;
  std::string action_;
  std::string detail_;
  bool done_ = false;
  bool nested_ = false;  // inside an outer transaction: a SAVEPOINT
};

// A write transaction for a bulk load (a roster of 100 000 rows): a Transaction whose
// connection writes differently while it lasts, and gets its settings back when it ends
// (committed or rolled back, however it ends). The loader vouches for what SQLite then no
// longer checks row by row:
//  - without_foreign_keys: every row written refers to rows that exist, checked or made inside
//    this transaction. SQLite switches this only outside a transaction: nested in an outer one
//    the checks stay on (still correct, only slower).
//  - without_triggers: the loader does itself what the triggers on the tables it writes would
//    do (e.g. fills an index in one statement at the end).
//  - cache_kib: a page cache that holds the load, so its pages are written once, at commit,
//    not spilled to the WAL half-way.
// On PostgreSQL the three are ignored: foreign keys and triggers stay on (correct, slower).
struct BulkOptions {
  std::int64_t cache_kib = 0;  // 0: the cache size as it is
  bool without_foreign_keys = false;
  bool without_triggers = false;
};

class BulkTransaction {
 public:
  BulkTransaction(Database& db, std::string action, std::string detail, BulkOptions options);
  BulkTransaction(const BulkTransaction&) = delete;
  BulkTransaction& operator=(const BulkTransaction&) = delete;
  ~BulkTransaction();
  void set_detail(std::string detail) { tx_->set_detail(std::move(detail)); }
  void commit() { tx_->commit(); }

 private:
  void restore() noexcept;

  Database& db_;
  std::optional<std::int64_t> cache_before_;
  bool foreign_keys_off_ = false;
  bool triggers_off_ = false;
  std::optional<Transaction> tx_;
};

// Convenience for one-value queries.
// Runs `work` — which opens and commits its own Transaction(s) — and runs it again when the
// database undid it to let another writer go on (a BusyError that is retryable(): PostgreSQL's
// serialization failure or deadlock), after a short growing pause, `attempts` times in all; then
// the BusyError goes to the caller (the CLI exits 3). Only while nothing of the failed run was
// committed (Database::commits()): work is never done twice. Outside any transaction only.
template <typename Work>
decltype(auto) retry_when_busy(Database& db, Work&& work, int attempts = 4) {
  for (int attempt = 1;; ++attempt) {
    const std::int64_t before = db.commits();
    try {
      return work();
    } catch (const BusyError& e) {
      if (!e.retryable() || attempt >= attempts || db.commits() != before || db.in_transaction()) throw;
    }
    detail::pause_before_retry(attempt);
  }
}

std::optional<std::int64_t> query_int(Database& db, std::string_view sql);
std::optional<std::string> query_text(Database& db, std::string_view sql);

}  // namespace wasshoi::sdk
