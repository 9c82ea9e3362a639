// wasshoi-cli org …: organizations, the 地域協働 tree, 班 and enabled plugins.
#include <CLI/CLI.hpp>
#include <functional>
#include <nlohmann/json.hpp>
#include <wasshoi/host/setup.hpp>

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

// org rename / move / retire: host::Setup, as the window's 設定 does.
void add_org_setup_commands(CLI::App& org, Session& s) {
  struct Args {
    sdk::OrgId org = 0, under = 0;
    std::string name;
    bool none = false;
  };
  auto a = std::make_shared<Args>();
  auto* rename = org.add_subcommand("rename", "rename an organization");
  rename->add_option("ID", a->org, "organization id")->required();
  rename->add_option("NAME", a->name, "the new name")->required();
  rename->callback([&s, a] {
    host::Setup(s.app()).rename_org(a->org, a->name);
    s.emit(to_json(s.app().orgs().get(a->org)),
           [&](std::ostream& out) { out << "renamed " << a->org << '\n'; });
  });

  auto* move = org.add_subcommand(
      "move", "move an organization under a 地域協働体 (--under ID) or out of it (--none)");
  move->add_option("ID", a->org, "organization id")->required();
  auto* under = move->add_option("--under", a->under, "id of the 地域協働体 it belongs to from now on");
  move->add_flag("--none", a->none, "belongs to no 地域協働体 from now on")->excludes(under);
  move->callback([&s, a] {
    if (!a->under && !a->none) throw sdk::InputError("say where to: --under ID (a 地域協働体) or --none");
    host::Setup(s.app()).move_org(a->org, a->none ? std::nullopt : std::optional<sdk::OrgId>(a->under));
    s.emit(to_json(s.app().orgs().get(a->org)),
           [&](std::ostream& out) { out << "moved " << a->org << '\n'; });
  });

  auto* retire = org.add_subcommand(
      "retire", "retire an organization: its data is kept, read only; it is no longer offered to work in");
  retire->add_option("ID", a->org, "organization id")->required();
  retire->callback([&s, a] {
    host::Setup(s.app()).retire_org(a->org);
    s.emit({{"id", a->org}, {"retired", true}},
           [&](std::ostream& out) { out << "retired " << a->org << '\n'; });
  });
}

// org han rename / merge / move.
void add_han_setup_commands(CLI::App& han, Session& s) {
  struct Args {
    sdk::OrgId org = 0;
    std::int64_t han = 0, into = 0;
    int position = 0;
    std::string name;
  };
  auto a = std::make_shared<Args>();
  auto* rename = han.add_subcommand("rename", "rename a 班");
  rename->add_option("ID", a->org, "自治会 id")->required();
  rename->add_option("HAN", a->han, "班 id (see `org han list`)")->required();
  rename->add_option("NAME", a->name, "the new name")->required();
  rename->callback([&s, a] {
    host::Setup(s.app()).rename_han(a->org, a->han, a->name);
    s.emit({{"id", a->han}, {"org_id", a->org}, {"name", a->name}},
           [&](std::ostream& out) { out << "renamed " << a->han << '\n'; });
  });

  auto* merge = han.add_subcommand(
      "merge",
      "move every household, role, issue and 班長 of a 班 into another, then remove it (cannot be undone)");
  merge->add_option("ID", a->org, "自治会 id")->required();
  merge->add_option("HAN", a->han, "the 班 that goes away")->required();
  merge->add_option("--into", a->into, "the 班 that takes its rows")->required();
  merge->callback([&s, a] {
    auto moved = host::Setup(s.app()).merge_han(a->org, a->han, a->into);
    s.emit({{"id", a->into}, {"merged", a->han}, {"rows_moved", moved}}, [&](std::ostream& out) {
      out << "merged " << a->han << " into " << a->into << ": " << moved << " rows\n";
    });
  });

  auto* move = han.add_subcommand("move", "move a 班 to another place in the order 班 are listed");
  move->add_option("ID", a->org, "自治会 id")->required();
  move->add_option("HAN", a->han, "班 id")->required();
  move->add_option("--position", a->position, "1 for first")->required();
  move->callback([&s, a] {
    host::Setup(s.app()).move_han(a->org, a->han, a->position);
    s.emit({{"id", a->han}, {"position", a->position}},
           [&](std::ostream& out) { out << "moved " << a->han << '\n'; });
  });
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

  org->add_subcommand("list", "list organizations (retired ones marked)")->callback([&s] {
    auto all = s.app().orgs().list();
    const auto retired = host::retired_organizations(s.app().db());
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& o : all) {
      arr.push_back(to_json(o));
      arr.back()["retired"] = retired.count(o.id) > 0;
    }
    s.emit(arr, [&](std::ostream& out) {
      for (const auto& o : all)
        out << o.id << '\t' << host::to_string(o.kind) << '\t' << o.name
            << (o.parent ? "\t(parent " + std::to_string(*o.parent) + ")" : "")
            << (retired.count(o.id) ? "\t(retired)" : "") << '\n';
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

  add_org_setup_commands(*org, s);

  auto* han = org->add_subcommand("han", "班 of a 自治会");
  han->require_subcommand(1);
  auto* han_add =
      han->add_subcommand("add", "add 班 (several at once: 1班〜5班, or 東班 西班 …); prints their ids");
  auto han_names = std::make_shared<std::vector<std::string>>();
  han_add->add_option("ID", *org_id, "自治会 id")->required();
  han_add->add_option("NAME", *han_names, "e.g. 3班, or 1班〜5班")->required();
  han_add->callback([&s, org_id, han_names] {
    s.app().enter(*org_id, "");
    std::vector<std::string> names;
    for (const auto& n : *han_names)
      for (auto& e : host::expand_han_names(n)) names.push_back(std::move(e));
    auto ids = host::Setup(s.app()).add_han(*org_id, names);
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < ids.size(); ++i)
      out.push_back({{"id", ids[i]}, {"org_id", *org_id}, {"name", names[i]}});
    s.emit(ids.size() == 1 ? out[0] : out, [&](std::ostream& o) {
      for (auto id : ids) o << id << '\n';
    });
  });
  add_han_setup_commands(*han, s);
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
