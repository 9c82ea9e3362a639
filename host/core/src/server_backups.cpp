// Backups of a PostgreSQL server database with the server's own programs (docs/engines.md,
// "Backups on the server"): pg_dump's custom format written through the SDK's safe writer, and
// pg_restore in one transaction.
#include <array>
#include <fstream>
#include <wasshoi/host/backups.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/file_writer.hpp>
#include <wasshoi/sdk/platform.hpp>

namespace wasshoi::host {

namespace fs = std::filesystem;

namespace {

void require_server(sdk::Database& db, const char* what) {
  if (db.engine() != sdk::Engine::PostgreSQL)
    throw sdk::InputError(std::string(what) + " is for a PostgreSQL server database; " + db.path().string() +
                          " is a SQLite file");
}

// The schema the connection works in (the tables of a server installation are in `public`; a
// test's in a schema of its own): what is dumped and restored, nothing else of the database.
std::string current_schema(sdk::Database& db) {
  auto schema = sdk::query_text(db, "SELECT current_schema()");
  if (!schema || schema->empty()) throw sdk::Error(db.path().string() + ": no schema on the search_path");
  return *schema;
}

// Runs one of the server's programs as the connection connects; its standard output to `output`.
// InputError naming the Debian package when it is not installed, and with its own message when it
// fails.
void run_server_program(sdk::Database& db, const std::string& program, const std::vector<std::string>& args,
                        const std::function<void(const char*, std::size_t)>& output) {
  std::error_code ec;
  const auto run = sdk::platform::run_program(program, args, db.server_environment(), output, ec);
  if (ec == std::errc::no_such_file_or_directory)
    throw sdk::InputError(program + " is not installed: it comes with the Debian package postgresql-client");
  if (ec) throw sdk::Error("cannot run " + program + ": " + ec.message());
  if (run.exit_code != 0) {
    std::string why = run.errors;
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
    throw sdk::InputError(program + " failed (exit " + std::to_string(run.exit_code) +
                          "): " + (why.empty() ? "no message" : why));
  }
}

}  // namespace

void server_backup(sdk::Database& db, const fs::path& target) {
  require_server(db, "a pg_dump backup");
  // Refused before pg_dump runs: an existing file, a folder, a device.
  const sdk::WriteOptions options{.personal_data = true, .overwrite = false};
  sdk::check_write_target(target, options);
  sdk::FileWriter out(target, options);
  run_server_program(db, "pg_dump", {"--format=custom", "--schema=" + current_schema(db), "--no-owner"},
                     [&](const char* data, std::size_t size) { out.write(data, size); });
  out.commit();
}

bool is_server_backup(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::array<char, 5> magic{};
  return in.read(magic.data(), magic.size()) && std::string_view(magic.data(), magic.size()) == "PGDMP";
}

void server_restore(sdk::Database& db, const fs::path& source, const fs::path& before) {
  require_server(db, "a pg_restore");
  if (!is_server_backup(source))
    throw sdk::InputError(source.string() + ": not a backup of a server database (pg_dump's custom format)");
  if (db.in_transaction()) throw sdk::Error("server_restore: inside a transaction");
  if (!before.empty()) server_backup(db, before);
  const std::string schema = current_schema(db);
  std::string database;
  for (const auto& [name, value] : db.server_environment())
    if (name == "PGDATABASE") database = value;
  if (database.empty()) throw sdk::Error(db.path().string() + ": the connection names no database");
  // --clean --if-exists drops what the schema holds now and recreates it from the file;
  // --single-transaction makes that all or nothing.
  run_server_program(db, "pg_restore",
                     {"--clean", "--if-exists", "--single-transaction", "--no-owner", "--no-privileges",
                      "--schema=" + schema, "--dbname=" + database, source.string()},
                     [](const char*, std::size_t) {});
}

}  // namespace wasshoi::host
