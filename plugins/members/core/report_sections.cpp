#include "core/report_sections.hpp"

#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/roles.hpp"

namespace wasshoi::members {

namespace {

// The catalog's text with "{}" replaced by `value`.
std::string fill(const char* key, const std::string& value) {
  return sdk::tr_fill(key, {value});
}
std::string fill(const char* key, std::int64_t n) {
  return fill(key, sdk::group_thousands(n));
}

// Households current at the end (?3), by 班; joined and left in the 年度 (?2 … ?3).
constexpr const char* kByHan = R"sql(
SELECT coalesce(hn.name, ''),
       CAST(sum(CASE WHEN (h.joined_on IS NULL OR h.joined_on <= ?3) AND (h.left_on IS NULL OR h.left_on > ?3)
                THEN 1 ELSE 0 END) AS BIGINT),
       CAST(sum(CASE WHEN (h.joined_on IS NULL OR h.joined_on <= ?3) AND (h.left_on IS NULL OR h.left_on > ?3)
                THEN (SELECT count(*) FROM members_persons p WHERE p.household_id = h.id) ELSE 0 END) AS BIGINT),
       CAST(sum(CASE WHEN h.joined_on >= ?2 AND h.joined_on <= ?3 THEN 1 ELSE 0 END) AS BIGINT),
       CAST(sum(CASE WHEN h.left_on >= ?2 AND h.left_on <= ?3 THEN 1 ELSE 0 END) AS BIGINT)
FROM members_households h LEFT JOIN han hn ON hn.id = h.han_id
WHERE h.org_id = ?1
GROUP BY h.han_id, hn.id, hn.name, hn.sort_order
ORDER BY hn.id IS NULL, hn.sort_order, hn.name
)sql";

void officers_table(sdk::Document& doc, const std::vector<RoleAssignment>& roles) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : roles) rows.push_back({r.role, sdk::keep_together(r.person_name), r.han_name});
  doc.table({{sdk::tr("members.report.col_role"), 1.4},
             {sdk::tr("members.report.col_name"), 2.4},
             {sdk::tr("members.report.col_han"), 1.4}},
            rows);
}

// The 役員's names are the 自治会's personal data: its own officers (a 班長 too) read them.
bool may_see_names(sdk::Context& ctx, OrgId org) {
  return ctx.access().may_see_personal_data(org);
}

void write_summary(sdk::Context& ctx, const sdk::ReportPeriod& p, sdk::Document& doc) {
  const MembershipCounts m = membership(ctx.db(), p.org, p.from, p.to);
  doc.fields({{fill("members.report.households_at", sdk::format_print_date(p.to)),
               fill("members.report.households_n", m.households)},
              {sdk::tr("members.report.members"), fill("members.report.persons_n", m.members)},
              {sdk::tr("members.report.joined"), fill("members.report.households_n", m.joined)},
              {sdk::tr("members.report.left"), fill("members.report.households_n", m.left)}});
  doc.subheading(sdk::tr("members.report.by_han"));
  std::vector<std::vector<std::string>> rows;
  for (const auto& h : m.by_han)
    rows.push_back({h.han.empty() ? sdk::tr("members.report.no_han") : h.han,
                    sdk::group_thousands(h.households), sdk::group_thousands(h.members),
                    sdk::group_thousands(h.joined), sdk::group_thousands(h.left)});
  rows.push_back({sdk::tr("members.report.total"), sdk::group_thousands(m.households),
                  sdk::group_thousands(m.members), sdk::group_thousands(m.joined),
                  sdk::group_thousands(m.left)});
  doc.table({{sdk::tr("members.report.col_han"), 1.6},
             {sdk::tr("members.report.col_households"), 1.2, sdk::Align::Right},
             {sdk::tr("members.report.col_members"), 1.2, sdk::Align::Right},
             {sdk::tr("members.report.col_joined"), 1.0, sdk::Align::Right},
             {sdk::tr("members.report.col_left"), 1.0, sdk::Align::Right}},
            rows);
  doc.subheading(fill("members.report.officers_of", sdk::format_fiscal_year_ja(p.fiscal_year)));
  if (!may_see_names(ctx, p.org)) {
    doc.paragraph(sdk::tr("members.report.names_withheld"));
    return;
  }
  const auto roles = roles_in_year(ctx.db(), p.org, p.fiscal_year);
  if (roles.empty())
    doc.paragraph(sdk::tr("members.report.no_officers"));
  else
    officers_table(doc, roles);
}

std::vector<sdk::ReportFigure> summary_figures(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  const MembershipCounts m = membership(ctx.db(), p.org, p.from, p.to);
  return {{"households", m.households}, {"members", m.members}, {"joined", m.joined}, {"left", m.left}};
}

// The next 年度's roles when they are entered (the members plugin keeps roles per 年度), else the
// current ones: the proposal itself is made at the 総会.
std::vector<RoleAssignment> proposal_roles(sdk::Context& ctx, const sdk::ReportPeriod& p, bool& proposed) {
  auto next = roles_in_year(ctx.db(), p.org, p.plan_year());
  proposed = !next.empty();
  return proposed ? next : roles_in_year(ctx.db(), p.org, p.fiscal_year);
}

void write_proposal(sdk::Context& ctx, const sdk::ReportPeriod& p, sdk::Document& doc) {
  if (!may_see_names(ctx, p.org)) throw sdk::InputError(sdk::tr("members.report.names_withheld"));
  bool proposed = false;
  const auto roles = proposal_roles(ctx, p, proposed);
  if (proposed) {
    doc.paragraph(fill("members.report.proposed_for", sdk::format_fiscal_year_ja(p.plan_year())));
    officers_table(doc, roles);
    return;
  }
  doc.paragraph(fill("members.report.current_officers", sdk::format_fiscal_year_ja(p.fiscal_year)));
  if (roles.empty())
    doc.paragraph(sdk::tr("members.report.no_officers"));
  else
    officers_table(doc, roles);
  doc.paragraph(sdk::tr("members.report.proposal_at_meeting"));
}

std::vector<sdk::ReportFigure> proposal_figures(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  if (!may_see_names(ctx, p.org)) return {};
  bool proposed = false;
  const auto roles = proposal_roles(ctx, p, proposed);
  return {{"officers", static_cast<std::int64_t>(roles.size())}, {"proposed", proposed ? 1 : 0}};
}

}  // namespace

MembershipCounts membership(sdk::Database& db, OrgId org, const Date& from, const Date& to) {
  MembershipCounts m;
  sdk::Statement st(db, kByHan);
  st.bind_all(org, from, to);
  while (st.step()) {
    HanMembership h{st.get_text(0), static_cast<int>(st.get_int(1)), static_cast<int>(st.get_int(2)),
                    static_cast<int>(st.get_int(3)), static_cast<int>(st.get_int(4))};
    if (h.households == 0 && h.joined == 0 && h.left == 0) continue;
    m.households += h.households, m.members += h.members, m.joined += h.joined, m.left += h.left;
    m.by_han.push_back(std::move(h));
  }
  return m;
}

std::vector<sdk::ReportSection> report_sections() {
  return {{.id = "members.summary",
           .title_key = "members.report.summary",
           .part = sdk::ReportPart::Activities,
           .order = 10,
           .write = write_summary,
           .figures = summary_figures},
          {.id = "members.officers_proposal",
           .title_key = "members.report.officers_proposal",
           .part = sdk::ReportPart::Officers,
           .order = 10,
           .write = write_proposal,
           .figures = proposal_figures}};
}

}  // namespace wasshoi::members
