#pragma once
// What the minutes subcommands share: the JSON shapes of meetings, quorum, 議案 and action items,
// date options, the roster service, and the subcommand groups (one file each).
#include <CLI/CLI.hpp>
#include <memory>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/cli_options.hpp>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes::cli {

using nlohmann::json;

// The roster through the members plugin; InputError saying how to enable it otherwise.
sdk::MemberDirectory& members(sdk::Context& ctx);
// Dates, 年度, numbers and text options: the SDK's one CLI toolkit.
using sdk::cli::options;
using sdk::cli::parse_date_option;
using sdk::cli::parse_optional_date_option;

// Ranges of the number options (sdk::cli::add_number_option; docs/input.md).
inline constexpr sdk::IntRange kVotesRange{0, 100000, "votes"};
inline constexpr sdk::IntRange kFractionRange{1, 100};

json to_json(const Meeting& m);
json to_json(const QuorumStatus& q);
json to_json(const AgendaItem& item);
json to_json(const ActionItem& a);
// A meeting's whole record: attendance, quorum (when the roster is there), agenda, actions.
json meeting_details(sdk::Context& ctx, MeetingId id);

// `--person 3 --person 5`: one value per occurrence, all occurrences kept.
template <typename T>
CLI::Option* add_repeatable(CLI::App& app, const char* name, std::vector<T>& values, const char* help) {
  return app.add_option(name, values, help)
      ->expected(1)
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void add_meeting_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_attendance_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_agenda_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_action_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_approval_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_export_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_gikansho_commands(CLI::App& minutes, sdk::CliContext& ctx);  // 議案書

}  // namespace wasshoi::minutes::cli
