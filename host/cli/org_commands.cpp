// wasshoi-cli org …: organizations, the 地域協働 tree, 班 and enabled plugins.
#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>

#include "commands.hpp"

namespace wasshoi::cli {

namespace {

nlohmann::json to_json(const host::Organization& o) {
  return {{"id", o.id},
          {"kind", host::to_string(o.kind)},
          {"name", o.name},
          {"parent_id", o.parent ? nlohmann::json(*o.parent) : nlohmann::json(nullptr)}};
}

void print_tree(std::ostream& out, const std::vector<host::Organization>& all,
                std::optional<sdk::OrgId> parent, const std::string& indent) {
  std::vector<const host::Organization*> level;
  for (const auto& o : all)
    if (o.parent == parent) level.push_back(&o);
  for (std::size_t i = 0; i < level.size(); ++i) {
    bool last = i + 1 == level.size();
    const auto& o = *level[i];
    out << indent << (parent ? (last ? "└─ " : "├─ ") : "") << o.name << "  [" << host::to_string(o.kind)
        << " #" << o.id << "]\n";
    print_tree(out, all, o.id, indent + (parent ? (last ? "   " : "│  ") : ""));
  }
}

nlohmann::json tree_json(const std::vector<host::Organization>& all, std::optional<sdk::OrgId> parent) {
  nlohmann::json level = nlohmann::json::array();
  for (const auto& o : all) {
    if (o.parent != parent) continue;
    nlohmann::json node = to_json(o);
    node["children"] = tree_json(all, o.id);
    level.push_back(std::move(node));
  }
  return level;
}

}  // namespace

void add_org_commands(CLI::App& root, Session& s) {
  auto* org = root.add_subcommand("org", "organizations (自治会, 地域協働体 …), their 班 and plugins");
  org->require_subcommand(1);

  auto* add = org->add_subcommand("add", "add an organization; prints its id");
  auto kind = std::make_shared<std::string>();
  auto name = std::make_shared<std::string>();
  auto parent = std::make_shared<sdk::OrgId>(0);
  add->add_option("--kind", *kind, "jichikai, kyodotai, npo, company, city or support")->required();
  add->add_option("--name", *name, "its name, e.g. 山目第一自治会")->required();
  add->add_option("--parent", *parent, "id of the 地域協働体 it belongs to");
  add->callback([&s, kind, name, parent] {
    host::OrgKind k = host::parse_kind(*kind);
    sdk::OrgId id =
        s.app().add_organization(k, *name, *parent ? std::optional<sdk::OrgId>(*parent) : std::nullopt);
    auto orgs = s.app().orgs();
    s.emit(to_json(orgs.get(id)), [&](std::ostream& out) { out << id << '\n'; });
  });

  org->add_subcommand("list", "list organizations")->callback([&s] {
    auto all = s.app().orgs().list();
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& o : all) arr.push_back(to_json(o));
    s.emit(arr, [&](std::ostream& out) {
      for (const auto& o : all)
        out << o.id << '\t' << host::to_string(o.kind) << '\t' << o.name
            << (o.parent ? "\t(parent " + std::to_string(*o.parent) + ")" : "") << '\n';
    });
  });

  org->add_subcommand("tree", "show the 地域協働 hierarchy")->callback([&s] {
    auto all = s.app().orgs().list();
    s.emit(tree_json(all, std::nullopt), [&](std::ostream& out) { print_tree(out, all, std::nullopt, ""); });
  });

  auto* enable = org->add_subcommand("enable", "enable a plugin (and those it requires) for an organization");
  auto org_id = std::make_shared<sdk::OrgId>(0);
  auto plugin = std::make_shared<std::string>();
  enable->add_option("ID", *org_id, "organization id")->required();
  enable->add_option("PLUGIN", *plugin, "plugin id, e.g. members")->required();
  enable->callback([&s, org_id, plugin] {
    s.app().enter(*org_id, "");
    auto ids = s.app().enable_plugin(*org_id, *plugin);
    s.emit({{"id", *org_id}, {"enabled", ids}}, [&](std::ostream& out) {
      for (const auto& id : ids) out << "enabled " << id << '\n';
    });
  });

  auto* disable = org->add_subcommand("disable", "disable a plugin for an organization (its data stays)");
  disable->add_option("ID", *org_id, "organization id")->required();
  disable->add_option("PLUGIN", *plugin, "plugin id")->required();
  disable->callback([&s, org_id, plugin] {
    s.app().enter(*org_id, "");
    s.app().require(sdk::Act::ManageOrganization, *org_id);
    s.app().orgs().disable_plugin(*org_id, *plugin);
    s.emit({{"id", *org_id}, {"disabled", *plugin}},
           [&](std::ostream& out) { out << "disabled " << *plugin << '\n'; });
  });

  auto* han = org->add_subcommand("han", "班 of a 自治会");
  han->require_subcommand(1);
  auto* han_add = han->add_subcommand("add", "add a 班");
  auto han_name = std::make_shared<std::string>();
  han_add->add_option("ID", *org_id, "自治会 id")->required();
  han_add->add_option("NAME", *han_name, "e.g. 3班")->required();
  han_add->callback([&s, org_id, han_name] {
    s.app().enter(*org_id, "");
    s.app().require(sdk::Act::ManageHan, *org_id);
    auto id = s.app().orgs().add_han(*org_id, *han_name);
    s.emit({{"id", id}, {"org_id", *org_id}, {"name", *han_name}},
           [&](std::ostream& out) { out << id << '\n'; });
  });
  auto* han_list = han->add_subcommand("list", "list the 班 of a 自治会");
  han_list->add_option("ID", *org_id, "自治会 id")->required();
  han_list->callback([&s, org_id] {
    auto orgs = s.app().orgs();
    orgs.get(*org_id);
    auto list = orgs.han(*org_id);
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& h : list) arr.push_back({{"id", h.id}, {"org_id", h.org}, {"name", h.name}});
    s.emit(arr, [&](std::ostream& out) {
      for (const auto& h : list) out << h.id << '\t' << h.name << '\n';
    });
  });
}

}  // namespace wasshoi::cli
