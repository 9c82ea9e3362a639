#include "core/report_sections.hpp"

#include <algorithm>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/input.hpp>

#include "core/proposals.hpp"

namespace wasshoi::proposals {

namespace {

std::string fill(const char* key, const std::string& value) {
  return sdk::tr_fill(key, {value});
}

// The answer in a line: its first line, at most 60 characters.
std::string one_line(const std::string& text) {
  std::u32string line = sdk::utf8_to_u32(sdk::trim(text.substr(0, text.find('\n'))));
  constexpr std::size_t kMax = 60;
  if (line.size() > kMax) line = line.substr(0, kMax - 1) + U"…";
  return sdk::u32_to_utf8(line);
}

std::vector<ProposalSummary> of_year(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  return submitted_between(ctx.db(), sdk::organizations(ctx), p.org, p.from, p.to);
}

std::int64_t answered(const std::vector<ProposalSummary>& list) {
  return std::count_if(list.begin(), list.end(),
                       [](const ProposalSummary& s) { return s.answer.has_value(); });
}

void write_summary(sdk::Context& ctx, const sdk::ReportPeriod& p, sdk::Document& doc) {
  const auto list = of_year(ctx, p);
  const auto n = static_cast<std::int64_t>(list.size());
  doc.fields(
      {{sdk::tr("proposals.report.submitted"), fill("proposals.report.count_n", sdk::group_thousands(n))},
       {sdk::tr("proposals.report.answered"),
        fill("proposals.report.count_n", sdk::group_thousands(answered(list)))},
       {sdk::tr("proposals.report.waiting"),
        fill("proposals.report.count_n", sdk::group_thousands(n - answered(list)))}});
  if (list.empty()) {
    doc.paragraph(sdk::tr("proposals.report.none"));
    return;
  }
  // One line per request (the answer's kind and date), then the answers themselves in a line each:
  // a table cell would squeeze them into a narrow column.
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> answers;
  for (const auto& s : list) {
    std::string answer = sdk::tr("proposals.report.no_answer_yet");
    if (s.answer) {
      answer = label(*s.answer);
      if (s.answered_on) answer += "（" + sdk::format_print_date(*s.answered_on) + "）";
      if (auto line = one_line(s.answer_text); !line.empty())
        answers.push_back("「" + s.title + "」　" + line);
    }
    rows.push_back({sdk::format_print_date(*s.submitted_on), s.title, s.addressee, label(s.state), answer});
  }
  doc.table({{sdk::tr("proposals.report.col_submitted_on"), 1.7},
             {sdk::tr("proposals.report.col_title"), 2.6},
             {sdk::tr("proposals.report.col_addressee"), 1.7},
             {sdk::tr("proposals.report.col_state"), 1.1},
             {sdk::tr("proposals.report.col_answer"), 2.1}},
            rows);
  if (answers.empty()) return;
  doc.subheading(sdk::tr("proposals.report.answers"));
  for (const auto& a : answers) doc.paragraph(a);
}

std::vector<sdk::ReportFigure> summary_figures(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  const auto list = of_year(ctx, p);
  return {{"submitted", static_cast<std::int64_t>(list.size())}, {"answered", answered(list)}};
}

}  // namespace

std::vector<ProposalSummary> submitted_between(sdk::Database& db, sdk::OrganizationDirectory& orgs, OrgId org,
                                               const sdk::Date& from, const sdk::Date& to) {
  std::vector<ProposalSummary> out;
  for (auto& s : list_proposals(db, orgs, org))
    if (s.submitted_on && *s.submitted_on >= from && *s.submitted_on <= to) out.push_back(std::move(s));
  std::stable_sort(out.begin(), out.end(), [](const ProposalSummary& a, const ProposalSummary& b) {
    return *a.submitted_on < *b.submitted_on;
  });
  return out;
}

std::vector<sdk::ReportSection> report_sections() {
  return {{.id = "proposals.summary",
           .title_key = "proposals.report.summary",
           .part = sdk::ReportPart::Activities,
           .order = 50,
           .write = write_summary,
           .figures = summary_figures}};
}

}  // namespace wasshoi::proposals
