#include "core/schema.hpp"

namespace wasshoi::proposals {

namespace {

constexpr const char* kV1 = R"sql(
CREATE TABLE proposals_proposals(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  title TEXT NOT NULL CHECK(length(trim(title)) > 0),
  kind TEXT NOT NULL CHECK(kind IN ('request','petition','policy')),
  addressee TEXT NOT NULL CHECK(addressee IN ('mayor','branch','department')),
  addressee_org_id INTEGER NOT NULL REFERENCES organizations(id),
  addressee_person TEXT NOT NULL DEFAULT '',
  place TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'draft'
    CHECK(state IN ('draft','approved','submitted','answered','continuing','closed')),
  fiscal_year INTEGER NOT NULL,
  approved_meeting_id INTEGER,
  approved_meeting_label TEXT NOT NULL DEFAULT '',
  approved_on TEXT,
  submitted_on TEXT,
  submitted_to TEXT NOT NULL DEFAULT '',
  created_on TEXT NOT NULL,
  search TEXT NOT NULL DEFAULT '');
CREATE INDEX proposals_by_org ON proposals_proposals(org_id, fiscal_year);

CREATE TABLE proposals_gatherings(
  id {id},
  proposal_id INTEGER NOT NULL REFERENCES proposals_proposals(id) ON DELETE CASCADE,
  method TEXT NOT NULL
    CHECK(method IN ('general_meeting','board','han_leaders','survey','briefing','dialogue')),
  held_on TEXT NOT NULL,
  participants INTEGER NOT NULL DEFAULT 0 CHECK(participants >= 0),
  answers INTEGER NOT NULL DEFAULT 0 CHECK(answers >= 0),
  note TEXT NOT NULL DEFAULT '');

CREATE TABLE proposals_history(
  id {id},
  proposal_id INTEGER NOT NULL REFERENCES proposals_proposals(id) ON DELETE CASCADE,
  on_date TEXT NOT NULL,
  text TEXT NOT NULL CHECK(length(trim(text)) > 0));

CREATE TABLE proposals_actions(
  id {id},
  proposal_id INTEGER NOT NULL REFERENCES proposals_proposals(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  text TEXT NOT NULL CHECK(length(trim(text)) > 0),
  department_org_id INTEGER REFERENCES organizations(id));

CREATE TABLE proposals_issues(
  proposal_id INTEGER NOT NULL REFERENCES proposals_proposals(id) ON DELETE CASCADE,
  issue_id INTEGER NOT NULL,
  title TEXT NOT NULL,
  PRIMARY KEY(proposal_id, issue_id));

CREATE TABLE proposals_attachments(
  id {id},
  proposal_id INTEGER NOT NULL REFERENCES proposals_proposals(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK(kind IN ('photo','map')),
  name TEXT NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  data {blob} NOT NULL);

CREATE TABLE proposals_answers(
  proposal_id INTEGER PRIMARY KEY REFERENCES proposals_proposals(id) ON DELETE CASCADE,
  answered_on TEXT NOT NULL,
  category TEXT NOT NULL CHECK(category IN ('will_do','will_consider','difficult','other')),
  text TEXT NOT NULL DEFAULT '',
  answered_by TEXT NOT NULL DEFAULT '');

CREATE TABLE proposals_progress(
  id {id},
  proposal_id INTEGER NOT NULL REFERENCES proposals_proposals(id) ON DELETE CASCADE,
  on_date TEXT NOT NULL,
  text TEXT NOT NULL CHECK(length(trim(text)) > 0));

CREATE TABLE proposals_carryovers(
  proposal_id INTEGER NOT NULL REFERENCES proposals_proposals(id) ON DELETE CASCADE,
  fiscal_year INTEGER NOT NULL,
  PRIMARY KEY(proposal_id, fiscal_year));
)sql";

// The 要望書 as the city expects it: its 文書番号, the contact person and telephone, and the date
// a reply is requested by (回答期限). Empty for letters written before.
constexpr const char* kV2 = R"sql(
ALTER TABLE proposals_proposals ADD COLUMN doc_number TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals_proposals ADD COLUMN contact_name TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals_proposals ADD COLUMN contact_phone TEXT NOT NULL DEFAULT '';
ALTER TABLE proposals_proposals ADD COLUMN reply_by TEXT;
)sql";

}  // namespace

std::vector<sdk::Migration> migrations() {
  return {
      {1, "proposals, the three sections, linked issues, attachments, answers, progress, carry-overs", kV1},
      {2, "the letter's 文書番号, contact person and telephone, 回答期限", kV2}};
}

std::vector<sdk::OwnedTable> owned_tables() {
  const std::string proposal_org = "(SELECT org_id FROM proposals_proposals WHERE id = $.proposal_id)";
  std::vector<sdk::OwnedTable> out = {
      {.table = "proposals_proposals", .noun = "proposal", .org = "$.org_id"}};
  for (const char* t : {"proposals_gatherings", "proposals_history", "proposals_actions", "proposals_issues",
                        "proposals_progress", "proposals_carryovers"})
    out.push_back({.table = t, .noun = "proposal entry", .org = proposal_org, .id = "rowid"});
  out.push_back({.table = "proposals_attachments", .noun = "attachment", .org = proposal_org});
  out.push_back({.table = "proposals_answers", .noun = "answer", .org = proposal_org, .id = "proposal_id"});
  return out;
}

}  // namespace wasshoi::proposals
