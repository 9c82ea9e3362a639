#pragma once
// What proposals need from the host's core table `organizations`: names, kinds, the 地域協働体 ⊃
// 自治会 hierarchy and the city bodies (市, 支所, 担当課) that receive proposals.
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::proposals {

struct OrgRow {
  sdk::OrgId id = 0;
  std::string kind;  // jichikai, kyodotai, npo, company, city, support
  std::string name;
  std::optional<sdk::OrgId> parent;
};

std::optional<OrgRow> find_org(sdk::Database& db, sdk::OrgId id);
OrgRow get_org(sdk::Database& db, sdk::OrgId id);  // InputError "no organization with id N"
// The organization and, for a 地域協働体, its member organizations: whose proposals it sees.
std::vector<sdk::OrgId> org_scope(sdk::Database& db, sdk::OrgId org);
// Every city body (kind city), the city itself first.
std::vector<OrgRow> city_bodies(sdk::Database& db);
// The city a body belongs to (itself when it has no parent).
OrgRow city_of(sdk::Database& db, const OrgRow& body);

}  // namespace wasshoi::proposals
