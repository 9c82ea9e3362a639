#pragma once
// The 総会's annual report (事業報告, 決算報告, 監査報告, 事業計画案, 予算案, 役員改選案), written by the
// plugins that hold the data. A plugin contributes sections (Registry::add_report_section); the
// minutes plugin assembles the 議案書 from the sections of the plugins enabled for the organization,
// plus sections the officer types, through host core's AnnualReport service:
//   if (auto report = ctx.services().find<sdk::AnnualReport>())
//     for (const auto& s : report->sections(ctx.db(), org)) …
// A section prints the data's own figures, never typed ones, and reads through the signed-in
// officer's access like any other read (a 班長 sees what a 班長 may see).
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

// What the report covers: one organization's 年度 (April–March), and the 年度 a plan or budget is
// for (the next one).
struct ReportPeriod {
  OrgId org = 0;
  int fiscal_year = 0;  // 2025 = 令和7年度
  Date from;            // first day of the 年度, included
  Date to;              // last day of the 年度, included
  int plan_year() const { return fiscal_year + 1; }
};

// The report and each 議案 it goes in. The minutes plugin numbers the 議案 (第1号議案 …) in the order
// the officer sets; each part is one 議案 unless the officer merges them.
enum class ReportPart {
  Activities,  // 事業報告: meetings and 行事 held, rooms used, 課題 raised and resolved, 要望 and answers
  Settlement,  // 決算報告 (収支決算書)
  Audit,       // 監査報告
  Plan,        // 事業計画案
  Budget,      // 予算案
  Officers,    // 役員改選案
};

// One figure a section prints, by a stable name ("meetings", "bookings", "income_total"): what
// tests and `--json` compare with the plugin's own counts.
struct ReportFigure {
  std::string name;
  std::int64_t value = 0;
};

struct ReportSection {
  std::string id;         // "booking.usage": stable; the officer's order of sections remembers it
  std::string title_key;  // catalog key of the section's heading ("booking.report.usage")
  ReportPart part = ReportPart::Activities;
  int order = 100;  // position within its part when the officer has not set one (lower first)
  // Appends the section below its heading (the assembler writes the heading): subheadings, tables,
  // paragraphs. Throws sdk::Error (with what is missing) when it cannot, e.g. no 決算 for that 年度;
  // the assembler then prints that message in place of the section.
  std::function<void(Context&, const ReportPeriod&, Document&)> write;
  // The figures `write` prints, in the order it prints them.
  std::function<std::vector<ReportFigure>(Context&, const ReportPeriod&)> figures;
};

// Host core's service (kHostServiceOwner): the sections of the plugins loaded and enabled for an
// organization.
class AnnualReport {
 public:
  static constexpr const char* kServiceId = "core.annual_report";
  virtual ~AnnualReport() = default;
  // Ordered by part, then `order`, then id.
  virtual std::vector<ReportSection> sections(Database& db, OrgId org) = 0;
};

// `org`'s 年度 `fiscal_year`: 1 April to 31 March.
inline ReportPeriod report_period(OrgId org, int fiscal_year) {
  return {org, fiscal_year, Date{fiscal_year, 4, 1}, Date{fiscal_year + 1, 3, 31}};
}

}  // namespace wasshoi::sdk
