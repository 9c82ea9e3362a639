#pragma once
// 班 live in the host's `han` table (organizations.hpp); the roster refers to them by id and
// creates one when an import names a 班 the 自治会 does not have yet.
#include <map>
#include <string>
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::members {

struct HanInfo {
  HanId id = 0;
  std::string name;
  int sort_order = 0;
};

std::vector<HanInfo> list_han(sdk::Database& db, OrgId org);
std::optional<HanId> find_han(sdk::Database& db, OrgId org, std::string_view name);
// The 班 of that name, created (after the existing ones) when missing. Call inside a transaction.
HanId find_or_create_han(sdk::Database& db, OrgId org, std::string_view name);
// Names of the 班 in `names` that `org` does not have yet (an import's dry run lists them).
std::vector<std::string> missing_han(sdk::Database& db, OrgId org, const std::vector<std::string>& names);

// InputError unless `org` exists and is a 自治会 (only a 自治会 keeps a roster).
void check_roster_org(sdk::Database& db, OrgId org);

// The 班 name as officers write it: "3" and "３" mean "3班"; "3組" stays as written.
std::string normalize_han_name(std::string_view text);

}  // namespace wasshoi::members
