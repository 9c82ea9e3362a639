#pragma once
// The 総会's 議案書: one booklet with a cover, a 目次 and page numbers, its 議案 numbered 第1号議案,
// 第2号議案 … in the order the officer sets. A 議案 prints the annual-report sections the enabled
// plugins write for its part (sdk/annual_report.hpp: 事業報告, 決算報告 …), then what the officer
// typed; a 議案 of no part (規約改正, anything) is typed only. Until the officer changes anything
// a 総会 has the usual 議案, one per part; a part no enabled plugin writes (no 会計 plugin: no 決算)
// is then a typed 議案 the officer fills in.
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/annual_report.hpp>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/document.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes {

using GikanshoItemId = std::int64_t;

// One 議案 of the 議案書.
struct GikanshoItem {
  GikanshoItemId id = 0;                // 0 while the meeting has the usual 議案, none stored
  std::optional<sdk::ReportPart> part;  // the plugins' sections of that part are printed
  std::string title;                    // "令和7年度 事業報告について"
  std::string text;                     // typed by the officer: printed after the sections
};

// A plugin's section as printed in a 議案.
struct GikanshoSection {
  std::string id;     // "booking.usage"
  std::string title;  // the heading printed
  std::vector<sdk::ReportFigure> figures;
  std::string error;  // the section could not be written: this message is printed in its place
};

struct GikanshoEntry {
  int number = 0;  // 第N号議案
  GikanshoItem item;
  std::vector<GikanshoSection> sections;
  int page = 0;  // where it is printed (as the 目次 says)
};

struct Gikansho {
  Meeting meeting;
  sdk::ReportPeriod period;  // the 年度 reported on; plans are for period.plan_year()
  std::vector<GikanshoEntry> entries;
  sdk::Document document{""};
  // The sections that could not be written (their messages are in the document, in their place).
  std::vector<GikanshoSection> problems() const;
};

// The 年度 a 総会 on `day` reports on: the one that ended last, i.e. the 年度 before a 総会 held in
// April–September (a 総会 in May 2026 reports 令和7年度 and plans 令和8年度); its own 年度 from
// October (a 総会 in March reports on the year about to end).
int default_report_year(const sdk::Date& day);
// The 年度 the meeting's 議案書 reports on: the one the officer set, or default_report_year.
int gikansho_year(sdk::Database& db, const Meeting& m);
// The 議案 in order: the ones stored, or the usual ones (one per part, titled for `year`, default
// gikansho_year) when none are.
std::vector<GikanshoItem> gikansho_items(sdk::Database& db, const Meeting& m, std::optional<int> year = {});
// The usual title of a part's 議案 for a 年度 reported on ("令和7年度 決算報告について").
std::string part_title(sdk::ReportPart part, int report_year);
// "activities", "settlement", "audit", "plan", "budget", "officers" (stored, and in `--json`).
const char* part_id(sdk::ReportPart part);
// The catalog key naming a part (minutes.gikansho.part.activities …).
const char* part_key(sdk::ReportPart part);

// Builds the 議案書 of a 総会 or 臨時総会 (a read: anyone who may see the meeting). `year` is the 年度
// reported on (default gikansho_year). The sections come from the plugins enabled for the
// meeting's organization; one that throws prints its message in its place. InputError for
// another kind of meeting, or a meeting whose date is not one.
Gikansho build_gikansho(sdk::Context& ctx, MeetingId meeting, std::optional<int> year = {});

// The officer's changes (the 会長 or a 役員 of the meeting's organization; refused with InputError
// and nothing written otherwise). The first change stores the usual 議案 as they are listed; each
// is one audited transaction. `number` is the 議案's 第N号.
void move_gikansho_item(sdk::Context& ctx, MeetingId meeting, int number, int delta);  // ±1: up/down
void edit_gikansho_item(sdk::Context& ctx, MeetingId meeting, int number, const std::string& title,
                        const std::string& text);
// A typed 議案 (規約改正 …) at the end; its number.
int add_gikansho_item(sdk::Context& ctx, MeetingId meeting, const std::string& title,
                      const std::string& text);
void remove_gikansho_item(sdk::Context& ctx, MeetingId meeting, int number);
// The 年度 reported on; nullopt: back to the usual one.
void set_gikansho_year(sdk::Context& ctx, MeetingId meeting, std::optional<int> year);

}  // namespace wasshoi::minutes
