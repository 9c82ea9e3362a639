// hold_write_lock DB: another writer, as a second Wasshoi window would be. Opens DB, takes SQLite's
// write lock (BEGIN IMMEDIATE), prints "locked" and holds it until a line arrives on standard
// input ("commit" or anything else: roll back) or standard input closes. Exit 0, or 1 with the
// reason on standard error.
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
