// minutes attend ID --person … --household … --proxy … --written … --guest NAME --affiliation A
// minutes presence ID --household H --to 委任状 --reason …  (a 総会's attendance corrected)
// minutes find QUERY  (the roster search attendees are picked from)
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/json_and_dates.hpp"
#include "core/attendance.hpp"
#include "core/meetings.hpp"
#include "core/minutes_document.hpp"
#include "core/quorum.hpp"
#include "core/reception.hpp"

namespace wasshoi::minutes::cli {

namespace {

struct AttendOptions {
  MeetingId meeting = 0;
  std::vector<std::int64_t> persons, households, proxies, written, remove;
  std::string guest, affiliation, holder = "議長";
};

void record(sdk::CliContext& ctx, const AttendOptions& o) {
  auto dir = ctx.services().find<sdk::MemberDirectory>();
  record_attendance(
      ctx.db(), dir.get(),
      {o.meeting, o.remove, o.persons, o.households, o.proxies, o.written, o.guest, o.affiliation, o.holder});
}

void add_attend(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<AttendOptions>();
  auto* cmd = minutes.add_subcommand("attend", "record attendance; prints the quorum as it stands");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  sdk::add_ids(*cmd, ctx, "--person", o->persons, "members_persons",
               "a member present (person id from `minutes find`)");
  sdk::add_ids(*cmd, ctx, "--household", o->households, "members_households",
               "a household present (総会: counted by household)");
  sdk::add_ids(*cmd, ctx, "--proxy", o->proxies, "members_households", "a household that sent a 委任状");
  sdk::add_ids(*cmd, ctx, "--written", o->written, "members_households",
               "a household that sent a 議決権行使書");
  sdk::add_ids(*cmd, ctx, "--remove", o->remove, "minutes_attendees",
               "remove an attendee (attendee id from `minutes show`)");
  cmd->add_option("--holder", o->holder, "to whom the 委任状 go (default 議長)");
  cmd->add_option("--guest", o->guest, "a guest's name");
  cmd->add_option("--affiliation", o->affiliation, "the guest's affiliation (市職員, 地域担当職員 …)");
  cmd->callback([&ctx, o] {
    record(ctx, *o);
    const Meeting m = get_meeting(ctx.db(), o->meeting);
    json j = meeting_details(ctx, o->meeting);
    json out{{"id", m.id},
             {"attendance", attendance_summary(ctx.db(), m)},
             {"voters", j["voters"]},
             {"quorum", j["quorum"]}};
    ctx.emit(out, [&](std::ostream& s) {
      s << m.title << ": " << attendance_summary(ctx.db(), m) << '\n';
      if (m.general_assembly && !j["quorum"].is_null()) {
        auto dir = ctx.services().find<sdk::MemberDirectory>();
        s << quorum_statement(quorum(ctx.db(), *dir, m), m.kind) << '\n';
      }
    });
  });
}

struct PresenceOptions {
  MeetingId meeting = 0;
  std::int64_t household = 0;
  std::string to, reason;
};

// A household's attendance at a 総会 corrected: 出席 ↔ 委任状 ↔ 議決権行使書 ↔ 欠席, with the reason.
void add_presence(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<PresenceOptions>();
  auto* cmd = minutes.add_subcommand(
      "presence",
      "correct a household's attendance at a 総会 (出席, 委任状, 議決権行使書, 欠席) with a reason");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  sdk::add_id(*cmd, ctx, "--household", o->household, "members_households", "the household")->required();
  cmd->add_option("--to", o->to, "出席, 委任状, 議決権行使書 or 欠席 (present, proxy, written, absent)")
      ->required();
  cmd->add_option("--reason", o->reason, "why (kept in the log)")->required();
  cmd->callback([&ctx, o] {
    const auto to = parse_presence(o->to);
    if (!to) throw sdk::InputError("--to: '" + o->to + "' is not 出席, 委任状, 議決権行使書 or 欠席");
    correct_presence(ctx.db(), members(ctx), o->meeting, o->household, *to, o->reason);
    const Meeting m = get_meeting(ctx.db(), o->meeting);
    ctx.emit({{"id", m.id}, {"household", o->household}, {"presence", label_ja(*to)}},
             [&](std::ostream& s) { s << m.title << ": " << attendance_summary(ctx.db(), m) << '\n'; });
  });
}

struct FindOptions {
  std::string query;
  bool households = false;
};

void add_find(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<FindOptions>();
  auto* cmd = minutes.add_subcommand("find", "search the roster for attendees (name, reading or address)");
  cmd->add_option("QUERY", o->query, "e.g. さとう, 佐藤, 林")->required();
  cmd->add_flag("--households", o->households, "list households instead of persons");
  cmd->callback([&ctx, o] {
    const OrgId org = ctx.require_org();
    auto& dir = members(ctx);
    json arr = json::array();
    const auto han = ctx.access().han_scope(org);  // a 班長 finds their 班 only
    if (o->households)
      for (const auto& h : dir.search_households(ctx.db(), org, o->query, 50, han))
        arr.push_back({{"id", h.id}, {"name", h.head_name}, {"han", h.han}, {"address", h.address}});
    else
      for (const auto& p : dir.search_persons(ctx.db(), org, o->query, 50, han))
        arr.push_back({{"id", p.id},
                       {"household_id", p.household_id},
                       {"name", p.name},
                       {"reading", p.reading},
                       {"han", p.han}});
    ctx.emit(arr, [&](std::ostream& s) {
      for (const auto& r : arr)
        s << r["id"] << '\t' << r["name"].get<std::string>() << '\t' << r["han"].get<std::string>() << '\n';
    });
  });
}

struct ReceptionOptions {
  MeetingId meeting = 0;
  std::vector<std::int64_t> present, proxies, written, absent;
  std::optional<int> unlisted;
};

// The reception of a 総会 (the window's 総会の受付): marks by household, the head count of those
// not on the list; prints the 班 checklist with the quorum as it stands.
void add_reception(CLI::App& minutes, sdk::CliContext& ctx) {
  auto o = options<ReceptionOptions>();
  auto* cmd = minutes.add_subcommand(
      "reception",
      "a 総会's reception by 班: mark households 出席/委任状/議決権行使書/欠席, the head count "
      "of those not on the list; lists the 班 checklist and the quorum");
  sdk::add_id(*cmd, ctx, "ID", o->meeting, "minutes_meetings", "meeting id")->required();
  sdk::add_ids(*cmd, ctx, "--present", o->present, "members_households", "households marked 出席");
  sdk::add_ids(*cmd, ctx, "--proxy", o->proxies, "members_households", "households marked 委任状 (to 議長)");
  sdk::add_ids(*cmd, ctx, "--written", o->written, "members_households", "households marked 議決権行使書");
  sdk::add_ids(*cmd, ctx, "--absent", o->absent, "members_households",
               "households marked 欠席 (mark taken off)");
  cmd->add_option("--unlisted", o->unlisted, "households present that are not on the list (head count)");
  cmd->callback([&ctx, o] {
    auto& dir = members(ctx);
    for (auto id : o->present) mark_household(ctx.db(), dir, o->meeting, id, Presence::Present);
    for (auto id : o->proxies) mark_household(ctx.db(), dir, o->meeting, id, Presence::Proxy);
    for (auto id : o->written) mark_household(ctx.db(), dir, o->meeting, id, Presence::Written);
    for (auto id : o->absent) mark_household(ctx.db(), dir, o->meeting, id, Presence::Absent);
    if (o->unlisted) set_unlisted_count(ctx.db(), o->meeting, *o->unlisted);
    const Meeting m = get_meeting(ctx.db(), o->meeting);
    const auto sheet = reception_sheet(ctx.db(), dir, sdk::organizations(ctx), m);
    const QuorumStatus q = quorum(ctx.db(), dir, m);
    json han = json::array();
    for (const auto& g : sheet) {
      json rows = json::array();
      for (const auto& r : g.rows)
        rows.push_back({{"household", r.household.id},
                        {"name", r.household.head_name},
                        {"address", r.household.address},
                        {"presence", label_ja(r.presence)}});
      han.push_back({{"han", g.name}, {"households", rows}});
    }
    ctx.emit({{"id", m.id}, {"han", han}, {"unlisted", q.unlisted}, {"quorum", to_json(q)}},
             [&](std::ostream& s) {
               for (const auto& g : sheet) {
                 s << g.name << '\n';
                 for (const auto& r : g.rows)
                   s << "  " << r.household.id << '\t' << label_ja(r.presence) << '\t'
                     << r.household.head_name << '\n';
               }
               s << quorum_statement(q, m.kind) << '\n';
             });
  });
}

}  // namespace

void add_attendance_commands(CLI::App& minutes, sdk::CliContext& ctx) {
  add_reception(minutes, ctx);
  add_attend(minutes, ctx);
  add_presence(minutes, ctx);
  add_find(minutes, ctx);
}

}  // namespace wasshoi::minutes::cli
