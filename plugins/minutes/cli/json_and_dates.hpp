#pragma once
// What the minutes subcommands share: the JSON shapes of meetings, quorum, 議案 and action items,
// date options, the roster service, and the subcommand groups (one file each).
#include "core/model.hpp"

#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <memory>

namespace wasshoi::minutes::cli {

using nlohmann::json;

// The roster through the members plugin; InputError saying how to enable it otherwise.
sdk::MemberDirectory& members(sdk::Context& ctx);
// A date as officers write it (2026-04-19, 令和8年4月19日); InputError naming the option.
Date parse_date_option(const std::string& text, const char* option);
std::optional<Date> parse_optional_date(const std::string& text, const char* option);

json to_json(const Meeting& m);
json to_json(const QuorumStatus& q);
json to_json(const AgendaItem& item);
json to_json(const ActionItem& a);
// A meeting's whole record: attendance, quorum (when the roster is there), agenda, actions.
json meeting_details(sdk::Context& ctx, MeetingId id);

// Options of one subcommand live in a struct the callback keeps alive.
template <typename T>
std::shared_ptr<T> options() {
  return std::make_shared<T>();
}
// `--person 3 --person 5`: one value per occurrence, all occurrences kept.
template <typename T>
CLI::Option* add_repeatable(CLI::App& app, const char* name, std::vector<T>& values, const char* help) {
  return app.add_option(name, values, help)->expected(1)->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
}

void add_meeting_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_attendance_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_agenda_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_action_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_approval_commands(CLI::App& minutes, sdk::CliContext& ctx);
void add_export_commands(CLI::App& minutes, sdk::CliContext& ctx);

}  // namespace wasshoi::minutes::cli
