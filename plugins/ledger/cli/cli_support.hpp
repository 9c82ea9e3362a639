#pragma once
// What the ledger's commands share: the organization (with money from the other plugins brought
// in first), 年度 options, JSON shapes, writing a document.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <wasshoi/sdk/cli_options.hpp>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/document.hpp>

#include "core/model.hpp"
#include "core/reports.hpp"

namespace wasshoi::ledger::cli {

// --org (or the only 自治会), after bringing in 会費 and 使用料 when the officer may write.
OrgId books_org(sdk::CliContext& ctx);
// The 年度 of --year text (2025, 令和7, R7), this 会計年度 when blank.
int year_arg(sdk::CliContext& ctx, OrgId org, const std::string& text);
std::string org_name(sdk::CliContext& ctx, OrgId org);
void save_document(const sdk::Document& doc, const std::string& path);

nlohmann::json to_json(const Entry& e);
nlohmann::json to_json(const Settlement& s);

void add_entry_commands(CLI::App& ledger, sdk::CliContext& ctx);
void add_setup_commands(CLI::App& ledger, sdk::CliContext& ctx);
void add_report_commands(CLI::App& ledger, sdk::CliContext& ctx);
void add_year_commands(CLI::App& ledger, sdk::CliContext& ctx);
void add_bank_commands(CLI::App& ledger, sdk::CliContext& ctx);
void add_grant_commands(CLI::App& ledger, sdk::CliContext& ctx);

}  // namespace wasshoi::ledger::cli
