#include "core/directory.hpp"

#include <algorithm>
#include <wasshoi/sdk/natural_order.hpp>

#include "core/households.hpp"
#include "core/roles.hpp"
#include "core/search_text.hpp"

namespace wasshoi::members {

namespace {

constexpr const char* kPersonSelect = R"sql(
SELECT p.id, p.household_id, p.org_id, p.name, p.reading, coalesce(han.name, '')
FROM members_persons p
JOIN members_households h ON h.id = p.household_id
LEFT JOIN han ON han.id = h.han_id
)sql";

constexpr const char* kHouseholdSelect = R"sql(
SELECT h.id, h.org_id,
       coalesce((SELECT name FROM members_persons p WHERE p.household_id = h.id ORDER BY p.is_head DESC, p.id LIMIT 1), ''),
       h.address, coalesce(han.name, ''), h.people, h.left_on IS NULL, h.han_id
FROM members_households h
LEFT JOIN han ON han.id = h.han_id
)sql";

// The search index gives the persons holding the query's characters and the substring test
// keeps the exact matches (search_text.hpp); the limit applies after the 自治会 and membership
// filters, and the few matches are ordered by reading here. A query of ASCII punctuation alone,
// which the index leaves out, is tested on every person of the 自治会.
constexpr const char* kSearchTail = R"sql(
JOIN members_households h ON h.id = p.household_id
WHERE p.org_id = ?1 AND h.left_on IS NULL AND (CAST(?4 AS BIGINT) IS NULL OR h.han_id = ?4) AND instr(p.search, ?5) > 0
LIMIT ?3
)sql";
// PostgreSQL: the GIN index on the 自治会's word and the characters (schema.cpp, version 8)
// instead of FTS5, its expression written as the index has it (kServerIndexedWords); strpos,
// and ?2 and ?5 cast to text where the server cannot tell their type. `p.org_id + 0` keeps the
// planner from the index on org_id, which it took for a 自治会 it believed small: right after a
// large import (before autovacuum's ANALYZE) a search for a rare character in a 100 000-person
// 自治会 then read every person of it (190 ms) where the GIN index answers at once.
std::string search_tail_server() {
  return std::string(R"sql(
JOIN members_households h ON h.id = p.household_id
WHERE p.org_id + 0 = ?1 AND h.left_on IS NULL AND (CAST(?4 AS BIGINT) IS NULL OR h.han_id = ?4)
  AND strpos(p.search, CAST(?5 AS TEXT)) > 0
  AND )sql") +
         kServerIndexedWords + R"sql( @> string_to_array(CAST(?2 AS TEXT), ' ')
LIMIT ?3
)sql";
}
constexpr const char* kSearchIndexed = R"sql(
SELECT p.id, p.sort_key FROM members_search s
JOIN members_persons p ON p.id = s.rowid AND members_search MATCH ?2
)sql";
constexpr const char* kSearchScan = "SELECT p.id, p.sort_key FROM members_persons p";  // ?2 unused on SQLite

sdk::PersonRef read_person(const sdk::Statement& st) {
  return sdk::PersonRef{st.get_int(0),  st.get_int(1),  st.get_int(2),
                        st.get_text(3), st.get_text(4), st.get_text(5)};
}

sdk::HouseholdRef read_household(const sdk::Statement& st) {
  return sdk::HouseholdRef{st.get_int(0),      st.get_int(1),         st.get_text(2),
                           st.get_text(3),     st.get_text(4),        static_cast<int>(st.get_int(5)),
                           st.get_int(6) != 0, st.get_optional_int(7)};
}

}  // namespace

std::vector<std::int64_t> search_person_ids(sdk::Database& db, sdk::OrgId org, std::string_view query,
                                            int limit, std::optional<std::int64_t> han) {
  SearchQuery search = search_query(query);
  if (search.empty() || limit <= 0) return {};
  const bool fts = db.engine() == sdk::Engine::SQLite;
  sdk::Statement st(db, fts ? std::string(search.match.empty() ? kSearchScan : kSearchIndexed) + kSearchTail
                            : std::string(kSearchScan) + search_tail_server());
  // The index is asked for this 自治会's persons only (org_match, org_words: search_text.hpp).
  st.bind_all(org, fts ? org_match(search, org) : org_words(search, org), limit, han, search.spaced);
  std::vector<std::pair<std::string, std::int64_t>> hits;
  while (st.step()) hits.emplace_back(st.get_text(1), st.get_int(0));
  std::sort(hits.begin(), hits.end());
  std::vector<std::int64_t> ids;
  for (auto& h : hits) ids.push_back(h.second);
  return ids;
}

std::optional<sdk::HouseholdRef> Directory::household(sdk::Database& db, std::int64_t id) {
  sdk::Statement st(db, std::string(kHouseholdSelect) + " WHERE h.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_household(st);
}

std::optional<sdk::PersonRef> Directory::person(sdk::Database& db, std::int64_t id) {
  sdk::Statement st(db, std::string(kPersonSelect) + " WHERE p.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_person(st);
}

std::vector<sdk::PersonRef> Directory::search_persons(sdk::Database& db, sdk::OrgId org,
                                                      std::string_view query, int limit,
                                                      std::optional<std::int64_t> han) {
  std::vector<sdk::PersonRef> out;
  for (auto id : search_person_ids(db, org, query, limit, han))
    if (auto p = person(db, id)) out.push_back(std::move(*p));
  return out;
}

std::vector<sdk::HouseholdRef> Directory::search_households(sdk::Database& db, sdk::OrgId org,
                                                            std::string_view query, int limit,
                                                            std::optional<std::int64_t> han) {
  std::vector<sdk::HouseholdRef> out;
  std::vector<std::int64_t> seen;
  // A household matches when one of its persons does; ask for more persons than households.
  for (auto id : search_person_ids(db, org, query, limit * 4, han)) {
    auto p = person(db, id);
    if (!p || std::find(seen.begin(), seen.end(), p->household_id) != seen.end()) continue;
    seen.push_back(p->household_id);
    if (auto h = household(db, p->household_id)) out.push_back(std::move(*h));
    if (static_cast<int>(out.size()) >= limit) break;
  }
  return out;
}

int Directory::member_household_count(sdk::Database& db, sdk::OrgId org, const sdk::Date& on) {
  sdk::Statement st(db,
                    "SELECT count(*) FROM members_households WHERE org_id = ?1 "
                    "AND (joined_on IS NULL OR joined_on <= ?2) AND (left_on IS NULL OR left_on > ?2)");
  st.bind_all(org, on);
  st.step();
  return static_cast<int>(st.get_int(0));
}

std::vector<sdk::HouseholdRef> Directory::member_households(sdk::Database& db, sdk::OrgId org,
                                                            const sdk::Date& on) {
  sdk::Statement st(db, std::string(kHouseholdSelect) +
                            " WHERE h.org_id = ?1 AND (h.joined_on IS NULL OR h.joined_on <= ?2) "
                            "AND (h.left_on IS NULL OR h.left_on > ?2) "
                            "ORDER BY h.han_id IS NULL, h.han_id, h.address, h.id");
  st.bind_all(org, on);
  std::vector<sdk::HouseholdRef> out;
  while (st.step()) out.push_back(read_household(st));
  // By 班 as the query has them, within a 班 by address as people read it (6番 before 13番).
  std::stable_sort(out.begin(), out.end(), [](const sdk::HouseholdRef& a, const sdk::HouseholdRef& b) {
    const auto han = [](const sdk::HouseholdRef& h) { return std::pair(!h.han_id, h.han_id.value_or(0)); };
    if (han(a) != han(b)) return han(a) < han(b);
    return sdk::natural_less(a.address, b.address);
  });
  return out;
}

std::vector<sdk::PersonRef> Directory::household_members(sdk::Database& db, std::int64_t household_id) {
  sdk::Statement st(db,
                    std::string(kPersonSelect) + " WHERE p.household_id = ? ORDER BY p.is_head DESC, p.id");
  st.bind(1, household_id);
  std::vector<sdk::PersonRef> out;
  while (st.step()) out.push_back(read_person(st));
  return out;
}

std::vector<sdk::RoleRef> Directory::officers(sdk::Database& db, sdk::OrgId org, int fiscal_year) {
  std::vector<sdk::RoleRef> out;
  for (const auto& a : roles_in_year(db, org, fiscal_year))
    if (auto p = person(db, a.person)) out.push_back(sdk::RoleRef{std::move(*p), a.role, a.fiscal_year});
  return out;
}

}  // namespace wasshoi::members

namespace wasshoi::members {

std::vector<std::string> Directory::role_names(sdk::Database& db, sdk::OrgId org) {
  std::vector<std::string> out;
  for (const auto& k : role_kinds(db, org)) out.push_back(k.name);
  return out;
}

std::int64_t Directory::assign_role(sdk::Database& db, sdk::OrgId org, std::int64_t person,
                                    const std::string& role, std::optional<std::int64_t> han,
                                    int fiscal_year) {
  return members::assign_role(db, org, person, find_role_kind(db, org, role).id, fiscal_year, han);
}

}  // namespace wasshoi::members
