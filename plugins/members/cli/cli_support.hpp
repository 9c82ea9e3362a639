#pragma once
// What every members subcommand needs: arguments as officers write them (班 by name or id,
// 年度 in 西暦 or 和暦, dates in either), and the event that tells others the roster changed.
#include <CLI/CLI.hpp>
#include <memory>
#include <string>
#include <wasshoi/sdk/cli_options.hpp>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/document.hpp>

#include "core/model.hpp"

namespace wasshoi::members::cli {

// "3", "3班", "３班" or a 班 id → its id in `org`; InputError listing the 班 otherwise.
HanId resolve_han(sdk::Context& ctx, OrgId org, const std::string& text);
std::optional<HanId> resolve_optional_han(sdk::Context& ctx, OrgId org, const std::string& text);
// Dates, 年度, numbers and text options: the SDK's one CLI toolkit.
using sdk::cli::options;
using sdk::cli::parse_date_option;
using sdk::cli::parse_optional_date_option;
// `--year`: "2025", "令和7", "R7" → 2025; blank → the current 年度 (sdk::cli's one policy).
inline int parse_fiscal_year(const std::string& text, const char* option = "--year") {
  return sdk::cli::parse_fiscal_year_option(option, text, sdk::cli::this_fiscal_year());
}

// Officers' access (sdk::Access): a 班長 works in their own 班 only, and personal data of
// another organization is not shown. `han` is the --han given (may be empty).
std::optional<HanId> scoped_han(sdk::CliContext& ctx, OrgId org, const std::string& han);
// The organization to work in, once the officer may see its roster.
OrgId roster_org(sdk::CliContext& ctx);
// InputError for a 班長: importing, exporting whole rosters and setting dues are officers' work.
void require_officer(sdk::CliContext& ctx, const char* what);

// Publishes sdk::events::DataChanged for the roster after a write.
void roster_changed(sdk::Context& ctx, const std::string& what);

void add_import_export_commands(CLI::App& members, sdk::CliContext& ctx);
void add_roster_commands(CLI::App& members, sdk::CliContext& ctx);
void add_role_commands(CLI::App& members, sdk::CliContext& ctx);
void add_dues_commands(CLI::App& members, sdk::CliContext& ctx);
void add_print_commands(CLI::App& members, sdk::CliContext& ctx);
void add_stats_commands(CLI::App& members, sdk::CliContext& ctx);
// Writes `doc` to `out` (personal data: 0600), refusing an existing file without `overwrite`.
void write_pdf(sdk::CliContext& ctx, const sdk::Document& doc, const std::string& out, bool overwrite);

}  // namespace wasshoi::members::cli
