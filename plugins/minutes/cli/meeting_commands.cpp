// minutes add | reschedule | list | show | kinds | quorum-rule
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/facility_directory.hpp>

#include "cli/json_and_dates.hpp"
#include "core/agenda.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "core/quorum.hpp"

namespace wasshoi::minutes::cli {

namespace {

struct AddOptions {
  std::string kind, title, start, end, place, chair, recorder;
  std::int64_t booking = 0;
  bool template_items = false;
};

void add_add(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<AddOptions>();
  auto* cmd = minutes.add_subcommand("add", "add a meeting (総会, 役員会 …)");
  cmd->add_option("--kind", o->kind,
                  "総会, 臨時総会, 役員会, 班長会, 地域協働推進会議, まちづくり懇談会, 説明会, "
                  "ワークショップ, or the organization's own")
      ->required();
  cmd->add_option("--start", o->start, "start, e.g. \"2026-04-19 10:00\"")->required();
  cmd->add_option("--end", o->end, "end, after the start")->required();
  cmd->add_option("--title", o->title, "title (default: 令和8年度 第3回 役員会)");
  cmd->add_option("--place", o->place, "place as text");
  sdk::add_id(*cmd, ctx, "--booking", o->booking, "booking_bookings",
              "a facility booking id (booking plugin): the place comes from it");
  cmd->add_option("--chair", o->chair, "議長");
  cmd->add_option("--recorder", o->recorder, "書記");
  cmd->add_flag("--template", o->template_items, "start the agenda from the 総会/役員会 template");
  cmd->callback([&ctx, o] {
    MeetingInput in{ctx.require_org(),
                    o->kind,
                    o->title,
                    parse_datetime_arg(o->start, "--start"),
                    parse_datetime_arg(o->end, "--end"),
                    o->place,
                    o->booking ? std::optional(o->booking) : std::nullopt,
                    o->chair,
                    o->recorder};
    auto facilities = ctx.services().find<sdk::FacilityDirectory>();
    const MeetingId id = schedule_meeting(ctx.db(), in, facilities.get(), o->template_items);
    const Meeting m = get_meeting(ctx.db(), id);
    ctx.emit(to_json(m), [&](std::ostream& out) {
      out << "meeting " << id << " added: " << m.title << " (" << meeting_when(m) << ")\n";
    });
  });
}

struct RescheduleOptions {
  MeetingId meeting = 0;
  std::string start, end;
};

// A meeting moved, or one whose stored date is not a date (日付不明 in the list) set again.
void add_reschedule(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<RescheduleOptions>();
  auto* cmd = minutes.add_subcommand("reschedule", "set a meeting's start and end (moved, or 日付不明)");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  cmd->add_option("--start", o->start, "start, e.g. \"2026-04-19 10:00\"")->required();
  cmd->add_option("--end", o->end, "end, after the start")->required();
  cmd->callback([&ctx, o] {
    reschedule_meeting(ctx.db(), o->meeting, parse_datetime_arg(o->start, "--start"),
                       parse_datetime_arg(o->end, "--end"));
    const Meeting m = get_meeting(ctx.db(), o->meeting);
    ctx.emit(to_json(m), [&](std::ostream& out) {
      out << "meeting " << m.id << ": " << m.title << " (" << meeting_when(m) << ")\n";
    });
  });
}

struct ListOptions {
  std::string from, to, kind;
};

void add_list(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<ListOptions>();
  auto* cmd = minutes.add_subcommand("list", "list the organization's meetings, oldest first");
  cmd->add_option("--from", o->from, "first day");
  cmd->add_option("--to", o->to, "last day");
  cmd->add_option("--kind", o->kind, "only this kind");
  cmd->callback([&ctx, o] {
    const OrgId org = ctx.require_org();
    auto from = parse_optional_date_option("--from", o->from);
    auto to = parse_optional_date_option("--to", o->to);
    if (!o->kind.empty()) find_kind(ctx.db(), org, o->kind);
    json arr = json::array();
    std::vector<Meeting> shown;
    for (const auto& m : list_meetings(ctx.db(), org, from, to))
      if (o->kind.empty() || m.kind == o->kind) {
        arr.push_back(to_json(m));
        shown.push_back(m);
      }
    ctx.emit(arr, [&](std::ostream& out) {
      for (const auto& m : shown)
        out << m.id << '\t' << (m.start ? m.start->iso() : sdk::kDateUnknown) << '\t' << m.kind << '\t'
            << m.title << '\t' << to_string(m.state) << '\n';
    });
  });
}

void add_show(CLI::App& minutes, sdk::CliContext& ctx) {
  auto id = std::make_shared<MeetingId>();
  auto* cmd = minutes.add_subcommand(
      "show", "a meeting with its attendance, quorum, agenda (carried action items included)");
  sdk::add_id(*cmd, ctx, "ID", *id, "minutes_meetings", "meeting id")->required();
  cmd->callback([&ctx, id] {
    json j = meeting_details(ctx, *id);
    ctx.emit(j, [&](std::ostream& out) {
      out << j["title"].get<std::string>() << "  [" << j["state"].get<std::string>() << "]\n";
      if (!j["quorum"].is_null() && j["quorum"]["applies"].get<bool>())
        out << "quorum: " << j["quorum"]["counted"] << " / required " << j["quorum"]["required"]
            << (j["quorum"]["quorate"].get<bool>() ? " (成立)\n" : " (不成立)\n");
      for (const auto& a : j["carried_actions"])
        out << "継続事項: " << a["title"].get<std::string>() << " (" << a["assignee"].get<std::string>()
            << ")\n";
      for (const auto& item : j["agenda"])
        out << "第" << item["number"] << "号議案 " << item["title"].get<std::string>() << '\n';
    });
  });
}

struct KindOptions {
  std::string add;
  bool assembly = false;
};

void add_kinds(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<KindOptions>();
  auto* cmd = minutes.add_subcommand("kinds", "list the meeting kinds, or add the organization's own");
  cmd->add_option("--add", o->add, "a new kind");
  cmd->add_flag("--general-assembly", o->assembly, "the new kind counts households and needs a quorum");
  cmd->callback([&ctx, o] {
    const OrgId org = ctx.require_org();
    if (!o->add.empty()) add_kind(ctx, org, o->add, o->assembly);
    json arr = json::array();
    for (const auto& k : meeting_kinds(ctx.db(), org))
      arr.push_back({{"name", k.name}, {"general_assembly", k.general_assembly}, {"has_votes", k.has_votes}});
    ctx.emit(arr, [&](std::ostream& out) {
      for (const auto& k : arr)
        out << k["name"].get<std::string>() << (k["general_assembly"].get<bool>() ? "\t(定足数あり)" : "")
            << '\n';
    });
  });
}

struct RuleOptions {
  int numerator = 0, denominator = 0;
  bool at_least = false, no_proxies = false, no_written = false;
};

void add_quorum_rule(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<RuleOptions>();
  auto* cmd =
      minutes.add_subcommand("quorum-rule", "show or set the organization's quorum rule (default 過半数)");
  sdk::cli::add_number_option(*cmd, "--numerator", o->numerator, kFractionRange, "e.g. 1 (of 1/2)");
  sdk::cli::add_number_option(*cmd, "--denominator", o->denominator, kFractionRange, "e.g. 2");
  cmd->add_flag("--at-least", o->at_least, "'… 以上' instead of 'more than …'");
  cmd->add_flag("--no-proxies", o->no_proxies, "委任状 do not count");
  cmd->add_flag("--no-written", o->no_written, "議決権行使書 do not count");
  cmd->callback([&ctx, o] {
    const OrgId org = ctx.require_org();
    if (o->numerator || o->denominator)
      set_quorum_rule(ctx, org, {o->numerator, o->denominator, !o->at_least, !o->no_proxies, !o->no_written});
    const QuorumRule r = quorum_rule(ctx.db(), org);
    json j{{"id", org},
           {"numerator", r.numerator},
           {"denominator", r.denominator},
           {"strictly_more", r.strictly_more},
           {"count_proxies", r.count_proxies},
           {"count_written", r.count_written},
           {"description", describe(r)}};
    ctx.emit(j, [&](std::ostream& out) { out << describe(r) << '\n'; });
  });
}

}  // namespace

void add_meeting_commands(CLI::App& minutes, sdk::CliContext& ctx) {
  add_add(minutes, ctx);
  add_reschedule(minutes, ctx);
  add_list(minutes, ctx);
  add_show(minutes, ctx);
  add_kinds(minutes, ctx);
  add_quorum_rule(minutes, ctx);
}

}  // namespace wasshoi::minutes::cli
