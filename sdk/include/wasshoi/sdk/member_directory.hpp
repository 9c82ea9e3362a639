#pragma once
// MemberDirectory: the roster as other plugins see it. Implemented by the members plugin;
// minutes, booking, issues and proposals look people up through it and nothing else.
//   auto& members = ctx.services().get<sdk::MemberDirectory>();
//   for (auto& p : members.search_persons(ctx.db(), org, "さとう")) …
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

struct HouseholdRef {
  std::int64_t id = 0;
  OrgId org = 0;
  std::string head_name;  // 世帯主
  std::string address;
  std::string han;  // 班 name
  int people = 0;
  bool current = true;                 // false once it has left
  std::optional<std::int64_t> han_id;  // its 班 (OrganizationDirectory::han); none when not in one
};

struct PersonRef {
  std::int64_t id = 0;
  std::int64_t household_id = 0;
  OrgId org = 0;
  std::string name;
  std::string reading;  // フリガナ
  std::string han;
};

// Someone holding a role (役職) in a 年度: who can chair a meeting, sign the minutes (署名人), …
struct RoleRef {
  PersonRef person;
  std::string role;  // 会長, 副会長, 会計, 書記, 監事, 班長, 防災担当, or the 自治会's own
  int fiscal_year = 0;  // 年度 (April–March), 西暦: 2025 = 令和7年度
};

class MemberDirectory {
 public:
  static constexpr const char* kServiceId = "members.directory";
  virtual ~MemberDirectory() = default;

  virtual std::optional<HouseholdRef> household(Database& db, std::int64_t id) = 0;
  virtual std::optional<PersonRef> person(Database& db, std::int64_t id) = 0;
  // Officers' search among current members: kana/width/space-insensitive substring of name,
  // reading or address; one- and two-character queries (林, 佐藤) work. Ordered by reading.
  // `han`: only that 班 — pass ctx.access().han_scope(org), so a 班長 finds only their 班.
  virtual std::vector<PersonRef> search_persons(Database& db, OrgId org, std::string_view query, int limit,
                                                std::optional<std::int64_t> han) = 0;
  virtual std::vector<HouseholdRef> search_households(Database& db, OrgId org, std::string_view query,
                                                      int limit, std::optional<std::int64_t> han) = 0;
  // Member households on a date (joined on or before, not left): the base of a 総会's quorum.
  virtual int member_household_count(Database& db, OrgId org, const Date& on) = 0;
  // The member households on a date (those member_household_count counts), grouped by 班 id
  // (households without a 班 last), then by address: a 総会's reception sheet and its papers.
  // Not pure so that other implementations keep compiling; the members plugin provides it.
  virtual std::vector<HouseholdRef> member_households(Database& db, OrgId org, const Date& on) {
    (void)db, (void)org, (void)on;
    throw InputError("the roster does not list member households");
  }
  // The persons of a household, 世帯主 first.
  virtual std::vector<PersonRef> household_members(Database& db, std::int64_t household_id) = 0;
  // Everyone holding a role in `fiscal_year`, in the 自治会's role order (会長 first).
  virtual std::vector<RoleRef> officers(Database& db, OrgId org, int fiscal_year) = 0;
  // The 役職 kinds of the 自治会 (会長 first), for choosing a role. Empty where not provided.
  virtual std::vector<std::string> role_names(Database& db, OrgId org) {
    (void)db, (void)org;
    return {};
  }
  // Gives `person` the role `role` (by name) in `fiscal_year` — an approved 役員改選 does it —
  // with the members plugin's checks (a person of `org`, a known role, not held twice) inside
  // the caller's transaction, audited as the members plugin's role assignment. Per-班 roles
  // (班長) take the person's 班 unless `han`. Returns the assignment's id. InputError otherwise.
  virtual std::int64_t assign_role(Database& db, OrgId org, std::int64_t person, const std::string& role,
                                   std::optional<std::int64_t> han, int fiscal_year) {
    (void)db, (void)org, (void)person, (void)role, (void)han, (void)fiscal_year;
    throw InputError("the roster does not take roles");
  }
};

}  // namespace wasshoi::sdk
