#pragma once
// A proposal's stored state as the core files read and write it, with the rule that only 作成中 or
// 承認済 proposals are edited. (Stored dates go through Statement::get_date, sdk/db.hpp.)
#include "core/model.hpp"

namespace wasshoi::proposals {

// InputError unless the proposal can still be edited (作成中 or 承認済).
void require_editable(sdk::Database& db, ProposalId id);
// The proposal's state; InputError "no proposal with id N".
State state_of(sdk::Database& db, ProposalId id);
void set_state(sdk::Database& db, ProposalId id, State s);
std::string id_text(ProposalId id);  // "proposal 12"

}  // namespace wasshoi::proposals
