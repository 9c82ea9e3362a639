// `wasshoi-cli evaluation add | partner | goal | achieved | link | list | show | rate | compare |
// improvements`: 協働事業 and the partners' 自主評価.
#include <CLI/CLI.hpp>
#include <charconv>
#include <nlohmann/json.hpp>
#include <ostream>
#include <wasshoi/sdk/cli_options.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>
#include <wasshoi/sdk/meeting_directory.hpp>

#include "cli/cli.hpp"
#include "cli/project_json.hpp"
#include "core/projects.hpp"

namespace wasshoi::evaluation::cli {

using nlohmann::json;
namespace opt = sdk::cli;

sdk::OrgId parse_org(sdk::Database& db, sdk::OrganizationDirectory& orgs, const std::string& option,
                     const std::string& text) {
  const std::string t = sdk::trim(text);
  sdk::OrgId id = 0;
  auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), id);
  if (ec == std::errc() && end == t.data() + t.size()) {
    if (!orgs.organization(db, id)) throw sdk::InputError(option + ": no organization with id " + t);
    return id;
  }
  auto found = orgs.find(db, t);
  if (found.empty())
    throw sdk::InputError(option + ": no organization named '" + sdk::displayable_text(t) +
                          "' (see `wasshoi-cli org list`)");
  if (found.size() > 1)
    throw sdk::InputError(option + ": several organizations are named '" + t + "'; give the id instead");
  return found.front().id;
}

void print_project(std::ostream& out, const Project& p) {
  out << "協働事業 " << p.id << ": " << p.title << "\n";
  out << "  協働の形態: " << form_label(p.form) << "\n";
  out << "  登録: " << p.owner_name << "\n";
  out << "  参加団体:";
  for (const auto& x : p.partners) out << " " << x.name;
  out << "\n";
  if (!p.purpose.empty()) out << "  目的: " << p.purpose << "\n";
  out << "  期間: " << (p.start ? p.start->iso() : "-") << " 〜 " << (p.end ? p.end->iso() : "-") << "\n";
  out << "  費用: " << (p.cost ? format_yen(*p.cost) : "-");
  if (!p.cost_note.empty()) out << " (" << p.cost_note << ")";
  out << "\n";
  for (std::size_t i = 0; i < p.goals.size(); ++i) {
    const auto& g = p.goals[i];
    out << "  目標" << g.id << ": " << g.goal;
    if (!g.indicator.empty()) out << " / " << g.indicator;
    out << " 目標値 " << (g.target ? format_number(*g.target) + g.unit : "-") << " 実績 "
        << (g.achieved ? format_number(*g.achieved) + g.unit : "-") << "\n";
  }
  for (const auto& l : p.links)
    out << "  関連 " << (l.kind == "meeting" ? "会議" : "地域課題") << " " << l.ref << ": " << l.label
        << "\n";
  if (!p.improvements.empty()) out << "  改善の方向性: " << p.improvements << "\n";
}

namespace {

void add_add(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    ProjectInput in;
    std::string from, to;
    std::vector<std::string> partners;
  };
  auto o = opt::options<Options>();
  auto* cmd =
      app.add_subcommand("add", "register a 協働事業 of the organization (--org); it takes part itself");
  opt::add_text_option(*cmd, "TITLE", o->in.title, sdk::TextKind::Line, "the project's title")->required();
  cmd->add_option("--form", o->in.form,
                  "協働の形態: 共催, 後援, 実行委員会, 委託, 補助, 参加, 参画, 協定, 情報提供, 意見交換, "
                  "政策提言, アドプト")
      ->required();
  opt::add_text_option(*cmd, "--purpose", o->in.purpose, sdk::TextKind::Note, "目的");
  cmd->add_option("--from", o->from, "start date");
  cmd->add_option("--to", o->to, "end date");
  opt::add_number_option(*cmd, "--cost", o->in.cost, {0, 10'000'000'000, "yen", "ceiling"},
                         "費用 in yen (typed: the ledger offers no project costs)");
  opt::add_text_option(*cmd, "--cost-note", o->in.cost_note, sdk::TextKind::Note, "費用の内訳・財源");
  cmd->add_option("--partner", o->partners, "a partner organization (id or exact name); repeat for each")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->callback([&ctx, o] {
    o->in.start = opt::parse_optional_date_option("--from", o->from);
    o->in.end = opt::parse_optional_date_option("--to", o->to);
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    o->in.partners.clear();
    for (const auto& p : o->partners) o->in.partners.push_back(parse_org(ctx.db(), orgs, "--partner", p));
    const Id id = add_project(ctx.db(), orgs, org, o->in);
    const Project p = project(ctx.db(), orgs, org, id);
    ctx.emit(project_json(p), [&](std::ostream& out) { print_project(out, p); });
  });
}

void add_partner_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id project = 0;
    std::string org;
    bool remove = false;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand(
      "partner",
      "add a partner organization to a 協働事業 the organization registered (--remove: take it out)");
  cmd->add_option("PROJECT", o->project, "the 協働事業's id")->required();
  cmd->add_option("ORG", o->org, "the partner: id or exact name")->required();
  cmd->add_flag("--remove", o->remove, "take the partner out (refused once it has evaluated)");
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    project(ctx.db(), orgs, org, o->project);  // refused unless it takes part
    const sdk::OrgId partner = parse_org(ctx.db(), orgs, "ORG", o->org);
    if (o->remove)
      remove_partner(ctx.db(), orgs, o->project, partner);
    else
      add_partner(ctx.db(), orgs, o->project, partner);
    const Project p = project(ctx.db(), orgs, org, o->project);
    ctx.emit(project_json(p), [&](std::ostream& out) { print_project(out, p); });
  });
}

void add_goal_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id project = 0;
    Goal g;
    std::string target, achieved;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand("goal", "add a goal with its indicator and target value");
  cmd->add_option("PROJECT", o->project, "the 協働事業's id")->required();
  opt::add_text_option(*cmd, "--goal", o->g.goal, sdk::TextKind::Line, "目標")->required();
  opt::add_text_option(*cmd, "--indicator", o->g.indicator, sdk::TextKind::Line, "指標 (参加者数)");
  opt::add_text_option(*cmd, "--unit", o->g.unit, sdk::TextKind::Name, "単位 (人, 回, %)");
  cmd->add_option("--target", o->g.target, "目標値");
  cmd->add_option("--achieved", o->g.achieved, "実績値");
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    project(ctx.db(), orgs, org, o->project);
    add_goal(ctx.db(), o->project, o->g);
    const Project p = project(ctx.db(), orgs, org, o->project);
    ctx.emit(project_json(p), [&](std::ostream& out) { print_project(out, p); });
  });
}

void add_achieved_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id project = 0;
    int goal = 0;
    double value = 0;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand("achieved", "record a goal's achieved value (実績)");
  cmd->add_option("PROJECT", o->project, "the 協働事業's id")->required();
  cmd->add_option("GOAL", o->goal, "the goal's number (目標1 → 1)")->required();
  cmd->add_option("VALUE", o->value, "the achieved value")->required();
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    project(ctx.db(), orgs, org, o->project);
    set_achieved(ctx.db(), o->project, o->goal, o->value);
    const Project p = project(ctx.db(), orgs, org, o->project);
    ctx.emit(project_json(p), [&](std::ostream& out) { print_project(out, p); });
  });
}

void add_link_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id project = 0;
    std::optional<Id> meeting, issue;
    bool remove = false;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand(
      "link", "link the meeting or the local issue behind a 協働事業 (--remove: unlink it; it stays itself)");
  cmd->add_option("PROJECT", o->project, "the 協働事業's id")->required();
  sdk::add_id(*cmd, ctx, "--meeting", o->meeting, "minutes_meetings", "a meeting (minutes plugin)");
  sdk::add_id(*cmd, ctx, "--issue", o->issue, "issues_issues", "a local issue (issues plugin)");
  cmd->add_flag("--remove", o->remove, "unlink the meeting or issue given");
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    project(ctx.db(), orgs, org, o->project);
    if (o->remove) {
      if (o->meeting.has_value() == o->issue.has_value())
        throw sdk::InputError("link --remove: give one of --meeting ID or --issue ID");
      remove_link(ctx.db(), o->project, o->meeting ? "meeting" : "issue",
                  o->meeting ? *o->meeting : *o->issue);
      const Project p = project(ctx.db(), orgs, org, o->project);
      ctx.emit(project_json(p), [&](std::ostream& out) { print_project(out, p); });
      return;
    }
    add_links(ctx.db(), ctx.services().find<sdk::MeetingDirectory>().get(),
              ctx.services().find<sdk::IssueTracker>().get(), o->project, o->meeting, o->issue);
    const Project p = project(ctx.db(), orgs, org, o->project);
    ctx.emit(project_json(p), [&](std::ostream& out) { print_project(out, p); });
  });
}

void add_list_cmd(CLI::App& app, sdk::CliContext& ctx) {
  auto* cmd = app.add_subcommand("list", "the 協働事業 the organization registered or takes part in");
  cmd->callback([&ctx] {
    const sdk::OrgId org = ctx.require_org();
    const auto list = list_projects(ctx.db(), sdk::organizations(ctx), org);
    json out = json::array();
    for (const auto& p : list) out.push_back(project_json(p));
    ctx.emit(out, [&](std::ostream& s) {
      for (const auto& p : list)
        s << p.id << "\t" << form_label(p.form) << "\t" << p.title << "\t" << p.partners.size() << "団体\n";
    });
  });
}

void add_show_cmd(CLI::App& app, sdk::CliContext& ctx) {
  auto project_id = std::make_shared<Id>(0);
  auto* cmd = app.add_subcommand("show", "a 協働事業 with its partners, goals and links");
  cmd->add_option("PROJECT", *project_id, "the 協働事業's id")->required();
  cmd->callback([&ctx, project_id] {
    const Project p = project(ctx.db(), sdk::organizations(ctx), ctx.require_org(), *project_id);
    ctx.emit(project_json(p), [&](std::ostream& out) { print_project(out, p); });
  });
}

void add_rate_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id project = 0;
    Rating r;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand(
      "rate",
      "the organization's (--org) 自主評価 of one common item: a rating of 1–5, comment, cause, improvement");
  cmd->add_option("PROJECT", o->project, "the 協働事業's id")->required();
  cmd->add_option("--item", o->r.item,
                  "goals (目標や成果が達成されたか), cost (費用に見合った成果か), dialogue "
                  "(継続した話し合いができたか), "
                  "citizens (市民の特性), ingenuity (市民組織の創意工夫), fiscal (行財政的な効果)")
      ->required();
  opt::add_number_option(*cmd, "--rating", o->r.rating, {1, 5}, "1 (できなかった) … 5 (十分にできた)")
      ->required();
  opt::add_text_option(*cmd, "--comment", o->r.comment, sdk::TextKind::Note, "コメント");
  opt::add_text_option(*cmd, "--cause", o->r.cause, sdk::TextKind::Note,
                       "原因 (needed for a rating of 2 or less)");
  opt::add_text_option(*cmd, "--improvement", o->r.improvement, sdk::TextKind::Note,
                       "改善策 (needed for a rating of 2 or less)");
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    save_ratings(ctx.db(), orgs, o->project, org, {o->r});
    const Project p = project(ctx.db(), orgs, org, o->project);
    const auto rows = compare(ctx.db(), p);
    ctx.emit(comparison_json(p, rows), [&](std::ostream& out) {
      out << orgs.name(ctx.db(), org) << ": " << item_label(parse_item("--item", o->r.item)) << " "
          << o->r.rating << "\n";
    });
  });
}

void add_compare_cmd(CLI::App& app, sdk::CliContext& ctx) {
  auto project_id = std::make_shared<Id>(0);
  auto* cmd = app.add_subcommand(
      "compare", "the partners' 自主評価 side by side; ※ marks items where they differ by 2 steps or more");
  cmd->add_option("PROJECT", *project_id, "the 協働事業's id")->required();
  cmd->callback([&ctx, project_id] {
    const Project p = project(ctx.db(), sdk::organizations(ctx), ctx.require_org(), *project_id);
    const auto rows = compare(ctx.db(), p);
    ctx.emit(comparison_json(p, rows), [&](std::ostream& out) {
      out << "評価項目";
      for (const auto& x : p.partners) out << "\t" << x.name;
      out << "\t差\n";
      for (const auto& r : rows) {
        out << r.label;
        for (const auto& x : r.ratings) out << "\t" << (x.rating ? std::to_string(*x.rating) : "-");
        out << "\t" << r.spread << (r.differs ? "\t※ 評価が2段階以上異なる" : "") << "\n";
      }
    });
  });
}

void add_improvements_cmd(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id project = 0;
    std::string text;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand("improvements",
                                 "the improvements the partners decided (改善の方向性), for the report");
  cmd->add_option("PROJECT", o->project, "the 協働事業's id")->required();
  opt::add_text_option(*cmd, "--text", o->text, sdk::TextKind::Note, "改善の方向性")->required();
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    project(ctx.db(), orgs, org, o->project);
    set_improvements(ctx.db(), o->project, o->text);
    const Project p = project(ctx.db(), orgs, org, o->project);
    ctx.emit(project_json(p), [&](std::ostream& out) { print_project(out, p); });
  });
}

}  // namespace

void add_project_commands(CLI::App& evaluation, sdk::CliContext& ctx) {
  add_add(evaluation, ctx);
  add_partner_cmd(evaluation, ctx);
  add_goal_cmd(evaluation, ctx);
  add_achieved_cmd(evaluation, ctx);
  add_link_cmd(evaluation, ctx);
  add_list_cmd(evaluation, ctx);
  add_show_cmd(evaluation, ctx);
  add_rate_cmd(evaluation, ctx);
  add_compare_cmd(evaluation, ctx);
  add_improvements_cmd(evaluation, ctx);
}

}  // namespace wasshoi::evaluation::cli
