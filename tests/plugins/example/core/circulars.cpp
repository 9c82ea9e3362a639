#include "core/circulars.hpp"

#include <map>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::kairanban {

std::int64_t add_circular(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId org,
                          const std::string& title, const std::string& han) {
  if (sdk::trim(title).empty()) throw sdk::InputError("a circular needs a title");
  // Read what the write depends on (the 班) inside the transaction: BEGIN IMMEDIATE orders us
  // with any other program writing at the same moment.
  sdk::Transaction tx(db, "kairanban.add", title);
  std::optional<std::int64_t> han_id;
  if (!sdk::trim(han).empty()) {
    auto found = orgs.find_han(db, org, han);  // the host's 班, never `han` with our own SQL
    if (!found) throw sdk::InputError("--han: this organization has no 班 named '" + han + "'");
    han_id = found->id;
  }
  sdk::Statement(db, "INSERT INTO kairanban_circulars(org_id, han_id, title) VALUES(?, ?, ?)")
      .bind_all(org, han_id, sdk::trim(title))
      .run();
  const auto id = db.last_insert_id();
  tx.commit();
  return id;
}

std::vector<Circular> list_circulars(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId org,
                                     std::optional<std::int64_t> han_scope) {
  std::map<std::int64_t, std::string> han_names;  // the 自治会's 班, read once for the list
  for (const auto& h : orgs.han(db, org)) han_names[h.id] = h.name;
  // CAST: a parameter only tested for NULL has no type a PostgreSQL server could infer.
  sdk::Statement st(db,
                    "SELECT id, title, han_id FROM kairanban_circulars WHERE org_id = ? AND "
                    "(CAST(? AS INTEGER) IS NULL OR han_id IS NULL OR han_id = ?) ORDER BY id DESC");
  st.bind_all(org, han_scope, han_scope);
  std::vector<Circular> out;
  while (st.step()) {
    auto han = st.get_optional_int(2);
    out.push_back({st.get_int(0), st.get_text(1), han ? han_names[*han] : std::string()});
  }
  return out;
}

}  // namespace wasshoi::kairanban
