// minutes item ID TITLE | notes ID N TEXT | vote ID N --for --against --abstain [--reason] | issue ID N
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>

#include "cli/json_and_dates.hpp"
#include "core/agenda.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"

namespace wasshoi::minutes::cli {

namespace {

struct ItemOptions {
  MeetingId meeting = 0;
  std::string title, discussion;
  bool from_template = false;
};

void add_item_command(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<ItemOptions>();
  auto* cmd = minutes.add_subcommand("item", "add an agenda item (議案), or the kind's template items");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  cmd->add_option("TITLE", o->title, "title of the 議案");
  cmd->add_option("--notes", o->discussion, "discussion notes (審議の要旨)");
  cmd->add_flag("--template", o->from_template, "add the 総会/役員会 template items");
  cmd->callback([&ctx, o] {
    const ItemId id = add_items(ctx.db(), o->meeting, o->title, o->discussion, o->from_template);
    json arr = json::array();
    for (const auto& item : agenda(ctx.db(), o->meeting)) arr.push_back(to_json(item));
    json j = id ? to_json(agenda(ctx.db(), o->meeting).back()) : json{{"id", o->meeting}, {"agenda", arr}};
    ctx.emit(j, [&](std::ostream& out) {
      for (const auto& item : arr)
        out << "第" << item["number"] << "号議案 " << item["title"].get<std::string>() << '\n';
    });
  });
}

struct NotesOptions {
  MeetingId meeting = 0;
  int number = 0;
  std::string text;
};

void add_notes_command(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<NotesOptions>();
  auto* cmd = minutes.add_subcommand("notes", "set the discussion notes of 第N号議案");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  cmd->add_option("N", o->number, "議案 number")->required();
  cmd->add_option("TEXT", o->text, "the notes")->required();
  cmd->callback([&ctx, o] {
    set_discussion(ctx.db(), o->meeting, o->number, o->text);
    ctx.emit(to_json(get_item(ctx.db(), o->meeting, o->number)), [](std::ostream& out) { out << "ok\n"; });
  });
}

struct VoteOptions {
  MeetingId meeting = 0;
  int number = 0, in_favour = 0, against = 0, abstain = 0;
  std::string result, notes, reason;
};

void add_vote_command(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<VoteOptions>();
  auto* cmd = minutes.add_subcommand("vote", "record the 議決 of 第N号議案 (checked against the attendance)");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  cmd->add_option("N", o->number, "議案 number")->required();
  sdk::cli::add_number_option(*cmd, "--for", o->in_favour, kVotesRange, "votes in favour (賛成)");
  sdk::cli::add_number_option(*cmd, "--against", o->against, kVotesRange, "votes against (反対)");
  sdk::cli::add_number_option(*cmd, "--abstain", o->abstain, kVotesRange, "abstentions (棄権)");
  cmd->add_option("--result", o->result,
                  "可決|否決|継続審議 (default: 可決 when more than half of the votes are for)");
  cmd->add_option("--notes", o->notes, "discussion notes (審議の要旨)");
  cmd->add_option("--reason", o->reason,
                  "correct a 議決 recorded before: why (kept in the log with the old and new counts)");
  cmd->callback([&ctx, o] {
    std::optional<VoteResult> result;
    if (!o->result.empty()) {
      result = parse_result(o->result);
      if (!result) throw sdk::InputError("--result: '" + o->result + "' is not 可決, 否決 or 継続審議");
    }
    const ItemOutcome outcome{o->notes.empty() ? std::nullopt : std::optional(o->notes),
                              Votes{o->in_favour, o->against, o->abstain}, result};
    if (o->reason.empty())
      vote_item(ctx.db(), o->meeting, o->number, outcome, ctx.services().find<sdk::MemberDirectory>().get());
    else
      correct_vote(ctx.db(), o->meeting, o->number, outcome, o->reason,
                   ctx.services().find<sdk::MemberDirectory>().get());
    const AgendaItem item = get_item(ctx.db(), o->meeting, o->number);
    ctx.emit(to_json(item), [&](std::ostream& out) {
      out << "第" << item.number << "号議案 " << item.title << ": " << label_ja(*item.result) << '\n';
    });
  });
}

struct IssueOptions {
  MeetingId meeting = 0;
  int number = 0;
  std::string category;
};

void add_issue_command(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<IssueOptions>();
  auto* cmd = minutes.add_subcommand("issue", "turn 第N号議案 into a local issue (issues plugin)");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  cmd->add_option("N", o->number, "議案 number")->required();
  cmd->add_option("--category", o->category, "the issue's category (防犯, 防災, 交通安全 …)");
  cmd->callback([&ctx, o] {
    auto tracker = ctx.services().find<sdk::IssueTracker>();
    if (!tracker)
      throw sdk::InputError("the issues plugin (地域課題) is not enabled: no issue can be created");
    const Meeting m = get_meeting(ctx.db(), o->meeting);
    const AgendaItem item = get_item(ctx.db(), o->meeting, o->number);
    sdk::IssueDraft d{m.org,
                      item.title,
                      item.discussion,
                      o->category,
                      {},
                      "minutes: " + m.title + " " + (m.start ? m.start->date.iso() : sdk::kDateUnknown) +
                          ", 第" + std::to_string(item.number) + "号議案"};
    const auto id = tracker->create_issue(ctx.db(), d);
    ctx.emit({{"id", id}, {"title", item.title}},
             [&](std::ostream& out) { out << "issue " << id << " created\n"; });
  });
}

}  // namespace

void add_agenda_commands(CLI::App& minutes, sdk::CliContext& ctx) {
  add_item_command(minutes, ctx);
  add_notes_command(minutes, ctx);
  add_vote_command(minutes, ctx);
  add_issue_command(minutes, ctx);
}

}  // namespace wasshoi::minutes::cli
