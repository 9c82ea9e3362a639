#pragma once
// What the proposals subcommands share: option parsing with messages naming the option, and the
// JSON / text shapes of a proposal.
#include "core/lifecycle.hpp"
#include "core/model.hpp"

#include <nlohmann/json.hpp>

#include <ostream>

namespace wasshoi::proposals::cli {

// "--date: 2026/13/40 is not a date"; empty text gives `fallback` (today when not given).
sdk::Date parse_date_option(const std::string& option, const std::string& text,
                            std::optional<sdk::Date> fallback = std::nullopt);

nlohmann::json summary_json(const ProposalSummary& s);
nlohmann::json proposal_json(const Proposal& p);
nlohmann::json step_json(ProposalId id, const Proposal& p, const StepResult& r);
void print_summary_line(std::ostream& out, const ProposalSummary& s);
void print_proposal(std::ostream& out, const Proposal& p);
void print_step(std::ostream& out, const Proposal& p, const StepResult& r);

}  // namespace wasshoi::proposals::cli
