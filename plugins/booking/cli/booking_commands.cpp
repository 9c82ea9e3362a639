// wasshoi-cli booking add|list|cancel|approve
#include <functional>
#include <iostream>
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "cli/cli_support.hpp"

namespace wasshoi::booking::cli {

namespace {

struct AddArgs {
  FacilityId facility = 0;
  std::string date, slot, start, end, purpose, contact, repeat, until;
  std::optional<std::int64_t> contact_person;
  int people = 0, count = 0;
  bool skip_conflicts = false;
};

BookingRequest request_of(sdk::CliContext& ctx, const AddArgs& a) {
  Facility f = get_facility(ctx.db(), a.facility);
  sdk::Date day = parse_date_option("--date", a.date);
  int from = 0, to = 0;
  if (!a.slot.empty()) {
    if (!a.start.empty() || !a.end.empty())
      throw sdk::InputError("give either --slot or --start/--end, not both");
    const Slot& s = find_slot(f, a.slot);
    from = s.start_min, to = s.end_min;
  } else {
    if (a.start.empty() || a.end.empty())
      throw sdk::InputError("give --slot NAME or --start HH:MM --end HH:MM");
    from = time_arg(a.start, "--start"), to = time_arg(a.end, "--end");
  }
  BookingRequest r{f.id,      org_arg(ctx), at(day, from),    at(day, to),
                   a.purpose, a.contact,    a.contact_person, a.people};
  if (r.end <= r.start)
    throw sdk::InputError("the booking ends (" + format_hm(to) + ") before it starts (" + format_hm(from) +
                          ")");
  if (a.contact_person) {
    auto members = ctx.services().find<sdk::MemberDirectory>();
    if (!members)
      throw sdk::InputError("--contact-person needs the members plugin; give --contact NAME instead");
    auto person = members->person(ctx.db(), *a.contact_person);
    if (!person) throw sdk::InputError("no person with id " + std::to_string(*a.contact_person));
    if (r.contact.empty()) r.contact = person->name;
  }
  return r;
}

void add_single(sdk::CliContext& ctx, const BookingRequest& r) {
  BookingId id = book(ctx.db(), orgs(ctx), r);
  Booking b = get_booking(ctx.db(), id);
  ctx.emit(to_json(ctx, b), [&](std::ostream& out) {
    out << id << '\t' << format_span(b.start, b.end) << '\t' << status_label_ja(b.status) << '\t' << b.fee
        << "円\n";
  });
}

void add_series(sdk::CliContext& ctx, const AddArgs& a, const BookingRequest& r) {
  SeriesRequest s{r, parse_recurrence(a.repeat)};
  if (!a.until.empty()) s.rule.until = parse_date_option("--until", a.until);
  if (a.count) s.rule.count = a.count;
  auto result =
      book_series(ctx.db(), orgs(ctx), s, a.skip_conflicts ? OnProblem::SkipProblems : OnProblem::CancelAll);
  nlohmann::json skipped = nlohmann::json::array();
  for (const auto& o : result.skipped) skipped.push_back(to_json(o));
  ctx.emit({{"id", result.id}, {"series_id", result.id}, {"booked", result.booked}, {"skipped", skipped}},
           [&](std::ostream& out) {
             out << "series " << result.id << ": " << result.booked.size() << " dates booked";
             if (!result.skipped.empty()) out << ", " << result.skipped.size() << " skipped";
             out << '\n';
             for (const auto& o : result.skipped)
               out << "  skipped " << o.day.iso() << ' ' << *o.problem << '\n';
           });
}

void add_add(CLI::App& booking, sdk::CliContext& ctx) {
  auto a = std::make_shared<AddArgs>();
  auto* cmd = booking.add_subcommand(
      "add", "book a room (once, or repeated with --repeat); the organization is --org");
  sdk::add_id(*cmd, ctx, "--facility", a->facility, "booking_facilities",
              "room id (see `booking facility list`)")
      ->required();
  cmd->add_option("--date", a->date, "the (first) day")->required();
  cmd->add_option("--slot", a->slot, "a named slot: 午前, 午後, 夜間 …");
  cmd->add_option("--start", a->start, "start time, e.g. 10:00 (instead of --slot)");
  cmd->add_option("--end", a->end, "end time, e.g. 12:00");
  cmd->add_option("--purpose", a->purpose, "e.g. 役員会");
  cmd->add_option("--contact", a->contact, "contact person (担当者)");
  cmd->add_option("--contact-person", a->contact_person,
                  "contact person's id in the roster (members plugin)");
  sdk::cli::add_number_option(*cmd, "--people", a->people, kPeopleRange,
                              "expected attendance (checked against capacity)");
  cmd->add_option("--repeat", a->repeat,
                  "weekly, weekly:2, monthly, monthly:N, monthly-nth:2SU (毎月第2日曜), monthly-nth:-1SA "
                  "(last Saturday)");
  cmd->add_option("--until", a->until, "last day of the series");
  sdk::cli::add_number_option(*cmd, "--count", a->count, kCountRange, "number of dates in the series");
  cmd->add_flag("--skip-conflicts", a->skip_conflicts,
                "book the free dates and skip closed or taken ones (default: book nothing and list them)");
  cmd->callback([&ctx, a] {
    BookingRequest r = request_of(ctx, *a);
    if (a->repeat.empty()) {
      if (!a->until.empty() || a->count || a->skip_conflicts)
        throw sdk::InputError("--until, --count and --skip-conflicts belong to a series: add --repeat");
      add_single(ctx, r);
    } else {
      add_series(ctx, *a, r);
    }
  });
}

void add_list(CLI::App& booking, sdk::CliContext& ctx) {
  struct Args {
    FacilityId facility = 0;
    OrgId owner = 0;
    std::string from, to;
    bool all = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd =
      booking.add_subcommand("list", "list bookings (of a room, an owner's rooms, or --org's bookings)");
  cmd->add_option("--facility", a->facility, "one room");
  cmd->add_option("--owner", a->owner, "rooms of this organization");
  cmd->add_option("--from", a->from, "first day");
  cmd->add_option("--to", a->to, "last day");
  cmd->add_flag("--all", a->all, "include cancelled bookings");
  cmd->callback([&ctx, a] {
    BookingFilter q{a->facility, ctx.current_org(), a->owner};
    if (!a->from.empty()) q.from = parse_date_option("--from", a->from);
    if (!a->to.empty()) q.to = parse_date_option("--to", a->to);
    q.include_cancelled = a->all;
    if (a->facility) get_facility(ctx.db(), a->facility);
    auto list = list_bookings(ctx.db(), q);
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& b : list) arr.push_back(to_json(ctx, b));
    ctx.emit(arr, [&](std::ostream& out) {
      for (const auto& j : arr) {
        std::string start = j["start"].get<std::string>();
        start[10] = ' ';
        out << j["id"] << '\t' << start << "–" << j["end"].get<std::string>().substr(11) << '\t'
            << j["facility"].get<std::string>() << '\t' << j["org"].get<std::string>() << '\t'
            << j["purpose"].get<std::string>() << '\t' << j["status_ja"].get<std::string>() << '\n';
      }
    });
  });
}

// `reason`: whether the command takes --reason (a cancellation says why; the audit log keeps it).
void add_status_command(CLI::App& booking, sdk::CliContext& ctx, const char* name, const char* help,
                        std::function<void(sdk::Context&, BookingId, const std::string&)> apply,
                        bool reason) {
  struct Args {
    BookingId id = 0;
    std::string reason;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = booking.add_subcommand(name, help);
  sdk::add_id(*cmd, ctx, "ID", a->id, "booking_bookings", "booking id")->required();
  if (reason) cmd->add_option("--reason", a->reason, "why (kept in the audit log)")->required();
  cmd->callback([&ctx, a, apply] {
    apply(ctx, a->id, a->reason);
    Booking b = get_booking(ctx.db(), a->id);
    ctx.emit(to_json(ctx, b),
             [&](std::ostream& out) { out << a->id << '\t' << status_label_ja(b.status) << '\n'; });
  });
}

}  // namespace

void add_booking_commands(CLI::App& booking, sdk::CliContext& ctx) {
  add_add(booking, ctx);
  add_list(booking, ctx);
  add_status_command(
      booking, ctx, "cancel", "cancel a booking (取消); the room is free again",
      [](sdk::Context& c, BookingId id, const std::string& reason) { cancel(c, id, reason); }, true);
  add_status_command(
      booking, ctx, "approve", "approve a tentative booking (仮予約 → 承認)",
      [](sdk::Context& c, BookingId id, const std::string&) { approve(c, id); }, false);
}

}  // namespace wasshoi::booking::cli
