#include "core/usage.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <wasshoi/sdk/csv.hpp>
#include <wasshoi/sdk/document.hpp>

#include "core/bookings.hpp"
#include "core/closures.hpp"

namespace wasshoi::booking {

namespace {

std::string month_of(const sdk::Date& d) {
  return d.iso().substr(0, 7);
}

double hours(const Booking& b) {
  return static_cast<double>(b.end.epoch_minutes() - b.start.epoch_minutes()) / 60.0;
}

std::string format_hours(double h) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", h);
  return buf;
}

void add(UsageRow& row, const Booking& b) {
  row.bookings += 1;
  row.booked_hours += hours(b);
  row.fees += b.fee;
}

// Open hours per room, per month and per slot name over the period.
void count_open_hours(sdk::Database& db, const std::vector<Facility>& rooms, UsageReport& r,
                      std::map<std::string, UsageRow>& months, std::map<std::string, UsageRow>& slots) {
  for (const auto& f : rooms) {
    ClosureCalendar calendar(db, f, r.from, r.to);
    UsageRow row{f.name};
    for (sdk::Date d = r.from; d <= r.to; d = d.add_days(1)) {
      if (!calendar.open(d)) continue;
      double open = (f.close_min - f.open_min) / 60.0;
      row.open_hours += open;
      months[month_of(d)].open_hours += open;
      for (const auto& s : f.slots) slots[s.name].open_hours += (s.end_min - s.start_min) / 60.0;
    }
    r.by_room.push_back(row);
  }
}

void count_slot(const Facility& f, const Booking& b, std::map<std::string, UsageRow>& slots) {
  int from = b.start.minutes_of_day();
  int to = b.end.date == b.start.date ? b.end.minutes_of_day() : 24 * 60;
  for (const auto& s : f.slots) {
    int overlap = std::min(to, s.end_min) - std::max(from, s.start_min);
    if (overlap <= 0) continue;
    slots[s.name].bookings += 1;
    slots[s.name].booked_hours += overlap / 60.0;
    if (b.fee > 0) slots[s.name].fees += s.fee;  // charged by slot: each touched slot's fee
  }
}

template <typename Map>
std::vector<UsageRow> rows_of(Map& m) {
  std::vector<UsageRow> out;
  for (auto& [label, row] : m) {
    row.label = label;
    out.push_back(row);
  }
  return out;
}

std::vector<std::string> cells(const UsageRow& row, bool with_rate) {
  return {row.label,
          std::to_string(row.bookings),
          format_hours(row.booked_hours),
          with_rate ? format_hours(row.open_hours) : "",
          with_rate ? format_rate(row.rate()) : "",
          std::to_string(row.fees)};
}

}  // namespace

std::string format_rate(double rate) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f%%", rate * 100.0);
  return buf;
}

UsageReport usage_report(sdk::Database& db, sdk::OrganizationDirectory& orgs, const sdk::Date& from,
                         const sdk::Date& to, OrgId owner) {
  if (to < from)
    throw sdk::InputError("the period ends (" + to.iso() + ") before it starts (" + from.iso() + ")");
  UsageReport r;
  r.from = from;
  r.to = to;
  if (owner) r.owner_name = orgs.name(db, owner);
  auto rooms = list_facilities(db, owner);
  std::map<std::string, UsageRow> months, slots, by_org;
  std::map<OrgId, std::string> names;  // one lookup per organization, not per booking
  auto name_of = [&](OrgId org) -> const std::string& {
    auto it = names.find(org);
    return it != names.end() ? it->second : names.emplace(org, orgs.name(db, org)).first->second;
  };
  count_open_hours(db, rooms, r, months, slots);
  std::map<FacilityId, std::size_t> index;
  for (std::size_t i = 0; i < rooms.size(); ++i) index[rooms[i].id] = i;
  BookingFilter q;
  q.owner = owner;
  q.from = from;
  q.to = to;
  for (const auto& b : list_bookings(db, q)) {
    std::size_t i = index.at(b.facility_id);
    add(r.by_room[i], b);
    add(months[month_of(b.start.date)], b);
    add(by_org[name_of(b.org)], b);
    add(r.total, b);
    count_slot(rooms[i], b, slots);
  }
  for (const auto& row : r.by_room) r.total.open_hours += row.open_hours;
  r.total.label = "合計";
  r.by_month = rows_of(months);
  r.by_slot = rows_of(slots);
  r.by_org = rows_of(by_org);
  std::sort(r.by_org.begin(), r.by_org.end(),
            [](auto& a, auto& b) { return a.booked_hours > b.booked_hours; });
  return r;
}

std::string usage_csv(const UsageReport& r) {
  sdk::CsvWriter csv;
  csv.write_row({"区分", "項目", "件数", "利用時間", "開館時間", "稼働率", "使用料（円）"});
  auto section = [&](const char* name, const std::vector<UsageRow>& rows, bool rate) {
    for (const auto& row : rows) {
      auto c = cells(row, rate);
      c.insert(c.begin(), name);
      csv.write_row(c);
    }
  };
  section("部屋", r.by_room, true);
  section("月", r.by_month, true);
  section("時間帯", r.by_slot, true);
  section("団体", r.by_org, false);
  section("合計", {r.total}, true);
  return csv.to_utf8_bom();
}

sdk::Document usage_document(const UsageReport& r) {
  sdk::Document doc("集会施設 稼働率報告");
  doc.title("集会施設 稼働率報告");
  doc.fields({{"施設", r.owner_name.empty() ? "全施設" : r.owner_name},
              {"期間", sdk::format_date_ja(r.from) + " 〜 " + sdk::format_date_ja(r.to)},
              {"利用", std::to_string(r.total.bookings) + "件 / " + format_hours(r.total.booked_hours) +
                           "時間（稼働率 " + format_rate(r.total.rate()) + "）"}});
  std::vector<sdk::TableColumn> cols = {{"", 3.0},
                                        {"件数", 1.0, sdk::Align::Right},
                                        {"利用時間", 1.2, sdk::Align::Right},
                                        {"開館時間", 1.2, sdk::Align::Right},
                                        {"稼働率", 1.1, sdk::Align::Right},
                                        {"使用料（円）", 1.4, sdk::Align::Right}};
  auto table = [&](const char* heading, const char* first, const std::vector<UsageRow>& rows, bool rate) {
    doc.heading(heading);
    auto c = cols;
    c[0].header = first;
    std::vector<std::vector<std::string>> body;
    for (const auto& row : rows) body.push_back(cells(row, rate));
    doc.table(c, body);
  };
  table("部屋別", "部屋", r.by_room, true);
  // Months in print as every document dates them (令和8年4月); the CSV keeps 2026-04 for Excel.
  std::vector<UsageRow> months = r.by_month;
  for (UsageRow& m : months)
    if (auto first = sdk::parse_iso_date(m.label + "-01"))
      m.label = sdk::format_print_month(first->year, first->month);
  table("月別", "月", months, true);
  table("時間帯別", "時間帯", r.by_slot, true);
  table("団体別", "団体", r.by_org, false);
  doc.paragraph(
      "稼働率 = 利用時間 ÷ 開館時間（休館日・年末年始・臨時休館を除く）。取消を除き、仮予約を含みます。");
  doc.footer((r.owner_name.empty() ? std::string("集会施設") : r.owner_name) + "　" +
             sdk::format_print_date(sdk::today()) + " 作成");
  return doc;
}

void usage_pdf(const UsageReport& r, const std::filesystem::path& path) {
  usage_document(r).save_pdf(path);
}

}  // namespace wasshoi::booking
