#include "db_postgres.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <wasshoi/sdk/platform.hpp>

namespace wasshoi::sdk::detail {

namespace {

bool ident_start(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}
bool ident_char(char c) {
  return ident_start(c) || (c >= '0' && c <= '9');
}
bool digit(char c) {
  return c >= '0' && c <= '9';
}

}  // namespace

TranslatedSql translate_parameters(std::string_view sql) {
  TranslatedSql out;
  out.sql.reserve(sql.size() + 8);
  std::map<std::string, int, std::less<>> named;
  auto number = [&](int n, std::string name) {
    if (n > out.count) out.count = n;
    if (out.names.size() < static_cast<std::size_t>(n)) out.names.resize(static_cast<std::size_t>(n));
    if (!name.empty()) out.names[static_cast<std::size_t>(n - 1)] = std::move(name);
    out.sql += '$';
    out.sql += std::to_string(n);
  };
  // :name, @name and $name: the same name is the same parameter; a new one takes the next number.
  auto named_parameter = [&](std::string name) {
    auto it = named.find(name);
    const int n = it != named.end() ? it->second : named.emplace(name, out.count + 1).first->second;
    number(n, std::move(name));
  };
  const std::size_t size = sql.size();
  std::size_t i = 0;
  // Copies up to and including the closing `quote` ('' and "" inside stay inside).
  auto copy_quoted = [&](char quote, bool backslashes) {
    out.sql += sql[i++];
    while (i < size) {
      char c = sql[i];
      out.sql += c;
      ++i;
      if (backslashes && c == '\\' && i < size) {
        out.sql += sql[i++];
      } else if (c == quote) {
        if (i < size && sql[i] == quote) {
          out.sql += sql[i++];
        } else {
          return;
        }
      }
    }
  };
  while (i < size) {
    const char c = sql[i];
    const char next = i + 1 < size ? sql[i + 1] : '\0';
    if (c == '\'') {
      const bool escape =
          i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e') && (i < 2 || !ident_char(sql[i - 2]));
      copy_quoted('\'', escape);
    } else if (c == '"') {
      copy_quoted('"', false);
    } else if (c == '-' && next == '-') {
      std::size_t end = sql.find('\n', i);
      end = end == std::string_view::npos ? size : end;
      out.sql.append(sql.substr(i, end - i));
      i = end;
    } else if (c == '/' && next == '*') {
      // PostgreSQL's block comments nest.
      int depth = 0;
      std::size_t j = i;
      while (j < size) {
        if (sql[j] == '/' && j + 1 < size && sql[j + 1] == '*') {
          ++depth;
          j += 2;
        } else if (sql[j] == '*' && j + 1 < size && sql[j + 1] == '/') {
          j += 2;
          if (--depth == 0) break;
        } else {
          ++j;
        }
      }
      out.sql.append(sql.substr(i, j - i));
      i = j;
    } else if (c == ':' && next == ':') {
      out.sql += "::";
      i += 2;
    } else if (c == '?') {
      std::size_t j = i + 1;
      while (j < size && digit(sql[j])) ++j;
      if (j > i + 1) {
        int n = 0;
        std::from_chars(sql.data() + i + 1, sql.data() + j, n);
        number(n, {});
      } else {
        number(out.count + 1, {});
      }
      i = j;
    } else if ((c == ':' || c == '@') && ident_start(next) && !(i > 0 && ident_char(sql[i - 1]))) {
      std::size_t j = i + 1;
      while (j < size && ident_char(sql[j])) ++j;
      named_parameter(std::string(sql.substr(i, j - i)));
      i = j;
    } else if (c == '$') {
      if (digit(next)) {  // PostgreSQL's own $1
        std::size_t j = i + 1;
        while (j < size && digit(sql[j])) ++j;
        int n = 0;
        std::from_chars(sql.data() + i + 1, sql.data() + j, n);
        number(n, {});
        i = j;
        continue;
      }
      std::size_t j = i + 1;
      while (j < size && ident_char(sql[j])) ++j;
      if (j < size && sql[j] == '$' && !(i > 0 && ident_char(sql[i - 1]))) {
        // A dollar-quoted string: $tag$ … $tag$ (the tag may be empty).
        const std::string_view tag = sql.substr(i, j - i + 1);
        std::size_t end = sql.find(tag, j + 1);
        end = end == std::string_view::npos ? size : end + tag.size();
        out.sql.append(sql.substr(i, end - i));
        i = end;
      } else if (j > i + 1 && ident_start(next)) {
        named_parameter(std::string(sql.substr(i, j - i)));
        i = j;
      } else {
        out.sql += c;
        ++i;
      }
    } else if (ident_char(c)) {
      // A whole word at once, so `a$b` or `x@y` inside an identifier is not a parameter.
      std::size_t j = i;
      while (j < size && (ident_char(sql[j]) || sql[j] == '$')) ++j;
      out.sql.append(sql.substr(i, j - i));
      i = j;
    } else {
      out.sql += c;
      ++i;
    }
  }
  if (out.names.size() < static_cast<std::size_t>(out.count))
    out.names.resize(static_cast<std::size_t>(out.count));
  return out;
}

std::string shown_uri(std::string_view uri) {
  std::string out(uri);
  // postgresql://user:password@host/…: the password sits between the first ':' after the scheme
  // and the '@' of the authority.
  if (auto scheme = out.find("://"); scheme != std::string::npos) {
    std::size_t start = scheme + 3;
    std::size_t end = out.find_first_of("/?", start);
    if (end == std::string::npos) end = out.size();
    std::size_t at = out.rfind('@', end);
    if (at != std::string::npos && at >= start) {
      std::size_t colon = out.find(':', start);
      if (colon != std::string::npos && colon < at) out.replace(colon + 1, at - colon - 1, "***");
    }
  }
  // …?password=secret&…
  for (std::size_t at = out.find("password="); at != std::string::npos; at = out.find("password=", at + 1)) {
    if (at > 0 && out[at - 1] != '?' && out[at - 1] != '&') continue;
    std::size_t start = at + 9;
    std::size_t end = out.find('&', start);
    if (end == std::string::npos) end = out.size();
    out.replace(start, end - start, "***");
  }
  return out;
}

// ---- PgConnection -------------------------------------------------------------------------------

namespace {

void silence(void*, const char*) {}

std::string trimmed(const char* message) {
  std::string s = message ? message : "";
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

constexpr std::string_view kRefusalMark = "wasshoi-refused: ";

// SQLite's extended result codes, so callers that test a DbError's code work on both engines.
constexpr int kConstraintUnique = 2067;
constexpr int kConstraintForeignKey = 787;
constexpr int kConstraintCheck = 275;
constexpr int kConstraintNotNull = 1299;
constexpr int kGenericError = 1;  // SQLITE_ERROR
constexpr int kBusy = 5;          // SQLITE_BUSY
constexpr int kReadOnly = 8;      // SQLITE_READONLY

}  // namespace

namespace {

// libpq itself waits for an unreachable server as long as the network does (minutes); a person
// waiting in front of a window should hear sooner. A URI's own connect_timeout (0: no limit) wins.
constexpr int kConnectSeconds = 15;

int connect_timeout_ms(PGconn* conn) {
  int seconds = kConnectSeconds;
  if (PQconninfoOption* options = PQconninfo(conn)) {
    for (const PQconninfoOption* o = options; o->keyword; ++o)
      if (std::string_view(o->keyword) == "connect_timeout" && o->val && *o->val) seconds = std::atoi(o->val);
    PQconninfoFree(options);
  }
  return seconds > 0 ? std::max(seconds, 2) * 1000 : -1;  // libpq's own minimum is 2 s
}

bool is_sqlstate(std::string_view code) {
  return code.size() == 5 && std::all_of(code.begin(), code.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z');
         });
}

// A refusal's SQLSTATE out of the verbose message ("FATAL:  28P01: password authentication
// failed …"; the word FATAL is in the server's language, the code is not), the last one when
// several hosts were tried; the message comes back as libpq writes it by default (without the
// codes and the LOCATION lines).
std::string take_sqlstate(std::string& message) {
  std::string code, out;
  std::size_t at = 0;
  while (at < message.size()) {
    std::size_t nl = message.find('\n', at);
    if (nl == std::string::npos) nl = message.size();
    std::string line = message.substr(at, nl - at);
    at = nl + 1;
    if (line.starts_with("LOCATION:  ")) continue;
    if (const std::size_t mark = line.find(":  "); mark != std::string::npos && mark + 9 <= line.size() &&
                                                   line.compare(mark + 8, 2, ": ") == 0 &&
                                                   is_sqlstate(std::string_view(line).substr(mark + 3, 5))) {
      code = line.substr(mark + 3, 5);
      line.erase(mark + 3, 7);
    }
    if (!out.empty()) out += '\n';
    out += line;
  }
  message = out;
  return code;
}

bool mentions(const std::string& text, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return text.find(w) != std::string::npos; });
}

// What went wrong, for the window's words: the server's SQLSTATE where it answered, else libpq's
// own (English: the programs never set a locale) description of the network or TLS failure.
ConnectionError::Problem connection_problem(PGconn* conn, const std::string& code, const std::string& why,
                                            bool timed_out) {
  using P = ConnectionError::Problem;
  if (code == "28P01") return P::WrongPassword;
  if (code == "3D000") return P::NoDatabase;
  if (code == "28000") return P::NotAllowed;
  if (!code.empty()) return P::Other;
  if (PQconnectionNeedsPassword(conn)) return P::PasswordNeeded;
  if (timed_out) return P::Unreachable;
  if (mentions(why, {"could not translate host name"})) return P::UnknownHost;
  if (mentions(why, {"SSL", "certificate", "sslmode", "GSSAPI"})) return P::Encryption;
  if (mentions(why, {"Connection refused", "No such file or directory", "timeout expired", "timed out",
                     "No route to host", "Network is unreachable", "could not connect", "Connection reset"}))
    return P::Unreachable;
  return P::Other;
}

}  // namespace

std::unique_ptr<PgConnection> PgConnection::connect(const std::string& uri) {
  const char* keys[] = {"dbname", "fallback_application_name", "client_encoding", nullptr};
  const char* values[] = {uri.c_str(), "wasshoi", "UTF8", nullptr};
  std::string shown = shown_uri(uri);
  // Started without waiting, so the errors can carry their SQLSTATE (verbose) and the wait its limit.
  PGconn* conn = PQconnectStartParams(keys, values, /*expand_dbname=*/1);
  if (!conn) throw InputError("cannot open database " + shown + ": out of memory");
  PQsetErrorVerbosity(conn, PQERRORS_VERBOSE);
  bool timed_out = false;
  if (PQstatus(conn) != CONNECTION_BAD) {
    const int timeout = connect_timeout_ms(conn);
    PostgresPollingStatusType state = PGRES_POLLING_WRITING;
    while (state != PGRES_POLLING_OK && state != PGRES_POLLING_FAILED) {
      std::error_code ec;
      const int socket = PQsocket(conn);
      const int ready =
          socket < 0 ? 1 : platform::wait_for_socket(socket, state == PGRES_POLLING_WRITING, timeout, ec);
      if (ready == 0) {
        timed_out = true;
        break;
      }
      state = PQconnectPoll(conn);  // after an error of the wait too: libpq then says what is wrong
    }
  }
  if (timed_out || PQstatus(conn) != CONNECTION_OK) {
    std::string why = trimmed(PQerrorMessage(conn));
    const std::string code = take_sqlstate(why);
    if (timed_out) why = (why.empty() ? "" : why + "\n") + "timeout expired";
    const ConnectionError::Problem problem = connection_problem(conn, code, why, timed_out);
    PQfinish(conn);
    throw ConnectionError("cannot open database " + shown + ": " + why, problem, why);
  }
  PQsetErrorVerbosity(conn, PQERRORS_DEFAULT);
  PQsetNoticeProcessor(conn, silence, nullptr);
  return std::unique_ptr<PgConnection>(new PgConnection(conn, std::move(shown)));
}

PgConnection::~PgConnection() {
  if (conn_) PQfinish(conn_);
}

void PgConnection::throw_error(const PGresult* result, std::string_view what) const {
  // The primary message (and its detail line), as SQLite gives one line; the whole report when
  // there is none (the connection failed).
  std::string detail;
  if (const char* primary = result ? PQresultErrorField(result, PG_DIAG_MESSAGE_PRIMARY) : nullptr) {
    detail = primary;
    if (const char* more = PQresultErrorField(result, PG_DIAG_MESSAGE_DETAIL))
      detail += std::string(" (") + more + ")";
  }
  if (detail.empty()) detail = trimmed(result ? PQresultErrorMessage(result) : PQerrorMessage(conn_));
  if (detail.empty()) detail = trimmed(PQerrorMessage(conn_));
  const char* state = result ? PQresultErrorField(result, PG_DIAG_SQLSTATE) : nullptr;
  const std::string_view code = state ? state : "";
  // Connection exceptions (08…) and a server shutting down or ending this session (57P0…).
  if (PQstatus(conn_) == CONNECTION_BAD || code.starts_with("08") || code.starts_with("57P0"))
    throw DbError("the connection to the database server " + shown_ + " was lost: " + detail, kGenericError);
  if (auto at = detail.find(kRefusalMark); at != std::string::npos) {
    std::string refusal = detail.substr(at + kRefusalMark.size());
    if (auto nl = refusal.find('\n'); nl != std::string::npos) refusal.resize(nl);
    throw InputError(refusal);
  }
  std::string msg(what);
  msg += ": ";
  msg += detail;
  if (code == "25006") throw InputError("not allowed: " + (read_only_ ? read_only_why_ : detail));
  if (code == "42501") throw InputError("not allowed: " + detail);
  if (code == "40001" || code == "40P01" || code == "55P03")
    throw BusyError("the database is busy (another Wasshoi window or command is writing); try again", kBusy,
                    code != "55P03");  // a lock not granted in time has already waited
  if (code == "23505") throw DbError(msg, kConstraintUnique);
  if (code == "23503") throw DbError(msg, kConstraintForeignKey);
  if (code == "23514") throw DbError(msg, kConstraintCheck);
  if (code == "23P01") throw DbError(msg, kConstraintCheck);  // an exclusion constraint: a check across rows
  if (code == "23502") throw DbError(msg, kConstraintNotNull);
  if (code == "25P02")
    throw DbError(
        msg + " (an earlier statement of this transaction failed; PostgreSQL refuses the rest of it)",
        kGenericError);
  throw DbError(msg, code.starts_with("25") ? kReadOnly : kGenericError);
}

void PgConnection::note_command(const PGresult* result) {
  // As sqlite3_changes(): the rows of the last INSERT, UPDATE or DELETE; other statements leave
  // the count as it was.
  const std::string_view status = PQcmdStatus(const_cast<PGresult*>(result));
  const bool insert = status.starts_with("INSERT");
  if (!insert && !status.starts_with("UPDATE") && !status.starts_with("DELETE") &&
      !status.starts_with("MERGE"))
    return;
  const char* tuples = PQcmdTuples(const_cast<PGresult*>(result));
  changes_ = tuples && *tuples ? std::atoi(tuples) : 0;
  if (insert) inserted_ = true;
}

PgResult PgConnection::checked(PGresult* raw, std::string_view what) {
  PgResult result(raw);
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK && status != PGRES_EMPTY_QUERY)
    throw_error(result.get(), what);
  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) {
    note_command(result.get());
    // Written for good: a COMMIT that committed (one that found the transaction failed answers
    // ROLLBACK), or a write outside any transaction (it commits by itself).
    if (PQtransactionStatus(conn_) == PQTRANS_IDLE) {
      const std::string_view cmd = PQcmdStatus(result.get());
      if (cmd == "COMMIT" || cmd.starts_with("INSERT") || cmd.starts_with("UPDATE") ||
          cmd.starts_with("DELETE") || cmd.starts_with("MERGE"))
        ++commits_;
    }
  }
  return result;
}

void PgConnection::copy_in(const std::string& copy_sql, std::string_view data) {
  PgResult start(PQexec(conn_, copy_sql.c_str()));
  if (!start || PQresultStatus(start.get()) != PGRES_COPY_IN) throw_error(start.get(), "COPY failed");
  constexpr std::size_t kPiece = 1 << 16;
  bool sent = true;
  for (std::size_t at = 0; at < data.size() && sent; at += kPiece) {
    const std::size_t n = std::min(kPiece, data.size() - at);
    sent = PQputCopyData(conn_, data.data() + at, static_cast<int>(n)) == 1;
  }
  // On a failed send, end the COPY with an error so the server leaves the COPY state.
  PQputCopyEnd(conn_, sent ? nullptr : "wasshoi: sending the rows failed");
  // The COPY's own result, then nothing (PQgetResult returns null once the command is done).
  std::optional<PgResult> failed;
  int rows = 0;
  while (PGresult* raw = PQgetResult(conn_)) {
    PgResult r(raw);
    if (PQresultStatus(r.get()) != PGRES_COMMAND_OK) {
      if (!failed) failed.emplace(std::move(r));
    } else if (const char* tuples = PQcmdTuples(r.get()); tuples && *tuples) {
      rows = std::atoi(tuples);
    }
  }
  if (failed) throw_error(failed->get(), "COPY failed");
  if (!sent) throw_error(nullptr, "COPY failed");
  changes_ = rows;
}

void PgConnection::exec(std::string_view sql) {
  // PQexec runs every statement of the text and returns the last result; it stops at the first
  // error and returns that one.
  checked(PQexec(conn_, std::string(sql).c_str()), "SQL failed");
}

const std::string* PgConnection::prepared(const std::string& sql, const std::vector<unsigned>& types) {
  std::string key = sql;
  key.push_back('\0');
  key.append(reinterpret_cast<const char*>(types.data()), types.size() * sizeof(unsigned));
  if (auto it = prepared_.find(key); it != prepared_.end()) return &it->second;
  if (seen_.insert(key).second) {  // its first run on this connection
    if (seen_.size() > kSeenKept) {
      seen_.clear();
      seen_.insert(key);
    }
    return nullptr;
  }
  if (prepared_.size() >= kPreparedKept) {
    // Inside a failed transaction DEALLOCATE fails too; the name then stays until the session ends.
    PgResult r(PQexec(conn_, ("DEALLOCATE " + prepared_[prepared_order_.front()]).c_str()));
    prepared_.erase(prepared_order_.front());
    prepared_order_.pop_front();
  }
  std::string name = next_statement_name();
  checked(PQprepare(conn_, name.c_str(), sql.c_str(), static_cast<int>(types.size()), types.data()),
          "cannot prepare SQL");
  seen_.erase(key);
  prepared_order_.push_back(key);
  return &prepared_.emplace(std::move(key), std::move(name)).first->second;
}

std::optional<std::string> PgConnection::literal(std::string_view text) const {
  char* escaped = PQescapeLiteral(conn_, text.data(), text.size());
  if (!escaped) return std::nullopt;
  std::string out(escaped);
  PQfreemem(escaped);
  return out;
}

bool PgConnection::in_transaction() const {
  const PGTransactionStatusType status = PQtransactionStatus(conn_);
  return status == PQTRANS_INTRANS || status == PQTRANS_INERROR || status == PQTRANS_ACTIVE;
}

std::vector<std::pair<std::string, std::string>> PgConnection::environment() const {
  std::vector<std::pair<std::string, std::string>> out;
  PQconninfoOption* options = PQconninfo(conn_);
  if (!options) throw Error("PostgreSQL: out of memory reading the connection's settings");
  for (const PQconninfoOption* o = options; o->keyword; ++o)
    if (o->envvar && o->val && *o->val) out.emplace_back(o->envvar, o->val);
  PQconninfoFree(options);
  // A password the connection read from a password file is not among the settings; PQpass has it.
  if (const char* password = PQpass(conn_); password && *password) {
    bool given = false;
    for (const auto& [name, value] : out) given = given || name == "PGPASSWORD";
    if (!given) out.emplace_back("PGPASSWORD", password);
  }
  return out;
}

std::int64_t PgConnection::last_insert_id() {
  if (!inserted_) return 0;
  const int changes = changes_;
  // lastval() fails when no sequence was used in this session; inside a transaction a failure
  // would abort it, so it runs under a savepoint there: the three statements go in one round
  // trip, and only a failure costs a second (the server skips what follows a failed statement).
  const bool in_tx = in_transaction();
  std::int64_t id = 0;
  bool ok = false;
  if (PQsendQuery(conn_, in_tx ? "SAVEPOINT wasshoi_lastval; SELECT lastval(); RELEASE wasshoi_lastval"
                               : "SELECT lastval()") == 1) {
    bool failed = false;
    while (PGresult* raw = PQgetResult(conn_)) {
      PgResult r(raw);
      const ExecStatusType status = PQresultStatus(r.get());
      if (status == PGRES_TUPLES_OK && PQntuples(r.get()) == 1) {
        id = std::strtoll(PQgetvalue(r.get(), 0, 0), nullptr, 10);
        ok = true;
      } else if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
        failed = true;
      }
    }
    ok = ok && !failed;
  }
  if (in_tx && !ok && PQtransactionStatus(conn_) == PQTRANS_INERROR)
    exec("ROLLBACK TO wasshoi_lastval; RELEASE wasshoi_lastval");
  changes_ = changes;
  return ok ? id : 0;
}

void PgConnection::set_read_only(bool on, std::string why) {
  exec(on ? "SET default_transaction_read_only = on" : "SET default_transaction_read_only = off");
  read_only_ = on;
  read_only_why_ = std::move(why);
}

// ---- PgStatement --------------------------------------------------------------------------------

namespace {

constexpr unsigned kBoolOid = 16;
constexpr unsigned kByteaOid = 17;
constexpr unsigned kInt8Oid = 20;
constexpr unsigned kInt2Oid = 21;
constexpr unsigned kInt4Oid = 23;
constexpr unsigned kOidOid = 26;
constexpr unsigned kFloat4Oid = 700;
constexpr unsigned kFloat8Oid = 701;
constexpr unsigned kNumericOid = 1700;

bool is_integer_type(unsigned oid) {
  return oid == kInt8Oid || oid == kInt2Oid || oid == kInt4Oid || oid == kOidOid;
}
bool is_float_type(unsigned oid) {
  return oid == kFloat4Oid || oid == kFloat8Oid || oid == kNumericOid;
}

}  // namespace

PgStatement::PgStatement(PgConnection& conn, std::string_view sql)
    : conn_(&conn), sql_(translate_parameters(sql)) {
  params_.resize(static_cast<std::size_t>(sql_.count));
}

PgStatement::~PgStatement() {
  if (!described_name_.empty() && PQstatus(conn_->conn()) == CONNECTION_OK) {
    // Inside a failed transaction DEALLOCATE fails too; the name then stays until the session ends.
    PgResult r(PQexec(conn_->conn(), ("DEALLOCATE " + described_name_).c_str()));
  }
}

int PgStatement::index_of(const char* name) const {
  std::string_view wanted(name);
  for (std::size_t i = 0; i < sql_.names.size(); ++i)
    if (sql_.names[i] == wanted) return static_cast<int>(i) + 1;
  return 0;
}

void PgStatement::check_index(int index) const {
  if (index < 1 || index > sql_.count)
    throw DbError("cannot bind: parameter " + std::to_string(index) + " is out of range (the SQL has " +
                      std::to_string(sql_.count) + ")",
                  25);  // SQLITE_RANGE
}

void PgStatement::bind_null(int index) {
  check_index(index);
  params_[static_cast<std::size_t>(index - 1)] = Param{};
}
void PgStatement::bind_text(int index, std::string value) {
  check_index(index);
  params_[static_cast<std::size_t>(index - 1)] = Param{false, false, std::move(value)};
}
void PgStatement::bind_blob(int index, const Blob& value) {
  check_index(index);
  params_[static_cast<std::size_t>(index - 1)] =
      Param{false, true, std::string(reinterpret_cast<const char*>(value.data()), value.size())};
}

PGresult* PgStatement::execute() {
  const std::size_t n = params_.size();
  std::vector<const char*> values(n);
  std::vector<int> lengths(n);
  std::vector<int> formats(n);
  std::vector<unsigned> types(n);
  for (std::size_t i = 0; i < n; ++i) {
    const Param& p = params_[i];
    values[i] = p.null ? nullptr : p.bytes.c_str();
    lengths[i] = static_cast<int>(p.bytes.size());
    formats[i] = p.blob ? 1 : 0;
    types[i] = p.blob ? kByteaOid : 0;
  }
  PGconn* c = conn_->conn();
  const std::string* prepared = conn_->prepared(sql_.sql, types);
  if (!prepared)
    return PQexecParams(c, sql_.sql.c_str(), static_cast<int>(n), types.data(), values.data(), lengths.data(),
                        formats.data(), 0);
  return PQexecPrepared(c, prepared->c_str(), static_cast<int>(n), values.data(), lengths.data(),
                        formats.data(), 0);
}

bool PgStatement::step() {
  if (!active_) {
    result_.reset();
    row_ = -1;
    result_ = conn_->checked(execute(), "SQL failed");
    active_ = true;
  }
  ++row_;
  if (row_ < PQntuples(result_.get())) return true;
  active_ = false;  // done: the next step runs the statement again, as SQLite's auto-reset does
  return false;
}

int PgStatement::run() {
  while (step()) {
  }
  return conn_->changes();
}

void PgStatement::reset() {
  active_ = false;
  row_ = -1;
}

void PgStatement::clear_bindings() {
  for (auto& p : params_) p = Param{};
}

bool PgStatement::on_row(int col) const {
  return active_ && result_ && row_ >= 0 && row_ < PQntuples(result_.get()) && col >= 0 &&
         col < PQnfields(result_.get());
}

bool PgStatement::is_null(int col) const {
  return !on_row(col) || PQgetisnull(result_.get(), row_, col);
}

bool PgStatement::is_text(int col) const {
  if (is_null(col)) return false;
  const unsigned type = PQftype(result_.get(), col);
  return type != kBoolOid && type != kByteaOid && !is_integer_type(type) && !is_float_type(type);
}

std::int64_t PgStatement::get_int(int col) const {
  if (is_null(col)) return 0;
  const char* v = PQgetvalue(result_.get(), row_, col);
  const unsigned type = PQftype(result_.get(), col);
  if (type == kBoolOid) return v[0] == 't' ? 1 : 0;
  if (is_float_type(type)) return static_cast<std::int64_t>(std::strtod(v, nullptr));
  return std::strtoll(v, nullptr, 10);  // text: its leading number, as SQLite reads it
}

double PgStatement::get_double(int col) const {
  if (is_null(col)) return 0.0;
  const char* v = PQgetvalue(result_.get(), row_, col);
  if (PQftype(result_.get(), col) == kBoolOid) return v[0] == 't' ? 1.0 : 0.0;
  return std::strtod(v, nullptr);
}

std::string PgStatement::get_text(int col) const {
  if (is_null(col)) return {};
  const char* v = PQgetvalue(result_.get(), row_, col);
  const unsigned type = PQftype(result_.get(), col);
  if (type == kBoolOid) return v[0] == 't' ? "1" : "0";
  if (type == kByteaOid) {
    Blob b = get_blob(col);
    return std::string(b.begin(), b.end());
  }
  return std::string(v, static_cast<std::size_t>(PQgetlength(result_.get(), row_, col)));
}

Blob PgStatement::get_blob(int col) const {
  if (is_null(col)) return {};
  const char* v = PQgetvalue(result_.get(), row_, col);
  if (PQftype(result_.get(), col) != kByteaOid) {
    std::string s = get_text(col);
    return Blob(s.begin(), s.end());
  }
  std::size_t n = 0;
  unsigned char* raw = PQunescapeBytea(reinterpret_cast<const unsigned char*>(v), &n);
  if (!raw) throw DbError("cannot read a blob: out of memory", 7);  // SQLITE_NOMEM
  Blob out(raw, raw + n);
  PQfreemem(raw);
  return out;
}

int PgStatement::column_count() {
  if (result_) return PQnfields(result_.get());
  if (!described_) {
    // Not run yet: the server describes the statement without running it.
    PGconn* c = conn_->conn();
    if (described_name_.empty()) {
      std::string name = conn_->next_statement_name();
      std::vector<unsigned> types(params_.size(), 0);
      conn_->checked(
          PQprepare(c, name.c_str(), sql_.sql.c_str(), static_cast<int>(types.size()), types.data()),
          "cannot prepare SQL");
      described_name_ = std::move(name);
    }
    described_ = conn_->checked(PQdescribePrepared(c, described_name_.c_str()), "cannot describe SQL");
  }
  return PQnfields(described_.get());
}

std::string PgStatement::column_name(int col) {
  if (col < 0 || col >= column_count()) return {};
  const PGresult* r = result_ ? result_.get() : described_.get();
  return PQfname(r, col);
}

}  // namespace wasshoi::sdk::detail
