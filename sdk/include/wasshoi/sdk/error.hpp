#pragma once
// Errors carry a message a user can act on ("line 12, column 加入日: 2023/13/45 is not a date").
#include <stdexcept>
#include <string>

namespace wasshoi::sdk {

// Base of every error Wasshoi reports to a user.
class __attribute__((visibility("default"))) Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
  ~Error() override;  // out of line: one type_info, in the SDK library
};

// Something the user gave us is wrong (a file, an id, an argument). The CLI exits 1.
class __attribute__((visibility("default"))) InputError : public Error {
 public:
  using Error::Error;
};

// A database server that could not be reached, or that refused the connection
// (sdk::Database::open of a postgresql:// URI). what() is "cannot open database URI: <libpq's
// words>", the URI without its password; problem() says what went wrong, so a window can say it
// in the officer's words and offer what helps (a password field, the server's name).
class __attribute__((visibility("default"))) ConnectionError : public InputError {
 public:
  enum class Problem {
    PasswordNeeded,  // the server asks for a password and none was given (nor found in PGPASSFILE)
    WrongPassword,   // the server refused the password (SQLSTATE 28P01)
    NoDatabase,      // no database of that name on the server (3D000)
    NotAllowed,      // no such user, or pg_hba.conf does not let this user in from here (28000)
    UnknownHost,     // the server's name is not found
    Unreachable,     // nothing answers there: refused, no route, no socket, timed out
    Encryption,      // TLS: the server offers none, or its certificate is not the one expected
    Other,
  };
  ConnectionError(const std::string& message, Problem problem, std::string detail)
      : InputError(message), problem_(problem), detail_(std::move(detail)) {}
  ~ConnectionError() override;
  Problem problem() const noexcept { return problem_; }
  // libpq's own words, without the URI.
  const std::string& detail() const noexcept { return detail_; }

 private:
  Problem problem_;
  std::string detail_;
};

// The database refused (constraint, corruption, busy past the timeout).
class __attribute__((visibility("default"))) DbError : public Error {
 public:
  DbError(const std::string& message, int code) : Error(message), code_(code) {}
  int code() const noexcept { return code_; }

 private:
  int code_;
};

// Another process holds the write lock past the busy timeout. `retryable`: the database undid
// this transaction to let another one go on (PostgreSQL's serialization failure 40001 or deadlock
// 40P01): running the same work again is expected to succeed (sdk::retry_when_busy).
class __attribute__((visibility("default"))) BusyError : public DbError {
 public:
  BusyError(const std::string& message, int code, bool retryable = false)
      : DbError(message, code), retryable_(retryable) {}
  bool retryable() const noexcept { return retryable_; }

 private:
  bool retryable_;
};

}  // namespace wasshoi::sdk
