#pragma once
// How organizations and plugins are named and ordered on screen.
#include <algorithm>
#include <string>
#include <vector>
#include <wasshoi/host/organizations.hpp>
#include <wasshoi/host/plugin_manager.hpp>
#include <wasshoi/sdk/i18n.hpp>

namespace wasshoi::gui {

struct OrgRow {
  const host::Organization* org;
  int depth;  // 0 top level, 1 child
};

// Organizations in the order the 地域協働 hierarchy reads: each top-level organization followed
// by its children (自治会 under their 地域協働体, 支所 under the city).
inline std::vector<OrgRow> org_tree(const std::vector<host::Organization>& orgs) {
  auto known = [&](sdk::OrgId id) {
    return std::any_of(orgs.begin(), orgs.end(), [&](const auto& o) { return o.id == id; });
  };
  std::vector<OrgRow> rows;
  for (const auto& top : orgs) {
    if (top.parent && known(*top.parent)) continue;
    rows.push_back({&top, 0});
    for (const auto& child : orgs)
      if (child.parent && *child.parent == top.id) rows.push_back({&child, 1});
  }
  return rows;
}

// "わっしょい第一自治会（自治会）"
inline std::string org_label(const host::Organization& org) {
  return org.name + sdk::tr("gui.paren.open") + sdk::tr(host::kind_label_key(org.kind)) +
         sdk::tr("gui.paren.close");
}

// The plugin's name in the current language ("会員名簿" / "Members"), else its id.
inline std::string plugin_name(const host::PluginRecord& r) {
  const bool ja = sdk::strings().language() == "ja";
  std::string name = (ja || r.info.name_en.empty()) ? r.info.name_ja : r.info.name_en;
  return name.empty() ? r.id : name;
}

}  // namespace wasshoi::gui
