// wasshoi-cli booking series list|cancel|change
#include <iostream>
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/cli_support.hpp"

namespace wasshoi::booking::cli {

namespace {

// The rule in words, or 日付不明 when the series' stored dates did not read (db.hpp).
std::string rule_ja(const Series& s) {
  return s.first ? describe_ja(s.rule, *s.first) : to_text(s.rule) + " " + sdk::kDateUnknown;
}

nlohmann::json to_json(sdk::Database& db, const Series& s) {
  nlohmann::json missing = nlohmann::json::array();
  for (const auto& d : missing_dates(db, s)) missing.push_back(d.iso());
  return {{"id", s.id},
          {"facility_id", s.facility_id},
          {"org_id", s.org},
          {"rule", to_text(s.rule)},
          {"rule_ja", rule_ja(s)},
          {"first", s.first ? nlohmann::json(s.first->iso()) : nlohmann::json(nullptr)},
          {"until", s.rule.until ? nlohmann::json(s.rule.until->iso()) : nlohmann::json(nullptr)},
          {"count", s.rule.count ? nlohmann::json(*s.rule.count) : nlohmann::json(nullptr)},
          {"start", format_hm(s.start_tod)},
          {"end", format_hm(s.end_tod)},
          {"purpose", s.purpose},
          {"skipped_or_cancelled", missing}};
}

void add_series_list(CLI::App& series, sdk::CliContext& ctx) {
  auto facility = std::make_shared<FacilityId>(0);
  auto* cmd = series.add_subcommand("list", "list booking series (of a room, or --org's)");
  cmd->add_option("--facility", *facility, "one room");
  cmd->callback([&ctx, facility] {
    auto all = list_series(ctx.db(), *facility, ctx.current_org());
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& s : all) arr.push_back(to_json(ctx.db(), s));
    ctx.emit(arr, [&](std::ostream& out) {
      for (const auto& s : all)
        out << s.id << '\t' << rule_ja(s) << ' ' << format_hm(s.start_tod) << "–" << format_hm(s.end_tod)
            << '\t' << s.purpose << '\n';
    });
  });
}

void add_series_cancel(CLI::App& series, sdk::CliContext& ctx) {
  struct Args {
    SeriesId id = 0;
    std::string from, reason;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = series.add_subcommand("cancel", "cancel a series from a date on (earlier dates stay booked)");
  sdk::add_id(*cmd, ctx, "ID", a->id, "booking_series", "series id")->required();
  cmd->add_option("--from", a->from, "first day to cancel (default: the whole series)");
  cmd->add_option("--reason", a->reason, "why (kept in the audit log)")->required();
  cmd->callback([&ctx, a] {
    Series s = get_series(ctx.db(), a->id);
    sdk::Date from = parse_date_option("--from", a->from, s.first);  // required when it is unknown
    int n = cancel_series_from(ctx, a->id, from, a->reason);
    ctx.emit({{"id", a->id}, {"from", from.iso()}, {"cancelled", n}},
             [&](std::ostream& out) { out << n << " bookings cancelled from " << from.iso() << '\n'; });
  });
}

void add_series_change(CLI::App& series, sdk::CliContext& ctx) {
  struct Args {
    SeriesId id = 0;
    std::string from, start, end;
    std::optional<std::string> purpose;
    std::optional<int> people;
    bool skip = false;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = series.add_subcommand("change", "change the times of a series from a date on");
  sdk::add_id(*cmd, ctx, "ID", a->id, "booking_series", "series id")->required();
  cmd->add_option("--from", a->from, "first day with the new times")->required();
  cmd->add_option("--start", a->start, "new start time")->required();
  cmd->add_option("--end", a->end, "new end time")->required();
  cmd->add_option("--purpose", a->purpose, "new purpose");
  sdk::cli::add_number_option(*cmd, "--people", a->people, kPeopleRange, "new expected attendance");
  cmd->add_flag("--skip-conflicts", a->skip, "book the free dates and skip the rest");
  cmd->callback([&ctx, a] {
    auto r = change_series_from(ctx.db(), orgs(ctx), a->id, parse_date_option("--from", a->from),
                                time_arg(a->start, "--start"), time_arg(a->end, "--end"), a->purpose,
                                a->people, a->skip ? OnProblem::SkipProblems : OnProblem::CancelAll);
    nlohmann::json skipped = nlohmann::json::array();
    for (const auto& o : r.skipped) skipped.push_back(cli::to_json(o));
    ctx.emit({{"id", r.id}, {"replaces", a->id}, {"booked", r.booked}, {"skipped", skipped}},
             [&](std::ostream& out) {
               out << "series " << r.id << " continues series " << a->id << ": " << r.booked.size()
                   << " dates booked\n";
             });
  });
}

}  // namespace

void add_series_commands(CLI::App& booking, sdk::CliContext& ctx) {
  auto* series = booking.add_subcommand("series", "recurring bookings (定期予約)");
  series->require_subcommand(1);
  add_series_list(*series, ctx);
  add_series_cancel(*series, ctx);
  add_series_change(*series, ctx);
}

}  // namespace wasshoi::booking::cli
