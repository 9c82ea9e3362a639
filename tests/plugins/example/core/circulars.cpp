#include "core/circulars.hpp"

#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::kairanban {

std::int64_t add_circular(sdk::Database& db, sdk::OrgId org, const std::string& title,
                          const std::string& han) {
  if (sdk::trim(title).empty()) throw sdk::InputError("a circular needs a title");
  // Read what the write depends on (the 班) inside the transaction: BEGIN IMMEDIATE orders us
  // with any other program writing at the same moment.
  sdk::Transaction tx(db, "kairanban.add", title);
  std::optional<std::int64_t> han_id;
  if (!sdk::trim(han).empty()) {
    sdk::Statement find(db, "SELECT id FROM han WHERE org_id = ? AND name = ?");
    find.bind_all(org, sdk::trim(han));
    if (!find.step()) throw sdk::InputError("--han: this organization has no 班 named '" + han + "'");
    han_id = find.get_int(0);
  }
  sdk::Statement(db, "INSERT INTO kairanban_circulars(org_id, han_id, title) VALUES(?, ?, ?)")
      .bind_all(org, han_id, sdk::trim(title))
      .run();
  const auto id = db.last_insert_id();
  tx.commit();
  return id;
}

std::vector<Circular> list_circulars(sdk::Database& db, sdk::OrgId org,
                                     std::optional<std::int64_t> han_scope) {
  sdk::Statement st(
      db,
      "SELECT c.id, c.title, coalesce(h.name, '') FROM kairanban_circulars c "
      "LEFT JOIN han h ON h.id = c.han_id "
      "WHERE c.org_id = ? AND (? IS NULL OR c.han_id IS NULL OR c.han_id = ?) ORDER BY c.id DESC");
  st.bind_all(org, han_scope, han_scope);
  std::vector<Circular> out;
  while (st.step()) out.push_back({st.get_int(0), st.get_text(1), st.get_text(2)});
  return out;
}

}  // namespace wasshoi::kairanban
