#pragma once
// The one iCalendar (RFC 5545) writer: VCALENDAR with a VTIMEZONE for Asia/Tokyo, VEVENTs with
// UID, DTSTAMP, DTSTART/DTEND, SUMMARY, LOCATION, DESCRIPTION, STATUS, RRULE/EXDATE and
// RECURRENCE-ID (one date of a series that differs from it); text escaped, lines folded at 75
// octets without splitting a character, CRLF line ends.
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

struct IcalEvent {
  std::string uid;  // stable and unique, e.g. "booking-42@wasshoi"
  DateTime start;   // Asia/Tokyo local time
  DateTime end;
  std::string summary;
  std::string location;
  std::string description;
  std::string status;                // TENTATIVE, CONFIRMED or CANCELLED; empty: none
  std::optional<std::string> rrule;  // e.g. "FREQ=MONTHLY;BYDAY=2SU;COUNT=12"
  std::vector<DateTime> exdates;     // occurrences left out of the rule
  // Set on an override: the event with the same UID and a rule has an occurrence starting at this
  // time (Asia/Tokyo), and this event replaces it with its own DTSTART/DTEND/STATUS.
  std::optional<DateTime> recurrence_id;
  std::vector<std::string> categories;
  int sequence = 0;  // raised when the event changes
};

class IcalWriter {
 public:
  // `name` becomes X-WR-CALNAME (the calendar's title in most apps).
  explicit IcalWriter(std::string name);
  void add(const IcalEvent& event);
  // The whole calendar. DTSTAMP is `stamp` (UTC) so output is reproducible in tests.
  std::string str(const DateTime& stamp_utc) const;
  std::string str() const;

 private:
  std::string name_;
  std::vector<IcalEvent> events_;
};

// TEXT value escaping (\\, \;, \,, \n).
std::string ical_escape(std::string_view text);
// Folds one content line at 75 octets (continuation lines start with a space); adds CRLF.
std::string ical_fold(std::string_view line);

}  // namespace wasshoi::sdk
