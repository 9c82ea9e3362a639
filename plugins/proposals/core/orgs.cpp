#include "core/orgs.hpp"

namespace wasshoi::proposals {

std::vector<sdk::OrgId> org_scope(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId org) {
  std::vector<sdk::OrgId> out{org};
  if (orgs.get(db, org).kind != sdk::OrgKind::Kyodotai) return out;
  for (const auto& c : orgs.children(db, org)) out.push_back(c.id);
  return out;
}

sdk::OrgRef city_of(sdk::Database& db, sdk::OrganizationDirectory& orgs, const sdk::OrgRef& body) {
  sdk::OrgRef at = body;
  for (int guard = 0; at.parent && guard < 8; ++guard) at = orgs.get(db, *at.parent);
  return at;
}

}  // namespace wasshoi::proposals
