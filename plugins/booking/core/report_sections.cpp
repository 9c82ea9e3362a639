#include "core/report_sections.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <wasshoi/sdk/fill.hpp>
#include <wasshoi/sdk/i18n.hpp>
#include <wasshoi/sdk/input.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/text.hpp>

#include "core/bookings.hpp"
#include "core/facilities.hpp"
#include "core/usage.hpp"

namespace wasshoi::booking {

namespace {

std::string fill(const char* key, const std::string& value) {
  return sdk::tr_fill(key, {value});
}

// 90 minutes → "1.5"; whole hours without a decimal.
std::string hours_text(std::int64_t minutes) {
  if (minutes % 60 == 0) return sdk::group_thousands(minutes / 60);
  const std::int64_t tenths = (minutes * 10 + 30) / 60;
  return sdk::group_thousands(tenths / 10) + "." + std::to_string(tenths % 10);
}

std::int64_t hours_figure(std::int64_t minutes) {
  return std::llround(static_cast<double>(minutes) / 60.0);
}

void add_to(std::vector<UsageLine>& lines, std::map<std::string, std::size_t>& index,
            const std::string& label, std::int64_t minutes) {
  auto [it, fresh] = index.emplace(label, lines.size());
  if (fresh) lines.push_back({label});
  auto& line = lines[it->second];
  ++line.bookings;
  line.minutes += minutes;
}

void usage_table(sdk::Document& doc, const char* label_key, const std::vector<UsageLine>& lines,
                 const OrgUsage* total) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& l : lines)
    rows.push_back({l.label, sdk::group_thousands(l.bookings), hours_text(l.minutes)});
  if (total)
    rows.push_back(
        {sdk::tr("booking.report.total"), sdk::group_thousands(total->bookings), hours_text(total->minutes)});
  doc.table({{sdk::tr(label_key), 3.0},
             {sdk::tr("booking.report.col_bookings"), 1.0, sdk::Align::Right},
             {sdk::tr("booking.report.col_hours"), 1.2, sdk::Align::Right}},
            rows);
}

void write_usage(sdk::Context& ctx, const sdk::ReportPeriod& p, sdk::Document& doc) {
  const OrgUsage u = org_usage(ctx.db(), p.org, p.from, p.to);
  doc.fields({{sdk::tr("booking.report.bookings"),
               fill("booking.report.bookings_n", sdk::group_thousands(u.bookings))},
              {sdk::tr("booking.report.hours"), fill("booking.report.hours_n", hours_text(u.minutes))},
              {sdk::tr("booking.report.cancelled"),
               fill("booking.report.bookings_n", sdk::group_thousands(u.cancelled))}});
  if (u.bookings == 0) {
    doc.paragraph(sdk::tr("booking.report.none"));
  } else {
    doc.subheading(sdk::tr("booking.report.by_room"));
    usage_table(doc, "booking.report.col_room", u.by_room, &u);
    doc.subheading(sdk::tr("booking.report.by_month"));
    usage_table(doc, "booking.report.col_month", u.by_month, &u);
    doc.subheading(sdk::tr("booking.report.by_purpose"));
    usage_table(doc, "booking.report.col_purpose", u.by_purpose, &u);
  }
  // The rooms the organization owns: how much every organization used them (the 稼働率 report).
  if (list_facilities(ctx.db(), p.org).empty()) return;
  const UsageReport owned = usage_report(ctx.db(), sdk::organizations(ctx), p.from, p.to, p.org);
  doc.subheading(sdk::tr("booking.report.owned_rooms"));
  std::vector<std::vector<std::string>> rows;
  for (const auto& r : owned.by_room)
    rows.push_back({r.label, sdk::group_thousands(r.bookings), hours_text(std::llround(r.booked_hours * 60)),
                    format_rate(r.rate())});
  doc.table({{sdk::tr("booking.report.col_room"), 3.0},
             {sdk::tr("booking.report.col_bookings"), 1.0, sdk::Align::Right},
             {sdk::tr("booking.report.col_hours"), 1.2, sdk::Align::Right},
             {sdk::tr("booking.report.col_rate"), 1.0, sdk::Align::Right}},
            rows);
}

std::vector<sdk::ReportFigure> usage_figures(sdk::Context& ctx, const sdk::ReportPeriod& p) {
  const OrgUsage u = org_usage(ctx.db(), p.org, p.from, p.to);
  return {{"bookings", u.bookings}, {"hours", hours_figure(u.minutes)}, {"cancelled", u.cancelled}};
}

}  // namespace

OrgUsage org_usage(sdk::Database& db, OrgId org, const sdk::Date& from, const sdk::Date& to) {
  OrgUsage u;
  std::map<FacilityId, std::string> rooms;
  std::map<std::string, std::size_t> room_index, month_index, purpose_index;
  for (const auto& b : list_bookings(db, {.org = org, .from = from, .to = to, .include_cancelled = true})) {
    if (b.status == Status::Cancelled) {
      ++u.cancelled;
      continue;
    }
    const std::int64_t minutes = b.end.epoch_minutes() - b.start.epoch_minutes();
    ++u.bookings;
    u.minutes += minutes;
    auto room = rooms.find(b.facility_id);
    if (room == rooms.end()) room = rooms.emplace(b.facility_id, get_facility(db, b.facility_id).name).first;
    add_to(u.by_room, room_index, room->second, minutes);
    add_to(u.by_month, month_index, sdk::format_print_month(b.start.date.year, b.start.date.month), minutes);
    add_to(u.by_purpose, purpose_index,
           sdk::trim(b.purpose).empty() ? std::string(sdk::tr("booking.report.no_purpose"))
                                        : sdk::trim(b.purpose),
           minutes);
  }
  std::stable_sort(u.by_purpose.begin(), u.by_purpose.end(),
                   [](const UsageLine& a, const UsageLine& b) { return a.bookings > b.bookings; });
  return u;
}

std::vector<sdk::ReportSection> report_sections() {
  return {{.id = "booking.usage",
           .title_key = "booking.report.usage",
           .part = sdk::ReportPart::Activities,
           .order = 30,
           .write = write_usage,
           .figures = usage_figures}};
}

}  // namespace wasshoi::booking
