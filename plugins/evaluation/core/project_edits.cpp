// Corrections of a 協働事業: its particulars, partners, goals and links. Each is one transaction;
// the host's row guard lets only the registering organization's 会長 and 役員 write (as for
// add_project and add_goal), so a 班長, a 閲覧 or another organization is refused below the
// plugin. The refusals of the plugin's own rules are in the officer's language.
#include <string>
#include <wasshoi/sdk/input.hpp>

#include "core/messages.hpp"
#include "core/projects.hpp"

namespace wasshoi::evaluation {

namespace {

sdk::OrgId owner_or_refuse(sdk::Database& db, Id project) {
  sdk::Statement st(db, "SELECT org_id FROM evaluation_projects WHERE id = ?");
  st.bind(1, project);
  if (!st.step()) throw sdk::InputError(tr_fill("evaluation.error.no_project", {std::to_string(project)}));
  return st.get_int(0);
}

void require_goal(sdk::Database& db, Id project, int number) {
  sdk::Statement st(db, "SELECT 1 FROM evaluation_goals WHERE project_id = ? AND position = ?");
  st.bind_all(project, number);
  if (!st.step())
    throw sdk::InputError(
        tr_fill("evaluation.error.no_goal", {std::to_string(project), std::to_string(number)}));
}

}  // namespace

void update_project(sdk::Database& db, Id project, const ProjectInput& in) {
  const std::string form = check_project_input(in);
  sdk::Transaction tx(db, "evaluation.project.update", std::to_string(project) + " " + sdk::trim(in.title));
  owner_or_refuse(db, project);
  sdk::Statement(db,
                 "UPDATE evaluation_projects SET title = ?, form = ?, purpose = ?, start_on = ?, end_on = ?, "
                 "cost = ?, cost_note = ? WHERE id = ?")
      .bind_all(sdk::trim(in.title), form, in.purpose, in.start, in.end, in.cost, in.cost_note, project)
      .run();
  tx.commit();
}

void remove_partner(sdk::Database& db, sdk::OrganizationDirectory& orgs, Id project, sdk::OrgId partner) {
  const std::string name = orgs.name(db, partner);
  sdk::Transaction tx(db, "evaluation.partner.remove", std::to_string(project) + " " + name);
  if (owner_or_refuse(db, project) == partner)
    throw sdk::InputError(tr_fill("evaluation.error.owner_stays", {name}));
  sdk::Statement row(db, "SELECT id FROM evaluation_partners WHERE project_id = ? AND org_id = ?");
  row.bind_all(project, partner);
  if (!row.step()) throw sdk::InputError(tr_fill("evaluation.error.not_partner", {name}));
  const Id id = row.get_int(0);
  const auto rated =
      sdk::query_int(db, "SELECT count(*) FROM evaluation_ratings WHERE partner_id = " + std::to_string(id));
  if (rated.value_or(0) > 0)
    throw sdk::InputError(tr_fill("evaluation.error.partner_rated", {name, std::to_string(*rated)}));
  sdk::Statement(db, "DELETE FROM evaluation_partners WHERE id = ?").bind(1, id).run();
  tx.commit();
}

void update_goal(sdk::Database& db, Id project, int goal_number, const Goal& g) {
  check_goal(g);
  sdk::Transaction tx(
      db, "evaluation.goal.update",
      std::to_string(project) + " 目標" + std::to_string(goal_number) + " " + sdk::trim(g.goal));
  owner_or_refuse(db, project);
  require_goal(db, project, goal_number);
  sdk::Statement(db,
                 "UPDATE evaluation_goals SET goal = ?, indicator = ?, unit = ?, target = ?, achieved = ? "
                 "WHERE project_id = ? AND position = ?")
      .bind_all(sdk::trim(g.goal), g.indicator, g.unit, g.target, g.achieved, project, goal_number)
      .run();
  tx.commit();
}

void remove_goal(sdk::Database& db, Id project, int goal_number) {
  sdk::Transaction tx(db, "evaluation.goal.remove",
                      std::to_string(project) + " 目標" + std::to_string(goal_number));
  owner_or_refuse(db, project);
  require_goal(db, project, goal_number);
  sdk::Statement(db, "DELETE FROM evaluation_goals WHERE project_id = ? AND position = ?")
      .bind_all(project, goal_number)
      .run();
  // The goals after it move up, through negative positions: UNIQUE(project_id, position) is
  // checked row by row on both engines.
  sdk::Statement(db, "UPDATE evaluation_goals SET position = -position WHERE project_id = ? AND position > ?")
      .bind_all(project, goal_number)
      .run();
  sdk::Statement(db,
                 "UPDATE evaluation_goals SET position = -position - 1 WHERE project_id = ? AND position < 0")
      .bind(1, project)
      .run();
  tx.commit();
}

void remove_link(sdk::Database& db, Id project, const std::string& kind, Id ref) {
  if (kind != "meeting" && kind != "issue") throw sdk::InputError(sdk::tr("evaluation.error.link_kind"));
  sdk::Transaction tx(db, "evaluation.link.remove",
                      std::to_string(project) + " " + kind + " " + std::to_string(ref));
  owner_or_refuse(db, project);
  sdk::Statement(db, "DELETE FROM evaluation_links WHERE project_id = ? AND kind = ? AND ref_id = ?")
      .bind_all(project, kind, ref)
      .run();
  if (db.changes() == 0)
    throw sdk::InputError(
        tr_fill("evaluation.error.no_link", {std::to_string(ref), sdk::tr("evaluation.kind." + kind)}));
  tx.commit();
}

}  // namespace wasshoi::evaluation
