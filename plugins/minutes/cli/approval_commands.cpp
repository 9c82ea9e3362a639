// minutes sign ID --signatory A --signatory B | approve ID --at MEETING | reopen ID --reason …
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/json_and_dates.hpp"
#include "core/approval.hpp"
#include "core/meetings.hpp"

namespace wasshoi::minutes::cli {

namespace {

void emit_meeting(sdk::CliContext& ctx, MeetingId id) {
  const Meeting m = get_meeting(ctx.db(), id);
  ctx.emit(to_json(m), [&](std::ostream& out) { out << m.title << ": " << to_string(m.state) << '\n'; });
}

struct SignOptions {
  MeetingId meeting = 0;
  std::vector<std::string> names;
  std::string on;
};

void add_sign(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<SignOptions>();
  auto* cmd = minutes.add_subcommand("sign", "the two 議事録署名人 sign the minutes");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  add_repeatable(*cmd, "--signatory", o->names, "a 議事録署名人 (give two)");
  cmd->add_option("--on", o->on, "date signed (default today)");
  cmd->callback([&ctx, o] {
    const Date on = parse_date_option("--on", o->on, sdk::today());
    sign(ctx.db(), o->meeting, o->names, on);
    emit_meeting(ctx, o->meeting);
  });
}

struct ApproveOptions {
  MeetingId meeting = 0, at = 0;
};

void add_approve(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<ApproveOptions>();
  auto* cmd =
      minutes.add_subcommand("approve", "the minutes were approved at a later meeting; they are locked then");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  cmd->add_option("--at", o->at, "the later meeting that approved them")->required();
  cmd->callback([&ctx, o] {
    approve(ctx, o->meeting, o->at);
    emit_meeting(ctx, o->meeting);
  });
}

struct ReopenOptions {
  MeetingId meeting = 0;
  std::string reason;
};

void add_reopen(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<ReopenOptions>();
  auto* cmd = minutes.add_subcommand("reopen", "re-open signed or approved minutes to change them (logged)");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  cmd->add_option("--reason", o->reason, "why (kept in the log)")->required();
  cmd->callback([&ctx, o] {
    reopen(ctx, o->meeting, o->reason);
    emit_meeting(ctx, o->meeting);
  });
}

}  // namespace

void add_approval_commands(CLI::App& minutes, sdk::CliContext& ctx) {
  add_sign(minutes, ctx);
  add_approve(minutes, ctx);
  add_reopen(minutes, ctx);
}

}  // namespace wasshoi::minutes::cli
