// wasshoi-cli kairanban add TITLE [--han 3班] and wasshoi-cli kairanban list: options in,
// core/ called, the answer out (text, or one JSON document with --json). No rule here.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/text.hpp>

#include "cli/cli.hpp"
#include "core/circulars.hpp"

namespace wasshoi::kairanban {

namespace {

void add_add(CLI::App& kairanban, sdk::CliContext& ctx) {
  struct Options {  // the callback runs after parsing: it keeps the options alive
    std::string title, han;
  };
  auto o = std::make_shared<Options>();
  auto* cmd = kairanban.add_subcommand("add", "start a circular");
  cmd->add_option("TITLE", o->title, "what it announces")->required();
  cmd->add_option("--han", o->han, "only this 班 (3班); the whole 自治会 without it");
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();  // --org, or the only 自治会; signs the officer in
    const auto id = add_circular(ctx.db(), sdk::organizations(ctx), org, o->title, o->han);
    // A service of another plugin, when it is there: one copy per member household.
    nlohmann::json copies;
    if (auto members = ctx.services().find<sdk::MemberDirectory>())
      copies = members->member_household_count(ctx.db(), org, sdk::today());
    ctx.emit({{"id", id}, {"title", o->title}, {"copies", copies}}, [&](std::ostream& out) {
      out << "回覧 " << id << ": " << o->title;
      if (copies.is_number()) out << " (" << copies.get<int>() << " 部)";
      out << "\n";
    });
  });
}

void add_list(CLI::App& kairanban, sdk::CliContext& ctx) {
  auto* cmd = kairanban.add_subcommand("list", "the circulars, newest first");
  cmd->callback([&ctx] {
    const sdk::OrgId org = ctx.require_org();
    const auto circulars =
        list_circulars(ctx.db(), sdk::organizations(ctx), org, ctx.access().han_scope(org));
    nlohmann::json rows = nlohmann::json::array();
    for (const auto& c : circulars) rows.push_back({{"id", c.id}, {"title", c.title}, {"han", c.han}});
    ctx.emit(rows, [&](std::ostream& out) {
      for (const auto& c : circulars)
        out << c.id << "\t" << (c.han.empty() ? "全体" : c.han) << "\t" << c.title << "\n";
    });
  });
}

}  // namespace

void register_cli(sdk::Registry& registry) {
  registry.add_cli_command(
      {"kairanban", "回覧板: circulars passed 班 by 班", [](CLI::App& cmd, sdk::CliContext& ctx) {
         cmd.require_subcommand(1);
         add_add(cmd, ctx);
         add_list(cmd, ctx);
       }});
}

}  // namespace wasshoi::kairanban
