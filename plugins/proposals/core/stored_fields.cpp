#include "core/stored_fields.hpp"

#include <wasshoi/sdk/error.hpp>

namespace wasshoi::proposals {

std::string id_text(ProposalId id) {
  return "proposal " + std::to_string(id);
}

State state_of(sdk::Database& db, ProposalId id) {
  sdk::Statement st(db, "SELECT state FROM proposals_proposals WHERE id = ?");
  st.bind(1, id);
  if (!st.step()) throw sdk::InputError("no proposal with id " + std::to_string(id));
  return parse_state(st.get_text(0));
}

void require_editable(sdk::Database& db, ProposalId id) {
  State s = state_of(db, id);
  if (s != State::Draft && s != State::Approved)
    throw sdk::InputError(id_text(id) + " is " + label(s) + " (" + to_string(s) +
                          "): what was submitted to the city can no longer be changed");
}

void set_state(sdk::Database& db, ProposalId id, State s) {
  sdk::Statement(db, "UPDATE proposals_proposals SET state = ? WHERE id = ?")
      .bind_all(to_string(s), id)
      .run();
}

}  // namespace wasshoi::proposals
