#pragma once
// Organizations and the 地域協働 hierarchy: a 自治会 (jichikai) belongs to at most one
// 地域協働体 (kyodotai); 班 are named units inside a 自治会. Each organization enables its own set
// of plugins.
#include <optional>
#include <set>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

namespace wasshoi::host {

using sdk::OrgId;

// The kinds and the rows are the SDK's (sdk/organization_directory.hpp): plugins see them through
// sdk::OrganizationDirectory, which host core implements over this class.
using sdk::OrgKind;
using sdk::to_string;                      // "jichikai"
const char* kind_label_key(OrgKind kind);  // catalog key "org.kind.jichikai"
// Unknown text throws InputError listing the valid kinds.
OrgKind parse_kind(std::string_view text);

using Organization = sdk::OrgRef;
using Han = sdk::HanRef;

// A retired organization (`org retire`) keeps its data, read only, and is no longer offered.
bool is_retired(sdk::Database& db, OrgId org);
std::set<OrgId> retired_organizations(sdk::Database& db);

class Organizations {
 public:
  explicit Organizations(sdk::Database& db) : db_(db) {}

  // Checks the kind/parent rule: a jichikai, npo or company may have a kyodotai as parent; a city
  // body may have a city as parent (支所 under 市); nothing else has a parent.
  OrgId add(OrgKind kind, const std::string& name, std::optional<OrgId> parent = std::nullopt);
  std::vector<Organization> list();
  std::optional<Organization> find(OrgId id);
  Organization get(OrgId id);  // InputError "no organization with id N"
  // Children of `id` by id; only those of `kind` when given.
  std::vector<Organization> children(OrgId id, std::optional<OrgKind> kind = std::nullopt);
  // Every organization of `kind`, those without a parent first, then by id.
  std::vector<Organization> of_kind(OrgKind kind);
  // Organizations named exactly `name` (trimmed), of `kind` and under `parent` when given; by id.
  std::vector<Organization> find_by_name(std::string_view name, std::optional<OrgKind> kind,
                                         std::optional<OrgId> parent);
  void rename(OrgId id, const std::string& name);
  void set_parent(OrgId id, std::optional<OrgId> parent);

  // A new 班 of the 自治会 `org`, as its own audited transaction. InputError for an organization
  // that is not a 自治会, an empty or over-long name, or a name the 自治会 has already.
  std::int64_t add_han(OrgId org, const std::string& name);
  std::vector<Han> han(OrgId org);
  std::optional<Han> find_han(OrgId org, std::string_view name);  // exact name, after trimming
  std::optional<Han> han_by_id(std::int64_t id);
  // The 班 named `name`, added (as add_han checks it) when the 自治会 has none of that name. Inside
  // a transaction it joins it (the caller's act is audited); outside one it is add_han. The caller
  // checks who may add one (OrganizationDirectory does).
  Han find_or_add_han(OrgId org, std::string_view name);

  void enable_plugin(OrgId org, const std::string& plugin_id);
  void disable_plugin(OrgId org, const std::string& plugin_id);
  std::vector<std::string> enabled_plugins(OrgId org);
  bool is_enabled(OrgId org, const std::string& plugin_id);

 private:
  void check_parent(OrgKind kind, std::optional<OrgId> parent);
  // The checked name of a new 班 of `org` (the 自治会 read for messages).
  std::string checked_new_han(const Organization& o, const std::string& name);
  std::int64_t insert_han(OrgId org, const std::string& name);
  sdk::Database& db_;
};

}  // namespace wasshoi::host
