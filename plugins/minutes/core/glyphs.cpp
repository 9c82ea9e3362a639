#include "core/glyphs.hpp"

namespace wasshoi::minutes {

std::string minutes_glyphs(sdk::Database& db) {
  if (!db.table_exists("minutes_meetings")) return {};
  std::string out;
  for (const char* sql :
       {"SELECT group_concat(title || place || chair || recorder, '') FROM minutes_meetings",
        "SELECT group_concat(name || affiliation, '') FROM minutes_attendees",
        "SELECT group_concat(title, '') FROM minutes_items",
        "SELECT group_concat(title || assignee, '') FROM minutes_actions",
        "SELECT group_concat(name, '') FROM minutes_signatories"})
    out += sdk::query_text(db, sql).value_or("");
  return out;
}

}  // namespace wasshoi::minutes
