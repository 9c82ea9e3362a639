#include "core/roster.hpp"

#include <unordered_map>

#include "core/households.hpp"
#include "core/search_text.hpp"

namespace wasshoi::members {

namespace {

// Filters are bound parameters (numbered: each is used twice); a NULL one switches its filter off.
constexpr const char* kIdsSelect = R"sql(
SELECT p.id FROM members_persons p
JOIN members_households h ON h.id = p.household_id
LEFT JOIN han ON han.id = h.han_id
WHERE p.org_id = ?1
  AND (CAST(?2 AS BIGINT) IS NULL OR h.han_id = ?2)
  AND (?3 = 0 OR p.needs_support = 1)
  AND (?4 = 0 OR p.is_head = 1)
  AND (?5 = 2 OR (?5 = 0) = (h.left_on IS NULL))
  AND {search}
  AND (CAST(?7 AS BIGINT) IS NULL OR EXISTS (SELECT 1 FROM members_roles r WHERE r.person_id = p.id
                                AND r.role_kind_id = ?7 AND r.fiscal_year = ?8))
)sql";

// The search filters (?6 the 自治会's word and the indexed characters, ?9 the substring) on each
// engine's index (schema.cpp, version 8: FTS5 on SQLite, GIN on the word array on PostgreSQL).
std::string ids_select(const sdk::Database& db) {
  std::string sql = kIdsSelect;
  const std::string_view word = "{search}";
  sql.replace(
      sql.find(word), word.size(),
      db.engine() == sdk::Engine::SQLite
          ? "(?6 IS NULL OR p.id IN (SELECT rowid FROM members_search WHERE members_search MATCH ?6))\n"
            "  AND (?9 IS NULL OR instr(p.search, ?9) > 0)"
          : std::string("(CAST(?6 AS TEXT) IS NULL OR ") + kServerIndexedWords +
                " @> string_to_array(CAST(?6 AS TEXT), ' '))\n"
                "  AND (CAST(?9 AS TEXT) IS NULL OR strpos(p.search, CAST(?9 AS TEXT)) > 0)");
  return sql;
}

std::string order_by(RosterSort sort, bool descending) {
  const char* dir = descending ? " DESC" : "";
  std::string tail = std::string(", p.sort_key") + dir + ", p.id";
  switch (sort) {
    case RosterSort::Reading:
      return std::string(" ORDER BY p.sort_key") + dir + ", p.id" + dir;
    case RosterSort::Han:
      return std::string(" ORDER BY han.sort_order IS NULL, han.sort_order") + dir + tail;
    case RosterSort::Address:
      return std::string(" ORDER BY h.address") + dir + tail;
    case RosterSort::Joined:
      return std::string(" ORDER BY h.joined_on IS NULL, h.joined_on") + dir + tail;
    case RosterSort::People:
      return std::string(" ORDER BY h.people") + dir + tail;
  }
  return {};
}

constexpr const char* kRowsSelect = R"sql(
SELECT p.id, p.household_id, p.name, p.reading, p.relation, coalesce(han.name, ''), h.address, h.phone,
       h.people, h.joined_on, h.left_on, p.is_head, p.needs_support,
       coalesce((SELECT string_agg(k.name, '・') FROM members_roles r
                 JOIN members_role_kinds k ON k.id = r.role_kind_id
                 WHERE r.person_id = p.id AND r.fiscal_year = ?1), '')
FROM members_persons p
JOIN members_households h ON h.id = p.household_id
LEFT JOIN han ON han.id = h.han_id
WHERE p.id IN ({ids})
)sql";

RosterRow read_row(const sdk::Statement& st) {
  RosterRow r;
  r.person = st.get_int(0);
  r.household = st.get_int(1);
  r.name = st.get_text(2);
  r.reading = st.get_text(3);
  r.relation = st.get_text(4);
  r.han = st.get_text(5);
  r.address = st.get_text(6);
  r.phone = st.get_text(7);
  r.people = static_cast<int>(st.get_int(8));
  r.joined = st.get_date(9);
  r.left = st.get_date(10);
  r.head = st.get_int(11) != 0;
  r.needs_support = st.get_int(12) != 0;
  r.roles = st.get_text(13);
  return r;
}

// The ids as an SQL list (integers only: nothing of a user's text), on both engines.
std::string id_list(std::span<const PersonId> ids) {
  std::string out;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    if (i) out += ',';
    out += std::to_string(ids[i]);
  }
  return out;
}

}  // namespace

int resolve_fiscal_year(int fiscal_year) {
  return fiscal_year ? fiscal_year : sdk::fiscal_year(sdk::today());
}

std::vector<PersonId> roster_ids(sdk::Database& db, const RosterQuery& q) {
  sdk::Statement st(db, ids_select(db) + order_by(q.sort, q.descending));
  const bool fts = db.engine() == sdk::Engine::SQLite;
  SearchQuery search = search_query(q.search);
  auto text_or_null = [&](int index, const std::string& text) {
    if (text.empty())
      st.bind(index, nullptr);
    else
      st.bind(index, text);
  };
  st.bind(1, q.org).bind(2, q.han).bind(3, q.needs_support_only ? 1 : 0).bind(4, q.heads_only ? 1 : 0);
  st.bind(5, static_cast<int>(q.membership));
  if (search.match.empty())  // nothing the index holds: the substring test alone (?9)
    st.bind(6, nullptr);
  else
    st.bind(6, fts ? org_match(search, q.org) : org_words(search, q.org));
  st.bind(7, q.role_kind).bind(8, resolve_fiscal_year(q.fiscal_year));
  text_or_null(9, search.spaced);
  std::vector<PersonId> ids;
  while (st.step()) ids.push_back(st.get_int(0));
  return ids;
}

std::vector<RosterRow> roster_rows(sdk::Database& db, std::span<const PersonId> ids, int fiscal_year) {
  if (ids.empty()) return {};
  std::string sql = kRowsSelect;
  sql.replace(sql.find("{ids}"), 5, id_list(ids));
  sdk::Statement st(db, sql);
  st.bind(1, resolve_fiscal_year(fiscal_year));
  std::unordered_map<PersonId, RosterRow> by_id;
  while (st.step()) {
    RosterRow r = read_row(st);
    by_id.emplace(r.person, std::move(r));
  }
  std::vector<RosterRow> rows;
  rows.reserve(ids.size());
  for (PersonId id : ids)
    if (auto it = by_id.find(id); it != by_id.end()) rows.push_back(std::move(it->second));
  return rows;
}

std::vector<RosterRow> roster(sdk::Database& db, const RosterQuery& query, std::size_t limit) {
  std::vector<PersonId> ids = roster_ids(db, query);
  if (ids.size() > limit) ids.resize(limit);
  std::vector<RosterRow> rows;
  constexpr std::size_t kChunk = 2000;  // keeps each IN list short
  for (std::size_t at = 0; at < ids.size(); at += kChunk) {
    auto part =
        roster_rows(db, std::span(ids).subspan(at, std::min(kChunk, ids.size() - at)), query.fiscal_year);
    rows.insert(rows.end(), std::make_move_iterator(part.begin()), std::make_move_iterator(part.end()));
  }
  return rows;
}

}  // namespace wasshoi::members
