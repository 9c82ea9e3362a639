#include "core/calendar_page.hpp"

#include <cstdio>
#include <map>

#include "core/bookings.hpp"
#include "core/closures.hpp"
#include "core/facilities.hpp"
#include "core/holidays.hpp"

namespace wasshoi::booking {

namespace {

std::string hm(const sdk::DateTime& t) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%d:%02d", t.hour, t.minute);
  return buf;
}

int days_in_month(int year, int month) {
  const sdk::Date next = month == 12 ? sdk::Date{year + 1, 1, 1} : sdk::Date{year, month + 1, 1};
  return next.add_days(-1).day;
}

// 令和8年6月 (2026年6月)
std::string month_title(const sdk::Date& first) {
  std::string w = sdk::format_wareki(first);  // 令和8年6月1日
  w = w.substr(0, w.rfind("月") + std::string("月").size());
  return w + "（" + std::to_string(first.year) + "年" + std::to_string(first.month) + "月）";
}

}  // namespace

sdk::Date parse_month(const std::string& text) {
  std::string t = sdk::trim(text);
  for (const std::string day : {"-01", "/1", "1日", ".1"})
    if (auto d = sdk::parse_date(t + day)) return {d->year, d->month, 1};
  throw sdk::InputError("'" + text + "' is not a month: write 2026-06, 2026/6 or 令和8年6月");
}

sdk::Document calendar_page(sdk::Database& db, sdk::OrganizationDirectory& orgs, FacilityId facility,
                            const sdk::Date& month) {
  const Facility f = get_facility(db, facility);
  const sdk::Date first{month.year, month.month, 1};
  const sdk::Date last{month.year, month.month, days_in_month(month.year, month.month)};
  BookingFilter filter;
  filter.facility = facility;
  filter.from = first;
  filter.to = last;
  std::map<int, std::vector<std::string>> by_day;
  std::map<OrgId, std::string> names;
  for (const auto& b : list_bookings(db, filter)) {
    if (b.status == Status::Cancelled || b.start.date.month != month.month) continue;
    if (!names.count(b.org)) names[b.org] = orgs.name(db, b.org);
    // The time on its line, the organization's name on the next, kept whole when it fits a
    // seventh of the page (10 characters at the page's text scale, below); a longer one (a
    // 地域協働体's) wraps at its width.
    const std::string& name = names[b.org];
    std::string line = hm(b.start) + "〜" + hm(b.end) + (b.status == Status::Tentative ? "（仮）" : "") +
                       "\n" + (sdk::utf8_to_u32(name).size() <= 10 ? sdk::keep_together(name) : name);
    by_day[b.start.date.day].push_back(line);
  }
  const ClosureCalendar closed(db, f, first, last);
  const std::string owner = orgs.name(db, f.owner);
  const std::string title = f.name + "　" + month_title(first) + " 利用予定";
  sdk::Document doc(title);
  // Type a little smaller than the usual so that a week of seven 10-character names (a busy week
  // of the sample's わっしょい第一自治会) stands whole in its seven columns.
  doc.landscape().text_scale(0.92).footer(owner + "　" + title);
  doc.title(title);
  std::vector<std::vector<std::string>> weeks;
  std::vector<std::string> week(7);
  int count = 0;
  for (int d = 1; d <= last.day; ++d) {
    const sdk::Date day{month.year, month.month, d};
    std::string cell = std::to_string(d);
    if (auto holiday = holiday_name(day)) cell += " " + *holiday;
    if (auto why = closed.reason(day); why && by_day[d].empty())
      cell += "\n" + (why->find("祝日") == 0 ? std::string("休館") : *why);
    for (const auto& line : by_day[d]) cell += "\n" + line, ++count;
    week[day.weekday()] = cell;
    if (day.weekday() == 6 || d == last.day) {
      weeks.push_back(week);
      week.assign(7, "");
    }
  }
  std::vector<sdk::TableColumn> cols;
  for (int w = 0; w < 7; ++w) cols.push_back({weekday_ja(w), 1.0});
  doc.table(cols, weeks);
  doc.paragraph("予約 " + std::to_string(count) + "件。（仮）は承認待ちの仮予約です。" +
                "予約・お問い合わせ：" + owner);
  return doc;
}

}  // namespace wasshoi::booking
