#pragma once
// `wasshoi-cli evaluation …`: every subcommand calls core/; none holds a business rule.
#include <iosfwd>
#include <string>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/registry.hpp>

#include "core/projects.hpp"

namespace CLI {
class App;
}

namespace wasshoi::evaluation::cli {
void add_project_commands(
    CLI::App& evaluation,
    sdk::CliContext& ctx);  // add, partner, goal, achieved, link, list, show, rate, compare, improvements
void add_edit_commands(CLI::App& evaluation, sdk::CliContext& ctx);    // edit, goal-edit
void add_survey_commands(CLI::App& evaluation, sdk::CliContext& ctx);  // survey …
// survey question-edit, question-move, question-remove
void add_question_edit_commands(CLI::App& survey, sdk::CliContext& ctx);
void add_report_commands(CLI::App& evaluation, sdk::CliContext& ctx);  // report
// A 協働事業 as `evaluation show` prints it.
void print_project(std::ostream& out, const Project& p);
// An organization given by id (as `org list` shows it) or by its exact name.
sdk::OrgId parse_org(sdk::Database& db, sdk::OrganizationDirectory& orgs, const std::string& option,
                     const std::string& text);
}  // namespace wasshoi::evaluation::cli

namespace wasshoi::evaluation {
void register_cli(sdk::Registry& registry);
}
