#pragma once
// The roster as a list: which persons match a filter, in which order, and their rows.
// The GUI asks for the ordered ids once per filter change and then only for the rows it shows
// (a 100 000-person roster is never loaded whole per frame); the CLI asks for everything.
#include <span>
#include <vector>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::members {

enum class Membership { Current, Left, All };
enum class RosterSort { Reading, Han, Address, Joined, People };

struct RosterQuery {
  OrgId org = 0;
  std::optional<HanId> han;
  std::optional<std::int64_t> role_kind;  // only holders of this role in `fiscal_year`
  int fiscal_year = 0;                    // 年度 for roles; 0 = the current one
  bool needs_support_only = false;        // 要支援者
  bool heads_only = false;                // one row per household (世帯主)
  Membership membership = Membership::Current;
  std::string search;  // as typed; folded here (search_text.hpp)
  RosterSort sort = RosterSort::Reading;
  bool descending = false;
};

struct RosterRow {
  PersonId person = 0;
  HouseholdId household = 0;
  std::string name, reading, relation;
  std::string han, address, phone;
  int people = 0;
  std::optional<Date> joined, left;
  bool head = false;
  bool needs_support = false;
  std::string roles;  // roles held in the query's 年度, "会長・班長"
};

std::vector<PersonId> roster_ids(sdk::Database& db, const RosterQuery& query);
// Rows for `ids`, in that order; roles are those of `fiscal_year` (0 = current).
std::vector<RosterRow> roster_rows(sdk::Database& db, std::span<const PersonId> ids, int fiscal_year);
// Both at once, for lists that are printed whole (CLI, exports of a selection).
std::vector<RosterRow> roster(sdk::Database& db, const RosterQuery& query, std::size_t limit = SIZE_MAX);

int resolve_fiscal_year(int fiscal_year);  // 0 → the 年度 of today

}  // namespace wasshoi::members
