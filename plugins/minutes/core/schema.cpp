#include "core/schema.hpp"

#include "core/agenda.hpp"
#include "core/gikansho_schema.hpp"

namespace wasshoi::minutes {

namespace {

// Meeting kinds: org_id NULL rows are the defaults every organization sees; an organization adds
// its own. general_assembly marks kinds counted by household with a quorum (総会, 臨時総会).
constexpr const char* kKinds = R"sql(
CREATE TABLE minutes_kinds(
  id {id},
  org_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
  name TEXT NOT NULL CHECK(length(name) > 0),
  general_assembly INTEGER NOT NULL DEFAULT 0,
  sort_order INTEGER NOT NULL DEFAULT 100);
CREATE UNIQUE INDEX minutes_kinds_name ON minutes_kinds(coalesce(org_id, 0), name);
INSERT INTO minutes_kinds(org_id, name, general_assembly, sort_order) VALUES
  (NULL, '総会', 1, 1), (NULL, '臨時総会', 1, 2), (NULL, '役員会', 0, 3), (NULL, '班長会', 0, 4),
  (NULL, '地域協働推進会議', 0, 5), (NULL, 'まちづくり懇談会', 0, 6), (NULL, '説明会', 0, 7),
  (NULL, 'ワークショップ', 0, 8);
)sql";

// Date-times are stored as ISO text (2026-04-19T10:00), which sorts in time order.
constexpr const char* kMeetings = R"sql(
CREATE TABLE minutes_meetings(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  kind TEXT NOT NULL,
  title TEXT NOT NULL,
  start_at TEXT NOT NULL,
  end_at TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  booking_id INTEGER,
  chair TEXT NOT NULL DEFAULT '',
  recorder TEXT NOT NULL DEFAULT '',
  state TEXT NOT NULL DEFAULT 'draft' CHECK(state IN ('draft', 'signed', 'approved')),
  approved_at INTEGER REFERENCES minutes_meetings(id),
  CHECK(end_at > start_at));
CREATE INDEX minutes_meetings_org_start ON minutes_meetings(org_id, start_at);
CREATE TABLE minutes_attendees(
  id {id},
  meeting_id INTEGER NOT NULL REFERENCES minutes_meetings(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK(kind IN ('member', 'guest')),
  person_id INTEGER,
  household_id INTEGER,
  name TEXT NOT NULL,
  affiliation TEXT NOT NULL DEFAULT '');
CREATE UNIQUE INDEX minutes_attendees_person ON minutes_attendees(meeting_id, person_id) WHERE person_id IS NOT NULL;
CREATE TABLE minutes_absent_votes(
  meeting_id INTEGER NOT NULL REFERENCES minutes_meetings(id) ON DELETE CASCADE,
  household_id INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK(kind IN ('proxy', 'written')),
  name TEXT NOT NULL,
  holder TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(meeting_id, household_id));
CREATE TABLE minutes_quorum_rules(
  org_id INTEGER PRIMARY KEY REFERENCES organizations(id) ON DELETE CASCADE,
  numerator INTEGER NOT NULL,
  denominator INTEGER NOT NULL,
  strictly_more INTEGER NOT NULL,
  count_proxies INTEGER NOT NULL,
  count_written INTEGER NOT NULL,
  CHECK(numerator > 0 AND denominator > 0 AND numerator <= denominator));
CREATE TABLE minutes_items(
  id {id},
  meeting_id INTEGER NOT NULL REFERENCES minutes_meetings(id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  title TEXT NOT NULL CHECK(length(title) > 0),
  discussion TEXT NOT NULL DEFAULT '',
  votes_for INTEGER CHECK(votes_for >= 0),
  votes_against INTEGER CHECK(votes_against >= 0),
  votes_abstain INTEGER CHECK(votes_abstain >= 0),
  result TEXT CHECK(result IN ('approved', 'rejected', 'continued')),
  UNIQUE(meeting_id, number));
CREATE TABLE minutes_actions(
  id {id},
  meeting_id INTEGER NOT NULL REFERENCES minutes_meetings(id) ON DELETE CASCADE,
  item_id INTEGER REFERENCES minutes_items(id) ON DELETE SET NULL,
  title TEXT NOT NULL CHECK(length(title) > 0),
  assignee TEXT NOT NULL DEFAULT '',
  due TEXT,
  status TEXT NOT NULL DEFAULT 'open' CHECK(status IN ('open', 'done')),
  done_on TEXT);
CREATE INDEX minutes_actions_status ON minutes_actions(status, due);
CREATE TABLE minutes_signatories(
  meeting_id INTEGER NOT NULL REFERENCES minutes_meetings(id) ON DELETE CASCADE,
  position INTEGER NOT NULL CHECK(position IN (1, 2)),
  name TEXT NOT NULL CHECK(length(name) > 0),
  signed_on TEXT NOT NULL,
  PRIMARY KEY(meeting_id, position));
CREATE TABLE minutes_reopenings(
  id {id},
  meeting_id INTEGER NOT NULL REFERENCES minutes_meetings(id) ON DELETE CASCADE,
  reopened_at TEXT NOT NULL,
  actor TEXT NOT NULL,
  reason TEXT NOT NULL CHECK(length(reason) > 0));
)sql";

// The head count of households that came to a 総会 without being on the list (名簿外).
constexpr const char* kUnlisted = R"sql(
CREATE TABLE minutes_unlisted(
  meeting_id INTEGER PRIMARY KEY REFERENCES minutes_meetings(id) ON DELETE CASCADE,
  count INTEGER NOT NULL CHECK(count >= 0));
)sql";

// Whether a kind takes votes (議決権あり; a 班長会 that only reports does not), an
// organization's choice for a default kind, and the 議案 templates per kind: org_id NULL rows
// are the standard ones, seeded below from standard_template(); an organization's own row
// replaces them. Items are one per line; {年度} and {前年度} become the meeting's 年度.
constexpr const char* kKindOptions = R"sql(
ALTER TABLE minutes_kinds ADD COLUMN has_votes INTEGER NOT NULL DEFAULT 1;
UPDATE minutes_kinds SET has_votes = 0 WHERE org_id IS NULL AND name = '班長会';
CREATE TABLE minutes_kind_options(
  org_id INTEGER NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  has_votes INTEGER NOT NULL,
  PRIMARY KEY(org_id, kind));
CREATE TABLE minutes_templates(
  id {id},
  org_id INTEGER REFERENCES organizations(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  items TEXT NOT NULL);
CREATE UNIQUE INDEX minutes_templates_kind ON minutes_templates(coalesce(org_id, 0), kind);
)sql";

// The officers proposed in a 役員改選 議案; assignment_id: the roster's role once written.
constexpr const char* kProposals = R"sql(
CREATE TABLE minutes_officer_proposals(
  id {id},
  item_id INTEGER NOT NULL REFERENCES minutes_items(id) ON DELETE CASCADE,
  person_id INTEGER NOT NULL,
  name TEXT NOT NULL,
  role TEXT NOT NULL CHECK(length(role) > 0),
  han TEXT NOT NULL DEFAULT '',
  fiscal_year INTEGER NOT NULL,
  assignment_id INTEGER,
  UNIQUE(item_id, person_id, role));
)sql";

std::string seed_templates() {
  std::string sql = kKindOptions;
  for (const char* kind : {"総会", "臨時総会", "役員会", "班長会"}) {
    std::string items;
    for (const auto& t : standard_template(kind)) items += (items.empty() ? "" : "\n") + t;
    sql += "INSERT INTO minutes_templates(org_id, kind, items) VALUES(NULL, '" + std::string(kind) + "', '" +
           items + "');\n";
  }
  return sql;
}

// Written votes and proxies are listed in the order they were entered: SQLite listed them by
// rowid, which PostgreSQL does not have. `entered` is that number (attendance.cpp).
constexpr const char* kAbsentVoteOrder = R"sql(
ALTER TABLE minutes_absent_votes ADD COLUMN entered INTEGER NOT NULL DEFAULT 0;
--@ sqlite
UPDATE minutes_absent_votes SET entered = rowid;
)sql";

}  // namespace

std::vector<sdk::Migration> migrations() {
  return {{1, "meeting kinds with the defaults", kKinds},
          {2, "meetings, attendance, quorum rules, agenda, action items, approval", kMeetings},
          {3, "the head count of a 総会's reception not on the list", kUnlisted},
          gikansho_migration(4),
          {5, "meeting kinds with or without votes; 議案 templates per kind as data", seed_templates()},
          {6, "the officers proposed in a 役員改選", kProposals},
          {7, "written votes and proxies keep the order they were entered", kAbsentVoteOrder}};
}

std::vector<sdk::OwnedTable> owned_tables() {
  const std::string meeting_org = "(SELECT org_id FROM minutes_meetings WHERE id = $.meeting_id)";
  std::vector<sdk::OwnedTable> tables{
      {.table = "minutes_kinds", .noun = "meeting kind", .org = "$.org_id"},
      {.table = "minutes_meetings", .noun = "meeting", .org = "$.org_id"},
      {.table = "minutes_attendees", .noun = "attendance", .org = meeting_org, .id = "rowid"},
      {.table = "minutes_absent_votes", .noun = "written vote", .org = meeting_org, .id = "rowid"},
      {.table = "minutes_quorum_rules", .noun = "quorum rule", .org = "$.org_id", .id = "org_id"},
      {.table = "minutes_items", .noun = "agenda item", .org = meeting_org},
      {.table = "minutes_actions", .noun = "action item", .org = meeting_org},
      {.table = "minutes_signatories", .noun = "signatory", .org = meeting_org, .id = "rowid"},
      {.table = "minutes_reopenings", .noun = "reopening", .org = meeting_org, .id = "rowid"},
      {.table = "minutes_kind_options", .noun = "meeting kind setting", .org = "$.org_id", .id = "rowid"},
      {.table = "minutes_templates", .noun = "agenda template", .org = "$.org_id"},
      {.table = "minutes_officer_proposals",
       .noun = "proposed officer",
       .org = "(SELECT m.org_id FROM minutes_items i JOIN minutes_meetings m ON m.id = i.meeting_id WHERE "
              "i.id = "
              "$.item_id)",
       .personal = true},
      {.table = "minutes_unlisted", .noun = "head count", .org = meeting_org, .id = "meeting_id"},
  };
  for (auto& t : gikansho_tables()) tables.push_back(std::move(t));
  return tables;
}

}  // namespace wasshoi::minutes
