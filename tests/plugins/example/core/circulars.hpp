#pragma once
// Circulars: the plugin's rules. cli/ and ui/ call these and hold no rule of their own.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

namespace wasshoi::kairanban {

struct Circular {
  std::int64_t id = 0;
  std::string title;
  std::string han;  // the 班 it goes round, empty for the whole 自治会
};

// Starts a circular in org, for one 班 (by name, "3班") or the whole 自治会 (empty): one
// audited write. InputError for an empty title or a 班 the organization does not have.
// `orgs` is the host's directory of organizations and 班 (sdk::organizations(ctx)).
std::int64_t add_circular(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId org,
                          const std::string& title, const std::string& han);

// The circulars of org, newest first. han_scope is ctx.access().han_scope(org): a 班長 sees
// their 班's circulars and the whole 自治会's, no other 班's.
std::vector<Circular> list_circulars(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId org,
                                     std::optional<std::int64_t> han_scope);

}  // namespace wasshoi::kairanban
