#pragma once
// What the issues subcommands share: argument parsing with messages that name the option, and
// the JSON / text shapes of an issue.
#include <filesystem>
#include <nlohmann/json.hpp>
#include <ostream>
#include <wasshoi/sdk/cli_options.hpp>
#include <wasshoi/sdk/context.hpp>

#include "core/model.hpp"

namespace wasshoi::issues::cli {

// Dates, 年度, numbers and text options: the SDK's one CLI toolkit.
using sdk::cli::options;
using sdk::cli::parse_date_option;
using sdk::cli::parse_optional_date_option;
// The whole file; InputError naming the option and the file.
sdk::Blob read_file(const std::string& option, const std::filesystem::path& file);

inline constexpr sdk::IntRange kPercentRange{0, 100, "%"};

nlohmann::json issue_json(const Issue& issue);
void print_issue_line(std::ostream& out, const Issue& issue, bool with_org);

// The filter options shared by list and agenda.
struct FilterOptions {
  std::vector<std::string> statuses, categories;
  std::string from, to, query;
  IssueFilter to_filter(sdk::Context& ctx, OrgId org) const;
};

}  // namespace wasshoi::issues::cli
