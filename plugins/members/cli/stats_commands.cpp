// wasshoi-cli members stats: the roster over one 年度 — households at its end by 班, joined and left
// (the figures the 議案書's 会員の状況 prints).
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/cli_support.hpp"
#include "core/report_sections.hpp"

namespace wasshoi::members::cli {

void add_stats_commands(CLI::App& members, sdk::CliContext& ctx) {
  auto year = std::make_shared<std::string>();
  auto* cmd = members.add_subcommand(
      "stats", "households at the 年度's end by 班, persons, households joined and left in the 年度");
  cmd->add_option("--year", *year, "年度 (2025, 令和7; default this 年度)");
  cmd->callback([&ctx, year] {
    const OrgId org = ctx.require_org();
    const int fy = parse_fiscal_year(*year);
    const auto p = sdk::report_period(org, fy);
    const MembershipCounts m = membership(ctx.db(), org, p.from, p.to);
    nlohmann::json han = nlohmann::json::array();
    for (const auto& h : m.by_han)
      han.push_back({{"han", h.han},
                     {"households", h.households},
                     {"members", h.members},
                     {"joined", h.joined},
                     {"left", h.left}});
    ctx.emit({{"year", fy},
              {"from", p.from.iso()},
              {"to", p.to.iso()},
              {"households", m.households},
              {"members", m.members},
              {"joined", m.joined},
              {"left", m.left},
              {"han", han}},
             [&](std::ostream& out) {
               out << sdk::format_fiscal_year_ja(fy) << "\t" << m.households << "世帯\t" << m.members
                   << "人\t入会 " << m.joined << "\t退会 " << m.left << '\n';
               for (const auto& h : m.by_han)
                 out << "  " << (h.han.empty() ? "班なし" : h.han) << '\t' << h.households << "世帯\t"
                     << h.members << "人\t入会 " << h.joined << "\t退会 " << h.left << '\n';
             });
  });
}

}  // namespace wasshoi::members::cli
