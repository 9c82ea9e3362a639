#pragma once
// What the booking subcommands share: argument parsing with clear messages, JSON shapes.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <wasshoi/sdk/context.hpp>

#include "core/facilities.hpp"
#include "core/finder.hpp"
#include "core/series.hpp"

namespace wasshoi::booking::cli {

sdk::Date date_arg(const std::string& text, const char* option);
int time_arg(const std::string& text, const char* option);  // "10:00" → 600; "24:00" allowed
sdk::DateTime at(const sdk::Date& day, int minutes_of_day);
// The organization a command works for: --org when given (checked), else the only 自治会.
OrgId org_arg(sdk::CliContext& ctx);

nlohmann::json to_json(sdk::Database& db, const Facility& f);
nlohmann::json to_json(sdk::Database& db, const Booking& b);
nlohmann::json to_json(const Occurrence& o);
nlohmann::json to_json(const FreeSlot& s);

void add_facility_commands(CLI::App& booking, sdk::CliContext& ctx);
void add_booking_commands(CLI::App& booking, sdk::CliContext& ctx);
void add_series_commands(CLI::App& booking, sdk::CliContext& ctx);
void add_report_commands(CLI::App& booking, sdk::CliContext& ctx);

}  // namespace wasshoi::booking::cli
