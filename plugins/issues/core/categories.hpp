#pragma once
// Categories (防犯, 防災, 交通安全 …): the defaults plus an organization's own, each mapped onto a
// service of the city's Open311 list.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::issues {

struct Category {
  std::string name;
  int sort_order = 0;
  std::string service_code;  // Open311 service_code
  std::string service_name;  // Open311 service_name
};

// Default categories and the organization's own (and, for a 自治会, its 地域協働体's), in order.
std::vector<Category> categories(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org);
std::optional<Category> find_category(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                      std::string_view name);
// The category as stored, or InputError listing the valid ones.
std::string check_category(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                           std::string_view name);
// Adds an organization's own category (configurable list), in one transaction audited as
// "issues.category" with the name as given. InputError when it exists.
void add_category(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, const Category& category);

}  // namespace wasshoi::issues
