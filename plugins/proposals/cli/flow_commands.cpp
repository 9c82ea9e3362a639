// approve, submit, answer, progress, close, carry-over: the proposal's life-cycle.
#include <CLI/CLI.hpp>
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/cli.hpp"
#include "cli/cli_support.hpp"
#include "core/lifecycle.hpp"
#include "core/proposals.hpp"

namespace wasshoi::proposals::cli {

namespace {

void emit_step(sdk::CliContext& ctx, ProposalId id, const StepResult& r) {
  Proposal p = get_proposal(ctx.db(), sdk::organizations(ctx), id);
  ctx.emit(step_json(id, p, r), [&](std::ostream& out) { print_step(out, p, r); });
}

void add_approve(CLI::App& parent, sdk::CliContext& ctx) {
  auto ids = std::make_shared<std::pair<std::int64_t, std::int64_t>>();
  auto* cmd = parent.add_subcommand("approve", "link the 役員会/総会 minutes that approved the proposal");
  sdk::add_id(*cmd, ctx, "ID", ids->first, "proposals_proposals", "proposal id")->required();
  sdk::add_id(*cmd, ctx, "--meeting", ids->second, "minutes_meetings", "meeting id (minutes plugin)")
      ->required();
  cmd->callback([&ctx, ids] {
    approve(ctx.db(), sdk::organizations(ctx), ids->first, ctx.services().find<sdk::MeetingDirectory>().get(),
            ids->second);
    emit_step(ctx, ids->first, {});
  });
}

void add_submit(CLI::App& parent, sdk::CliContext& ctx) {
  struct Opts {
    std::int64_t id = 0;
    std::string date, to;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd =
      parent.add_subcommand("submit", "submit to the city (refused while a section is empty or unapproved)");
  sdk::add_id(*cmd, ctx, "ID", o->id, "proposals_proposals", "proposal id")->required();
  cmd->add_option("--date", o->date, "提出日 (default today)");
  cmd->add_option("--to", o->to, "to whom it was handed (default: the addressee)");
  cmd->callback([&ctx, o] {
    sdk::Date on = parse_date_option("--date", o->date, sdk::today());
    emit_step(ctx, o->id,
              submit(ctx.db(), sdk::organizations(ctx), o->id, on, o->to,
                     ctx.services().find<sdk::IssueTracker>().get()));
  });
}

void add_answer(CLI::App& parent, sdk::CliContext& ctx) {
  struct Opts {
    std::int64_t id = 0;
    std::string category, date, text, by;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = parent.add_subcommand("answer", "record the city's answer (moves the linked issues)");
  sdk::add_id(*cmd, ctx, "ID", o->id, "proposals_proposals", "proposal id")->required();
  cmd->add_option("--category", o->category,
                  "will_do (対応する), will_consider (検討する), difficult (対応困難), other (その他)")
      ->required();
  cmd->add_option("--date", o->date, "回答日 (default today)");
  cmd->add_option("--text", o->text, "the answer");
  cmd->add_option("--by", o->by, "who answered (e.g. 建設部道路課長)");
  cmd->callback([&ctx, o] {
    Answer a{parse_date_option("--date", o->date, sdk::today()), parse_answer_category(o->category), o->text,
             o->by};
    emit_step(ctx, o->id,
              record_answer(ctx.db(), sdk::organizations(ctx), o->id, a,
                            ctx.services().find<sdk::IssueTracker>().get()));
  });
}

void add_progress_cmd(CLI::App& parent, sdk::CliContext& ctx) {
  struct Opts {
    std::int64_t id = 0;
    std::string date, text;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = parent.add_subcommand("progress", "record a 進捗回答 or follow-up");
  sdk::add_id(*cmd, ctx, "ID", o->id, "proposals_proposals", "proposal id")->required();
  cmd->add_option("--date", o->date, "date (default today)");
  cmd->add_option("--text", o->text, "what happened")->required();
  cmd->callback([&ctx, o] {
    add_progress(ctx.db(), sdk::organizations(ctx), o->id,
                 {0, parse_date_option("--date", o->date, sdk::today()), o->text});
    emit_step(ctx, o->id, {});
  });
}

void add_close(CLI::App& parent, sdk::CliContext& ctx) {
  struct Opts {
    std::int64_t id = 0;
    std::string date, note;
  };
  auto o = std::make_shared<Opts>();
  auto* cmd = parent.add_subcommand("close", "close an answered proposal (完了)");
  sdk::add_id(*cmd, ctx, "ID", o->id, "proposals_proposals", "proposal id")->required();
  cmd->add_option("--date", o->date, "date (default today)");
  cmd->add_option("--note", o->note, "how it ended");
  cmd->callback([&ctx, o] {
    close(ctx.db(), sdk::organizations(ctx), o->id, parse_date_option("--date", o->date, sdk::today()),
          o->note);
    emit_step(ctx, o->id, {});
  });
}

void add_carry_over(CLI::App& parent, sdk::CliContext& ctx) {
  auto o = std::make_shared<std::pair<std::int64_t, int>>();
  auto* cmd = parent.add_subcommand("carry-over", "carry the proposal into a later 年度 as a 継続案件");
  sdk::add_id(*cmd, ctx, "ID", o->first, "proposals_proposals", "proposal id")->required();
  cmd->add_option("--year", o->second, "年度 (西暦, e.g. 2027 = 令和9年度)")->required();
  cmd->callback([&ctx, o] {
    carry_over(ctx.db(), sdk::organizations(ctx), o->first, o->second);
    emit_step(ctx, o->first, {});
  });
}

}  // namespace

void add_flow_commands(CLI::App& proposals, sdk::CliContext& ctx) {
  add_approve(proposals, ctx);
  add_submit(proposals, ctx);
  add_answer(proposals, ctx);
  add_progress_cmd(proposals, ctx);
  add_close(proposals, ctx);
  add_carry_over(proposals, ctx);
}

}  // namespace wasshoi::proposals::cli
