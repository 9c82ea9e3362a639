#pragma once
// The roster's data as the members plugin keeps it: households (世帯), persons, roles per 年度,
// dues (会費). Plain structs; the functions that read and write them live beside them in core/.
#include <cstdint>
#include <optional>
#include <string>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::members {

using sdk::Date;
using sdk::OrgId;
using HouseholdId = std::int64_t;
using PersonId = std::int64_t;
using HanId = std::int64_t;

// What a household is, apart from its id and the people in it.
struct HouseholdData {
  std::optional<HanId> han;
  std::string address;
  std::string phone;
  int people = 1;  // 世帯人数: everyone living there, listed or not
  std::optional<Date> joined;
  std::optional<Date> left;  // a household that leaves is kept, with this date (history)
  std::string notes;         // 備考
};

struct Household {
  HouseholdId id = 0;
  OrgId org = 0;
  HouseholdData data;
  std::string han_name;
  std::string head_name;  // 世帯主 (the person marked head)
  bool current() const { return !data.left; }
};

struct PersonData {
  std::string name;
  std::string reading;  // フリガナ as typed (ｶﾀｶﾅ, カタカナ or ひらがな)
  std::optional<int> birth_year;
  bool head = false;               // 世帯主
  std::string relation;            // 続柄 as written (妻, 長男 …); empty for the head
  bool needs_support = false;      // 要支援者: checked on first in a disaster (安否確認)
  std::optional<PersonId> helper;  // who checks on them
  std::string support_note;
};

struct Person {
  PersonId id = 0;
  HouseholdId household = 0;
  OrgId org = 0;
  PersonData data;
};

}  // namespace wasshoi::members
