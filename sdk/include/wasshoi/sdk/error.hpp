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
