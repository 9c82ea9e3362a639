#include "core/schema.hpp"

namespace wasshoi::kairanban {

std::vector<sdk::Migration> migrations() {
  return {
      {1, "circulars",
       "CREATE TABLE kairanban_circulars("
       "  id {id},"
       "  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,"
       "  han_id INTEGER REFERENCES han(id) ON DELETE CASCADE,"  // NULL: the whole 自治会
       "  title TEXT NOT NULL CHECK (length(trim(title)) > 0))"},
  };
}

}  // namespace wasshoi::kairanban
