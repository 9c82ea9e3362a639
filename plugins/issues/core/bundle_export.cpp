#include "core/attachments.hpp"
#include "core/bundle.hpp"
#include "core/exchange_formats.hpp"
#include "core/issues.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues {

using nlohmann::json;

namespace {

json string_list(sdk::Database& db, const char* sql, IssueId id) {
  sdk::Statement st(db, sql);
  st.bind(1, id);
  json out = json::array();
  while (st.step()) out.push_back(st.get_text(0));
  return out;
}

json aliases_json(sdk::Database& db, sdk::OrganizationDirectory& orgs, IssueId id) {
  sdk::Statement st(db, "SELECT uuid, title, org_id FROM issues_aliases WHERE issue_id = ? ORDER BY uuid");
  st.bind(1, id);
  json out = json::array();
  while (st.step()) {
    std::optional<sdk::OrgRef> o;
    if (auto org = st.get_optional_int(2)) o = orgs.organization(db, *org);
    out.push_back(
        {{"uuid", st.get_text(0)}, {"title", st.get_text(1)}, {"organization", o ? o->name : std::string()}});
  }
  return out;
}

json history_json(sdk::Database& db, IssueId id) {
  json out = json::array();
  for (const auto& h : history(db, id)) {
    // The format needs the date, and a history entry cannot be edited: one whose stored date is
    // not a date stays at home.
    if (!h.on) continue;
    out.push_back({{"uuid", h.uuid},
                   {"on", h.on->iso()},
                   {"from", h.from_status},
                   {"to", h.to_status},
                   {"note", h.note}});
  }
  return out;
}

json attachments_json(sdk::Database& db, IssueId id) {
  json out = json::array();
  for (const auto& a : attachments(db, id))
    out.push_back({{"uuid", a.uuid},
                   {"kind", a.kind},
                   {"name", a.name},
                   {"mime", a.mime},
                   {"added_on", a.added_on},
                   {"data", base64_encode(attachment_data(db, a.id))}});
  return out;
}

json reporter_json(const Reporter& r, const BundleOptions& options) {
  json out = {{"kind", to_string(r.kind)}};
  if (r.kind == ReporterKind::Named && options.reporter_names) out["name"] = r.name;
  return out;
}

json issue_json(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Issue& i,
                const BundleOptions& options) {
  // A bundle the 地域協働体 could not read helps nobody: an issue whose stored date is not a date
  // is named, to be corrected first (the list shows it as 日付不明).
  if (!i.reported_on)
    throw sdk::InputError("issue " + std::to_string(i.id) + " (" + i.title +
                          ") has a stored date that is not a date (日付不明): correct its date, then export");
  json j = {
      {"uuid", i.uuid},
      {"revision", i.revision},
      {"organization", i.org_name},
      {"title", i.title},
      {"description", i.description},
      {"category", i.category},
      {"place", i.place},
      {"landmark", i.landmark},
      {"han", i.han_name},
      {"reporter", reporter_json(i.reporter, options)},
      {"reported_on", i.reported_on->iso()},
      {"priority", i.priority},
      {"status", i.status},
      {"split",
       {{"self", i.split.self}, {"mutual", i.split.mutual}, {"public", i.split.pub}, {"note", i.split.note}}},
      {"source", i.source},
      {"created_at", i.created_at},
      {"updated_at", i.updated_at}};
  if (i.lat) j["lat"] = *i.lat;
  if (i.lon) j["long"] = *i.lon;
  j["supports"] = string_list(
      db, "SELECT household_key FROM issues_supports WHERE issue_id = ? ORDER BY household_key", i.id);
  j["aliases"] = aliases_json(db, orgs, i.id);
  j["history"] = history_json(db, i.id);
  j["attachments"] = attachments_json(db, i.id);
  return j;
}

}  // namespace

json export_bundle(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                   const BundleOptions& options) {
  const sdk::OrgRef o = orgs.get(db, org);  // InputError "no organization with id N"
  json issues = json::array();
  auto list = list_issues(db, orgs, org);
  std::reverse(list.begin(), list.end());  // oldest first: stable, easy to diff
  for (const auto& i : list) issues.push_back(issue_json(db, orgs, i, options));
  return {{"format", kBundleFormat},
          {"format_version", kBundleVersion},
          {"exported_at", now_iso()},
          {"database", database_uuid(db)},
          {"organization", {{"name", o.name}, {"kind", sdk::to_string(o.kind)}}},
          {"issues", std::move(issues)}};
}

}  // namespace wasshoi::issues
