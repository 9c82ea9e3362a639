#pragma once
// MemberDirectory: the roster as other plugins see it. Implemented by the members plugin;
// minutes, booking, issues and proposals look people up through it and nothing else.
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/text.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wasshoi::sdk {

struct HouseholdRef {
  std::int64_t id = 0;
  OrgId org = 0;
  std::string head_name;  // 世帯主
  std::string address;
  std::string han;        // 班 name
  int people = 0;
  bool current = true;    // false once it has left
};

struct PersonRef {
  std::int64_t id = 0;
  std::int64_t household_id = 0;
  OrgId org = 0;
  std::string name;
  std::string reading;  // フリガナ
  std::string han;
};

class MemberDirectory {
 public:
  static constexpr const char* kServiceId = "members.directory";
  virtual ~MemberDirectory() = default;

  virtual std::optional<HouseholdRef> household(Database& db, std::int64_t id) = 0;
  virtual std::optional<PersonRef> person(Database& db, std::int64_t id) = 0;
  // Officers' search: kana/width/space-insensitive substring of name, reading or address.
  virtual std::vector<PersonRef> search_persons(Database& db, OrgId org, std::string_view query,
                                                int limit = 50) = 0;
  virtual std::vector<HouseholdRef> search_households(Database& db, OrgId org,
                                                      std::string_view query, int limit = 50) = 0;
  // Member households on a date (joined on or before, not left): the base of a 総会's quorum.
  virtual int member_household_count(Database& db, OrgId org, const Date& on) = 0;
};

}  // namespace wasshoi::sdk
