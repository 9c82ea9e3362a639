#include "core/issues.hpp"

#include <algorithm>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/categories.hpp"
#include "core/exchange_formats.hpp"

namespace wasshoi::issues {

namespace {

// The organization's and the 班's name of each row come with it (one query for a list of a
// 地域協働体's every 自治会; the names are columns of the Issue every reader gets). Which
// organizations a list covers is the directory's (orgs_in_scope).
constexpr const char* kSelectIssue = R"sql(
SELECT i.id, i.uuid, i.org_id, i.title, i.description, i.category, i.place, i.landmark, i.lat, i.lon,
       i.han_id, i.reporter_kind, i.reporter_person_id, i.reporter_name, i.reporter_phone, i.reported_on,
       i.priority, i.status, i.self_share, i.mutual_share, i.public_share, i.split_note, i.source,
       i.revision, i.created_at, i.updated_at, coalesce(h.name, ''), o.name,
       (SELECT count(*) FROM issues_supports s WHERE s.issue_id = i.id),
       (SELECT count(*) FROM issues_attachments a WHERE a.issue_id = i.id AND a.kind = 'photo')
FROM issues_issues i JOIN organizations o ON o.id = i.org_id LEFT JOIN han h ON h.id = i.han_id
)sql";

// The ids are numbers written by this program: one IN list both engines read (no json_each).
std::string scope_sql(const std::vector<OrgId>& ids) {
  std::string out = " WHERE i.org_id IN (";
  for (std::size_t i = 0; i < ids.size(); ++i) out += (i ? "," : "") + std::to_string(ids[i]);
  return out + ")";
}

Issue read_issue(const sdk::Statement& st) {
  Issue i;
  i.id = st.get_int(0);
  i.uuid = st.get_text(1);
  i.org = st.get_int(2);
  i.title = st.get_text(3);
  i.description = st.get_text(4);
  i.category = st.get_text(5);
  i.place = st.get_text(6);
  i.landmark = st.get_text(7);
  if (!st.is_null(8)) i.lat = round_coordinate(st.get_double(8));
  if (!st.is_null(9)) i.lon = round_coordinate(st.get_double(9));
  i.han_id = st.get_optional_int(10);
  i.reporter.kind = parse_reporter_kind(st.get_text(11));
  i.reporter.person_id = st.get_optional_int(12);
  i.reporter.name = st.get_text(13);
  i.reporter.phone = st.get_text(14);
  i.reported_on = st.get_date(15);  // empty for a stored date that is not one (db.hpp)
  i.priority = static_cast<int>(st.get_int(16));
  i.status = st.get_text(17);
  i.split = {static_cast<int>(st.get_int(18)), static_cast<int>(st.get_int(19)),
             static_cast<int>(st.get_int(20)), st.get_text(21)};
  i.source = st.get_text(22);
  i.revision = static_cast<int>(st.get_int(23));
  i.created_at = st.get_text(24);
  i.updated_at = st.get_text(25);
  i.han_name = st.get_text(26);
  i.org_name = st.get_text(27);
  i.supporters = static_cast<int>(st.get_int(28));
  i.photos = static_cast<int>(st.get_int(29));
  return i;
}

std::string search_text(const IssueInput& in) {
  return sdk::fold_for_search(in.title + " " + in.description + " " + in.place + " " + in.landmark + " " +
                              in.category);
}

bool passes(const Issue& i, const IssueFilter& f, const std::string& folded_query) {
  auto in = [](const std::vector<std::string>& set, const std::string& v) {
    return set.empty() || std::find(set.begin(), set.end(), v) != set.end();
  };
  if (!in(f.statuses, i.status) || !in(f.categories, i.category)) return false;
  if ((f.from || f.to) && !i.reported_on) return false;  // an unknown date is in no period
  if (f.from && *i.reported_on < *f.from) return false;
  if (f.to && *i.reported_on > *f.to) return false;
  if (f.han && i.han_id != f.han) return false;
  return folded_query.empty() || search_text(i).find(folded_query) != std::string::npos;
}

// Binds the captured fields as ?1 … ?17 (the order of kInsert / kUpdate).
void bind_input(sdk::Statement& st, const IssueInput& in) {
  st.bind_all(in.org, sdk::trim(in.title), in.description, sdk::trim(in.category), sdk::trim(in.place),
              sdk::trim(in.landmark));
  st.bind(7, round_coordinate(in.lat)).bind(8, round_coordinate(in.lon)).bind(9, in.han_id);
  st.bind(10, to_string(in.reporter.kind)).bind(11, in.reporter.person_id);
  st.bind(12, in.reporter.kind == ReporterKind::Named ? sdk::trim(in.reporter.name) : std::string());
  st.bind(13, in.reporter.kind == ReporterKind::Named ? sdk::trim(in.reporter.phone) : std::string());
  st.bind(14, in.reported_on).bind(15, in.priority).bind(16, in.source).bind(17, search_text(in));
}

}  // namespace

bool is_kyodotai(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org) {
  auto o = orgs.organization(db, org);
  return o && o->kind == sdk::OrgKind::Kyodotai;
}

std::vector<OrgId> orgs_in_scope(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org) {
  std::vector<OrgId> out{org};
  if (!is_kyodotai(db, orgs, org)) return out;
  for (const auto& c : orgs.children(db, org, sdk::OrgKind::Jichikai)) out.push_back(c.id);
  return out;
}

std::int64_t find_han(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, std::string_view name) {
  std::string wanted = sdk::trim(name);
  std::string valid;
  for (const auto& h : orgs.han(db, org)) {
    if (h.name == wanted || h.name == wanted + "班") return h.id;
    valid += (valid.empty() ? "" : ", ") + h.name;
  }
  throw sdk::InputError("班 '" + wanted + "' is not a 班 of this 自治会" +
                        (valid.empty() ? " (it has none)" : ": " + valid));
}

void validate(sdk::Database& db, sdk::OrganizationDirectory& orgs, const IssueInput& in) {
  if (sdk::trim(in.title).empty()) throw sdk::InputError("title: an issue needs a title (件名)");
  if (in.org == 0) throw sdk::InputError("organization: choose a 自治会 (--org ID)");
  check_category(db, orgs, in.org, in.category);
  if (!in.reported_on) throw sdk::InputError("date: the issue needs the date it was raised (受付日)");
  if (!in.reported_on->valid()) throw sdk::InputError("date: " + in.reported_on->iso() + " is not a date");
  sdk::check_date("date", *in.reported_on);
  using sdk::TextKind;
  sdk::check_text(TextKind::Line, "title", in.title);
  sdk::check_text(TextKind::Note, "description", in.description);
  sdk::check_text(TextKind::Address, "place", in.place);
  sdk::check_text(TextKind::Line, "landmark", in.landmark);
  sdk::check_text(TextKind::Line, "source", in.source);
  sdk::check_text(TextKind::Name, "reporter", in.reporter.name);
  sdk::check_text(TextKind::Phone, "reporter's phone", in.reporter.phone);
  if (in.lat.has_value() != in.lon.has_value()) throw sdk::InputError("lat/long: give both or neither");
  if (in.lat && (*in.lat < -90 || *in.lat > 90))
    throw sdk::InputError("lat: " + std::to_string(*in.lat) + " is not a latitude (-90…90)");
  if (in.lon && (*in.lon < -180 || *in.lon > 180))
    throw sdk::InputError("long: " + std::to_string(*in.lon) + " is not a longitude (-180…180)");
  if (in.priority < kPriorityHigh || in.priority > kPriorityLow)
    throw sdk::InputError("priority: must be 高, 中 or 低");
  if (in.han_id) {
    auto han = orgs.han_by_id(db, *in.han_id);
    if (!han || han->org != in.org)
      throw sdk::InputError("班: id " + std::to_string(*in.han_id) + " is not a 班 of this 自治会");
  }
  if (in.reporter.kind == ReporterKind::Member && !in.reporter.person_id)
    throw sdk::InputError("reporter: a member reporter needs the member's id");
  if (in.reporter.kind == ReporterKind::Named && sdk::trim(in.reporter.name).empty())
    throw sdk::InputError("reporter: a named reporter needs a name");
}

IssueId create_issue(sdk::Database& db, sdk::OrganizationDirectory& orgs, const IssueInput& in) {
  validate(db, orgs, in);
  sdk::Transaction tx(db, "issues.add", in.title);
  sdk::Statement st(
      db,
      "INSERT INTO issues_issues(org_id, title, description, category, place, landmark, lat, lon, han_id, "
      "reporter_kind, reporter_person_id, reporter_name, reporter_phone, reported_on, priority, source, "
      "search, "
      "uuid, created_at, updated_at) "
      "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?19)");
  bind_input(st, in);
  st.bind(18, new_uuid()).bind(19, now_iso());
  st.run();
  IssueId id = db.last_insert_id();
  sdk::Statement(db, "INSERT INTO issues_history(uuid, issue_id, on_date, to_status, note) VALUES(?,?,?,?,?)")
      .bind_all(new_uuid(), id, *in.reported_on, std::string("received"), std::string("受付"))
      .run();
  tx.commit();
  return id;
}

void update_issue(sdk::Database& db, sdk::OrganizationDirectory& orgs, IssueId id, const IssueInput& in) {
  Issue old = get_issue(db, id);
  IssueInput checked = in;
  checked.org = old.org;  // an issue stays with the 自治会 that raised it
  validate(db, orgs, checked);
  sdk::Transaction tx(db, "issues.edit", "#" + std::to_string(id) + " " + in.title);
  sdk::Statement st(
      db,
      "UPDATE issues_issues SET org_id=?1, title=?2, description=?3, category=?4, place=?5, landmark=?6, "
      "lat=?7, "
      "lon=?8, han_id=?9, reporter_kind=?10, reporter_person_id=?11, reporter_name=?12, reporter_phone=?13, "
      "reported_on=?14, priority=?15, source=?16, search=?17 WHERE id=?18");
  bind_input(st, checked);
  st.bind(18, id);
  st.run();
  touch(db, id);
  tx.commit();
}

void touch(sdk::Database& db, IssueId id) {
  sdk::Statement(db, "UPDATE issues_issues SET revision = revision + 1, updated_at = ? WHERE id = ?")
      .bind_all(now_iso(), id)
      .run();
}

std::optional<Issue> find_issue(sdk::Database& db, IssueId id) {
  sdk::Statement st(db, std::string(kSelectIssue) + " WHERE i.id = ?");
  st.bind(1, id);
  if (!st.step()) return std::nullopt;
  return read_issue(st);
}

Issue get_issue(sdk::Database& db, IssueId id) {
  if (auto i = find_issue(db, id)) return *i;
  throw sdk::InputError("no issue with id " + std::to_string(id));
}

std::optional<IssueId> find_by_uuid(sdk::Database& db, std::string_view uuid) {
  sdk::Statement st(db,
                    "SELECT id FROM issues_issues WHERE uuid = ?1 UNION ALL SELECT issue_id FROM "
                    "issues_aliases WHERE uuid = ?1");
  st.bind(1, uuid);
  if (!st.step()) return std::nullopt;
  return st.get_int(0);
}

std::vector<Issue> list_issues(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                               const IssueFilter& filter) {
  // The organization and, for a 地域協働体, every organization under it (its 自治会, NPO …).
  std::vector<OrgId> scope{org};
  if (is_kyodotai(db, orgs, org))
    for (const auto& c : orgs.children(db, org)) scope.push_back(c.id);
  sdk::Statement st(db,
                    std::string(kSelectIssue) + scope_sql(scope) + " ORDER BY i.reported_on DESC, i.id DESC");
  std::string q = sdk::fold_for_search(filter.query);
  std::vector<Issue> out;
  while (st.step()) {
    Issue i = read_issue(st);
    if (passes(i, filter, q)) out.push_back(std::move(i));
  }
  return out;
}

std::vector<std::string> raised_in(sdk::Database& db, sdk::OrganizationDirectory& orgs, IssueId id) {
  sdk::Statement st(db,
                    "SELECT org_id FROM issues_issues WHERE id = ?1 "
                    "UNION SELECT org_id FROM issues_aliases WHERE issue_id = ?1 AND org_id IS NOT NULL");
  st.bind(1, id);
  std::vector<std::string> out;
  while (st.step()) {
    auto o = orgs.organization(db, st.get_int(0));
    if (o && std::find(out.begin(), out.end(), o->name) == out.end()) out.push_back(o->name);
  }
  std::sort(out.begin(), out.end());  // as the UNION of names gave them
  return out;
}

}  // namespace wasshoi::issues
