#pragma once
// Organizations and the 地域協働 hierarchy: a 自治会 (jichikai) belongs to at most one
// 地域協働体 (kyodotai); 班 are named units inside a 自治会. Each organization enables its own set
// of plugins.
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::host {

using sdk::OrgId;

enum class OrgKind { Jichikai, Kyodotai, Npo, Company, City, Support };
const char* to_string(OrgKind kind);       // "jichikai"
const char* kind_label_key(OrgKind kind);  // catalog key "org.kind.jichikai"
// Unknown text throws InputError listing the valid kinds.
OrgKind parse_kind(std::string_view text);

struct Organization {
  OrgId id = 0;
  OrgKind kind = OrgKind::Jichikai;
  std::string name;
  std::optional<OrgId> parent;
};

struct Han {
  std::int64_t id = 0;
  OrgId org = 0;
  std::string name;
  int sort_order = 0;
};

class Organizations {
 public:
  explicit Organizations(sdk::Database& db) : db_(db) {}

  // Checks the kind/parent rule: a jichikai, npo or company may have a kyodotai as parent; a city
  // body may have a city as parent (支所 under 市); nothing else has a parent.
  OrgId add(OrgKind kind, const std::string& name, std::optional<OrgId> parent = std::nullopt);
  std::vector<Organization> list();
  std::optional<Organization> find(OrgId id);
  Organization get(OrgId id);  // InputError "no organization with id N"
  std::vector<Organization> children(OrgId id);
  void rename(OrgId id, const std::string& name);
  void set_parent(OrgId id, std::optional<OrgId> parent);

  std::int64_t add_han(OrgId org, const std::string& name);
  std::vector<Han> han(OrgId org);

  void enable_plugin(OrgId org, const std::string& plugin_id);
  void disable_plugin(OrgId org, const std::string& plugin_id);
  std::vector<std::string> enabled_plugins(OrgId org);
  bool is_enabled(OrgId org, const std::string& plugin_id);

 private:
  void check_parent(OrgKind kind, std::optional<OrgId> parent);
  sdk::Database& db_;
};

}  // namespace wasshoi::host
