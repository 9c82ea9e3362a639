#pragma once
// OrganizationDirectory: the host's organizations and 班 as plugins see them. Implemented by host
// core (not by a plugin) and provided under the host's owner (sdk::kHostServiceOwner) before any
// plugin registers, so every plugin finds it, in the window and on the command line, and it stays
// when a plugin is disabled:
//   auto& orgs = sdk::organizations(ctx);  // ctx.services().get<sdk::OrganizationDirectory>()
//   std::string name = orgs.name(ctx.db(), org);
//   for (const auto& h : orgs.han(ctx.db(), org)) …
// Plugins read the core tables `organizations` and `han` through it, never with their own SQL.
// Their own tables still refer to organizations(id) and han(id) (foreign keys); a list query of a
// plugin's own rows may join `han` or `organizations` only to fetch a name per row (see
// docs/plugin-guide.md, "Organizations and 班").
//
// A core function of a plugin that needs an organization or a 班 takes the directory as a
// parameter (`sdk::OrganizationDirectory& orgs`); the front ends pass sdk::organizations(ctx). A service a
// plugin provides that needs it takes it from Registry::host_service<sdk::OrganizationDirectory>() when it
// registers.
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <wasshoi/sdk/access.hpp>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::sdk {

// What an organization is (the core table's `kind`): 自治会, 地域協働体, NPO, company, the city
// (市 and its 支所, 担当課), a support body (公民館).
enum class OrgKind { Jichikai, Kyodotai, Npo, Company, City, Support };
const char* to_string(OrgKind kind);  // "jichikai", as stored and as the CLI takes it
// nullopt for anything that is not one of the six.
std::optional<OrgKind> parse_org_kind(std::string_view text);

struct OrgRef {
  OrgId id = 0;
  OrgKind kind = OrgKind::Jichikai;
  std::string name;
  std::optional<OrgId> parent;  // a 自治会's 地域協働体, a 支所's city
};

// A 班 (a named unit inside a 自治会).
struct HanRef {
  std::int64_t id = 0;
  OrgId org = 0;  // its 自治会
  std::string name;
  int sort_order = 0;
};

class OrganizationDirectory {
 public:
  static constexpr const char* kServiceId = "core.organizations";
  virtual ~OrganizationDirectory() = default;

  // ---- organizations ----
  virtual std::optional<OrgRef> organization(Database& db, OrgId id) = 0;
  // InputError "no organization with id N".
  OrgRef get(Database& db, OrgId id) {
    if (auto o = organization(db, id)) return *o;
    throw InputError("no organization with id " + std::to_string(id));
  }
  // The name, for titles, footers and messages. An id with no organization (0, or one that is
  // gone) gives missing_name(id), "#12": a list or a document goes on rather than fail. Check with
  // organization() or get() where a missing organization is an error.
  std::string name(Database& db, OrgId id) {
    auto o = organization(db, id);
    return o ? o->name : missing_name(id);
  }
  static std::string missing_name(OrgId id) { return "#" + std::to_string(id); }

  // The organizations whose parent is `id` (a 地域協働体's 自治会, NPO and companies; the city's
  // 支所 and 担当課), by id; only those of `kind` when given.
  virtual std::vector<OrgRef> children(Database& db, OrgId id,
                                       std::optional<OrgKind> kind = std::nullopt) = 0;
  // Every organization of `kind`: those without a parent first (the city before its 支所 and
  // 担当課), then by id.
  virtual std::vector<OrgRef> of_kind(Database& db, OrgKind kind) = 0;
  // Organizations named exactly `name` (as stored, after trimming what is given), of `kind` and
  // under `parent` when given; by id. Several when names repeat (two 自治会 of one name in two
  // 地域協働体).
  virtual std::vector<OrgRef> find(Database& db, std::string_view name,
                                   std::optional<OrgKind> kind = std::nullopt,
                                   std::optional<OrgId> parent = std::nullopt) = 0;
  // The city: the first organization of kind city without a parent; nullopt when there is none.
  virtual std::optional<OrgRef> city(Database& db) = 0;

  // ---- 班 ----
  // The 班 of an organization, in their order (sort_order, then id); none for anything but a 自治会.
  virtual std::vector<HanRef> han(Database& db, OrgId org) = 0;
  // The 班 of `org` named exactly `name` (after trimming what is given).
  virtual std::optional<HanRef> find_han(Database& db, OrgId org, std::string_view name) = 0;
  // One 班 by id, whichever organization it belongs to.
  virtual std::optional<HanRef> han_by_id(Database& db, std::int64_t id) = 0;

  // The one write: the 班 of the 自治会 `org` named `name`, added after its other 班 when it has
  // none of that name (a roster import naming a 班 the 自治会 does not have yet).
  // Why here and not in the plugin: `han` is a core table whose rules — 班 exist only in a 自治会,
  // one name once, a new one sorts last, and only the 自治会's 会長 and 役員 (or a database without
  // accounts) add one (sdk::Act::ManageHan, docs/access.md) — are host core's. Plugins' tables are
  // guarded by TEMP triggers made from their own_table declarations; `han` is written only by host
  // code, which checks the signed-in officer itself, so no plugin writes it with its own SQL.
  // Inside the caller's transaction it is part of the caller's act (audited with it); outside one
  // it is its own audited write ("org.han.add"). InputError for a refused officer, an organization
  // that is not a 自治会, or an empty or over-long name.
  virtual HanRef find_or_add_han(Database& db, OrgId org, std::string_view name) = 0;
};

// The host's directory, as every plugin finds it in the window and on the command line
// (ctx.services().get<OrganizationDirectory>(); an sdk::Error outside a host).
inline OrganizationDirectory& organizations(Context& ctx) {
  return ctx.services().get<OrganizationDirectory>();
}

}  // namespace wasshoi::sdk
