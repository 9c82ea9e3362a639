#pragma once
// The members plugin's implementation of sdk::MemberDirectory (what other plugins see).
#include <wasshoi/sdk/member_directory.hpp>

namespace wasshoi::members {

class Directory final : public sdk::MemberDirectory {
 public:
  std::optional<sdk::HouseholdRef> household(sdk::Database& db, std::int64_t id) override;
  std::optional<sdk::PersonRef> person(sdk::Database& db, std::int64_t id) override;
  std::vector<sdk::PersonRef> search_persons(sdk::Database& db, sdk::OrgId org, std::string_view query,
                                             int limit, std::optional<std::int64_t> han) override;
  std::vector<sdk::HouseholdRef> search_households(sdk::Database& db, sdk::OrgId org, std::string_view query,
                                                   int limit, std::optional<std::int64_t> han) override;
  int member_household_count(sdk::Database& db, sdk::OrgId org, const sdk::Date& on) override;
  std::vector<sdk::HouseholdRef> member_households(sdk::Database& db, sdk::OrgId org,
                                                   const sdk::Date& on) override;
  std::vector<sdk::PersonRef> household_members(sdk::Database& db, std::int64_t household_id) override;
  std::vector<sdk::RoleRef> officers(sdk::Database& db, sdk::OrgId org, int fiscal_year) override;
  std::vector<std::string> role_names(sdk::Database& db, sdk::OrgId org) override;
  std::int64_t assign_role(sdk::Database& db, sdk::OrgId org, std::int64_t person, const std::string& role,
                           std::optional<std::int64_t> han, int fiscal_year) override;
};

// The ids of current members' persons whose folded text contains the folded `query`, ordered
// by reading; at most `limit`; with `han`, only that 班's. The search the directory, the CLI
// and the benchmark share.
std::vector<std::int64_t> search_person_ids(sdk::Database& db, sdk::OrgId org, std::string_view query,
                                            int limit, std::optional<std::int64_t> han = std::nullopt);

}  // namespace wasshoi::members
