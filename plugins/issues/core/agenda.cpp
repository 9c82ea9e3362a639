#include "core/agenda.hpp"

#include <algorithm>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/file_writer.hpp>

#include "core/categories.hpp"
#include "core/issues.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues {

namespace {

std::string join(const std::vector<std::string>& parts, const std::string& sep) {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : sep) + p;
  return out;
}

AgendaRow make_row(sdk::Database& db, sdk::OrganizationDirectory& orgs, const Issue& i) {
  AgendaRow r;
  r.id = i.id;
  r.title = i.title;
  r.summary = i.description;
  r.place =
      i.place +
      (i.landmark.empty() ? "" : (i.place.empty() ? "" : "（") + i.landmark + (i.place.empty() ? "" : "）"));
  r.raised_in = join(raised_in(db, orgs, i.id), "・");
  r.supporters = i.supporters;
  r.priority = i.priority;
  r.status = i.status;
  r.split = split_text(i.split);
  return r;
}

std::string period_text(const IssueFilter& f) {
  if (!f.from && !f.to) return "全期間";
  return (f.from ? sdk::format_wareki(*f.from) : std::string()) + "〜" +
         (f.to ? sdk::format_wareki(*f.to) : std::string());
}

std::string status_list(const IssueFilter& f) {
  std::vector<std::string> names;
  for (const auto& s : f.statuses) names.push_back(status_label(s));
  return names.empty() ? "すべて" : join(names, "・");
}

}  // namespace

int AgendaGroup::supporters() const {
  int n = 0;
  for (const auto& r : rows) n += r.supporters;
  return n;
}

int Agenda::issue_count() const {
  int n = 0;
  for (const auto& g : groups) n += static_cast<int>(g.rows.size());
  return n;
}

std::string split_text(const Split& s) {
  if (!s.decided()) return {};
  return "自助" + std::to_string(s.self) + "%・共助" + std::to_string(s.mutual) + "%・公助" +
         std::to_string(s.pub) + "%";
}

std::vector<std::string> default_agenda_statuses() {
  return {sdk::issue_status::kReceived, sdk::issue_status::kConsidering, sdk::issue_status::kToCity};
}

Agenda build_agenda(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, IssueFilter filter,
                    std::string title) {
  if (filter.statuses.empty()) filter.statuses = default_agenda_statuses();
  Agenda a;
  a.title = title.empty() ? "まちづくり懇談会 地域課題一覧" : std::move(title);
  a.org_name = orgs.get(db, org).name;  // InputError "no organization with id N"
  a.rollup = is_kyodotai(db, orgs, org);
  a.made_on = sdk::today();
  a.filter = filter;
  auto issues = list_issues(db, orgs, org, filter);
  for (const auto& c : categories(db, orgs, org)) {
    AgendaGroup g{c.name, {}};
    for (const auto& i : issues)
      if (i.category == c.name) g.rows.push_back(make_row(db, orgs, i));
    std::stable_sort(g.rows.begin(), g.rows.end(), [](const AgendaRow& x, const AgendaRow& y) {
      if (x.supporters != y.supporters) return x.supporters > y.supporters;
      if (x.priority != y.priority) return x.priority < y.priority;
      return x.id < y.id;
    });
    if (!g.rows.empty()) a.groups.push_back(std::move(g));
  }
  return a;
}

sdk::Document agenda_document(const Agenda& a) {
  sdk::Document doc(a.title);
  doc.footer(a.org_name + "　" + a.title);
  doc.title(a.title);
  doc.fields(
      {{"作成", a.org_name},
       {"作成日", sdk::format_date_ja(a.made_on)},
       {"対象期間", period_text(a.filter)},
       {"対象の状況", status_list(a.filter)},
       {"件数", std::to_string(a.issue_count()) + "件（" + std::to_string(a.groups.size()) + "分野）"}});
  std::vector<std::vector<std::string>> overview;
  for (const auto& g : a.groups)
    overview.push_back(
        {g.category, std::to_string(g.rows.size()) + "件", std::to_string(g.supporters()) + "世帯"});
  doc.subheading("分野別の件数");
  doc.table({{"分野", 2}, {"件数", 1, sdk::Align::Right}, {"賛同世帯（延べ）", 1.4, sdk::Align::Right}},
            overview);
  int no = 0;
  for (const auto& g : a.groups) {
    doc.heading(g.category + "（" + std::to_string(g.rows.size()) + "件）");
    // A 地域協働体's list needs the 自治会 column; the place then joins the text so names fit.
    std::vector<sdk::TableColumn> cols = {
        {"No", 0.6, sdk::Align::Right}, {"件名・内容", 4.6}, {a.rollup ? "自治会" : "場所", 3.3}};
    cols.insert(cols.end(),
                {{"賛同世帯", 1.5, sdk::Align::Right}, {"優先度", 1.2, sdk::Align::Center}, {"状況", 1.6}});
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : g.rows) {
      std::string what = r.title + (r.summary.empty() ? "" : "\n" + r.summary);
      if (a.rollup && !r.place.empty()) what += "\n場所: " + r.place;
      if (!r.split.empty()) what += "\n" + r.split;
      rows.push_back({std::to_string(++no), what, a.rollup ? r.raised_in : r.place,
                      std::to_string(r.supporters), priority_label(r.priority), status_label(r.status)});
    }
    doc.table(cols, rows);
  }
  return doc;
}

std::string agenda_csv(const Agenda& a) {
  sdk::CsvWriter w;
  w.write_row(
      {"No.", "分野", "件名", "内容", "場所", "自治会", "賛同世帯", "優先度", "状況", "自助・共助・公助"});
  int no = 0;
  for (const auto& g : a.groups)
    for (const auto& r : g.rows)
      w.write_row({std::to_string(++no), g.category, r.title, r.summary, r.place, r.raised_in,
                   std::to_string(r.supporters), priority_label(r.priority), status_label(r.status),
                   r.split});
  return w.to_utf8_bom();
}

void save_agenda(const Agenda& a, const std::filesystem::path& out) {
  std::string ext = out.extension().string();
  if (ext == ".pdf") return agenda_document(a).save_pdf(out);
  if (ext != ".csv")
    throw sdk::InputError("--out " + out.string() + ": the 懇談会 list is written as .pdf or .csv");
  sdk::write_file(out, agenda_csv(a));  // the 懇談会 list holds no personal data
}

}  // namespace wasshoi::issues
