// `wasshoi-cli evaluation edit | goal-edit`: corrections of a 協働事業 the organization registered.
// Only the options given change; "-" clears a date, the cost or a value.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <ostream>
#include <wasshoi/sdk/cli_options.hpp>
#include <wasshoi/sdk/input.hpp>

#include "cli/cli.hpp"
#include "cli/project_json.hpp"
#include "core/messages.hpp"
#include "core/projects.hpp"

namespace wasshoi::evaluation::cli {

namespace opt = sdk::cli;

namespace {

bool clears(const std::string& text) {
  const std::string t = sdk::trim(text);
  return t.empty() || t == "-";
}

std::optional<double> parse_value(const std::string& option, const std::string& text) {
  if (clears(text)) return std::nullopt;
  const std::string ascii = sdk::fold_for_search(sdk::trim(text));
  char* end = nullptr;
  const double v = std::strtod(ascii.c_str(), &end);
  if (end != ascii.c_str() + ascii.size() || !std::isfinite(v))
    throw sdk::InputError(option + ": '" + sdk::displayable_text(text) + "' is not a number (- clears it)");
  return v;
}

void add_edit(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id project = 0;
    std::optional<std::string> title, form, purpose, from, to, cost, cost_note;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand(
      "edit", "correct a 協働事業 the organization registered: only the options given change");
  cmd->add_option("PROJECT", o->project, "the 協働事業's id")->required();
  cmd->add_option("--title", o->title, "事業名");
  cmd->add_option("--form", o->form, "協働の形態 (共催, 後援, 実行委員会, 委託, 補助 …)");
  cmd->add_option("--purpose", o->purpose, "目的");
  cmd->add_option("--from", o->from, "start date (- clears it)");
  cmd->add_option("--to", o->to, "end date (- clears it)");
  cmd->add_option("--cost", o->cost, "費用 in yen (- clears it)");
  cmd->add_option("--cost-note", o->cost_note, "費用の内訳・財源");
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    const Project p = project(ctx.db(), orgs, org, o->project);  // refused unless it takes part
    ProjectInput in{p.title, p.form, p.purpose, p.start, p.end, p.cost, p.cost_note, {}};
    if (o->title) in.title = *o->title;
    if (o->form) in.form = *o->form;
    if (o->purpose) in.purpose = *o->purpose;
    if (o->cost_note) in.cost_note = *o->cost_note;
    if (o->from)
      in.start = clears(*o->from) ? std::nullopt : opt::parse_optional_date_option("--from", *o->from);
    if (o->to) in.end = clears(*o->to) ? std::nullopt : opt::parse_optional_date_option("--to", *o->to);
    if (o->cost)
      in.cost = clears(*o->cost) ? std::nullopt
                                 : std::optional<std::int64_t>(sdk::parse_integer(
                                       "--cost", *o->cost, {0, 10'000'000'000, "yen", "ceiling"}));
    update_project(ctx.db(), o->project, in);
    const Project now = project(ctx.db(), orgs, org, o->project);
    ctx.emit(project_json(now), [&](std::ostream& out) { print_project(out, now); });
  });
}

void add_goal_edit(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id project = 0;
    int goal = 0;
    std::optional<std::string> text, indicator, unit, target, achieved;
    bool remove = false;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand(
      "goal-edit",
      "correct a goal (only the options given change), or remove it (--remove; the next ones move up)");
  cmd->add_option("PROJECT", o->project, "the 協働事業's id")->required();
  cmd->add_option("GOAL", o->goal, "the goal's number (目標1 → 1)")->required();
  cmd->add_option("--goal", o->text, "目標");
  cmd->add_option("--indicator", o->indicator, "指標 (参加者数)");
  cmd->add_option("--unit", o->unit, "単位 (人, 回, %)");
  cmd->add_option("--target", o->target, "目標値 (- clears it)");
  cmd->add_option("--achieved", o->achieved, "実績値 (- clears it)");
  cmd->add_flag("--remove", o->remove, "remove the goal");
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    const Project p = project(ctx.db(), orgs, org, o->project);
    if (o->remove) {
      if (o->text || o->indicator || o->unit || o->target || o->achieved)
        throw sdk::InputError("goal-edit --remove: give no other option");
      remove_goal(ctx.db(), o->project, o->goal);
    } else {
      auto found =
          std::find_if(p.goals.begin(), p.goals.end(), [&](const Goal& x) { return x.id == o->goal; });
      if (found == p.goals.end())
        throw sdk::InputError(
            tr_fill("evaluation.error.no_goal", {std::to_string(p.id), std::to_string(o->goal)}));
      Goal g = *found;
      if (o->text) g.goal = *o->text;
      if (o->indicator) g.indicator = *o->indicator;
      if (o->unit) g.unit = *o->unit;
      if (o->target) g.target = parse_value("--target", *o->target);
      if (o->achieved) g.achieved = parse_value("--achieved", *o->achieved);
      update_goal(ctx.db(), o->project, o->goal, g);
    }
    const Project now = project(ctx.db(), orgs, org, o->project);
    ctx.emit(project_json(now), [&](std::ostream& out) { print_project(out, now); });
  });
}

}  // namespace

void add_edit_commands(CLI::App& evaluation, sdk::CliContext& ctx) {
  add_edit(evaluation, ctx);
  add_goal_edit(evaluation, ctx);
}

}  // namespace wasshoi::evaluation::cli
