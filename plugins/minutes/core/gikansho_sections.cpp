#include "core/gikansho_sections.hpp"

#include <algorithm>
#include <map>
#include <wasshoi/sdk/annual_report.hpp>

#include "core/meetings.hpp"

namespace wasshoi::minutes {

namespace {

// The meetings of the 年度 held by now (a meeting planned for later in the 年度 is not reported
// as held), oldest first; a meeting whose stored date is not one is not counted.
std::vector<Meeting> held(sdk::Database& db, const sdk::ReportPeriod& period) {
  std::vector<Meeting> out;
  const sdk::Date today = sdk::today();
  for (auto& m : list_meetings(db, period.org, period.from, period.to))
    if (m.start && m.start->date <= today) out.push_back(std::move(m));
  return out;
}

// The kinds in the organization's order, each with how many were held.
std::vector<std::pair<std::string, int>> by_kind(sdk::Database& db, const sdk::ReportPeriod& period) {
  std::map<std::string, int> counts;
  for (const auto& m : held(db, period)) ++counts[m.kind];
  std::vector<std::pair<std::string, int>> out;
  for (const auto& k : meeting_kinds(db, period.org))
    if (auto it = counts.find(k.name); it != counts.end())
      out.emplace_back(k.name, it->second), counts.erase(it);
  for (const auto& [kind, n] : counts) out.emplace_back(kind, n);  // a kind since removed
  return out;
}

std::vector<sdk::ReportFigure> meeting_figures(sdk::Context& ctx, const sdk::ReportPeriod& period) {
  std::vector<sdk::ReportFigure> figures{{"meetings", 0}};
  for (const auto& [kind, n] : by_kind(ctx.db(), period)) {
    figures.front().value += n;
    figures.push_back({"meetings." + kind, n});
  }
  return figures;
}

void write_meetings(sdk::Context& ctx, const sdk::ReportPeriod& period, sdk::Document& doc) {
  const auto meetings = held(ctx.db(), period);
  if (meetings.empty()) {
    doc.paragraph(sdk::format_fiscal_year_ja(period.fiscal_year) + "に開催した会議はありません。");
    return;
  }
  std::map<std::string, std::vector<std::string>> days;
  for (const auto& m : meetings)
    days[m.kind].push_back(std::to_string(m.start->date.month) + "/" + std::to_string(m.start->date.day));
  std::vector<std::vector<std::string>> rows;
  for (const auto& [kind, n] : by_kind(ctx.db(), period)) {
    std::string list;
    for (const auto& d : days[kind]) list += (list.empty() ? "" : "、") + d;
    rows.push_back({kind, std::to_string(n) + "回", list});
  }
  doc.table({{"会議", 2}, {"回数", 1, sdk::Align::Right}, {"開催日（月/日）", 6}}, rows);
  doc.paragraph("計" + std::to_string(meetings.size()) + "回開催しました。");
}

void write_events(sdk::Context& ctx, const sdk::ReportPeriod& period, sdk::Document& doc) {
  const auto meetings = held(ctx.db(), period);
  if (meetings.empty()) {
    doc.paragraph(sdk::format_fiscal_year_ja(period.fiscal_year) + "の行事の記録はありません。");
    return;
  }
  // Date, name (which says the kind: 令和8年度 第3回 役員会) and place: three columns that keep
  // each date, name and place on one line.
  std::vector<std::vector<std::string>> rows;
  for (const auto& m : meetings)
    rows.push_back(
        {sdk::format_print_date(m.start->date, {.weekday = true}), m.title, m.place.empty() ? "—" : m.place});
  doc.table({{"日付", 3}, {"会議・行事", 4}, {"場所", 3}}, rows);
}

// The plan 年度's meetings and 行事, month by month (April first): those already scheduled in it,
// or, while none is, the kinds held in each month of the reported 年度, as the usual calendar the
// 役員会 starts its plan from. `from_last_year` says which.
struct PlanRows {
  std::vector<std::vector<std::string>> rows;
  bool from_last_year = false;
  int count = 0;
};

PlanRows plan_rows(sdk::Database& db, const sdk::ReportPeriod& period) {
  const sdk::ReportPeriod plan = sdk::report_period(period.org, period.plan_year());
  std::vector<Meeting> meetings;
  for (auto& m : list_meetings(db, plan.org, plan.from, plan.to))
    if (m.start) meetings.push_back(std::move(m));
  PlanRows out;
  out.from_last_year = meetings.empty();
  if (out.from_last_year) meetings = held(db, period);
  std::map<int, std::vector<std::string>> by_month;  // 0 = April … 11 = March
  for (const auto& m : meetings) {
    auto& names = by_month[(m.start->date.month + 8) % 12];
    const std::string name = out.from_last_year ? m.kind : m.title;
    if (out.from_last_year && std::find(names.begin(), names.end(), name) != names.end()) continue;
    names.push_back(name);
    ++out.count;
  }
  for (const auto& [index, names] : by_month) {
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : "、") + n;
    out.rows.push_back({std::to_string((index + 3) % 12 + 1) + "月", list});
  }
  return out;
}

void write_plan(sdk::Context& ctx, const sdk::ReportPeriod& period, sdk::Document& doc) {
  const PlanRows plan = plan_rows(ctx.db(), period);
  const std::string year = sdk::format_fiscal_year_ja(period.plan_year());
  if (plan.rows.empty()) {
    doc.paragraph(year + "の会議・行事はまだ決まっていません。");
    return;
  }
  doc.paragraph(plan.from_last_year ? year + "の会議・行事の予定（案）です。" +
                                          sdk::format_fiscal_year_ja(period.fiscal_year) +
                                          "に開催した月をもとにしています。日程は役員会で決めます。"
                                    : year + "に予定している会議・行事です。");
  doc.table({{"月", 1, sdk::Align::Right}, {"会議・行事", 8}}, plan.rows);
}

}  // namespace

void register_report_sections(sdk::Registry& registry) {
  registry.add_report_section({.id = "minutes.meetings",
                               .title_key = "minutes.gikansho.section.meetings",
                               .part = sdk::ReportPart::Activities,
                               .order = 10,
                               .write = write_meetings,
                               .figures = meeting_figures});
  registry.add_report_section({.id = "minutes.events",
                               .title_key = "minutes.gikansho.section.events",
                               .part = sdk::ReportPart::Activities,
                               .order = 11,
                               .write = write_events,
                               .figures = [](sdk::Context& ctx, const sdk::ReportPeriod& period) {
                                 return std::vector<sdk::ReportFigure>{
                                     {"events", static_cast<std::int64_t>(held(ctx.db(), period).size())}};
                               }});
  registry.add_report_section(
      {.id = "minutes.plan",
       .title_key = "minutes.gikansho.section.plan",
       .part = sdk::ReportPart::Plan,
       .order = 10,
       .write = write_plan,
       .figures = [](sdk::Context& ctx, const sdk::ReportPeriod& period) {
         return std::vector<sdk::ReportFigure>{{"planned", plan_rows(ctx.db(), period).count}};
       }});
}

}  // namespace wasshoi::minutes
