// `wasshoi-cli evaluation survey question-edit | question-move | question-remove`: corrections of
// a アンケート's questions, before any answer sheet is entered.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <ostream>
#include <wasshoi/sdk/cli_options.hpp>

#include "cli/cli.hpp"
#include "cli/project_json.hpp"
#include "core/surveys.hpp"

namespace wasshoi::evaluation::cli {

namespace opt = sdk::cli;

namespace {

void print_questions(std::ostream& out, const Survey& s) {
  for (const auto& q : s.questions)
    out << "問" << q.number << " [" << question_kind_label(q.kind) << "] " << q.text << "\n";
}

void add_question_edit(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id survey = 0;
    int number = 0;
    std::optional<std::string> kind, text;
    std::vector<std::string> choices;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand(
      "question-edit", "correct a question's kind, text or choices (only before any answer is entered)");
  cmd->add_option("SURVEY", o->survey, "the アンケート's id")->required();
  cmd->add_option("NUMBER", o->number, "the question's number (問2 → 2)")->required();
  cmd->add_option("--kind", o->kind, "single, multiple, scale, number, text, attribute (or 単一選択 …)");
  cmd->add_option("--text", o->text, "the question");
  cmd->add_option("--choice", o->choices, "the choices, in order, all of them; repeat")
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    const Survey s = survey(ctx.db(), orgs, org, o->survey);  // refused unless a partner
    Question q;
    for (const auto& x : s.questions)
      if (x.number == o->number) q = x;
    std::string kind = o->kind ? *o->kind : q.kind;
    std::vector<std::string> choices = q.choices;
    if (!o->choices.empty())
      choices = o->choices;
    else if (o->kind && parse_question_kind("--kind", *o->kind) != q.kind)
      choices.clear();  // another kind: its own choices (a scale's default labels) or none
    update_question(ctx.db(), o->survey, o->number, kind, o->text ? *o->text : q.text, choices);
    const Survey now = survey(ctx.db(), orgs, org, o->survey);
    ctx.emit(survey_json(now), [&](std::ostream& out) { print_questions(out, now); });
  });
}

void add_question_move(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id survey = 0;
    int number = 0, to = 0;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand("question-move", "move a question to another place (the others shift)");
  cmd->add_option("SURVEY", o->survey, "the アンケート's id")->required();
  cmd->add_option("NUMBER", o->number, "the question's number (問2 → 2)")->required();
  cmd->add_option("TO", o->to, "its new number")->required();
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    survey(ctx.db(), orgs, org, o->survey);
    move_question(ctx.db(), o->survey, o->number, o->to);
    const Survey now = survey(ctx.db(), orgs, org, o->survey);
    ctx.emit(survey_json(now), [&](std::ostream& out) { print_questions(out, now); });
  });
}

void add_question_remove(CLI::App& app, sdk::CliContext& ctx) {
  struct Options {
    Id survey = 0;
    int number = 0;
  };
  auto o = opt::options<Options>();
  auto* cmd = app.add_subcommand("question-remove",
                                 "remove a question (refused once it has answers); the next ones move up");
  cmd->add_option("SURVEY", o->survey, "the アンケート's id")->required();
  cmd->add_option("NUMBER", o->number, "the question's number (問2 → 2)")->required();
  cmd->callback([&ctx, o] {
    const sdk::OrgId org = ctx.require_org();
    auto& orgs = sdk::organizations(ctx);
    survey(ctx.db(), orgs, org, o->survey);
    remove_question(ctx.db(), o->survey, o->number);
    const Survey now = survey(ctx.db(), orgs, org, o->survey);
    ctx.emit(survey_json(now), [&](std::ostream& out) { print_questions(out, now); });
  });
}

}  // namespace

void add_question_edit_commands(CLI::App& survey, sdk::CliContext& ctx) {
  add_question_edit(survey, ctx);
  add_question_move(survey, ctx);
  add_question_remove(survey, ctx);
}

}  // namespace wasshoi::evaluation::cli
