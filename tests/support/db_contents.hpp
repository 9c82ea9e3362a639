#pragma once
// Everything a database holds, as text, on either engine (docs/engines.md): every table of the
// file, or of the connection's schema on a server, by name, and its rows, sorted. A test that a
// refused command "wrote nothing" compares this before and after (a file's bytes say less on
// SQLite while another connection keeps the changes in the WAL, and nothing on a server).
// Header-only.
#include <algorithm>
#include <string>
#include <vector>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::test {

inline std::string db_contents(sdk::Database& db) {
  std::vector<std::string> tables;
  {
    sdk::Statement st(db, db.engine() == sdk::Engine::PostgreSQL
                              ? "SELECT table_name FROM information_schema.tables WHERE table_schema = "
                                "current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
                              : "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE "
                                "'sqlite!_%' ESCAPE '!' ORDER BY name");
    while (st.step()) tables.push_back(st.get_text(0));
  }
  std::string out;
  for (const auto& t : tables) {
    sdk::Statement st(db, "SELECT * FROM \"" + t + "\"");
    std::vector<std::string> rows;
    while (st.step()) {
      std::string row;
      for (int c = 0; c < st.column_count(); ++c) {
        if (st.is_null(c)) {
          row += "NULL|";
          continue;
        }
        const auto blob = st.get_blob(c);
        row += std::string(blob.begin(), blob.end()) + "|";
      }
      rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end());
    out += "== " + t + "\n";
    for (const auto& r : rows) out += r + "\n";
  }
  return out;
}

}  // namespace wasshoi::test
