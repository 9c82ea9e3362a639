#pragma once
// The booking plugin's section of the 総会's 議案書 (sdk/annual_report.hpp): 施設の利用実績 — the
// organization's own bookings of the 年度 by room, month and purpose (count and hours, the
// cancelled ones apart), and the 稼働率 of the rooms it owns.
#include <vector>
#include <wasshoi/sdk/annual_report.hpp>

#include "core/model.hpp"

namespace wasshoi::booking {

struct UsageLine {
  std::string label;
  int bookings = 0;
  std::int64_t minutes = 0;
};

// `org`'s bookings (any room) starting between `from` and `to`: live ones (承認, 仮予約) by room,
// month and purpose; cancelled (取消) only counted.
struct OrgUsage {
  std::vector<UsageLine> by_room, by_month, by_purpose;
  int bookings = 0;
  std::int64_t minutes = 0;
  int cancelled = 0;
};
OrgUsage org_usage(sdk::Database& db, OrgId org, const sdk::Date& from, const sdk::Date& to);

std::vector<sdk::ReportSection> report_sections();

}  // namespace wasshoi::booking
