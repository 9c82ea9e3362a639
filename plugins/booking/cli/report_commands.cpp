// wasshoi-cli booking free|usage|export-ics|calendar-page|holidays
#include <iostream>
#include <wasshoi/sdk/cli_ids.hpp>
#include <wasshoi/sdk/file_writer.hpp>

#include "cli/cli_support.hpp"
#include "core/calendar_page.hpp"
#include "core/holidays.hpp"
#include "core/ical_export.hpp"
#include "core/usage.hpp"

namespace wasshoi::booking::cli {

namespace {

// Usage reports and calendars name organizations and rooms, not persons: ordinary files.
void write_bytes(const std::string& path, const std::string& bytes) {
  sdk::write_file(path, bytes);
}

void add_free(CLI::App& booking, sdk::CliContext& ctx) {
  struct Args {
    int people = 0;
    OrgId owner = 0;
    FacilityId facility = 0;
    std::string from, to, weekdays, slot, start, end;
    int limit = 50;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = booking.add_subcommand(
      "free", "find free rooms: --people 30 --weekday SU --slot 午後 --from 2027-03-01 --to 2027-03-31");
  sdk::cli::add_number_option(*cmd, "--people", a->people, kPeopleRange, "rooms that hold this many");
  cmd->add_option("--owner", a->owner, "rooms of this organization");
  cmd->add_option("--facility", a->facility, "one room");
  cmd->add_option("--from", a->from, "first day")->required();
  cmd->add_option("--to", a->to, "last day")->required();
  cmd->add_option("--weekday", a->weekdays, "SU, SA,SU, 日, 土日 … (default: any)");
  cmd->add_option("--slot", a->slot, "a named slot (午前, 午後, 夜間)");
  cmd->add_option("--start", a->start, "or a time window: start");
  cmd->add_option("--end", a->end, "and end");
  sdk::cli::add_number_option(*cmd, "--limit", a->limit, kLimitRange,
                              "at most this many results (default 50)");
  cmd->callback([&ctx, a] {
    FreeQuery q{a->people, a->owner, a->facility, parse_date_option("--from", a->from),
                parse_date_option("--to", a->to)};
    if (!a->weekdays.empty()) q.weekdays = parse_weekdays(a->weekdays);
    if (!a->slot.empty()) q.slot = a->slot;
    if (!a->start.empty()) q.start_tod = time_arg(a->start, "--start");
    if (!a->end.empty()) q.end_tod = time_arg(a->end, "--end");
    q.org = ctx.current_org();
    q.limit = a->limit;
    auto found = find_free(ctx.db(), q);
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& s : found) arr.push_back(to_json(s));
    ctx.emit(arr, [&](std::ostream& out) {
      for (const auto& s : found)
        out << format_span(s.start, s.end) << '\t' << s.facility << '\t' << s.facility_name << '\t'
            << s.capacity << "人\t" << s.slot << '\t' << s.fee << "円\n";
    });
  });
}

nlohmann::json rows_json(const std::vector<UsageRow>& rows) {
  nlohmann::json arr = nlohmann::json::array();
  for (const auto& r : rows)
    arr.push_back({{"label", r.label},
                   {"bookings", r.bookings},
                   {"booked_hours", r.booked_hours},
                   {"open_hours", r.open_hours},
                   {"rate", r.rate()},
                   {"fees", r.fees}});
  return arr;
}

void add_usage(CLI::App& booking, sdk::CliContext& ctx) {
  struct Args {
    std::string from, to, csv, pdf;
    OrgId owner = 0;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = booking.add_subcommand("usage", "usage report (稼働率) per room, month, slot and organization");
  cmd->add_option("--from", a->from, "first day")->required();
  cmd->add_option("--to", a->to, "last day")->required();
  cmd->add_option("--owner", a->owner, "rooms of this organization (default: all)");
  cmd->add_option("--csv", a->csv, "write the report as CSV (UTF-8 with BOM)");
  cmd->add_option("--pdf", a->pdf, "write the report as an A4 PDF");
  cmd->callback([&ctx, a] {
    auto r = usage_report(ctx.db(), orgs(ctx), parse_date_option("--from", a->from),
                          parse_date_option("--to", a->to), a->owner);
    if (!a->csv.empty()) write_bytes(a->csv, usage_csv(r));
    if (!a->pdf.empty()) usage_pdf(r, a->pdf);
    nlohmann::json j = {{"from", r.from.iso()},
                        {"to", r.to.iso()},
                        {"rooms", rows_json(r.by_room)},
                        {"months", rows_json(r.by_month)},
                        {"slots", rows_json(r.by_slot)},
                        {"orgs", rows_json(r.by_org)},
                        {"total", rows_json({r.total})[0]}};
    ctx.emit(j, [&](std::ostream& out) {
      for (const auto& row : r.by_room)
        out << row.label << '\t' << row.bookings << "件\t" << row.booked_hours << "h / " << row.open_hours
            << "h\t" << format_rate(row.rate()) << '\n';
      out << "合計\t" << r.total.bookings << "件\t" << format_rate(r.total.rate()) << '\n';
    });
  });
}

void add_export(CLI::App& booking, sdk::CliContext& ctx) {
  struct Args {
    std::string out;
    FacilityId facility = 0;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = booking.add_subcommand(
      "export-ics", "iCalendar of one room (--facility ID) or of one organization (--org ID)");
  cmd->add_option("--out", a->out, "the .ics file to write")->required();
  sdk::add_id(*cmd, ctx, "--facility", a->facility, "booking_facilities", "room id");
  cmd->callback([&ctx, a] {
    IcsScope scope{a->facility, a->facility ? 0 : ctx.current_org()};
    std::string ics = export_ics(ctx.db(), orgs(ctx), scope);
    write_bytes(a->out, ics);
    ctx.emit({{"id", a->facility ? a->facility : scope.org}, {"out", a->out}, {"bytes", ics.size()}},
             [&](std::ostream& out) { out << "wrote " << a->out << '\n'; });
  });
}

void add_calendar_page(CLI::App& booking, sdk::CliContext& ctx) {
  struct Args {
    FacilityId facility = 0;
    std::string month, out;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = booking.add_subcommand(
      "calendar-page", "a room's bookings of a month as a PDF page for the door (A4 landscape month grid)");
  sdk::add_id(*cmd, ctx, "--facility", a->facility, "booking_facilities", "room id")->required();
  cmd->add_option("--month", a->month, "the month: 2026-06, 令和8年6月 (default this month)");
  cmd->add_option("--out", a->out, "the PDF file to write")->required();
  cmd->callback([&ctx, a] {
    const sdk::Date month = a->month.empty() ? sdk::today() : parse_month(a->month);
    sdk::Document doc = calendar_page(ctx.db(), orgs(ctx), a->facility, month);
    doc.save_pdf(a->out);
    ctx.emit({{"id", a->facility}, {"out", a->out}, {"pages", doc.page_count()}},
             [&](std::ostream& out) { out << "wrote " << a->out << '\n'; });
  });
}

void add_holidays(CLI::App& booking, sdk::CliContext& ctx) {
  auto year = std::make_shared<int>(sdk::today().year);
  auto* cmd = booking.add_subcommand("holidays", "national holidays of a year (2000–2099)");
  cmd->add_option("--year", *year, "the year");
  cmd->callback([&ctx, year] {
    if (*year < kFirstHolidayYear || *year > kLastHolidayYear)
      throw sdk::InputError("holidays are computed for 2000–2099");
    auto list = holidays_of_year(*year);
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& h : list) arr.push_back({{"date", h.date.iso()}, {"name", h.name}});
    ctx.emit(arr, [&](std::ostream& out) {
      for (const auto& h : list) out << h.date.iso() << '\t' << h.name << '\n';
    });
  });
}

}  // namespace

void add_report_commands(CLI::App& booking, sdk::CliContext& ctx) {
  add_free(booking, ctx);
  add_usage(booking, ctx);
  add_export(booking, ctx);
  add_calendar_page(booking, ctx);
  add_holidays(booking, ctx);
}

}  // namespace wasshoi::booking::cli
