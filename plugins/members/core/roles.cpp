#include "core/roles.hpp"

#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/text.hpp>

#include "core/households.hpp"

namespace wasshoi::members {

namespace {

constexpr const char* kSelectAssignments = R"sql(
SELECT r.id, r.fiscal_year, k.id, k.name, p.id, p.name, p.household_id, r.han_id, coalesce(han.name, '')
FROM members_roles r
JOIN members_role_kinds k ON k.id = r.role_kind_id
JOIN members_persons p ON p.id = r.person_id
LEFT JOIN han ON han.id = r.han_id
WHERE r.org_id = ? AND r.fiscal_year = ?
ORDER BY k.sort_order, k.id, han.sort_order, p.sort_key
)sql";

// Carries the roles of persons whose household has not left, unless the role (and 班) is taken.
constexpr const char* kHandOver = R"sql(
INSERT INTO members_roles(org_id, person_id, role_kind_id, fiscal_year, han_id)
SELECT r.org_id, r.person_id, r.role_kind_id, ?3, r.han_id
FROM members_roles r
JOIN members_persons p ON p.id = r.person_id
JOIN members_households h ON h.id = p.household_id
WHERE r.org_id = ?1 AND r.fiscal_year = ?2 AND h.left_on IS NULL
  AND NOT EXISTS (SELECT 1 FROM members_roles t WHERE t.org_id = r.org_id AND t.fiscal_year = ?3
                  AND t.role_kind_id = r.role_kind_id AND t.han_id IS NOT DISTINCT FROM r.han_id)
  AND NOT EXISTS (SELECT 1 FROM members_roles t WHERE t.person_id = r.person_id AND t.fiscal_year = ?3
                  AND t.role_kind_id = r.role_kind_id)
)sql";

RoleKind read_kind(const sdk::Statement& st) {
  return RoleKind{st.get_int(0), st.get_text(1), st.get_int(2) != 0, st.is_null(3)};
}

void check_year(int fiscal_year) {
  if (fiscal_year < 1900 || fiscal_year > 2200)
    throw sdk::InputError("the 年度 " + std::to_string(fiscal_year) +
                          " is not plausible (give it in 西暦, e.g. 2025)");
}

std::string checked_reason(const std::string& text) {
  std::string reason = sdk::trim(text);
  if (reason.empty()) throw sdk::InputError("a correction of a role needs the reason");
  sdk::check_text(sdk::TextKind::Line, "reason", reason);
  return reason;
}

// "会長 2025 佐藤　誠" for the audit detail; InputError when there is no such assignment.
std::string assignment_text(sdk::Database& db, std::int64_t assignment) {
  sdk::Statement st(db,
                    "SELECT k.name, r.fiscal_year, p.name FROM members_roles r JOIN members_role_kinds k ON "
                    "k.id = r.role_kind_id JOIN members_persons p ON p.id = r.person_id WHERE r.id = ?");
  st.bind(1, assignment);
  if (!st.step()) throw sdk::InputError("no role assignment with id " + std::to_string(assignment));
  return st.get_text(0) + " " + std::to_string(st.get_int(1)) + " " + st.get_text(2);
}

}  // namespace

std::vector<RoleKind> role_kinds(sdk::Database& db, OrgId org) {
  sdk::Statement st(
      db,
      "SELECT id, name, per_han, org_id FROM members_role_kinds WHERE org_id IS NULL OR org_id = ? "
      "ORDER BY sort_order, id");
  st.bind(1, org);
  std::vector<RoleKind> out;
  while (st.step()) out.push_back(read_kind(st));
  return out;
}

RoleKindId add_role_kind(sdk::Database& db, OrgId org, const std::string& name, bool per_han) {
  std::string n = sdk::trim(name);
  if (n.empty()) throw sdk::InputError("a role needs a name");
  sdk::check_text(sdk::TextKind::Name, "role", n);
  sdk::Transaction tx(db, "members.role_kind.add", n);  // checked inside: two officers adding it at once
  for (const auto& k : role_kinds(db, org))
    if (k.name == n) throw sdk::InputError("the role " + n + " exists already");
  sdk::Statement st(db,
                    "INSERT INTO members_role_kinds(org_id, name, per_han, sort_order) "
                    "VALUES(?1, ?2, ?3, (SELECT coalesce(max(sort_order), 0) + 10 FROM members_role_kinds))");
  st.bind_all(org, n, per_han ? 1 : 0).run();
  RoleKindId id = db.last_insert_id();
  tx.commit();
  return id;
}

RoleKind find_role_kind(sdk::Database& db, OrgId org, std::string_view name_or_id) {
  std::string wanted = sdk::trim(name_or_id);
  std::string names;
  for (const auto& k : role_kinds(db, org)) {
    if (k.name == wanted || std::to_string(k.id) == wanted) return k;
    names += (names.empty() ? "" : ", ") + k.name;
  }
  throw sdk::InputError("no role named '" + wanted + "' (roles: " + names + ")");
}

std::int64_t assign_role(sdk::Database& db, OrgId org, PersonId person, RoleKindId kind, int fiscal_year,
                         std::optional<HanId> han) {
  check_year(fiscal_year);
  Person p = get_person(db, person);
  if (p.org != org)
    throw sdk::InputError(p.data.name + " (person " + std::to_string(person) + ") is not in this 自治会");
  Household h = get_household(db, p.household);
  if (h.data.left) throw sdk::InputError(p.data.name + "'s household left on " + h.data.left->iso());
  RoleKind k;
  bool found = false;
  for (const auto& candidate : role_kinds(db, org))
    if (candidate.id == kind) k = candidate, found = true;
  if (!found) throw sdk::InputError("no role with id " + std::to_string(kind));
  if (k.per_han && !han) han = h.data.han;
  sdk::Statement dup(
      db, "SELECT 1 FROM members_roles WHERE person_id = ? AND role_kind_id = ? AND fiscal_year = ?");
  dup.bind_all(person, kind, fiscal_year);
  if (dup.step())
    throw sdk::InputError(p.data.name + " is already " + k.name + " in " +
                          sdk::format_fiscal_year_ja(fiscal_year));
  sdk::Transaction tx(db, "members.role.assign",
                      k.name + " " + std::to_string(fiscal_year) + ": " + p.data.name);
  sdk::Statement st(db,
                    "INSERT INTO members_roles(org_id, person_id, role_kind_id, fiscal_year, han_id) "
                    "VALUES(?, ?, ?, ?, ?)");
  st.bind_all(org, person, kind, fiscal_year, han).run();
  auto id = db.last_insert_id();
  tx.commit();
  return id;
}

void remove_role(sdk::Database& db, std::int64_t assignment, const std::string& reason_text) {
  const std::string reason = checked_reason(reason_text);
  sdk::Transaction tx(db, "members.role.remove");
  const std::string held = assignment_text(db, assignment);
  tx.set_detail("assignment " + std::to_string(assignment) + " " + held + " — reason: " + reason);
  sdk::Statement st(db, "DELETE FROM members_roles WHERE id = ?");
  st.bind(1, assignment).run();
  tx.commit();
}

void change_role_holder(sdk::Database& db, OrgId org, std::int64_t assignment, PersonId person,
                        const std::string& reason_text) {
  const std::string reason = checked_reason(reason_text);
  sdk::Transaction tx(db, "members.role.change");
  const std::string held = assignment_text(db, assignment);
  Person p = get_person(db, person);
  if (p.org != org)
    throw sdk::InputError(p.data.name + " (person " + std::to_string(person) + ") is not in this 自治会");
  Household h = get_household(db, p.household);
  if (h.data.left) throw sdk::InputError(p.data.name + "'s household left on " + h.data.left->iso());
  sdk::Statement dup(db,
                     "SELECT 1 FROM members_roles a JOIN members_roles b ON b.role_kind_id = a.role_kind_id "
                     "AND b.fiscal_year = a.fiscal_year WHERE a.id = ? AND b.person_id = ?");
  dup.bind_all(assignment, person);
  if (dup.step()) throw sdk::InputError(p.data.name + " holds this role already");
  tx.set_detail("assignment " + std::to_string(assignment) + " " + held + " → " + p.data.name +
                " — reason: " + reason);
  // A per-班 role follows the new holder's 班.
  sdk::Statement st(db,
                    "UPDATE members_roles SET person_id = ?2, han_id = CASE WHEN (SELECT per_han FROM "
                    "members_role_kinds WHERE id = role_kind_id) <> 0 THEN CAST(?3 AS BIGINT) ELSE han_id "
                    "END WHERE id = ?1");
  st.bind(1, assignment).bind(2, person).bind(3, h.data.han).run();
  tx.commit();
}

namespace {
// One of `org`'s own kinds; InputError for a default or another organization's.
RoleKind own_kind(sdk::Database& db, OrgId org, RoleKindId kind) {
  for (const auto& k : role_kinds(db, org))
    if (k.id == kind) {
      if (k.builtin)
        throw sdk::InputError("the role " + k.name + " is one every 自治会 has; it stays as it is");
      return k;
    }
  throw sdk::InputError("no role with id " + std::to_string(kind) + " in this 自治会");
}
}  // namespace

void rename_role_kind(sdk::Database& db, OrgId org, RoleKindId kind, const std::string& name) {
  std::string n = sdk::trim(name);
  if (n.empty()) throw sdk::InputError("a role needs a name");
  sdk::check_text(sdk::TextKind::Name, "role", n);
  sdk::Transaction tx(db, "members.role_kind.rename");
  const RoleKind k = own_kind(db, org, kind);
  for (const auto& other : role_kinds(db, org))
    if (other.name == n && other.id != kind) throw sdk::InputError("the role " + n + " exists already");
  tx.set_detail(k.name + " → " + n);
  sdk::Statement st(db, "UPDATE members_role_kinds SET name = ? WHERE id = ?");
  st.bind_all(n, kind).run();
  tx.commit();
}

void remove_role_kind(sdk::Database& db, OrgId org, RoleKindId kind) {
  sdk::Transaction tx(db, "members.role_kind.remove");
  const RoleKind k = own_kind(db, org, kind);
  sdk::Statement used(db, "SELECT count(*) FROM members_roles WHERE role_kind_id = ?");
  used.bind(1, kind).step();
  if (used.get_int(0) > 0)
    throw sdk::InputError("the role " + k.name + " is held (" + std::to_string(used.get_int(0)) +
                          " assignments, history included): remove those first");
  tx.set_detail(k.name);
  sdk::Statement st(db, "DELETE FROM members_role_kinds WHERE id = ?");
  st.bind(1, kind).run();
  tx.commit();
}

std::vector<RoleAssignment> roles_in_year(sdk::Database& db, OrgId org, int fiscal_year) {
  sdk::Statement st(db, kSelectAssignments);
  st.bind_all(org, fiscal_year);
  std::vector<RoleAssignment> out;
  while (st.step()) {
    RoleAssignment a{st.get_int(0), static_cast<int>(st.get_int(1)),
                     st.get_int(2), st.get_text(3),
                     st.get_int(4), st.get_text(5),
                     st.get_int(6), st.get_optional_int(7),
                     st.get_text(8)};
    out.push_back(std::move(a));
  }
  return out;
}

int hand_over(sdk::Database& db, OrgId org, int from, int to) {
  check_year(from);
  check_year(to);
  if (from == to) throw sdk::InputError("hand-over needs two different 年度");
  sdk::Transaction tx(db, "members.role.hand_over", std::to_string(from) + " → " + std::to_string(to));
  sdk::Statement st(db, kHandOver);
  st.bind_all(org, from, to);
  int n = st.run();
  tx.set_detail(std::to_string(from) + " → " + std::to_string(to) + ": " + std::to_string(n) +
                " roles carried over");
  tx.commit();
  return n;
}

}  // namespace wasshoi::members
