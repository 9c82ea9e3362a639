// list, show, export, summary, ledger, dashboard: reading and printing.
#include <CLI/CLI.hpp>
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/cli.hpp"
#include "cli/cli_support.hpp"
#include "core/dashboard.hpp"
#include "core/documents.hpp"
#include "core/proposals.hpp"
#include "core/report_sections.hpp"

namespace wasshoi::proposals::cli {

namespace {

void add_list(CLI::App& parent, sdk::CliContext& ctx) {
  struct Opts {
    int year = 0;
    int submitted_in = 0;
    std::string state;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = parent.add_subcommand("list", "proposals (a 地域協働体 sees its 自治会' proposals too)");
  sdk::cli::add_number_option(*cmd, "--year", o->year, kYearRange,
                              "年度 (西暦): raised in or carried into it");
  sdk::cli::add_number_option(*cmd, "--submitted-in", o->submitted_in, kYearRange,
                              "年度 (西暦): submitted to the city in it (as the 議案書 counts them)");
  cmd->add_option("--state", o->state, "draft, approved, submitted, answered, continuing, closed");
  cmd->callback([&ctx, o] {
    std::optional<State> only;
    if (!o->state.empty()) only = parse_state(o->state);
    const OrgId org = ctx.require_org();
    std::vector<ProposalSummary> list, all;
    if (o->submitted_in) {
      const auto p = sdk::report_period(org, o->submitted_in);
      for (auto& s : submitted_between(ctx.db(), sdk::organizations(ctx), org, p.from, p.to))
        if (!o->year || s.fiscal_year == o->year) all.push_back(std::move(s));
    } else {
      all = list_proposals(ctx.db(), sdk::organizations(ctx), org, o->year);
    }
    for (auto& s : all)
      if (!only || s.state == *only) list.push_back(std::move(s));
    nlohmann::json j = nlohmann::json::array();
    for (const auto& s : list) j.push_back(summary_json(s));
    ctx.emit(j, [&](std::ostream& out) {
      for (const auto& s : list) print_summary_line(out, s);
      if (list.empty()) out << "no proposals\n";
    });
  });
}

void add_show(CLI::App& parent, sdk::CliContext& ctx) {
  auto id = std::make_shared<std::int64_t>(0);
  auto* cmd = parent.add_subcommand("show", "one proposal with its sections, answer and progress");
  sdk::add_id(*cmd, ctx, "ID", *id, "proposals_proposals", "proposal id")->required();
  cmd->callback([&ctx, id] {
    Proposal p = get_proposal(ctx.db(), sdk::organizations(ctx), *id);
    ctx.emit(proposal_json(p), [&](std::ostream& out) { print_proposal(out, p); });
  });
}

void add_export(CLI::App& parent, sdk::CliContext& ctx) {
  auto o = std::make_shared<std::pair<std::int64_t, std::string>>();
  auto* cmd = parent.add_subcommand("export", "the 要望書 as A4 PDF (or Markdown with .md)");
  sdk::add_id(*cmd, ctx, "ID", o->first, "proposals_proposals", "proposal id")->required();
  cmd->add_option("--out", o->second, "F.pdf or F.md")->required();
  cmd->callback([&ctx, o] {
    auto r = export_request(ctx.db(), sdk::organizations(ctx), o->first,
                            ctx.services().find<sdk::MemberDirectory>().get(), o->second);
    if (!r.signer.no_chair.empty()) ctx.notify(r.signer.no_chair);
    nlohmann::json chair =
        r.signer.chair_name.empty() ? nlohmann::json() : nlohmann::json(r.signer.chair_name);
    ctx.emit({{"id", o->first}, {"out", o->second}, {"pages", r.pages}, {"chair", chair}},
             [&](std::ostream& out) { out << "wrote " << o->second << " (" << r.pages << " pages)\n"; });
  });
}

void add_yearly(CLI::App& parent, sdk::CliContext& ctx, const char* name, const char* help, bool csv) {
  auto o = std::make_shared<std::pair<int, std::string>>(0, "");
  auto* cmd = parent.add_subcommand(name, help);
  sdk::cli::add_number_option(*cmd, "--year", o->first, kYearRange, "年度 (西暦, e.g. 2026 = 令和8年度)")
      ->required();
  cmd->add_option("--out", o->second, csv ? "F.pdf or F.csv" : "F.pdf")->required();
  cmd->callback([&ctx, o, csv] {
    OrgId org = ctx.require_org();
    export_yearly(ctx.db(), sdk::organizations(ctx), csv ? YearlyReport::Summary : YearlyReport::Ledger, org,
                  o->first, o->second);
    ctx.emit({{"org", org}, {"year", o->first}, {"out", o->second}},
             [&](std::ostream& out) { out << "wrote " << o->second << "\n"; });
  });
}

void add_dashboard(CLI::App& parent, sdk::CliContext& ctx) {
  auto* cmd =
      parent.add_subcommand("dashboard", "proposals by 年度 and state, days to answer, share answered");
  cmd->callback([&ctx] {
    Dashboard d = dashboard(ctx.db(), sdk::organizations(ctx), ctx.require_org());
    nlohmann::json j = {
        {"submitted", d.submitted}, {"answered", d.answered}, {"share_answered", d.share_answered}};
    j["mean_days_to_answer"] =
        d.mean_days_to_answer ? nlohmann::json(*d.mean_days_to_answer) : nlohmann::json();
    for (const auto& [fy, states] : d.by_year)
      for (const auto& [s, n] : states) j["by_year"][std::to_string(fy)][to_string(s)] = n;
    j["continuing"] = nlohmann::json::array();
    for (const auto& s : d.continuing) j["continuing"].push_back(summary_json(s));
    ctx.emit(j, [&](std::ostream& out) {
      for (const auto& [fy, states] : d.by_year) {
        out << sdk::format_fiscal_year_ja(fy);
        for (const auto& [s, n] : states) out << "　" << label(s) << " " << n;
        out << "\n";
      }
      out << "回答済 " << d.answered << " / 提出 " << d.submitted << "\n";
      if (d.mean_days_to_answer)
        out << "回答までの日数（平均） " << static_cast<int>(*d.mean_days_to_answer + 0.5) << "日\n";
      for (const auto& s : d.continuing) out << "継続: " << s.title << "\n";
    });
  });
}

}  // namespace

void add_report_commands(CLI::App& proposals, sdk::CliContext& ctx) {
  add_list(proposals, ctx);
  add_show(proposals, ctx);
  add_export(proposals, ctx);
  add_yearly(proposals, ctx, "summary", "the 総括表 of a 年度 (PDF or CSV)", true);
  add_yearly(proposals, ctx, "ledger", "the 処理簿 (tracking ledger) of a 年度", false);
  add_dashboard(proposals, ctx);
}

}  // namespace wasshoi::proposals::cli
