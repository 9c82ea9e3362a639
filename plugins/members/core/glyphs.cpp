#include "core/glyphs.hpp"

#include <vector>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::members {

std::string roster_glyphs(sdk::Database& db) {
  if (!db.table_exists("members_persons")) return {};
  std::vector<bool> seen(0x110000, false);
  std::u32string out;
  auto collect = [&](const char* sql) {
    sdk::Statement st(db, sql);
    while (st.step())
      for (char32_t c : sdk::utf8_to_u32(st.get_text(0)))
        if (c >= 0x80 && c < seen.size() && !seen[c]) seen[c] = true, out.push_back(c);
  };
  collect("SELECT name || reading || relation || support_note FROM members_persons");
  collect("SELECT address || notes FROM members_households");
  collect("SELECT name FROM members_role_kinds");
  return sdk::u32_to_utf8(out);
}

}  // namespace wasshoi::members
