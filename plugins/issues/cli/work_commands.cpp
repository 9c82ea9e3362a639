// issues support | unsupport | status [--reason | --undo] | note | split | merge
#include <CLI/CLI.hpp>
#include <algorithm>
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "cli/cli.hpp"
#include "cli/cli_support.hpp"
#include "core/exchange_formats.hpp"
#include "core/issues.hpp"
#include "core/merge.hpp"
#include "core/supports.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues {

namespace {

// The issue, checked to be in the scope of the organization the command works in.
Issue issue_in_scope(sdk::CliContext& ctx, IssueId id) {
  Issue i = get_issue(ctx.db(), id);
  auto scope = orgs_in_scope(ctx.db(), sdk::organizations(ctx), ctx.require_org());
  if (std::find(scope.begin(), scope.end(), i.org) == scope.end())
    throw sdk::InputError("issue " + std::to_string(id) + " belongs to " + i.org_name +
                          ", not to the organization chosen with --org");
  return i;
}

void emit_issue(sdk::CliContext& ctx, IssueId id, const std::string& message) {
  Issue i = get_issue(ctx.db(), id);
  ctx.emit(cli::issue_json(i), [&](std::ostream& out) { out << message << '\n'; });
}

void add_support(CLI::App& issues, sdk::CliContext& ctx) {
  auto id = std::make_shared<IssueId>(0);
  auto households = std::make_shared<std::vector<std::int64_t>>();
  auto guests = std::make_shared<std::vector<std::string>>();
  auto* cmd = issues.add_subcommand(
      "support", "record households supporting an issue (賛同; each household counts once)");
  sdk::add_id(*cmd, ctx, "ID", *id, "issues_issues", "issue id")->required();
  sdk::add_id(*cmd, ctx, "--household", *households, "members_households", "a member household's id");
  cmd->add_option("--guest", *guests, "a household outside the roster, by name");
  cmd->callback([&ctx, id, households, guests] {
    auto members = ctx.services().find<sdk::MemberDirectory>();
    const int added = add_supports(ctx.db(), sdk::organizations(ctx), *id, ctx.require_org(), members.get(),
                                   *households, *guests);
    emit_issue(ctx, *id,
               std::to_string(added) + " new supporting households; issue " + std::to_string(*id) + " has " +
                   std::to_string(support_count(ctx.db(), *id)));
  });
}

void add_status(CLI::App& issues, sdk::CliContext& ctx) {
  auto id = std::make_shared<IssueId>(0);
  auto status = std::make_shared<std::string>();
  auto note = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  auto undo = std::make_shared<bool>(false);
  auto* cmd = issues.add_subcommand(
      "status",
      "move an issue on: 検討中, 自治会で対応, 市へ要望, 解決, 見送り (dated, with a note); with --reason a "
      "correction to any status, with --undo --reason the last change taken back");
  sdk::add_id(*cmd, ctx, "ID", *id, "issues_issues", "issue id")->required();
  cmd->add_option("STATUS", *status, "considering, local, to_city, resolved, declined (or 検討中 …)");
  cmd->add_option("--note", *note, "why (dated in the history)");
  cmd->add_option("--date", *date, "date of the change (default today)");
  cmd->add_option("--reason", *reason, "a correction: why (kept in the history and the log)");
  cmd->add_flag("--undo", *undo, "take the last status change back (needs --reason)");
  cmd->callback([&ctx, id, status, note, date, reason, undo] {
    issue_in_scope(ctx, *id);
    const sdk::Date on = cli::parse_date_option("--date", *date, sdk::today());
    if (*undo) {
      if (!status->empty()) throw sdk::InputError("--undo takes the last change back: give no STATUS");
      if (reason->empty()) throw sdk::InputError("--undo needs --reason (kept in the history)");
      const std::string back = undo_status(ctx.db(), *id, *reason, on);
      return emit_issue(ctx, *id, "issue " + std::to_string(*id) + " is " + status_label(back) + " again");
    }
    if (status->empty())
      throw sdk::InputError("give the STATUS (検討中, 自治会で対応, 市へ要望, 解決, 見送り)");
    if (!reason->empty())
      correct_status(ctx.db(), *id, *status, *reason, on);
    else
      set_status(ctx.db(), *id, *status, *note, on);
    emit_issue(ctx, *id, "issue " + std::to_string(*id) + " is now " + status_label(parse_status(*status)));
  });
}

// A support taken off, with the reason: a member household by id, one outside the roster by name.
void add_unsupport(CLI::App& issues, sdk::CliContext& ctx) {
  auto id = std::make_shared<IssueId>(0);
  auto household = std::make_shared<std::int64_t>(0);
  auto guest = std::make_shared<std::string>();
  auto reason = std::make_shared<std::string>();
  auto* cmd = issues.add_subcommand("unsupport", "take a household's support (賛同) off, with a reason");
  sdk::add_id(*cmd, ctx, "ID", *id, "issues_issues", "issue id")->required();
  sdk::add_id(*cmd, ctx, "--household", *household, "members_households", "a member household's id");
  cmd->add_option("--guest", *guest, "a household outside the roster, by name");
  cmd->add_option("--reason", *reason, "why (kept in the log)")->required();
  cmd->callback([&ctx, id, household, guest, reason] {
    issue_in_scope(ctx, *id);
    if ((*household != 0) == !guest->empty()) throw sdk::InputError("give --household ID or --guest NAME");
    const std::string suffix =
        *household ? "/household/" + std::to_string(*household) : "/guest/" + sdk::fold_for_search(*guest);
    remove_support(ctx.db(), *id, database_uuid(ctx.db()) + suffix, *reason);
    emit_issue(ctx, *id,
               "issue " + std::to_string(*id) + " has " + std::to_string(support_count(ctx.db(), *id)) +
                   " supporting households");
  });
}

void add_note_command(CLI::App& issues, sdk::CliContext& ctx) {
  auto id = std::make_shared<IssueId>(0);
  auto text = std::make_shared<std::string>();
  auto date = std::make_shared<std::string>();
  auto* cmd = issues.add_subcommand("note", "a dated note in an issue's history");
  sdk::add_id(*cmd, ctx, "ID", *id, "issues_issues", "issue id")->required();
  cmd->add_option("TEXT", *text, "the note")->required();
  cmd->add_option("--date", *date, "date (default today)");
  cmd->callback([&ctx, id, text, date] {
    issue_in_scope(ctx, *id);
    add_note(ctx.db(), *id, *text, cli::parse_date_option("--date", *date, sdk::today()));
    emit_issue(ctx, *id, "note added to issue " + std::to_string(*id));
  });
}

void add_split(CLI::App& issues, sdk::CliContext& ctx) {
  auto id = std::make_shared<IssueId>(0);
  auto s = std::make_shared<Split>();
  auto* cmd =
      issues.add_subcommand("split", "record the 自助・共助・公助 shares (percent, adding up to 100)");
  sdk::add_id(*cmd, ctx, "ID", *id, "issues_issues", "issue id")->required();
  sdk::cli::add_number_option(*cmd, "--self", s->self, cli::kPercentRange, "自助 %");
  sdk::cli::add_number_option(*cmd, "--mutual", s->mutual, cli::kPercentRange, "共助 %");
  sdk::cli::add_number_option(*cmd, "--public", s->pub, cli::kPercentRange, "公助 %");
  cmd->add_option("--note", s->note, "who does what");
  cmd->callback([&ctx, id, s] {
    issue_in_scope(ctx, *id);
    set_split(ctx.db(), *id, *s);
    emit_issue(ctx, *id,
               "issue " + std::to_string(*id) + ": 自助" + std::to_string(s->self) + "% 共助" +
                   std::to_string(s->mutual) + "% 公助" + std::to_string(s->pub) + "%");
  });
}

void add_merge(CLI::App& issues, sdk::CliContext& ctx) {
  auto target = std::make_shared<IssueId>(0);
  auto dups = std::make_shared<std::vector<IssueId>>();
  auto* cmd =
      issues.add_subcommand("merge", "merge duplicates into one issue (supports, photos and history kept)");
  sdk::add_id(*cmd, ctx, "TARGET", *target, "issues_issues", "the issue that stays")->required();
  sdk::add_ids(*cmd, ctx, "DUPLICATES", *dups, "issues_issues", "issues merged into it")->required();
  cmd->callback([&ctx, target, dups] {
    merge_issues(ctx.db(), sdk::organizations(ctx), ctx.require_org(), *target, *dups, sdk::today());
    emit_issue(ctx, *target,
               std::to_string(dups->size()) + " issues merged into issue " + std::to_string(*target));
  });
}

}  // namespace

void add_work_commands(CLI::App& issues, sdk::CliContext& ctx) {
  add_support(issues, ctx);
  add_status(issues, ctx);
  add_unsupport(issues, ctx);
  add_note_command(issues, ctx);
  add_split(issues, ctx);
  add_merge(issues, ctx);
}

}  // namespace wasshoi::issues
