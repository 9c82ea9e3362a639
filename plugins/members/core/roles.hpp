#pragma once
// Roles (役職) with terms per 年度 (April–March): 会長, 副会長, 会計, 書記, 監事, 班長, 防災担当 by
// default, plus each 自治会's own. At the 年度 change the officers hand over: `hand_over` carries
// last year's roles into the new year for the ones who stay, and the rest are reassigned.
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::members {

using RoleKindId = std::int64_t;

struct RoleKind {
  RoleKindId id = 0;
  std::string name;
  bool per_han = false;  // one per 班 (班長)
  bool builtin = false;  // one of the defaults every 自治会 has
};

struct RoleAssignment {
  std::int64_t id = 0;
  int fiscal_year = 0;
  RoleKindId kind = 0;
  std::string role;
  PersonId person = 0;
  std::string person_name;
  HouseholdId household = 0;
  std::optional<HanId> han;
  std::string han_name;
};

std::vector<RoleKind> role_kinds(sdk::Database& db, OrgId org);
RoleKindId add_role_kind(sdk::Database& db, OrgId org, const std::string& name, bool per_han);
// The organization's own kinds only: the defaults (会長 …) are every 自治会's and stay as they are.
// InputError for a default, a kind of another organization, a blank or taken name.
void rename_role_kind(sdk::Database& db, OrgId org, RoleKindId kind, const std::string& name);
// InputError as for rename, and for a kind somebody holds (in any 年度: the history keeps it).
void remove_role_kind(sdk::Database& db, OrgId org, RoleKindId kind);
// A role by its name ("会長") or id; InputError listing the roles when there is none.
RoleKind find_role_kind(sdk::Database& db, OrgId org, std::string_view name_or_id);

// 班長 and other per-班 roles take the person's 班 unless `han` says otherwise.
std::int64_t assign_role(sdk::Database& db, OrgId org, PersonId person, RoleKindId kind, int fiscal_year,
                         std::optional<HanId> han = std::nullopt);
// A role assigned by mistake: removed, or given to `person` instead. The reason (required) goes
// into the audit detail with who held it. InputError for a blank reason or no such assignment.
void remove_role(sdk::Database& db, std::int64_t assignment, const std::string& reason);
void change_role_holder(sdk::Database& db, OrgId org, std::int64_t assignment, PersonId person,
                        const std::string& reason);
std::vector<RoleAssignment> roles_in_year(sdk::Database& db, OrgId org, int fiscal_year);
// Copies `from`'s roles into `to` for persons still members, where `to` has nobody in that role
// (and 班) yet. Returns how many were carried over.
int hand_over(sdk::Database& db, OrgId org, int from, int to);

}  // namespace wasshoi::members
