// Reading a whole proposal: header, sections, links, answer, progress.
#include <wasshoi/sdk/error.hpp>

#include "core/orgs.hpp"
#include "core/proposals.hpp"
#include "core/stored_fields.hpp"

namespace wasshoi::proposals {

namespace {

constexpr const char* kHeader =
    "SELECT p.id, p.org_id, p.title, p.kind, p.addressee, p.addressee_org_id, p.addressee_person, "
    "p.place, "
    "p.state, p.fiscal_year, p.approved_meeting_id, p.approved_meeting_label, p.approved_on, p.submitted_on, "
    "p.submitted_to, p.doc_number, p.contact_name, p.contact_phone, p.reply_by FROM proposals_proposals p "
    "WHERE p.id = ?";

// Dates: a stored date that is not one reads as empty (sdk/db.hpp), and the proposal still reads
// (日付不明 where it is shown).
void read_header(const sdk::Statement& st, Proposal& p) {
  p.id = st.get_int(0);
  p.org = st.get_int(1);
  p.title = st.get_text(2);
  p.kind = parse_kind(st.get_text(3));
  p.addressee = parse_addressee(st.get_text(4));
  p.addressee_org = st.get_int(5);
  p.addressee_person = st.get_text(6);
  p.place = st.get_text(7);
  p.state = parse_state(st.get_text(8));
  p.fiscal_year = static_cast<int>(st.get_int(9));
  p.approved_meeting = st.get_optional_int(10);
  p.approved_meeting_label = st.get_text(11);
  p.approved_on = st.get_date(12);
  p.submitted_on = st.get_date(13);
  p.submitted_to = st.get_text(14);
  p.doc_number = st.get_text(15);
  p.contact_name = st.get_text(16);
  p.contact_phone = st.get_text(17);
  p.reply_by = st.get_date(18);
}

void read_sections(sdk::Database& db, sdk::OrganizationDirectory& orgs, Proposal& p) {
  sdk::Statement g(db,
                   "SELECT id, method, held_on, participants, answers, note FROM proposals_gatherings "
                   "WHERE proposal_id = ? ORDER BY held_on, id");
  g.bind(1, p.id);
  while (g.step())
    p.gatherings.push_back({g.get_int(0), parse_method(g.get_text(1)), g.get_date(2),
                            static_cast<int>(g.get_int(3)), static_cast<int>(g.get_int(4)), g.get_text(5)});
  sdk::Statement h(
      db, "SELECT id, on_date, text FROM proposals_history WHERE proposal_id = ? ORDER BY on_date, id");
  h.bind(1, p.id);
  while (h.step()) p.history.push_back({h.get_int(0), h.get_date(1), h.get_text(2)});
  sdk::Statement a(db,
                   "SELECT a.id, a.text, a.department_org_id FROM proposals_actions a "
                   "WHERE a.proposal_id = ? ORDER BY a.position, a.id");
  a.bind(1, p.id);
  while (a.step()) {
    Action act{a.get_int(0), a.get_text(1), a.get_optional_int(2), ""};
    if (act.department) act.department_name = department_title(db, orgs, *act.department);
    p.actions.push_back(std::move(act));
  }
}

void read_links(sdk::Database& db, Proposal& p) {
  sdk::Statement i(db,
                   "SELECT issue_id, title FROM proposals_issues WHERE proposal_id = ? ORDER BY issue_id");
  i.bind(1, p.id);
  while (i.step()) p.issues.push_back({i.get_int(0), i.get_text(1)});
  sdk::Statement f(db,
                   "SELECT id, kind, name, caption, length(data) FROM proposals_attachments "
                   "WHERE proposal_id = ? ORDER BY id");
  f.bind(1, p.id);
  while (f.step())
    p.attachments.push_back(
        {f.get_int(0), f.get_text(1), f.get_text(2), f.get_text(3), static_cast<std::size_t>(f.get_int(4))});
  sdk::Statement c(db,
                   "SELECT fiscal_year FROM proposals_carryovers WHERE proposal_id = ? ORDER BY fiscal_year");
  c.bind(1, p.id);
  while (c.step()) p.carried_into.push_back(static_cast<int>(c.get_int(0)));
}

void read_answer(sdk::Database& db, Proposal& p) {
  sdk::Statement a(
      db, "SELECT answered_on, category, text, answered_by FROM proposals_answers WHERE proposal_id = ?");
  a.bind(1, p.id);
  if (a.step())
    p.answer = Answer{a.get_date(0), parse_answer_category(a.get_text(1)), a.get_text(2), a.get_text(3)};
  sdk::Statement g(
      db, "SELECT id, on_date, text FROM proposals_progress WHERE proposal_id = ? ORDER BY on_date, id");
  g.bind(1, p.id);
  while (g.step()) p.progress.push_back({g.get_int(0), g.get_date(1), g.get_text(2)});
}

}  // namespace

std::optional<Proposal> find_proposal(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id) {
  sdk::Statement st(db, kHeader);
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  Proposal p;
  read_header(st, p);
  p.org_name = orgs.name(db, p.org);
  p.addressee_org_name = orgs.name(db, p.addressee_org);
  read_sections(db, orgs, p);
  read_links(db, p);
  read_answer(db, p);
  return p;
}

Proposal get_proposal(sdk::Database& db, sdk::OrganizationDirectory& orgs, ProposalId id) {
  if (auto p = find_proposal(db, orgs, id)) return std::move(*p);
  throw sdk::InputError("no proposal with id " + std::to_string(id));
}

}  // namespace wasshoi::proposals
