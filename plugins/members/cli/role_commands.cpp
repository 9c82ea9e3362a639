// wasshoi-cli members roles …: who holds which role (役職) in which 年度, and the hand-over.
#include <iostream>
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/cli_support.hpp"
#include "cli/json_shapes.hpp"

namespace wasshoi::members::cli {

namespace {

struct AssignArgs {
  PersonId person = 0;
  std::string role, year, han;
};

void print_roles(std::ostream& out, int fy, const std::vector<RoleAssignment>& roles) {
  out << sdk::format_fiscal_year_ja(fy) << " (" << fy << ")\n";
  for (const auto& a : roles)
    out << "  " << a.role << (a.han_name.empty() ? "" : "（" + a.han_name + "）") << '\t' << a.person_name
        << "  [person " << a.person << "]\n";
}

void run_list(sdk::CliContext& ctx, const std::string& year) {
  OrgId org = ctx.require_org();
  int fy = parse_fiscal_year(year);
  auto roles = roles_in_year(ctx.db(), org, fy);
  ctx.emit(to_json_array(roles), [&](std::ostream& out) { print_roles(out, fy, roles); });
}

void run_assign(sdk::CliContext& ctx, const AssignArgs& a) {
  OrgId org = ctx.require_org();
  int fy = parse_fiscal_year(a.year);
  RoleKind kind = find_role_kind(ctx.db(), org, a.role);
  require_officer(ctx, "assigning a role");
  auto id = assign_role(ctx.db(), org, a.person, kind.id, fy, resolve_optional_han(ctx, org, a.han));
  roster_changed(ctx, "roles");
  for (const auto& r : roles_in_year(ctx.db(), org, fy))
    if (r.id == id)
      ctx.emit(to_json(r),
               [&](std::ostream& out) { out << r.role << ": " << r.person_name << " (" << id << ")\n"; });
}

void run_kinds(sdk::CliContext& ctx) {
  auto kinds = role_kinds(ctx.db(), ctx.require_org());
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& k : kinds)
    arr.push_back({{"id", k.id}, {"name", k.name}, {"per_han", k.per_han}, {"builtin", k.builtin}});
  ctx.emit(arr, [&](std::ostream& out) {
    for (const auto& k : kinds) out << k.id << '\t' << k.name << (k.per_han ? "\t(班ごと)" : "") << '\n';
  });
}

}  // namespace

void add_role_commands(CLI::App& members, sdk::CliContext& ctx) {
  auto* roles =
      members.add_subcommand("roles", "roles (役職) per 年度: list, assign, remove, hand-over, kinds");
  auto list_year = std::make_shared<std::string>();
  roles->add_option("--year", *list_year, "年度 to list (2025, 令和7; default this 年度)");
  roles->callback([&ctx, roles, list_year] {
    if (roles->get_subcommands().empty()) run_list(ctx, *list_year);
  });

  auto a = options<AssignArgs>();
  auto* assign = roles->add_subcommand("assign", "give a person a role for a 年度");
  sdk::add_id(*assign, ctx, "person", a->person, "members_persons", "person id")->required();
  assign->add_option("--role", a->role, "会長, 副会長, 会計, 書記, 監事, 班長, 防災担当 or your own")
      ->required();
  assign->add_option("--year", a->year, "年度 (default this 年度)");
  assign->add_option("--han", a->han, "班 for 班長 (default: the person's 班)");
  assign->callback([&ctx, a] { run_assign(ctx, *a); });

  auto remove_id = std::make_shared<std::int64_t>(0);
  auto remove_reason = std::make_shared<std::string>();
  auto* remove = roles->add_subcommand("remove", "remove a role assigned by mistake, with the reason");
  sdk::add_id(*remove, ctx, "id", *remove_id, "members_roles", "assignment id (see roles --json)")
      ->required();
  remove->add_option("--reason", *remove_reason, "why it is removed")->required();
  remove->callback([&ctx, remove_id, remove_reason] {
    require_officer(ctx, "removing a role");
    remove_role(ctx.db(), *remove_id, *remove_reason);
    roster_changed(ctx, "roles");
    ctx.emit({{"id", *remove_id}, {"removed", true}},
             [&](std::ostream& out) { out << "removed " << *remove_id << '\n'; });
  });

  auto change_id = std::make_shared<std::int64_t>(0), change_person = std::make_shared<std::int64_t>(0);
  auto change_reason = std::make_shared<std::string>();
  auto* change = roles->add_subcommand("change", "give a role assigned by mistake to the right person");
  sdk::add_id(*change, ctx, "id", *change_id, "members_roles", "assignment id (see roles --json)")
      ->required();
  sdk::add_id(*change, ctx, "--person", *change_person, "members_persons", "the person who holds it")
      ->required();
  change->add_option("--reason", *change_reason, "why it is changed")->required();
  change->callback([&ctx, change_id, change_person, change_reason] {
    require_officer(ctx, "changing a role");
    change_role_holder(ctx.db(), ctx.require_org(), *change_id, *change_person, *change_reason);
    roster_changed(ctx, "roles");
    ctx.emit({{"id", *change_id}, {"person_id", *change_person}},
             [&](std::ostream& out) { out << "changed " << *change_id << '\n'; });
  });

  auto from = std::make_shared<std::string>(), to = std::make_shared<std::string>();
  auto* handover =
      roles->add_subcommand("handover", "carry one 年度's roles into the next for those who stay");
  handover->add_option("--from", *from, "the 年度 ending")->required();
  handover->add_option("--to", *to, "the new 年度")->required();
  handover->callback([&ctx, from, to] {
    require_officer(ctx, "handing roles over");
    OrgId org = ctx.require_org();
    int f = sdk::cli::parse_fiscal_year_option("--from", *from),
        t = sdk::cli::parse_fiscal_year_option("--to", *to);
    int n = hand_over(ctx.db(), org, f, t);
    roster_changed(ctx, "roles");
    auto roles_now = roles_in_year(ctx.db(), org, t);
    ctx.emit(to_json_array(roles_now), [&](std::ostream& out) {
      out << n << " roles carried over\n";
      print_roles(out, t, roles_now);
    });
  });

  auto kind_name = std::make_shared<std::string>();
  auto kind_per_han = std::make_shared<bool>(false);
  auto kind_rename = std::make_shared<std::string>(), kind_to = std::make_shared<std::string>(),
       kind_remove = std::make_shared<std::string>();
  auto* kinds = roles->add_subcommand("kinds", "the roles this 自治会 uses; --add a new one");
  kinds->add_option("--add", *kind_name, "add a role (e.g. 子ども会担当)");
  kinds->add_flag("--per-han", *kind_per_han, "the new role is held per 班");
  kinds->add_option("--rename", *kind_rename, "rename one of your own roles (name or id) …");
  kinds->add_option("--to", *kind_to, "… to this name");
  kinds->add_option("--remove", *kind_remove, "remove one of your own roles nobody holds (name or id)");
  kinds->callback([&ctx, kind_name, kind_per_han, kind_rename, kind_to, kind_remove] {
    const OrgId org = ctx.require_org();
    if (!kind_name->empty()) {
      require_officer(ctx, "adding a role");
      add_role_kind(ctx.db(), org, *kind_name, *kind_per_han);
    }
    if (!kind_rename->empty()) {
      require_officer(ctx, "renaming a role");
      rename_role_kind(ctx.db(), org, find_role_kind(ctx.db(), org, *kind_rename).id, *kind_to);
    }
    if (!kind_remove->empty()) {
      require_officer(ctx, "removing a role");
      remove_role_kind(ctx.db(), org, find_role_kind(ctx.db(), org, *kind_remove).id);
    }
    run_kinds(ctx);
  });
}

}  // namespace wasshoi::members::cli
