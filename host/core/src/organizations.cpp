#include <wasshoi/host/organizations.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::host {

namespace {

Organization read_org(sdk::Statement& st) {
  Organization o;
  o.id = st.get_int(0);
  o.kind = parse_kind(st.get_text(1));
  o.name = st.get_text(2);
  o.parent = st.get_optional_int(3);
  return o;
}

constexpr const char* kSelectOrg = "SELECT id, kind, name, parent_id FROM organizations";
constexpr const char* kSelectHan = "SELECT id, org_id, name, sort_order FROM han";

Han read_han(sdk::Statement& st) {
  return Han{st.get_int(0), st.get_int(1), st.get_text(2), static_cast<int>(st.get_int(3))};
}

std::vector<Organization> read_orgs(sdk::Statement& st) {
  std::vector<Organization> out;
  while (st.step()) out.push_back(read_org(st));
  return out;
}

std::string checked_name(const std::string& name, const char* what) {
  std::string n = sdk::trim(name);
  if (n.empty()) throw sdk::InputError(std::string(what) + " must not be empty");
  sdk::check_text(sdk::TextKind::Name, what, n);
  return n;
}

}  // namespace

const char* kind_label_key(OrgKind kind) {
  switch (kind) {
    case OrgKind::Jichikai:
      return "org.kind.jichikai";
    case OrgKind::Kyodotai:
      return "org.kind.kyodotai";
    case OrgKind::Npo:
      return "org.kind.npo";
    case OrgKind::Company:
      return "org.kind.company";
    case OrgKind::City:
      return "org.kind.city";
    case OrgKind::Support:
      return "org.kind.support";
  }
  return "org.kind.unknown";
}

OrgKind parse_kind(std::string_view text) {
  if (auto kind = sdk::parse_org_kind(text)) return *kind;
  throw sdk::InputError("unknown organization kind '" + std::string(text) +
                        "' (use jichikai, kyodotai, npo, company, city or support)");
}

void Organizations::check_parent(OrgKind kind, std::optional<OrgId> parent) {
  if (!parent) return;
  auto p = find(*parent);
  if (!p) throw sdk::InputError("no organization with id " + std::to_string(*parent) + " (given as parent)");
  switch (kind) {
    case OrgKind::Jichikai:
    case OrgKind::Npo:
    case OrgKind::Company:
      if (p->kind != OrgKind::Kyodotai)
        throw sdk::InputError(std::string("a ") + to_string(kind) +
                              " can only belong to a 地域協働体 (kyodotai); " + p->name + " is a " +
                              to_string(p->kind));
      return;
    case OrgKind::City:
      if (p->kind != OrgKind::City)
        throw sdk::InputError("a city body (支所, 担当課) can only belong to the city; " + p->name +
                              " is a " + to_string(p->kind));
      return;
    default:
      throw sdk::InputError(std::string("a ") + to_string(kind) + " does not belong to another organization");
  }
}

OrgId Organizations::add(OrgKind kind, const std::string& name, std::optional<OrgId> parent) {
  std::string n = checked_name(name, "the organization name");
  check_parent(kind, parent);
  sdk::Transaction tx(db_, "org.add", std::string(to_string(kind)) + " " + n);
  sdk::Statement st(db_, "INSERT INTO organizations(kind, name, parent_id) VALUES(?, ?, ?)");
  st.bind_all(to_string(kind), n, parent).run();
  OrgId id = db_.last_insert_id();
  tx.set_detail(std::string(to_string(kind)) + " " + n + " → id " + std::to_string(id));
  tx.commit();
  return id;
}

std::vector<Organization> Organizations::list() {
  sdk::Statement st(db_, std::string(kSelectOrg) + " ORDER BY id");
  return read_orgs(st);
}

std::optional<Organization> Organizations::find(OrgId id) {
  sdk::Statement st(db_, std::string(kSelectOrg) + " WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_org(st);
}

Organization Organizations::get(OrgId id) {
  auto o = find(id);
  if (!o) throw sdk::InputError("no organization with id " + std::to_string(id));
  return *o;
}

std::vector<Organization> Organizations::children(OrgId id, std::optional<OrgKind> kind) {
  sdk::Statement st(db_, std::string(kSelectOrg) +
                             " WHERE parent_id = ?1 AND (CAST(?2 AS TEXT) IS NULL OR kind = ?2) ORDER BY id");
  st.bind(1, id).bind(2, kind ? std::optional<std::string>(to_string(*kind)) : std::nullopt);
  return read_orgs(st);
}

std::vector<Organization> Organizations::of_kind(OrgKind kind) {
  sdk::Statement st(db_, std::string(kSelectOrg) + " WHERE kind = ? ORDER BY parent_id IS NOT NULL, id");
  st.bind(1, to_string(kind));
  return read_orgs(st);
}

std::vector<Organization> Organizations::find_by_name(std::string_view name, std::optional<OrgKind> kind,
                                                      std::optional<OrgId> parent) {
  sdk::Statement st(db_, std::string(kSelectOrg) +
                             " WHERE name = ?1 AND (CAST(?2 AS TEXT) IS NULL OR kind = ?2) AND (CAST(?3 AS "
                             "INTEGER) IS NULL OR parent_id = ?3) "
                             "ORDER BY id");
  st.bind(1, sdk::trim(name))
      .bind(2, kind ? std::optional<std::string>(to_string(*kind)) : std::nullopt)
      .bind(3, parent);
  return read_orgs(st);
}

void Organizations::rename(OrgId id, const std::string& name) {
  std::string n = checked_name(name, "the organization name");
  Organization o = get(id);
  sdk::Transaction tx(db_, "org.rename", o.name + " → " + n);
  sdk::Statement st(db_, "UPDATE organizations SET name = ? WHERE id = ?");
  st.bind_all(n, id).run();
  tx.commit();
}

void Organizations::set_parent(OrgId id, std::optional<OrgId> parent) {
  Organization o = get(id);
  check_parent(o.kind, parent);
  sdk::Transaction tx(db_, "org.set_parent", o.name);
  sdk::Statement st(db_, "UPDATE organizations SET parent_id = ? WHERE id = ?");
  st.bind_all(parent, id).run();
  tx.commit();
}

std::string Organizations::checked_new_han(const Organization& o, const std::string& name) {
  std::string n = checked_name(name, "the 班 name");
  if (o.kind != OrgKind::Jichikai)
    throw sdk::InputError("班 belong to a 自治会; " + o.name + " is a " + to_string(o.kind));
  if (find_han(o.id, n)) throw sdk::InputError(o.name + " already has a 班 named " + n);
  return n;
}

std::int64_t Organizations::insert_han(OrgId org, const std::string& name) {
  sdk::Statement st(db_,
                    "INSERT INTO han(org_id, name, sort_order) "
                    "VALUES(?, ?, (SELECT coalesce(max(sort_order), 0) + 1 FROM han WHERE org_id = ?))");
  st.bind_all(org, name, org).run();
  return db_.last_insert_id();
}

std::int64_t Organizations::add_han(OrgId org, const std::string& name) {
  Organization o = get(org);
  std::string n = checked_new_han(o, name);
  sdk::Transaction tx(db_, "org.han.add", o.name + " " + n);
  auto id = insert_han(org, n);
  tx.commit();
  return id;
}

std::vector<Han> Organizations::han(OrgId org) {
  sdk::Statement st(db_, std::string(kSelectHan) + " WHERE org_id = ? ORDER BY sort_order, id");
  st.bind(1, org);
  std::vector<Han> out;
  while (st.step()) out.push_back(read_han(st));
  return out;
}

std::optional<Han> Organizations::find_han(OrgId org, std::string_view name) {
  sdk::Statement st(db_, std::string(kSelectHan) + " WHERE org_id = ? AND name = ?");
  st.bind_all(org, sdk::trim(name));
  if (!st.step()) return std::nullopt;
  return read_han(st);
}

std::optional<Han> Organizations::han_by_id(std::int64_t id) {
  sdk::Statement st(db_, std::string(kSelectHan) + " WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_han(st);
}

Han Organizations::find_or_add_han(OrgId org, std::string_view name) {
  if (auto h = find_han(org, name)) return *h;
  if (!db_.in_transaction()) return *han_by_id(add_han(org, std::string(name)));
  Organization o = get(org);
  return *han_by_id(insert_han(org, checked_new_han(o, std::string(name))));
}

void Organizations::enable_plugin(OrgId org, const std::string& plugin_id) {
  Organization o = get(org);
  sdk::Transaction tx(db_, "org.plugin.enable", o.name + " " + plugin_id);
  sdk::Statement st(db_, "INSERT INTO org_plugins(org_id, plugin_id) VALUES(?, ?) ON CONFLICT DO NOTHING");
  st.bind_all(org, plugin_id).run();
  tx.commit();
}

void Organizations::disable_plugin(OrgId org, const std::string& plugin_id) {
  Organization o = get(org);
  sdk::Transaction tx(db_, "org.plugin.disable", o.name + " " + plugin_id);
  sdk::Statement st(db_, "DELETE FROM org_plugins WHERE org_id = ? AND plugin_id = ?");
  st.bind_all(org, plugin_id).run();
  tx.commit();
}

std::vector<std::string> Organizations::enabled_plugins(OrgId org) {
  sdk::Statement st(db_, "SELECT plugin_id FROM org_plugins WHERE org_id = ? ORDER BY plugin_id");
  st.bind(1, org);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.get_text(0));
  return out;
}

bool Organizations::is_enabled(OrgId org, const std::string& plugin_id) {
  sdk::Statement st(db_, "SELECT 1 FROM org_plugins WHERE org_id = ? AND plugin_id = ?");
  st.bind_all(org, plugin_id);
  return st.step();
}

bool is_retired(sdk::Database& db, OrgId org) {
  sdk::Statement st(db, "SELECT retired_at IS NOT NULL FROM organizations WHERE id = ?");
  st.bind(1, org);
  return st.step() && st.get_int(0) != 0;
}

std::set<OrgId> retired_organizations(sdk::Database& db) {
  std::set<OrgId> out;
  sdk::Statement st(db, "SELECT id FROM organizations WHERE retired_at IS NOT NULL");
  while (st.step()) out.insert(st.get_int(0));
  return out;
}

}  // namespace wasshoi::host
