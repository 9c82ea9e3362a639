#include "core/orgs.hpp"

#include <wasshoi/sdk/error.hpp>

namespace wasshoi::proposals {

namespace {
OrgRow read(const sdk::Statement& st) {
  return {st.get_int(0), st.get_text(1), st.get_text(2), st.get_optional_int(3)};
}
}  // namespace

std::optional<OrgRow> find_org(sdk::Database& db, sdk::OrgId id) {
  sdk::Statement st(db, "SELECT id, kind, name, parent_id FROM organizations WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read(st);
}

OrgRow get_org(sdk::Database& db, sdk::OrgId id) {
  if (auto o = find_org(db, id)) return *o;
  throw sdk::InputError("no organization with id " + std::to_string(id));
}

std::vector<sdk::OrgId> org_scope(sdk::Database& db, sdk::OrgId org) {
  std::vector<sdk::OrgId> out{org};
  if (get_org(db, org).kind != "kyodotai") return out;
  sdk::Statement st(db, "SELECT id FROM organizations WHERE parent_id = ? ORDER BY id");
  st.bind(1, org);
  while (st.step()) out.push_back(st.get_int(0));
  return out;
}

std::vector<OrgRow> city_bodies(sdk::Database& db) {
  std::vector<OrgRow> out;
  sdk::Statement st(db,
                    "SELECT id, kind, name, parent_id FROM organizations WHERE kind = 'city' "
                    "ORDER BY parent_id IS NOT NULL, id");
  while (st.step()) out.push_back(read(st));
  return out;
}

OrgRow city_of(sdk::Database& db, const OrgRow& body) {
  OrgRow at = body;
  for (int guard = 0; at.parent && guard < 8; ++guard) at = get_org(db, *at.parent);
  return at;
}

}  // namespace wasshoi::proposals
