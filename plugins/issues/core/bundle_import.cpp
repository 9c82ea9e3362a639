#include <fstream>
#include <sstream>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/bundle.hpp"
#include "core/bundle_parse.hpp"
#include "core/exchange_formats.hpp"
#include "core/issues.hpp"

namespace wasshoi::issues {

using nlohmann::json;

namespace {

// Which 自治会 an issue named `name` goes to, for an import done as `org`.
std::function<OrgId(const std::string&)> org_resolver(sdk::Database& db, sdk::OrganizationDirectory& orgs,
                                                      OrgId org) {
  bool kyodotai = org != 0 && is_kyodotai(db, orgs, org);
  if (org != 0 && !kyodotai) return [org](const std::string&) { return org; };
  return [&db, &orgs, org](const std::string& name) -> OrgId {
    auto found = orgs.find(db, name, sdk::OrgKind::Jichikai, org ? std::optional<OrgId>(org) : std::nullopt);
    if (!found.empty()) return found.front().id;
    throw sdk::InputError(
        "no 自治会 named '" + name + "'" + (org ? " in this 地域協働体" : " in this database") +
        ": create it (org add --kind jichikai --name …) or import with --org ID of the 自治会");
  };
}

std::optional<std::int64_t> han_id(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                   const std::string& name) {
  if (name.empty()) return std::nullopt;
  if (auto h = orgs.find_han(db, org, name)) return h->id;
  return std::nullopt;
}

constexpr const char* kFields =
    "org_id=?1, title=?2, description=?3, category=?4, place=?5, landmark=?6, lat=?7, lon=?8, han_id=?9, "
    "reporter_kind=?10, "
    "reporter_name=coalesce(nullif(?11, ''), reporter_name), reported_on=?12, priority=?13, status=?14, "
    "self_share=?15, mutual_share=?16, public_share=?17, "
    "split_note=?18, source=?19, search=?20, revision=?21, updated_at=?22";

void bind_fields(sdk::Database& db, sdk::OrganizationDirectory& orgs, sdk::Statement& st, const Issue& i) {
  st.bind_all(i.org, i.title, i.description, i.category, i.place, i.landmark);
  st.bind(7, round_coordinate(i.lat))
      .bind(8, round_coordinate(i.lon))
      .bind(9, han_id(db, orgs, i.org, i.han_name))
      .bind(10, to_string(i.reporter.kind));
  st.bind(11, i.reporter.name).bind(12, i.reported_on).bind(13, i.priority).bind(14, i.status);
  st.bind(15, i.split.self)
      .bind(16, i.split.mutual)
      .bind(17, i.split.pub)
      .bind(18, i.split.note)
      .bind(19, i.source);
  st.bind(20, sdk::fold_for_search(i.title + " " + i.description + " " + i.place + " " + i.landmark + " " +
                                   i.category));
  st.bind(21, i.revision).bind(22, i.updated_at.empty() ? now_iso() : i.updated_at);
}

IssueId insert_issue(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Issue& i) {
  sdk::Statement st(
      db,
      std::string(
          "INSERT INTO issues_issues(org_id, title, description, category, place, landmark, lat, lon, "
          "han_id, "
          "reporter_kind, reporter_name, reported_on, priority, status, self_share, mutual_share, "
          "public_share, "
          "split_note, source, search, revision, updated_at, uuid, created_at) "
          "VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,?23,?24)"));
  bind_fields(db, orgs, st, i);
  st.bind(23, i.uuid).bind(24, i.created_at.empty() ? now_iso() : i.created_at);
  st.run();
  return db.last_insert_id();
}

void update_issue_fields(sdk::Database& db, sdk::OrganizationDirectory& orgs, IssueId id, const Issue& i) {
  sdk::Statement st(db, std::string("UPDATE issues_issues SET ") + kFields + " WHERE id = ?23");
  bind_fields(db, orgs, st, i);
  st.bind(23, id);
  st.run();
}

// Supports, aliases, history and files are unions: what is known already is kept once.
void merge_lists(sdk::Database& db, sdk::OrganizationDirectory& orgs, IssueId id, const bundle::Item& item) {
  for (const auto& key : item.supports)
    sdk::Statement(db,
                   "INSERT INTO issues_supports(issue_id, household_key, added_on) VALUES(?,?,?) "
                   "ON CONFLICT DO NOTHING")
        .bind_all(id, key, item.issue.reported_on)
        .run();
  for (const auto& a : item.aliases) {
    std::optional<std::int64_t> org_id;
    if (auto found = orgs.find(db, a.organization, sdk::OrgKind::Jichikai); !found.empty())
      org_id = found.front().id;
    sdk::Statement(db,
                   "INSERT INTO issues_aliases(uuid, issue_id, org_id, title) VALUES(?,?,?,?) "
                   "ON CONFLICT DO NOTHING")
        .bind(1, a.uuid)
        .bind(2, id)
        .bind(3, org_id)
        .bind(4, a.title)
        .run();
  }
  for (const auto& h : item.history)
    sdk::Statement(db,
                   "INSERT INTO issues_history(uuid, issue_id, on_date, from_status, to_status, "
                   "note) VALUES(?,?,?,?,?,?) ON CONFLICT DO NOTHING")
        .bind_all(h.uuid, id, h.on, h.from_status, h.to_status, h.note)
        .run();
  for (const auto& f : item.files)
    sdk::Statement(db,
                   "INSERT INTO issues_attachments(uuid, issue_id, kind, name, mime, size, data, "
                   "added_on) VALUES(?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")
        .bind_all(f.meta.uuid, id, f.meta.kind, f.meta.name,
                  f.meta.mime.empty() ? detect_mime(f.data, f.meta.name) : f.meta.mime,
                  static_cast<std::int64_t>(f.data.size()), f.data, f.meta.added_on)
        .run();
}

// Returns 0 added, 1 updated, 2 unchanged.
int apply(sdk::Database& db, sdk::OrganizationDirectory& orgs, const bundle::Item& item) {
  auto existing = find_by_uuid(db, item.issue.uuid);
  if (!existing) {
    merge_lists(db, orgs, insert_issue(db, orgs, item.issue), item);
    return 0;
  }
  sdk::Statement st(db, "SELECT uuid, revision FROM issues_issues WHERE id = ?");
  st.bind(1, *existing);
  st.step();
  // An issue merged here into another one keeps the survivor's fields; only its lists join.
  bool newer = st.get_text(0) == item.issue.uuid && item.issue.revision > st.get_int(1);
  if (newer) update_issue_fields(db, orgs, *existing, item.issue);
  merge_lists(db, orgs, *existing, item);
  return newer ? 1 : 2;
}

}  // namespace

ImportResult import_bundle(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, const json& j) {
  bundle::Parsed parsed =
      bundle::parse(db, orgs, j, org_resolver(db, orgs, org));  // everything checked first
  sdk::Transaction tx(db, "issues.bundle.import",
                      parsed.organization + ": " + std::to_string(parsed.items.size()) + " issues");
  ImportResult r;
  for (const auto& item : parsed.items) {
    int what = apply(db, orgs, item);
    (what == 0 ? r.added : what == 1 ? r.updated : r.unchanged)++;
  }
  tx.commit();
  return r;
}

ImportResult import_bundle_file(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                const std::filesystem::path& file) {
  const std::string bytes = sdk::read_input_file(file, sdk::FileKind::Bundle, "bundle");
  json j;
  try {
    j = json::parse(bytes);
  } catch (const json::parse_error& e) {
    throw sdk::InputError("bundle " + file.string() + ": not JSON (byte " + std::to_string(e.byte) + ")");
  }
  try {
    return import_bundle(db, orgs, org, j);
  } catch (const sdk::InputError& e) {
    throw sdk::InputError(file.string() + ": " + e.what());
  }
}

}  // namespace wasshoi::issues
