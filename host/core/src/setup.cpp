#include <algorithm>
#include <regex>
#include <wasshoi/host/access_rules.hpp>
#include <wasshoi/host/setup.hpp>
#include <wasshoi/sdk/dialect.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::host {

namespace {

std::string checked_name(const std::string& name, const char* what) {
  std::string n = sdk::trim(name);
  // Full-width spaces around a name typed with a Japanese IME.
  while (n.starts_with("\u3000")) n = sdk::trim(n.substr(3));
  while (n.ends_with("\u3000")) n = sdk::trim(n.substr(0, n.size() - 3));
  if (n.empty()) throw sdk::InputError(std::string(what) + " must not be empty");
  sdk::check_text(sdk::TextKind::Name, what, n);
  return n;
}

std::string sql_quoted(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

// Full-width digits as ASCII: "１班〜５班" reads like "1班〜5班".
std::string ascii_digits(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBC) {
      const auto c = static_cast<unsigned char>(text[i + 2]);
      if (c >= 0x90 && c <= 0x99) {
        out += static_cast<char>('0' + (c - 0x90));
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace

std::vector<std::string> expand_han_names(std::string_view text) {
  // Separators: line breaks, 、 , ，
  std::string t(text);
  for (const char* sep : {"、", "，", "\r"})
    for (auto at = t.find(sep); at != std::string::npos; at = t.find(sep))
      t.replace(at, std::strlen(sep), "\n");
  std::replace(t.begin(), t.end(), ',', '\n');
  static const std::regex range(R"(^([0-9]+)\s*(?:班)?\s*(?:〜|～|~|-|－|ー)\s*([0-9]+)\s*班$)");
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= t.size()) {
    std::size_t end = t.find('\n', start);
    if (end == std::string::npos) end = t.size();
    std::string part = sdk::trim(t.substr(start, end - start));
    while (part.starts_with("\u3000")) part = sdk::trim(part.substr(3));
    while (part.ends_with("\u3000")) part = sdk::trim(part.substr(0, part.size() - 3));
    start = end + 1;
    if (part.empty()) continue;
    std::smatch m;
    const std::string digits = ascii_digits(part);
    if (std::regex_match(digits, m, range)) {
      const long from = std::stol(m[1].str()), to = std::stol(m[2].str());
      if (to < from || to - from >= 99)
        throw sdk::InputError("「" + part +
                              "」: a range of 班 goes from a smaller number to a larger one, at most 99 班");
      for (long n = from; n <= to; ++n) out.push_back(std::to_string(n) + "班");
    } else {
      out.push_back(part);
    }
  }
  return out;
}

std::vector<HanColumn> han_columns(sdk::Database& db) {
  // The generic answer to "which plugin rows belong to a 班": the schema's own foreign keys. A
  // plugin table that refers to han(id) is found without host core knowing it.
  // On PostgreSQL the same from its catalog: single-column foreign keys to the han table the
  // search path finds.
  sdk::Statement st(
      db, db.engine() == sdk::Engine::PostgreSQL
              ? "SELECT c.relname::text, a.attname::text FROM pg_constraint k "
                "JOIN pg_class c ON c.oid = k.conrelid "
                "JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1] "
                "WHERE k.contype = 'f' AND cardinality(k.conkey) = 1 AND k.confrelid = 'han'::regclass "
                "ORDER BY 1, 2"
              : "SELECT m.name, f.\"from\" FROM sqlite_schema AS m, pragma_foreign_key_list(m.name) AS f "
                "WHERE m.type = 'table' AND lower(f.\"table\") = 'han' AND coalesce(f.\"to\", 'id') = 'id' "
                "ORDER BY m.name, f.\"from\"");
  std::vector<HanColumn> out;
  while (st.step()) out.push_back({st.get_text(0), st.get_text(1)});
  return out;
}

// ---- Setup -------------------------------------------------------------------------------------

Organization Setup::active(OrgId org) {
  Organization o = app_.orgs().get(org);
  if (is_retired(app_.db(), org))
    throw sdk::InputError(o.name + " is retired (退会): its data is kept, read only");
  return o;
}

Han Setup::han_of(OrgId org, std::int64_t han) {
  for (const auto& h : app_.orgs().han(org))
    if (h.id == han) return h;
  throw sdk::InputError("no 班 with id " + std::to_string(han) + " in " + app_.orgs().get(org).name);
}

OrgId Setup::first_start(const std::string& name, const std::vector<std::string>& han) {
  sdk::Database& db = app_.db();
  {
    Organizations orgs(db);
    host::require(app_.access(), orgs, sdk::Act::AddOrganization, 0);
  }
  std::vector<std::string> names;
  for (const auto& h : han) {
    std::string n = checked_name(h, "the 班 name");
    if (std::find(names.begin(), names.end(), n) != names.end())
      throw sdk::InputError("the 班 " + n + " is named twice");
    names.push_back(n);
  }
  const std::string n = checked_name(name, "the 自治会's name");
  sdk::Transaction tx(db, "setup.first_start", n + " with " + std::to_string(names.size()) + " 班");
  const OrgId org = app_.add_organization(OrgKind::Jichikai, n, std::nullopt);
  Organizations orgs(db);
  for (const auto& h : names) orgs.add_han(org, h);
  tx.commit();
  return org;
}

void Setup::rename_org(OrgId org, const std::string& name) {
  app_.require(sdk::Act::ManageOrganization, org);
  active(org);
  app_.orgs().rename(org, checked_name(name, "the organization name"));
}

void Setup::move_org(OrgId org, std::optional<OrgId> parent) {
  app_.require(sdk::Act::ManageOrganization, org);
  active(org);
  if (parent) active(*parent);
  app_.orgs().set_parent(org, parent);  // the kind rules; one transaction
}

void Setup::retire_org(OrgId org) {
  app_.require(sdk::Act::ManageOrganization, org);
  Organization o = active(org);
  std::vector<std::string> children;
  for (const auto& c : app_.orgs().children(org))
    if (!is_retired(app_.db(), c.id)) children.push_back(c.name);
  if (!children.empty()) {
    std::string list;
    for (const auto& c : children) list += (list.empty() ? "" : ", ") + c;
    throw sdk::InputError(o.name + " still has organizations under it (" + list + "): move them out first");
  }
  sdk::Transaction tx(app_.db(), "org.retire", o.name);
  sdk::Statement st(app_.db(), "UPDATE organizations SET retired_at = ? WHERE id = ?");
  st.bind_all(sdk::utc_timestamp(), org).run();
  tx.commit();
}

void Setup::disable_plugin(OrgId org, const std::string& plugin) {
  app_.require(sdk::Act::ManageOrganization, org);
  active(org);
  app_.orgs().disable_plugin(org, plugin);
}

std::vector<std::int64_t> Setup::add_han(OrgId org, const std::vector<std::string>& names) {
  app_.require(sdk::Act::ManageHan, org);
  Organization o = active(org);
  if (names.empty()) throw sdk::InputError("no 班 name given");
  sdk::Transaction tx(app_.db(), "org.han.add", o.name + ": " + std::to_string(names.size()) + " 班");
  Organizations orgs(app_.db());
  std::vector<std::int64_t> ids;
  for (const auto& n : names) ids.push_back(orgs.add_han(org, n));
  tx.commit();
  return ids;
}

void Setup::rename_han(OrgId org, std::int64_t han, const std::string& name) {
  app_.require(sdk::Act::ManageHan, org);
  Organization o = active(org);
  Han h = han_of(org, han);
  const std::string n = checked_name(name, "the 班 name");
  if (n == h.name) return;
  for (const auto& other : app_.orgs().han(org))
    if (other.name == n) throw sdk::InputError(o.name + " already has a 班 named " + n);
  sdk::Transaction tx(app_.db(), "org.han.rename", o.name + " " + h.name + " → " + n);
  sdk::Statement st(app_.db(), "UPDATE han SET name = ? WHERE id = ?");
  st.bind_all(n, han).run();
  tx.commit();
}

std::int64_t Setup::han_rows(std::int64_t han) {
  std::int64_t rows = 0;
  for (const auto& c : han_columns(app_.db()))
    rows += sdk::query_int(app_.db(), "SELECT count(*) FROM " + sql_quoted(c.table) + " WHERE " +
                                          sql_quoted(c.column) + " = " + std::to_string(han))
                .value_or(0);
  return rows;
}

std::int64_t Setup::merge_han(OrgId org, std::int64_t from, std::int64_t into) {
  app_.require(sdk::Act::ManageHan, org);
  Organization o = active(org);
  const Han f = han_of(org, from), t = han_of(org, into);
  if (from == into) throw sdk::InputError("a 班 cannot be merged into itself");
  sdk::Database& db = app_.db();
  sdk::Transaction tx(db, "org.han.merge", o.name + " " + f.name + " → " + t.name);
  std::int64_t moved = 0;
  // Each row goes through the row guard's triggers like any other write of the officer.
  for (const auto& c : han_columns(db)) {
    sdk::Statement st(db, "UPDATE " + sql_quoted(c.table) + " SET " + sql_quoted(c.column) + " = ? WHERE " +
                              sql_quoted(c.column) + " = ?");
    moved += st.bind_all(into, from).run();
  }
  sdk::Statement del(db, "DELETE FROM han WHERE id = ?");
  del.bind(1, from).run();
  tx.set_detail(o.name + " " + f.name + " → " + t.name + ", " + std::to_string(moved) + " rows moved");
  tx.commit();
  return moved;
}

void Setup::move_han(OrgId org, std::int64_t han, int position) {
  app_.require(sdk::Act::ManageHan, org);
  Organization o = active(org);
  const Han h = han_of(org, han);
  std::vector<Han> list = app_.orgs().han(org);
  std::erase_if(list, [&](const Han& x) { return x.id == han; });
  const auto at = static_cast<std::size_t>(std::clamp(position, 1, static_cast<int>(list.size()) + 1) - 1);
  list.insert(list.begin() + static_cast<std::ptrdiff_t>(at), h);
  sdk::Transaction tx(app_.db(), "org.han.move", o.name + " " + h.name + " → " + std::to_string(at + 1));
  sdk::Statement st(app_.db(), "UPDATE han SET sort_order = ? WHERE id = ?");
  for (std::size_t i = 0; i < list.size(); ++i) {
    st.bind_all(static_cast<std::int64_t>(i + 1), list[i].id).run();
    st.reset();
  }
  tx.commit();
}

void Setup::change_account(const std::string& login, const AccountChange& change) {
  Accounts(app_.db()).change(app_.access(), login, change);
}

void Setup::reset_passphrase(const std::string& login, const std::string& passphrase) {
  Accounts(app_.db()).reset_passphrase(app_.access(), login, passphrase);
}

void Setup::retire_account(const std::string& login) {
  Accounts(app_.db()).retire(app_.access(), login);
}

std::vector<Account> Setup::accounts_of(OrgId org) {
  Organizations orgs(app_.db());
  if (!may(app_.access(), orgs, sdk::Act::ManageAccounts, org)) return {};
  std::vector<Account> out;
  for (auto& a : Accounts(app_.db()).list())
    if (a.org == org) out.push_back(std::move(a));
  std::stable_sort(out.begin(), out.end(), [](const Account& a, const Account& b) {
    return std::pair(a.retired, static_cast<int>(a.role)) < std::pair(b.retired, static_cast<int>(b.role));
  });
  return out;
}

}  // namespace wasshoi::host
