// minutes action ID --what … --who … --due … | done ACTION | actions [--overdue] [--all]
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>

#include "cli/json_and_dates.hpp"
#include "core/actions.hpp"
#include "core/meetings.hpp"

namespace wasshoi::minutes::cli {

namespace {

struct ActionOptions {
  MeetingId meeting = 0;
  int item = 0;
  std::string what, who, due;
};

void add_action_command(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<ActionOptions>();
  auto* cmd = minutes.add_subcommand("action", "add an action item (担当, 期限) decided at a meeting");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  cmd->add_option("--what", o->what, "what is to be done")->required();
  cmd->add_option("--who", o->who, "担当");
  cmd->add_option("--due", o->due, "期限 (e.g. 2026-05-31)");
  cmd->add_option("--item", o->item, "the 議案 number it came from");
  cmd->callback([&ctx, o] {
    ActionInput in{o->meeting, o->item ? std::optional(o->item) : std::nullopt, o->what, o->who,
                   parse_optional_date_option("--due", o->due)};
    const ActionId id = add_action(ctx.db(), in);
    ctx.emit(to_json(get_action(ctx.db(), id)),
             [&](std::ostream& out) { out << "action item " << id << " added\n"; });
  });
}

struct DoneOptions {
  ActionId id = 0;
  std::string on;
  bool undo = false;
};

void add_done_command(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<DoneOptions>();
  auto* cmd = minutes.add_subcommand("done", "mark an action item done (or --undo: open again)");
  sdk::add_id(*cmd, ctx, "ACTION", o->id, "minutes_actions", "action item id")->required();
  cmd->add_option("--on", o->on, "date it was done (default today)");
  cmd->add_flag("--undo", o->undo, "open again");
  cmd->callback([&ctx, o] {
    const Date on = parse_date_option("--on", o->on, sdk::today());
    set_action_done(ctx.db(), o->id, !o->undo, on);
    ctx.emit(to_json(get_action(ctx.db(), o->id)), [](std::ostream& out) { out << "ok\n"; });
  });
}

struct ListOptions {
  bool overdue = false, all = false;
  std::string today;
};

void add_actions_command(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<ListOptions>();
  auto* cmd =
      minutes.add_subcommand("actions", "the organization's open action items (--overdue: past their 期限)");
  cmd->add_flag("--overdue", o->overdue, "only open items past their 期限");
  cmd->add_flag("--all", o->all, "done ones too");
  cmd->add_option("--today", o->today, "the day to judge 'overdue' by (default today)");
  cmd->callback([&ctx, o] {
    const OrgId org = ctx.require_org();
    const Date today = parse_date_option("--today", o->today, sdk::today());
    auto items = o->overdue ? overdue_actions(ctx.db(), org, today) : org_actions(ctx.db(), org, !o->all);
    json arr = json::array();
    for (const auto& a : items) {
      arr.push_back(to_json(a));
      arr.back()["overdue"] = a.status == ActionStatus::Open && a.due && *a.due < today;
    }
    ctx.emit(arr, [&](std::ostream& out) {
      for (const auto& a : items)
        out << a.id << '\t' << (a.due ? a.due->iso() : "—") << '\t'
            << (a.status == ActionStatus::Done ? "done" : "open") << '\t' << a.assignee << '\t' << a.title
            << "\t(" << a.meeting_title << ")\n";
    });
  });
}

void add_action_issue_command(CLI::App& minutes, sdk::CliContext& ctx) {
  auto id = std::make_shared<ActionId>();
  auto* cmd =
      minutes.add_subcommand("action-issue", "turn an action item into a local issue (issues plugin)");
  sdk::add_id(*cmd, ctx, "ACTION", *id, "minutes_actions", "action item id")->required();
  cmd->callback([&ctx, id] {
    auto tracker = ctx.services().find<sdk::IssueTracker>();
    if (!tracker)
      throw sdk::InputError("the issues plugin (地域課題) is not enabled: no issue can be created");
    const ActionItem a = get_action(ctx.db(), *id);
    const Meeting m = get_meeting(ctx.db(), a.meeting);
    const auto issue = tracker->create_issue(
        ctx.db(), {m.org, a.title, "担当: " + a.assignee, {}, {}, "minutes: " + m.title});
    ctx.emit({{"id", issue}, {"title", a.title}},
             [&](std::ostream& out) { out << "issue " << issue << " created\n"; });
  });
}

}  // namespace

void add_action_commands(CLI::App& minutes, sdk::CliContext& ctx) {
  add_action_command(minutes, ctx);
  add_done_command(minutes, ctx);
  add_actions_command(minutes, ctx);
  add_action_issue_command(minutes, ctx);
}

}  // namespace wasshoi::minutes::cli
