#include "core/report_sections.hpp"

#include <map>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/issue_tracker.hpp>

#include "core/issues.hpp"
#include "core/workflow.hpp"

namespace wasshoi::issues {

namespace {

namespace st = sdk::issue_status;

std::string fill(const char* key, const std::string& value) {
  return sdk::tr_fill(key, {value});
}
std::string count_text(std::size_t n) {
  return fill("issues.report.count_n", sdk::group_thousands(static_cast<std::int64_t>(n)));
}

IssueYear year_of(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  return issue_year(ctx.db(), sdk::organizations(ctx), p.org, p.from, p.to, ctx.access().han_scope(p.org));
}

std::string category_of(const Issue& i) {
  return i.category.empty() ? std::string(sdk::tr("issues.report.no_category")) : i.category;
}

void write_summary(sdk::Context& ctx, const sdk::ReportPeriod& p, sdk::Document& doc) {
  const IssueYear y = year_of(ctx, p);
  doc.fields(
      {{sdk::tr("issues.report.raised"), count_text(y.raised.size())},
       {sdk::tr("issues.report.resolved"), count_text(y.resolved.size())},
       {sdk::tr("issues.report.declined"), count_text(y.declined.size())},
       {fill("issues.report.open_at", sdk::format_print_date(sdk::today())), count_text(y.open.size())}});
  if (y.raised.empty() && y.resolved.empty() && y.declined.empty() && y.open.empty()) {
    doc.paragraph(sdk::tr("issues.report.none"));
    return;
  }
  // By 分野: raised, resolved, still open.
  struct Row {
    int raised = 0, resolved = 0, open = 0;
  };
  std::map<std::string, Row> by;
  for (const auto& i : y.raised) ++by[category_of(i)].raised;
  for (const auto& i : y.resolved) ++by[category_of(i)].resolved;
  for (const auto& i : y.open) ++by[category_of(i)].open;
  std::vector<std::vector<std::string>> rows;
  for (const auto& [category, r] : by)
    rows.push_back({category, sdk::group_thousands(r.raised), sdk::group_thousands(r.resolved),
                    sdk::group_thousands(r.open)});
  rows.push_back({sdk::tr("issues.report.total"),
                  sdk::group_thousands(static_cast<std::int64_t>(y.raised.size())),
                  sdk::group_thousands(static_cast<std::int64_t>(y.resolved.size())),
                  sdk::group_thousands(static_cast<std::int64_t>(y.open.size()))});
  doc.subheading(sdk::tr("issues.report.by_category"));
  doc.table({{sdk::tr("issues.report.col_category"), 2.4},
             {sdk::tr("issues.report.col_raised"), 1.0, sdk::Align::Right},
             {sdk::tr("issues.report.col_resolved"), 1.0, sdk::Align::Right},
             {sdk::tr("issues.report.col_open"), 1.0, sdk::Align::Right}},
            rows);
  // The 年度's issues by their status now.
  if (!y.raised.empty()) {
    std::map<std::string, int> status_count;
    for (const auto& i : y.raised) ++status_count[i.status];
    rows.clear();
    for (const auto& s : statuses())
      if (auto it = status_count.find(s); it != status_count.end())
        rows.push_back({status_label(s), sdk::group_thousands(it->second)});
    doc.subheading(sdk::tr("issues.report.by_status"));
    doc.table({{sdk::tr("issues.report.col_status"), 2.4},
               {sdk::tr("issues.report.col_count"), 1.0, sdk::Align::Right}},
              rows);
  }
  if (!y.resolved.empty()) {
    rows.clear();
    for (const auto& i : y.resolved) {
      const auto on = status_since(ctx.db(), i.id, i.status);
      rows.push_back({on ? sdk::format_print_date(*on) : sdk::kDateUnknown, i.title, category_of(i)});
    }
    doc.subheading(sdk::tr("issues.report.resolved_list"));
    doc.table({{sdk::tr("issues.report.col_resolved_on"), 1.6},
               {sdk::tr("issues.report.col_title"), 4.0},
               {sdk::tr("issues.report.col_category"), 1.4}},
              rows);
  }
  if (!y.open.empty()) {
    rows.clear();
    for (const auto& i : y.open)
      rows.push_back({i.reported_on ? sdk::format_print_date(*i.reported_on) : sdk::kDateUnknown, i.title,
                      category_of(i), status_label(i.status)});
    doc.subheading(sdk::tr("issues.report.open_list"));
    doc.table({{sdk::tr("issues.report.col_reported_on"), 1.6},
               {sdk::tr("issues.report.col_title"), 3.6},
               {sdk::tr("issues.report.col_category"), 1.2},
               {sdk::tr("issues.report.col_status"), 1.2}},
              rows);
  }
}

std::vector<sdk::ReportFigure> summary_figures(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  const IssueYear y = year_of(ctx, p);
  auto n = [](const std::vector<Issue>& v) { return static_cast<std::int64_t>(v.size()); };
  return {
      {"raised", n(y.raised)}, {"resolved", n(y.resolved)}, {"declined", n(y.declined)}, {"open", n(y.open)}};
}

}  // namespace

std::optional<sdk::Date> status_since(sdk::Database& db, IssueId id, const std::string& status) {
  sdk::Statement s(db,
                   "SELECT on_date FROM issues_history WHERE issue_id = ? AND to_status = ?"
                   " ORDER BY on_date DESC, id DESC LIMIT 1");
  s.bind_all(id, status);
  return s.step() ? s.get_date(0) : std::nullopt;
}

IssueYear issue_year(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org, const sdk::Date& from,
                     const sdk::Date& to, std::optional<std::int64_t> han) {
  IssueYear y;
  IssueFilter raised;
  raised.from = from, raised.to = to, raised.han = han;
  y.raised = list_issues(db, orgs, org, raised);
  IssueFilter closed;
  closed.statuses = {st::kResolved, st::kDeclined}, closed.to = to, closed.han = han;
  for (auto& i : list_issues(db, orgs, org, closed)) {
    const auto on = status_since(db, i.id, i.status);
    if (!on || *on < from || *on > to) continue;
    (i.status == st::kResolved ? y.resolved : y.declined).push_back(std::move(i));
  }
  IssueFilter open;
  open.statuses = {st::kReceived, st::kConsidering, st::kLocal, st::kToCity}, open.to = to, open.han = han;
  y.open = list_issues(db, orgs, org, open);
  return y;
}

std::vector<sdk::ReportSection> report_sections() {
  return {{.id = "issues.summary",
           .title_key = "issues.report.summary",
           .part = sdk::ReportPart::Activities,
           .order = 40,
           .write = write_summary,
           .figures = summary_figures}};
}

}  // namespace wasshoi::issues
