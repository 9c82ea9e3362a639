#pragma once
// The PostgreSQL driver behind sdk::Database / Statement (libpq). Only the SDK's own sources
// include this (and so libpq-fe.h); plugins see the forward declarations in db.hpp.
#include <libpq-fe.h>

#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::sdk::detail {

// SQLite's parameter forms (`?`, `?N`, `:name`, `@name`, `$name`) rewritten as PostgreSQL's `$N`.
// String literals ('…', E'…'), quoted identifiers ("…"), comments (-- and /* */), dollar-quoted
// strings ($$…$$, $tag$…$tag$), `::` casts and PostgreSQL's own `$1` are left as they are.
// As in SQLite: `?` takes the highest number used so far plus one; a name used twice is one
// parameter; `?N` is parameter N.
struct TranslatedSql {
  std::string sql;
  int count = 0;                   // the highest parameter number
  std::vector<std::string> names;  // names[N-1]: the name of $N with its prefix (":id"), or ""
};
TranslatedSql translate_parameters(std::string_view sql);

// The connection URI with its password replaced by *** (for messages and logs).
std::string shown_uri(std::string_view uri);

struct PgResultFree {
  void operator()(PGresult* r) const noexcept { PQclear(r); }
};
using PgResult = std::unique_ptr<PGresult, PgResultFree>;

class PgConnection {
 public:
  // Connects (PQconnectdbParams, expand_dbname) with UTF8 and application name "wasshoi".
  // InputError naming the shown URI when the server cannot be reached or refuses.
  static std::unique_ptr<PgConnection> connect(const std::string& uri);
  PgConnection(const PgConnection&) = delete;
  PgConnection& operator=(const PgConnection&) = delete;
  ~PgConnection();

  PGconn* conn() const { return conn_; }
  const std::string& shown() const { return shown_; }

  // One or more statements without parameters.
  void exec(std::string_view sql);
  // `text` as an SQL string literal (PQescapeLiteral), for a statement sent with others in one
  // exec(); nullopt when libpq refuses it (text that is not valid in the client encoding).
  std::optional<std::string> literal(std::string_view text) const;
  // COPY … FROM STDIN (`copy_sql`) with `data` in COPY's text format, sent with PQputCopyData
  // in pieces; throws the mapped error when the server refuses the statement or a row.
  void copy_in(const std::string& copy_sql, std::string_view data);
  // Takes a result: returns it when it succeeded (and records changes() from a command), else
  // throws the mapped error (see map_error) prefixed by `what`.
  PgResult checked(PGresult* raw, std::string_view what);

  bool in_transaction() const;
  // In a transaction in which a statement failed: PostgreSQL refuses everything but a rollback.
  bool transaction_failed() const { return PQtransactionStatus(conn_) == PQTRANS_INERROR; }
  std::int64_t last_insert_id();
  int changes() const { return changes_; }
  std::int64_t commits() const { return commits_; }
  void set_read_only(bool on, std::string why);
  std::string next_statement_name() { return "wasshoi_" + std::to_string(++statements_); }
  // The server-side prepared statement to run `sql` with parameter `types` by, or null to run it
  // unprepared (PQexecParams). Statements are made and dropped a call at a time in the plugins,
  // while the same few texts run again and again on a connection: the first run of a text is
  // unprepared (a one-off costs what it did), from the second on it runs by a statement
  // prepared once for the connection's life (the server parses and plans it once). At most
  // kPreparedKept texts are kept, the oldest deallocated first.
  const std::string* prepared(const std::string& sql, const std::vector<unsigned>& types);
  // Database::server_environment(): every setting in effect that has an environment variable.
  std::vector<std::pair<std::string, std::string>> environment() const;

 private:
  explicit PgConnection(PGconn* conn, std::string shown) : conn_(conn), shown_(std::move(shown)) {}
  [[noreturn]] void throw_error(const PGresult* result, std::string_view what) const;
  void note_command(const PGresult* result);

  PGconn* conn_ = nullptr;
  std::string shown_;
  int changes_ = 0;
  std::int64_t commits_ = 0;
  bool inserted_ = false;  // an INSERT ran on this connection: lastval() may have a value
  bool read_only_ = false;
  std::string read_only_why_;
  int statements_ = 0;
  static constexpr std::size_t kPreparedKept = 256, kSeenKept = 2048;
  std::unordered_map<std::string, std::string> prepared_;  // text and types → statement name
  std::deque<std::string> prepared_order_;                 // their keys, oldest first
  std::unordered_set<std::string> seen_;                   // run once, unprepared
};

// One statement: parameters as text (blobs as binary bytea); run unprepared the first time its
// text runs on the connection, then by the connection's prepared statement for it
// (PgConnection::prepared). The result is read whole at the first step.
class PgStatement {
 public:
  PgStatement(PgConnection& conn, std::string_view sql);
  PgStatement(const PgStatement&) = delete;
  PgStatement& operator=(const PgStatement&) = delete;
  ~PgStatement();

  int index_of(const char* name) const;  // 0 when there is no such parameter
  void bind_null(int index);
  void bind_text(int index, std::string value);
  void bind_blob(int index, const Blob& value);

  bool step();
  int run();
  void reset();  // back to the start; bindings stay
  void clear_bindings();

  bool is_null(int col) const;
  // A column holding text (not a number, boolean or bytea), and not NULL.
  bool is_text(int col) const;
  std::int64_t get_int(int col) const;
  double get_double(int col) const;
  std::string get_text(int col) const;
  Blob get_blob(int col) const;
  int column_count();
  std::string column_name(int col);

 private:
  struct Param {
    bool null = true;
    bool blob = false;
    std::string bytes;
  };
  void check_index(int index) const;
  PGresult* execute();
  bool on_row(int col) const;

  PgConnection* conn_;
  TranslatedSql sql_;
  std::vector<Param> params_;
  std::string described_name_;  // column_count() before a run: prepared to be described
  PgResult result_;
  PgResult described_;
  int row_ = -1;
  bool active_ = false;  // a result is being stepped through
};

}  // namespace wasshoi::sdk::detail
