#pragma once
// Booking series (定期予約): one request repeated by a Recurrence. Before booking, every date is
// checked; closures and conflicts are listed per date, and the user chooses: cancel all, or
// book the free dates and skip the rest. A series can be changed or cancelled from a date on.
#include <optional>
#include <string>
#include <vector>

#include "core/bookings.hpp"
#include "core/recurrence.hpp"

namespace wasshoi::booking {

struct SeriesRequest {
  BookingRequest first;  // the first date with its times; the other dates repeat its times
  Recurrence rule;
};

// One date of a series and why it cannot be booked (nothing when it can).
struct Occurrence {
  sdk::Date day;
  std::optional<std::string> problem;  // 臨時休館（工事）, "booked by #12 (…)", 年末年始 …
  std::optional<BookingId> conflict;   // the booking it collides with
  bool ok() const { return !problem; }
};

struct SeriesPlan {
  std::vector<Occurrence> dates;
  std::vector<Occurrence> problems() const;
  int bookable() const;
};

enum class OnProblem { CancelAll, SkipProblems };

struct SeriesResult {
  SeriesId id = 0;
  std::vector<BookingId> booked;
  std::vector<Occurrence> skipped;
};

// Raised by book_series with CancelAll when some dates cannot be booked; nothing was written.
class SeriesConflictError : public sdk::InputError {
 public:
  explicit SeriesConflictError(SeriesPlan plan);
  const SeriesPlan& plan() const { return plan_; }

 private:
  SeriesPlan plan_;
};

// Checks every date (request checks such as capacity and hours throw InputError first).
SeriesPlan plan_series(sdk::Database& db, sdk::OrganizationDirectory& orgs, const SeriesRequest& r);
// Plans again under the write lock and books in one transaction.
SeriesResult book_series(sdk::Database& db, sdk::OrganizationDirectory& orgs, const SeriesRequest& r,
                         OnProblem on_problem);

struct Series {
  SeriesId id = 0;
  FacilityId facility_id = 0;
  OrgId org = 0;
  Recurrence rule;
  // The first date; nullopt when the stored one is not a date (db.hpp): the series still lists
  // ("日付不明"), its bookings stay as they are, but its dates cannot be worked out.
  std::optional<sdk::Date> first;
  int start_tod = 0, end_tod = 0;  // minutes of the day
  std::string purpose;
  int sequence = 0;  // raised on every change (iCalendar SEQUENCE)
  // Whether its dates can be worked out: a first date, and an end (until or count). A stored
  // until_day that is not a date leaves neither.
  bool dates_known() const { return first && (rule.until || rule.count); }
};
std::optional<Series> find_series(sdk::Database& db, SeriesId id);
Series get_series(sdk::Database& db, SeriesId id);
std::vector<Series> list_series(sdk::Database& db, FacilityId facility = 0, OrgId org = 0);
// The series' own dates (its rule) that have no live booking: skipped or cancelled (EXDATE).
// None when its first date is unknown.
std::vector<sdk::Date> missing_dates(sdk::Database& db, const Series& s);

// Cancels every booking of the series on or after `from` and ends the series before it.
// Returns how many bookings were cancelled. The reason goes into the audit log.
int cancel_series_from(sdk::Database& db, SeriesId id, const sdk::Date& from, const std::string& reason = {});
// The same for the signed-in officer (who may write the series: checked below the plugin); the
// reason is required.
int cancel_series_from(sdk::Context& ctx, SeriesId id, const sdk::Date& from, const std::string& reason);
// From `from` on, the series continues at new times (and purpose/attendance when given): the
// old bookings from that date are cancelled and a new series takes the remaining dates, checked
// as a new one. One transaction: with CancelAll and a problem, nothing changes. InputError for a
// series whose first date is unknown (its dates cannot be worked out).
SeriesResult change_series_from(sdk::Database& db, sdk::OrganizationDirectory& orgs, SeriesId id,
                                const sdk::Date& from, int start_tod, int end_tod,
                                std::optional<std::string> purpose, std::optional<int> attendance,
                                OnProblem on_problem);

}  // namespace wasshoi::booking
