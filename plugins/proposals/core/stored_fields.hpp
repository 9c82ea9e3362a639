#pragma once
// A proposal's stored fields as the core files read and write them: dates (a damaged one is an
// InputError) and the state, with the rule that only 作成中 or 承認済 proposals are edited.
#include "core/model.hpp"

namespace wasshoi::proposals {

// A stored ISO date; InputError for text that is not one (a damaged row).
sdk::Date stored_date(const std::string& iso);
std::optional<sdk::Date> stored_date(const std::optional<std::string>& iso);
// InputError unless the proposal can still be edited (作成中 or 承認済).
void require_editable(sdk::Database& db, ProposalId id);
// The proposal's state; InputError "no proposal with id N".
State state_of(sdk::Database& db, ProposalId id);
void set_state(sdk::Database& db, ProposalId id, State s);
std::string id_text(ProposalId id);  // "proposal 12"

}  // namespace wasshoi::proposals
