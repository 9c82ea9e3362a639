// hold_write_lock DB: another writer, as a second Wasshoi window would be. Opens DB (a file or a
// server URI), takes the write lock, prints "locked" and holds it until a line arrives on standard
// input ("commit" or anything else: roll back) or standard input closes. Exit 0, or 1 with the
// reason on standard error. On SQLite the lock is the file's (BEGIN IMMEDIATE); on PostgreSQL,
// where writers only wait for the rows they touch, it is the audit table's: every write of every
// command adds an audit row, so each waits there (for its lock_timeout) as it would for the file.
#include <iostream>
#include <string>
#include <wasshoi/sdk/db.hpp>

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: hold_write_lock DB\n";
    return 2;
  }
  try {
    auto db = wasshoi::sdk::Database::open(argv[1], wasshoi::sdk::Database::Mode::ReadWrite);
    if (db.engine() == wasshoi::sdk::Engine::PostgreSQL)
      db.exec("BEGIN; LOCK TABLE audit_log IN EXCLUSIVE MODE");  // readers go on; writers wait
    else
      db.exec("BEGIN IMMEDIATE");
    std::cout << "locked" << std::endl;
    std::string line;
    std::getline(std::cin, line);
    db.exec(line == "commit" ? "COMMIT" : "ROLLBACK");
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "hold_write_lock: " << e.what() << '\n';
    return 1;
  }
}
