#pragma once
// The usage report (稼働率): booked hours against open hours per room, month, slot and
// organization — the figures a 自治会 shows the city when it asks for better halls.
#include <filesystem>
#include <string>
#include <vector>
#include <wasshoi/sdk/document.hpp>

#include "core/facilities.hpp"

namespace wasshoi::booking {

struct UsageRow {
  std::string label;  // room, 2026-05, 午後, organization
  int bookings = 0;
  double booked_hours = 0;
  double open_hours = 0;  // what could have been booked (0 for organizations)
  int fees = 0;           // 使用料 in yen
  double rate() const { return open_hours > 0 ? booked_hours / open_hours : 0; }
};

struct UsageReport {
  std::string owner_name;  // empty: every owner
  sdk::Date from, to;
  std::vector<UsageRow> by_room, by_month, by_slot, by_org;
  UsageRow total;
};

// Live bookings (承認 and 仮予約) of the period, of one owner's rooms (0: all).
UsageReport usage_report(sdk::Database& db, sdk::OrganizationDirectory& orgs, const sdk::Date& from,
                         const sdk::Date& to, OrgId owner = 0);
// One CSV (sdk::CsvWriter, UTF-8 with BOM for Excel): 区分, 項目, 件数, 利用時間, 開館時間, 稼働率, 使用料.
std::string usage_csv(const UsageReport& r);
// The report as a document (the window prints it or saves it): the four tables with a title and
// the period. usage_pdf writes it as an A4 PDF.
sdk::Document usage_document(const UsageReport& r);
void usage_pdf(const UsageReport& r, const std::filesystem::path& path);
// "62.5%"
std::string format_rate(double rate);

}  // namespace wasshoi::booking
