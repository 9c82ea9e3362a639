#pragma once
// 安否確認: after an earthquake or flood, the 要支援者 (persons who need help to evacuate) are
// checked on first, 班 by 班, each by the neighbour assigned as their helper.
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::members {

struct SafetyEntry {
  PersonId person = 0;
  HouseholdId household = 0;
  std::string name, reading, han, address, phone, note;
  std::optional<int> birth_year;
  std::optional<PersonId> helper;
  std::string helper_name, helper_phone;
};

// Current members flagged 要支援者, in 班 then reading order (of `han` only, when given).
std::vector<SafetyEntry> safety_list(sdk::Database& db, OrgId org, std::optional<HanId> han = {});

}  // namespace wasshoi::members
