#pragma once
// The members plugin's sections of the 総会's 議案書 (sdk/annual_report.hpp): 会員の状況 (households
// by 班 at the 年度's end, joined and left in the 年度, the 役員 of the 年度) in the 事業報告, and the
// 役員改選案 — the next 年度's roles where they are entered, else the current officers.
#include <string>
#include <vector>
#include <wasshoi/sdk/annual_report.hpp>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::members {

struct HanMembership {
  std::string han;  // empty: households without a 班
  int households = 0;
  int members = 0;
  int joined = 0;
  int left = 0;
};

// The roster over one 年度: households current at `to` (joined on or before it, not left by it),
// the persons listed in them, and households that joined / left between `from` and `to`.
struct MembershipCounts {
  int households = 0;
  int members = 0;
  int joined = 0;
  int left = 0;
  std::vector<HanMembership> by_han;  // in the 班's order
};
MembershipCounts membership(sdk::Database& db, OrgId org, const Date& from, const Date& to);

std::vector<sdk::ReportSection> report_sections();

}  // namespace wasshoi::members
