// wasshoi-cli booking facility add|list|close
#include <iostream>
#include <wasshoi/sdk/cli_ids.hpp>

#include "cli/cli_support.hpp"
#include "core/facility_changes.hpp"

namespace wasshoi::booking::cli {

namespace {

struct FacilityArgs {
  std::string name;
  int capacity = 0;
  OrgId owner = 0;
  std::string open = "9:00", close = "21:00";
  std::vector<std::string> slots;  // 午前=9:00-12:00:1200
  bool free_times = false;
  std::vector<std::string> equipment;  // プロジェクター=1
  std::string closed_weekdays;         // MO or 月
  bool closed_on_holidays = false, open_new_year = false, approval = false, charge_owner = false;
  int fee_per_hour = 0;
  std::vector<OrgId> exempt;
};

// 午前=9:00-12:00:1200
Slot parse_slot(const std::string& spec) {
  auto eq = spec.find('='), dash = spec.find('-', eq == std::string::npos ? 0 : eq);
  if (eq == std::string::npos || dash == std::string::npos)
    throw sdk::InputError("--slot '" + spec + "': write NAME=HH:MM-HH:MM[:FEE], e.g. 午前=9:00-12:00:1200");
  std::string rest = spec.substr(dash + 1);
  auto fee_colon = rest.find(':', rest.find(':') + 1);
  Slot s{spec.substr(0, eq), time_arg(spec.substr(eq + 1, dash - eq - 1), "--slot"),
         time_arg(rest.substr(0, fee_colon), "--slot"), 0};
  if (fee_colon != std::string::npos) {
    std::string fee = rest.substr(fee_colon + 1);
    if (fee.empty() || fee.find_first_not_of("0123456789") != std::string::npos)
      throw sdk::InputError("--slot '" + spec + "': the fee must be a whole number of yen");
    s.fee = std::stoi(fee);
  }
  return s;
}

Equipment parse_equipment(const std::string& spec) {
  auto eq = spec.find('=');
  if (eq == std::string::npos) return {spec, 1};
  try {
    return {spec.substr(0, eq), std::stoi(spec.substr(eq + 1))};
  } catch (const std::exception&) {
    throw sdk::InputError("--equipment '" + spec + "': write NAME=QUANTITY, e.g. 長机=12");
  }
}

Facility facility_of(const FacilityArgs& a, OrgId owner) {
  Facility f{.owner = owner, .name = a.name, .capacity = a.capacity};
  f.open_min = time_arg(a.open, "--open");
  f.close_min = time_arg(a.close, "--close");
  if (!a.closed_weekdays.empty()) f.closed_weekdays = parse_weekdays(a.closed_weekdays);
  f.closed_on_holidays = a.closed_on_holidays;
  f.new_year_closed = !a.open_new_year;
  f.requires_approval = a.approval;
  f.fee_per_hour = a.fee_per_hour;
  f.owner_exempt = !a.charge_owner;
  f.exempt_orgs = a.exempt;
  for (const auto& s : a.slots) f.slots.push_back(parse_slot(s));
  if (a.slots.empty() && !a.free_times) f.slots = standard_slots();
  for (const auto& e : a.equipment) f.equipment.push_back(parse_equipment(e));
  return f;
}

void print_facility(std::ostream& out, sdk::Context& ctx, const Facility& f) {
  out << f.id << '\t' << orgs(ctx).name(ctx.db(), f.owner) << '\t' << f.name << '\t' << f.capacity << "人\t"
      << format_hm(f.open_min) << "–" << format_hm(f.close_min);
  for (const auto& s : f.slots)
    out << "  " << s.name << ' ' << format_hm(s.start_min) << "–" << format_hm(s.end_min);
  if (f.requires_approval) out << "  要承認";
  out << '\n';
}

void add_facility_add(CLI::App& facility, sdk::CliContext& ctx) {
  auto a = std::make_shared<FacilityArgs>();
  auto* cmd =
      facility.add_subcommand("add", "add a room: capacity, hours, slots, fees, equipment, closed days");
  cmd->add_option("--name", a->name, "room name, e.g. 大会議室")->required();
  sdk::cli::add_number_option(*cmd, "--capacity", a->capacity, kCapacityRange, "how many people it holds")
      ->required();
  cmd->add_option("--owner", a->owner, "owning organization id (公民館, 自治会); default --org");
  cmd->add_option("--open", a->open, "opening time (default 9:00)");
  cmd->add_option("--close", a->close, "closing time (default 21:00)");
  cmd->add_option("--slot", a->slots, "named slot NAME=HH:MM-HH:MM[:FEE]; repeat (default 午前/午後/夜間)");
  cmd->add_flag("--free-times", a->free_times, "no named slots: booked by free times");
  cmd->add_option("--equipment", a->equipment, "NAME=QUANTITY; repeat");
  cmd->add_option("--closed", a->closed_weekdays, "weekly closed days, e.g. MO or 月 (休館日)");
  cmd->add_flag("--closed-on-holidays", a->closed_on_holidays, "closed on national holidays (祝日休館)");
  cmd->add_flag("--open-new-year", a->open_new_year, "open 12/29–1/3 (closed by default)");
  cmd->add_flag("--approval", a->approval, "bookings stay 仮予約 until approved");
  sdk::cli::add_number_option(*cmd, "--fee-per-hour", a->fee_per_hour, kFeeRange,
                              "使用料 per started hour (rooms without slots)");
  cmd->add_flag("--charge-owner", a->charge_owner, "the owner pays too (free by default)");
  cmd->add_option("--exempt", a->exempt, "organization id that books free (減免); repeat");
  cmd->callback([&ctx, a] {
    OrgId owner = a->owner ? a->owner : org_arg(ctx);
    Facility f = facility_of(*a, owner);
    FacilityId id = add_facility(ctx, f);
    Facility stored = get_facility(ctx.db(), id);
    ctx.emit(to_json(ctx, stored), [&](std::ostream& out) { out << id << '\n'; });
  });
}

void add_facility_list(CLI::App& facility, sdk::CliContext& ctx) {
  auto owner = std::make_shared<OrgId>(0);
  auto* cmd = facility.add_subcommand("list", "list rooms");
  cmd->add_option("--owner", *owner, "only the rooms of this organization");
  cmd->callback([&ctx, owner] {
    auto all = list_facilities(ctx.db(), *owner);
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& f : all) arr.push_back(to_json(ctx, f));
    ctx.emit(arr, [&](std::ostream& out) {
      for (const auto& f : all) print_facility(out, ctx, f);
    });
  });
}

void add_facility_close(CLI::App& facility, sdk::CliContext& ctx) {
  struct Args {
    FacilityId id = 0;
    std::string date, reason;
  };
  auto a = std::make_shared<Args>();
  auto* cmd = facility.add_subcommand("close", "a one-off closure (臨時休館) on a date");
  sdk::add_id(*cmd, ctx, "ID", a->id, "booking_facilities", "facility id")->required();
  cmd->add_option("--date", a->date, "the day")->required();
  cmd->add_option("--reason", a->reason, "e.g. 空調工事, 選挙 投票所");
  cmd->callback([&ctx, a] {
    sdk::Date day = parse_date_option("--date", a->date);
    add_closure(ctx, a->id, day, a->reason);
    ctx.emit({{"id", a->id}, {"date", day.iso()}, {"reason", a->reason}},
             [&](std::ostream& out) { out << "closed " << day.iso() << '\n'; });
  });
}

}  // namespace

void add_facility_commands(CLI::App& booking, sdk::CliContext& ctx) {
  auto* facility = booking.add_subcommand("facility", "rooms (集会施設)");
  facility->require_subcommand(1);
  add_facility_add(*facility, ctx);
  add_facility_list(*facility, ctx);
  add_facility_close(*facility, ctx);
}

}  // namespace wasshoi::booking::cli
