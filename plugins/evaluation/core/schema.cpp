#include "core/schema.hpp"

namespace wasshoi::evaluation {

namespace {

// Plain SQL that PostgreSQL takes as well: no SQLite-only functions, `?` parameters in the code.
// A 協働事業 belongs to the organization that registered it (org_id); the partners taking part,
// that organization among them, are rows of evaluation_partners. A partner's 自主評価 belongs to
// the partner: the row guard lets only that organization's 会長 and 役員 write it.
constexpr const char* kV1 = R"sql(
CREATE TABLE evaluation_projects(
  id {id},
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  title TEXT NOT NULL CHECK(length(trim(title)) > 0),
  form TEXT NOT NULL CHECK(form IN ('kyosai','koen','jikko','itaku','hojo','sanka','sankaku','kyotei',
                                    'joho','iken','teigen','adopt')),
  purpose TEXT NOT NULL DEFAULT '',
  start_on TEXT,
  end_on TEXT,
  cost INTEGER CHECK(cost IS NULL OR cost >= 0),
  cost_note TEXT NOT NULL DEFAULT '',
  improvements TEXT NOT NULL DEFAULT '');
CREATE INDEX evaluation_projects_by_org ON evaluation_projects(org_id);

CREATE TABLE evaluation_partners(
  id {id},
  project_id INTEGER NOT NULL REFERENCES evaluation_projects(id) ON DELETE CASCADE,
  org_id INTEGER NOT NULL REFERENCES organizations(id),
  UNIQUE(project_id, org_id));
CREATE INDEX evaluation_partners_by_org ON evaluation_partners(org_id);

CREATE TABLE evaluation_goals(
  id {id},
  project_id INTEGER NOT NULL REFERENCES evaluation_projects(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  goal TEXT NOT NULL CHECK(length(trim(goal)) > 0),
  indicator TEXT NOT NULL DEFAULT '',
  unit TEXT NOT NULL DEFAULT '',
  target {real},
  achieved {real},
  UNIQUE(project_id, position));

CREATE TABLE evaluation_links(
  project_id INTEGER NOT NULL REFERENCES evaluation_projects(id) ON DELETE CASCADE,
  kind TEXT NOT NULL CHECK(kind IN ('meeting','issue')),
  ref_id INTEGER NOT NULL,
  label TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(project_id, kind, ref_id));

CREATE TABLE evaluation_ratings(
  partner_id INTEGER NOT NULL REFERENCES evaluation_partners(id) ON DELETE CASCADE,
  item TEXT NOT NULL CHECK(item IN ('goals','cost','dialogue','citizens','ingenuity','fiscal')),
  rating INTEGER NOT NULL CHECK(rating BETWEEN 1 AND 5),
  comment TEXT NOT NULL DEFAULT '',
  cause TEXT NOT NULL DEFAULT '',
  improvement TEXT NOT NULL DEFAULT '',
  PRIMARY KEY(partner_id, item));

CREATE TABLE evaluation_surveys(
  id {id},
  project_id INTEGER NOT NULL REFERENCES evaluation_projects(id) ON DELETE CASCADE,
  title TEXT NOT NULL CHECK(length(trim(title)) > 0));

CREATE TABLE evaluation_questions(
  id {id},
  survey_id INTEGER NOT NULL REFERENCES evaluation_surveys(id) ON DELETE CASCADE,
  position INTEGER NOT NULL,
  kind TEXT NOT NULL CHECK(kind IN ('single','multiple','scale','number','text','attribute')),
  text TEXT NOT NULL CHECK(length(trim(text)) > 0),
  choices TEXT NOT NULL DEFAULT '',
  UNIQUE(survey_id, position));

CREATE TABLE evaluation_sheets(
  id {id},
  survey_id INTEGER NOT NULL REFERENCES evaluation_surveys(id) ON DELETE CASCADE);

CREATE TABLE evaluation_answers(
  id {id},
  sheet_id INTEGER NOT NULL REFERENCES evaluation_sheets(id) ON DELETE CASCADE,
  question_id INTEGER NOT NULL REFERENCES evaluation_questions(id) ON DELETE CASCADE,
  choice INTEGER,
  number {real},
  text TEXT,
  issue_id INTEGER);
CREATE INDEX evaluation_answers_by_question ON evaluation_answers(question_id);
)sql";

}  // namespace

std::vector<sdk::Migration> migrations() {
  return {{1, "協働事業, partners, goals, links, 自主評価, アンケート", kV1}};
}

std::vector<sdk::OwnedTable> owned_tables() {
  const std::string project_org = "(SELECT org_id FROM evaluation_projects WHERE id = $.project_id)";
  const std::string survey_org =
      "(SELECT p.org_id FROM evaluation_surveys s JOIN evaluation_projects p ON p.id = s.project_id "
      "WHERE s.id = $.survey_id)";
  const std::string sheet_org =
      "(SELECT p.org_id FROM evaluation_sheets h JOIN evaluation_surveys s ON s.id = h.survey_id "
      "JOIN evaluation_projects p ON p.id = s.project_id WHERE h.id = $.sheet_id)";
  return {
      {.table = "evaluation_projects", .noun = "協働事業", .org = "$.org_id"},
      // Who takes part is the registering organization's to say.
      {.table = "evaluation_partners", .noun = "協働事業の参加団体", .org = project_org},
      {.table = "evaluation_goals", .noun = "協働事業の目標", .org = project_org},
      {.table = "evaluation_links", .noun = "協働事業の関連", .org = project_org, .id = "rowid"},
      // A partner's own 自主評価: that partner's 会長 and 役員 write it, nobody else.
      {.table = "evaluation_ratings",
       .noun = "自主評価",
       .org = "(SELECT org_id FROM evaluation_partners WHERE id = $.partner_id)",
       .id = "rowid"},
      {.table = "evaluation_surveys", .noun = "アンケート", .org = project_org},
      {.table = "evaluation_questions", .noun = "アンケートの設問", .org = survey_org},
      {.table = "evaluation_sheets", .noun = "アンケートの回答票", .org = survey_org},
      {.table = "evaluation_answers", .noun = "アンケートの回答", .org = sheet_org},
  };
}

}  // namespace wasshoi::evaluation
