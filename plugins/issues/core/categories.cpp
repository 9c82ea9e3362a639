#include "core/categories.hpp"

#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

namespace wasshoi::issues {

namespace {
constexpr const char* kSelect =
    "SELECT name, min(sort_order), max(service_code), max(service_name) FROM issues_categories "
    "WHERE org_id IS NULL OR org_id = ?1 OR org_id = ?2 "
    "GROUP BY name ORDER BY min(sort_order), name";
}  // namespace

std::vector<Category> categories(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org) {
  sdk::Statement st(db, kSelect);
  auto o = orgs.organization(db, org);
  st.bind(1, org).bind(2, o ? o->parent : std::nullopt);  // a 自治会's 地域協働体 shares its own
  std::vector<Category> out;
  while (st.step())
    out.push_back({st.get_text(0), static_cast<int>(st.get_int(1)), st.get_text(2), st.get_text(3)});
  return out;
}

std::optional<Category> find_category(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                      std::string_view name) {
  std::string wanted = sdk::trim(name);
  for (auto& c : categories(db, orgs, org))
    if (c.name == wanted) return c;
  return std::nullopt;
}

std::string check_category(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                           std::string_view name) {
  if (auto c = find_category(db, orgs, org, name)) return c->name;
  std::string valid;
  for (const auto& c : categories(db, orgs, org)) valid += (valid.empty() ? "" : ", ") + c.name;
  throw sdk::InputError("category '" + std::string(name) + "' is not one of: " + valid);
}

void add_category(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, const Category& c) {
  std::string name = sdk::trim(c.name);
  sdk::Transaction tx(db, "issues.category", c.name);  // the check for a duplicate reads inside it
  if (name.empty()) throw sdk::InputError("a category needs a name");
  sdk::check_text(sdk::TextKind::Name, "category", name);
  if (find_category(db, orgs, org, name)) throw sdk::InputError("category '" + name + "' exists already");
  sdk::Statement(
      db,
      "INSERT INTO issues_categories(org_id, name, sort_order, service_code, service_name) VALUES(?,?,?,?,?)")
      .bind_all(org, name, c.sort_order ? c.sort_order : 500,
                c.service_code.empty() ? std::string("other") : c.service_code,
                c.service_name.empty() ? name : c.service_name)
      .run();
  tx.commit();
}

}  // namespace wasshoi::issues
