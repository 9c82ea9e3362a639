#include <wasshoi/host/access_rules.hpp>
#include <wasshoi/host/organization_directory.hpp>

namespace wasshoi::host {

std::optional<sdk::OrgRef> CoreOrganizationDirectory::organization(sdk::Database& db, OrgId id) {
  return Organizations(db).find(id);
}

std::vector<sdk::OrgRef> CoreOrganizationDirectory::children(sdk::Database& db, OrgId id,
                                                             std::optional<OrgKind> kind) {
  return Organizations(db).children(id, kind);
}

std::vector<sdk::OrgRef> CoreOrganizationDirectory::of_kind(sdk::Database& db, OrgKind kind) {
  return Organizations(db).of_kind(kind);
}

std::vector<sdk::OrgRef> CoreOrganizationDirectory::find(sdk::Database& db, std::string_view name,
                                                         std::optional<OrgKind> kind,
                                                         std::optional<OrgId> parent) {
  return Organizations(db).find_by_name(name, kind, parent);
}

std::optional<sdk::OrgRef> CoreOrganizationDirectory::city(sdk::Database& db) {
  auto cities = Organizations(db).of_kind(OrgKind::City);  // those without a parent first
  if (cities.empty() || cities.front().parent) return std::nullopt;
  return cities.front();
}

std::vector<sdk::HanRef> CoreOrganizationDirectory::han(sdk::Database& db, OrgId org) {
  return Organizations(db).han(org);
}

std::optional<sdk::HanRef> CoreOrganizationDirectory::find_han(sdk::Database& db, OrgId org,
                                                               std::string_view name) {
  return Organizations(db).find_han(org, name);
}

std::optional<sdk::HanRef> CoreOrganizationDirectory::han_by_id(sdk::Database& db, std::int64_t id) {
  return Organizations(db).han_by_id(id);
}

sdk::HanRef CoreOrganizationDirectory::find_or_add_han(sdk::Database& db, OrgId org, std::string_view name) {
  Organizations orgs(db);
  if (auto h = orgs.find_han(org, name)) return *h;
  require(access_, orgs, sdk::Act::ManageHan, org);  // who may add one: the same as `org han add`
  return orgs.find_or_add_han(org, name);
}

}  // namespace wasshoi::host
