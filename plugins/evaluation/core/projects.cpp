#include "core/projects.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>
#include <wasshoi/sdk/meeting_directory.hpp>
#include <wasshoi/sdk/row_lock.hpp>

namespace wasshoi::evaluation {

namespace {

std::string not_found(sdk::OrganizationDirectory& orgs, sdk::Database& db, sdk::OrgId viewer, Id id) {
  return "no 協働事業 with id " + std::to_string(id) + " among those " + orgs.name(db, viewer) +
         " takes part in";
}

// The registering organization of a project, or nullopt.
std::optional<sdk::OrgId> owner_of(sdk::Database& db, Id project) {
  sdk::Statement st(db, "SELECT org_id FROM evaluation_projects WHERE id = ?");
  st.bind(1, project);
  if (!st.step()) return std::nullopt;
  return st.get_int(0);
}

void require_project(sdk::Database& db, Id project) {
  if (!owner_of(db, project)) throw sdk::InputError("no 協働事業 with id " + std::to_string(project));
}

std::optional<Id> partner_row(sdk::Database& db, Id project, sdk::OrgId org) {
  sdk::Statement st(db, "SELECT id FROM evaluation_partners WHERE project_id = ? AND org_id = ?");
  st.bind_all(project, org);
  if (!st.step()) return std::nullopt;
  return st.get_int(0);
}

void insert_partner(sdk::Database& db, sdk::OrganizationDirectory& orgs, Id project, sdk::OrgId org) {
  orgs.get(db, org);  // "no organization with id N"
  if (partner_row(db, project, org))
    throw sdk::InputError("--partner: " + orgs.name(db, org) + " already takes part in this 協働事業");
  sdk::Statement(db, "INSERT INTO evaluation_partners(project_id, org_id) VALUES(?, ?)")
      .bind_all(project, org)
      .run();
}

std::optional<double> optional_double(sdk::Statement& st, int col) {
  if (st.is_null(col)) return std::nullopt;
  return st.get_double(col);
}

void check_rating(const Rating& r, const std::string& item) {
  const std::string field = "--rating (" + item_label(item) + ")";
  if (r.rating < 1 || r.rating > 5)
    throw sdk::InputError(field + ": " + std::to_string(r.rating) + " is not one of the 5 steps (1 … 5)");
  sdk::check_text(sdk::TextKind::Note, "--comment", r.comment);
  sdk::check_text(sdk::TextKind::Note, "--cause", r.cause);
  sdk::check_text(sdk::TextKind::Note, "--improvement", r.improvement);
  if (r.rating <= kUnmetRating && (sdk::trim(r.cause).empty() || sdk::trim(r.improvement).empty()))
    throw sdk::InputError(
        field + ": a rating of " + std::to_string(r.rating) +
        " (not met) needs its cause (--cause, 原因) and an improvement (--improvement, 改善策)");
}

}  // namespace

const std::vector<Form>& forms() {
  static const std::vector<Form> list = {
      {"kyosai", "共催"},   {"koen", "後援"},     {"jikko", "実行委員会"}, {"itaku", "委託"},
      {"hojo", "補助"},     {"sanka", "参加"},    {"sankaku", "参画"},     {"kyotei", "協定"},
      {"joho", "情報提供"}, {"iken", "意見交換"}, {"teigen", "政策提言"},  {"adopt", "アドプト"},
  };
  return list;
}

std::string parse_form(std::string_view field, std::string_view text) {
  const std::string t = sdk::trim(text);
  for (const auto& f : forms())
    if (t == f.key || t == f.ja) return f.key;
  std::string all;
  for (const auto& f : forms()) all += std::string(all.empty() ? "" : ", ") + f.ja;
  throw sdk::InputError(std::string(field) + ": '" + sdk::displayable_text(text) +
                        "' is not one of the plan's 協働の形態 (" + all + ")");
}

std::string form_label(std::string_view key) {
  for (const auto& f : forms())
    if (key == f.key) return f.ja;
  return std::string(key);
}

const std::vector<Item>& items() {
  static const std::vector<Item> list = {
      {"goals", "目標や成果が達成されたか"},      {"cost", "費用に見合った成果か"},
      {"dialogue", "継続した話し合いができたか"}, {"citizens", "市民の特性"},
      {"ingenuity", "市民組織の創意工夫"},        {"fiscal", "行財政的な効果"},
  };
  return list;
}

std::string parse_item(std::string_view field, std::string_view text) {
  const std::string t = sdk::trim(text);
  for (const auto& i : items())
    if (t == i.key || t == i.ja) return i.key;
  std::string all;
  for (const auto& i : items()) all += std::string(all.empty() ? "" : ", ") + i.key + " (" + i.ja + ")";
  throw sdk::InputError(std::string(field) + ": '" + sdk::displayable_text(text) +
                        "' is not one of the common items: " + all);
}

std::string item_label(std::string_view key) {
  for (const auto& i : items())
    if (key == i.key) return i.ja;
  return std::string(key);
}

std::string check_project_input(const ProjectInput& in) {
  if (sdk::trim(in.title).empty()) throw sdk::InputError("a 協働事業 needs a title");
  sdk::check_text(sdk::TextKind::Line, "title", in.title);
  sdk::check_text(sdk::TextKind::Note, "--purpose", in.purpose);
  sdk::check_text(sdk::TextKind::Note, "--cost-note", in.cost_note);
  const std::string form = parse_form("--form", in.form);
  if (in.start) sdk::check_date("--from", *in.start);
  if (in.end) sdk::check_date("--to", *in.end);
  if (in.start && in.end && *in.end < *in.start)
    throw sdk::InputError("--to: " + in.end->iso() + " is before the start " + in.start->iso());
  if (in.cost) sdk::check_integer("--cost", *in.cost, {0, 10'000'000'000, "yen", "ceiling"});
  return form;
}

Id add_project(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId owner,
               const ProjectInput& in) {
  const std::string form = check_project_input(in);
  sdk::Transaction tx(db, "evaluation.project.add", sdk::trim(in.title));
  orgs.get(db, owner);
  sdk::Statement(
      db,
      "INSERT INTO evaluation_projects(org_id, title, form, purpose, start_on, end_on, cost, cost_note) "
      "VALUES(?, ?, ?, ?, ?, ?, ?, ?)")
      .bind_all(owner, sdk::trim(in.title), form, in.purpose, in.start, in.end, in.cost, in.cost_note)
      .run();
  const Id id = db.last_insert_id();
  insert_partner(db, orgs, id, owner);
  for (sdk::OrgId p : in.partners)
    if (p != owner) insert_partner(db, orgs, id, p);
  tx.commit();
  return id;
}

void add_partner(sdk::Database& db, sdk::OrganizationDirectory& orgs, Id project, sdk::OrgId partner) {
  sdk::Transaction tx(db, "evaluation.partner.add", std::to_string(project) + " " + orgs.name(db, partner));
  require_project(db, project);
  insert_partner(db, orgs, project, partner);
  tx.commit();
}

void check_goal(const Goal& g) {
  if (sdk::trim(g.goal).empty()) throw sdk::InputError("--goal: a goal needs its text");
  sdk::check_text(sdk::TextKind::Line, "--goal", g.goal);
  sdk::check_text(sdk::TextKind::Line, "--indicator", g.indicator);
  sdk::check_text(sdk::TextKind::Name, "--unit", g.unit);
  for (const auto& [field, v] : {std::pair{"--target", g.target}, std::pair{"--achieved", g.achieved}})
    if (v && (!std::isfinite(*v) || *v < 0))
      throw sdk::InputError(std::string(field) + ": the value must be a number of 0 or more");
}

Id add_goal(sdk::Database& db, Id project, const Goal& g) {
  check_goal(g);
  sdk::Transaction tx(db, "evaluation.goal.add", std::to_string(project) + " " + g.goal);
  require_project(db, project);
  sdk::lock_row(db, "evaluation_projects", "id", project);  // the next position stays free until this commits
  sdk::Statement next(db, "SELECT COALESCE(MAX(position), 0) + 1 FROM evaluation_goals WHERE project_id = ?");
  next.bind(1, project);
  next.step();
  const auto position = next.get_int(0);
  sdk::Statement(
      db,
      "INSERT INTO evaluation_goals(project_id, position, goal, indicator, unit, target, achieved) "
      "VALUES(?, ?, ?, ?, ?, ?, ?)")
      .bind_all(project, position, sdk::trim(g.goal), g.indicator, g.unit, g.target, g.achieved)
      .run();
  const Id id = db.last_insert_id();
  tx.commit();
  return id;
}

void set_achieved(sdk::Database& db, Id project, int goal_number, double achieved) {
  if (!std::isfinite(achieved) || achieved < 0)
    throw sdk::InputError("--achieved: the achieved value must be a number of 0 or more");
  sdk::Transaction tx(db, "evaluation.goal.achieved",
                      std::to_string(project) + " 目標" + std::to_string(goal_number));
  require_project(db, project);
  sdk::Statement st(db, "UPDATE evaluation_goals SET achieved = ? WHERE project_id = ? AND position = ?");
  st.bind_all(achieved, project, goal_number).run();
  if (db.changes() == 0)
    throw sdk::InputError("--goal: the 協働事業 " + std::to_string(project) + " has no goal " +
                          std::to_string(goal_number));
  tx.commit();
}

void set_improvements(sdk::Database& db, Id project, const std::string& text) {
  sdk::check_text(sdk::TextKind::Note, "--text", text);
  sdk::Transaction tx(db, "evaluation.improvements", std::to_string(project));
  require_project(db, project);
  sdk::Statement(db, "UPDATE evaluation_projects SET improvements = ? WHERE id = ?")
      .bind_all(text, project)
      .run();
  tx.commit();
}

void add_links(sdk::Database& db, sdk::MeetingDirectory* meetings, sdk::IssueTracker* issues, Id project,
               std::optional<Id> meeting, std::optional<Id> issue) {
  if (!meeting && !issue) throw sdk::InputError("link: give --meeting ID, --issue ID or both");
  sdk::Transaction tx(db, "evaluation.link", std::to_string(project));
  require_project(db, project);
  sdk::Statement ins(db, "INSERT INTO evaluation_links(project_id, kind, ref_id, label) VALUES(?, ?, ?, ?)");
  if (meeting) {
    if (!meetings) throw sdk::InputError("--meeting: the minutes plugin (議事録) is not enabled");
    auto m = meetings->meeting(db, *meeting);
    if (!m) throw sdk::InputError("--meeting: no meeting with id " + std::to_string(*meeting));
    const std::string label = m->title + (m->start ? " (" + m->start->date.iso() + ")" : "");
    ins.bind_all(project, "meeting", *meeting, label).run();
    ins.reset();
  }
  if (issue) {
    if (!issues) throw sdk::InputError("--issue: the issues plugin (地域課題) is not enabled");
    auto i = issues->issue(db, *issue);
    if (!i) throw sdk::InputError("--issue: no issue with id " + std::to_string(*issue));
    ins.bind_all(project, "issue", *issue, i->title).run();
  }
  tx.commit();
}

void save_ratings(sdk::Database& db, sdk::OrganizationDirectory& orgs, Id project, sdk::OrgId partner,
                  const std::vector<Rating>& ratings) {
  if (ratings.empty()) throw sdk::InputError("--item: name at least one item to rate");
  std::vector<std::pair<std::string, Rating>> checked;
  std::set<std::string> seen;
  for (const auto& r : ratings) {
    std::string item = parse_item("--item", r.item);
    if (!seen.insert(item).second) throw sdk::InputError("--item: " + item_label(item) + " is given twice");
    check_rating(r, item);
    checked.emplace_back(item, r);
  }
  sdk::Transaction tx(db, "evaluation.rate", std::to_string(project) + " " + orgs.name(db, partner));
  auto row = owner_of(db, project) ? partner_row(db, project, partner) : std::nullopt;
  if (!row) throw sdk::InputError(not_found(orgs, db, partner, project));
  for (const auto& [item, r] : checked)
    sdk::Statement(db,
                   "INSERT INTO evaluation_ratings(partner_id, item, rating, comment, cause, improvement) "
                   "VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(partner_id, item) DO UPDATE SET "
                   "rating = excluded.rating, comment = excluded.comment, cause = excluded.cause, "
                   "improvement = excluded.improvement")
        .bind_all(*row, item, r.rating, r.comment, r.cause, r.improvement)
        .run();
  tx.commit();
}

Project project(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId viewer, Id id) {
  sdk::Statement st(db,
                    "SELECT p.org_id, p.title, p.form, p.purpose, p.start_on, p.end_on, p.cost, p.cost_note, "
                    "p.improvements FROM evaluation_projects p "
                    "WHERE p.id = ? AND EXISTS(SELECT 1 FROM evaluation_partners x "
                    "WHERE x.project_id = p.id AND x.org_id = ?)");
  st.bind_all(id, viewer);
  if (!st.step()) throw sdk::InputError(not_found(orgs, db, viewer, id));
  Project p;
  p.id = id;
  p.owner = st.get_int(0);
  p.owner_name = orgs.name(db, p.owner);
  p.title = st.get_text(1);
  p.form = st.get_text(2);
  p.purpose = st.get_text(3);
  p.start = st.get_date(4);
  p.end = st.get_date(5);
  p.cost = st.get_optional_int(6);
  p.cost_note = st.get_text(7);
  p.improvements = st.get_text(8);
  sdk::Statement partners(db, "SELECT id, org_id FROM evaluation_partners WHERE project_id = ? ORDER BY id");
  partners.bind(1, id);
  while (partners.step()) {
    Partner x{partners.get_int(0), partners.get_int(1), "", sdk::OrgKind::Jichikai};
    if (auto o = orgs.organization(db, x.org)) {
      x.name = o->name;
      x.kind = o->kind;
    } else {
      x.name = sdk::OrganizationDirectory::missing_name(x.org);
    }
    p.partners.push_back(std::move(x));
  }
  sdk::Statement goals(db,
                       "SELECT position, goal, indicator, unit, target, achieved FROM evaluation_goals "
                       "WHERE project_id = ? ORDER BY position");
  goals.bind(1, id);
  while (goals.step())
    p.goals.push_back({goals.get_int(0), goals.get_text(1), goals.get_text(2), goals.get_text(3),
                       optional_double(goals, 4), optional_double(goals, 5)});
  sdk::Statement links(
      db, "SELECT kind, ref_id, label FROM evaluation_links WHERE project_id = ? ORDER BY kind, ref_id");
  links.bind(1, id);
  while (links.step()) p.links.push_back({links.get_text(0), links.get_int(1), links.get_text(2)});
  return p;
}

std::vector<Project> list_projects(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::OrgId viewer) {
  std::vector<Id> ids;
  sdk::Statement st(
      db,
      "SELECT p.id FROM evaluation_projects p JOIN evaluation_partners x ON x.project_id = p.id "
      "WHERE x.org_id = ? ORDER BY p.start_on, p.id");
  st.bind(1, viewer);
  while (st.step()) ids.push_back(st.get_int(0));
  std::vector<Project> out;
  for (Id id : ids) out.push_back(project(db, orgs, viewer, id));
  return out;
}

std::vector<ComparisonRow> compare(sdk::Database& db, const Project& p) {
  std::map<std::pair<Id, std::string>, PartnerRating> given;
  sdk::Statement st(db,
                    "SELECT r.partner_id, r.item, r.rating, r.comment, r.cause, r.improvement "
                    "FROM evaluation_ratings r JOIN evaluation_partners x ON x.id = r.partner_id "
                    "WHERE x.project_id = ?");
  st.bind(1, p.id);
  while (st.step()) {
    PartnerRating r;
    r.rating = static_cast<int>(st.get_int(2));
    r.comment = st.get_text(3);
    r.cause = st.get_text(4);
    r.improvement = st.get_text(5);
    given[{st.get_int(0), st.get_text(1)}] = r;
  }
  std::vector<ComparisonRow> out;
  for (const auto& item : items()) {
    ComparisonRow row{item.key, item.ja, {}, 0, false};
    int lo = 6, hi = 0;
    for (const auto& partner : p.partners) {
      PartnerRating r;
      if (auto it = given.find({partner.id, item.key}); it != given.end()) r = it->second;
      r.org = partner.org;
      r.partner = partner.name;
      if (r.rating) {
        lo = std::min(lo, *r.rating);
        hi = std::max(hi, *r.rating);
      }
      row.ratings.push_back(std::move(r));
    }
    row.spread = hi >= lo ? hi - lo : 0;
    row.differs = row.spread >= 2;
    out.push_back(std::move(row));
  }
  return out;
}

std::string format_number(double v) {
  if (std::abs(v - std::round(v)) < 1e-9) return std::to_string(static_cast<long long>(std::llround(v)));
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

std::string format_yen(std::int64_t v) {
  return sdk::group_thousands(v) + "円";
}

}  // namespace wasshoi::evaluation
