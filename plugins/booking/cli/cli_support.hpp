#pragma once
// What the booking subcommands share: argument parsing with clear messages, JSON shapes.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <wasshoi/sdk/cli_options.hpp>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/facilities.hpp"
#include "core/finder.hpp"
#include "core/series.hpp"

namespace wasshoi::booking::cli {

// Dates, 年度, numbers and text options: the SDK's one CLI toolkit.
using sdk::cli::options;
using sdk::cli::parse_date_option;
using sdk::cli::parse_optional_date_option;
// Ranges of the number options (sdk::cli::add_number_option; docs/input.md).
inline constexpr sdk::IntRange kPeopleRange{0, 10000, "people"};
inline constexpr sdk::IntRange kCapacityRange{1, 10000, "people"};
inline constexpr sdk::IntRange kCountRange{1, 1000, "dates"};
inline constexpr sdk::IntRange kLimitRange{1, 10000};
inline constexpr sdk::IntRange kFeeRange{0, 1000000, "yen", "ceiling"};
int time_arg(const std::string& text, const char* option);  // "10:00" → 600; "24:00" allowed
sdk::DateTime at(const sdk::Date& day, int minutes_of_day);
// The organization a command works for: --org when given (checked), else the only 自治会.
OrgId org_arg(sdk::CliContext& ctx);

// The host's organizations (names of owners and bookers).
sdk::OrganizationDirectory& orgs(sdk::Context& ctx);

nlohmann::json to_json(sdk::Context& ctx, const Facility& f);
nlohmann::json to_json(sdk::Context& ctx, const Booking& b);
nlohmann::json to_json(const Occurrence& o);
nlohmann::json to_json(const FreeSlot& s);

void add_facility_commands(CLI::App& booking, sdk::CliContext& ctx);
void add_booking_commands(CLI::App& booking, sdk::CliContext& ctx);
void add_series_commands(CLI::App& booking, sdk::CliContext& ctx);
void add_report_commands(CLI::App& booking, sdk::CliContext& ctx);

}  // namespace wasshoi::booking::cli
