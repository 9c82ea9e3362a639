#pragma once
// What the proposals subcommands share: option parsing with messages naming the option, and the
// JSON / text shapes of a proposal.
#include <nlohmann/json.hpp>
#include <ostream>
#include <wasshoi/sdk/cli_options.hpp>

#include "core/lifecycle.hpp"
#include "core/model.hpp"

namespace wasshoi::proposals::cli {

// Dates, 年度, numbers and text options: the SDK's one CLI toolkit.
using sdk::cli::options;
using sdk::cli::parse_date_option;
using sdk::cli::parse_optional_date_option;

// Ranges of the number options (sdk::cli::add_number_option; docs/input.md).
inline constexpr sdk::IntRange kFigureRange{0, 1000000};
inline constexpr sdk::IntRange kYearRange{sdk::kMinYear, sdk::kMaxYear};

nlohmann::json summary_json(const ProposalSummary& s);
nlohmann::json proposal_json(const Proposal& p);
nlohmann::json step_json(ProposalId id, const Proposal& p, const StepResult& r);
void print_summary_line(std::ostream& out, const ProposalSummary& s);
void print_proposal(std::ostream& out, const Proposal& p);
void print_step(std::ostream& out, const Proposal& p, const StepResult& r);

}  // namespace wasshoi::proposals::cli
