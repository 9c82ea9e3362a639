#include "core/glyphs.hpp"

namespace wasshoi::minutes {

std::string minutes_glyphs(sdk::Database& db) {
  if (!db.table_exists("minutes_meetings")) return {};
  std::string out;
  for (const char* sql : {"SELECT string_agg(title || place || chair || recorder, '') FROM minutes_meetings",
                          "SELECT string_agg(name || affiliation, '') FROM minutes_attendees",
                          "SELECT string_agg(title, '') FROM minutes_items",
                          "SELECT string_agg(title || assignee, '') FROM minutes_actions",
                          "SELECT string_agg(name, '') FROM minutes_signatories"})
    out += sdk::query_text(db, sql).value_or("");
  return out;
}

}  // namespace wasshoi::minutes
