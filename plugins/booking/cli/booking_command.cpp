#include "cli/cli.hpp"
#include "cli/cli_support.hpp"

namespace wasshoi::booking {

void register_cli(sdk::Registry& registry) {
  registry.add_cli_command({"booking", "集会施設予約: rooms, bookings, series, free slots, usage, iCalendar",
                            [](CLI::App& booking, sdk::CliContext& ctx) {
                              booking.require_subcommand(1);
                              cli::add_facility_commands(booking, ctx);
                              cli::add_booking_commands(booking, ctx);
                              cli::add_series_commands(booking, ctx);
                              cli::add_report_commands(booking, ctx);
                            }});
}

}  // namespace wasshoi::booking
