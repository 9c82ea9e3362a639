#include <chrono>
#include <cstdio>
#include <wasshoi/sdk/ical.hpp>

namespace wasshoi::sdk {

namespace {

std::string local_stamp(const DateTime& t) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d%02d%02dT%02d%02d00", t.date.year, t.date.month, t.date.day, t.hour,
                t.minute);
  return buf;
}

// Japan has kept JST (UTC+9) without daylight saving since 1951: one STANDARD block suffices.
constexpr const char* kTokyo =
    "BEGIN:VTIMEZONE\r\n"
    "TZID:Asia/Tokyo\r\n"
    "BEGIN:STANDARD\r\n"
    "DTSTART:19700101T000000\r\n"
    "TZOFFSETFROM:+0900\r\n"
    "TZOFFSETTO:+0900\r\n"
    "TZNAME:JST\r\n"
    "END:STANDARD\r\n"
    "END:VTIMEZONE\r\n";

}  // namespace

std::string ical_escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case ';':
        out += "\\;";
        break;
      case ',':
        out += "\\,";
        break;
      case '\r':
        if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
        out += "\\n";
        break;
      case '\n':
        out += "\\n";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string ical_fold(std::string_view line) {
  std::string out;
  std::size_t width = 0;  // octets on the current physical line
  std::size_t limit = 75;
  std::size_t i = 0;
  while (i < line.size()) {
    // Length of the UTF-8 sequence starting here: never split a character.
    unsigned char c = static_cast<unsigned char>(line[i]);
    std::size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 4;
    if (width + n > limit) {
      out += "\r\n ";
      width = 1;
    }
    out.append(line.substr(i, n));
    width += n;
    i += n;
  }
  out += "\r\n";
  return out;
}

IcalWriter::IcalWriter(std::string name) : name_(std::move(name)) {}

void IcalWriter::add(const IcalEvent& event) {
  events_.push_back(event);
}

std::string IcalWriter::str() const {
  using namespace std::chrono;
  auto m = duration_cast<minutes>(system_clock::now().time_since_epoch()).count();
  return str(DateTime::from_epoch_minutes(m));
}

std::string IcalWriter::str(const DateTime& stamp_utc) const {
  std::string out;
  auto line = [&](const std::string& l) { out += ical_fold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//Wasshoi//Wasshoi 0.1//JA");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + ical_escape(name_));
  line("X-WR-TIMEZONE:Asia/Tokyo");
  out += kTokyo;
  const std::string stamp = local_stamp(stamp_utc) + "Z";
  for (const auto& e : events_) {
    line("BEGIN:VEVENT");
    line("UID:" + e.uid);
    line("DTSTAMP:" + stamp);
    if (e.recurrence_id) line("RECURRENCE-ID;TZID=Asia/Tokyo:" + local_stamp(*e.recurrence_id));
    line("DTSTART;TZID=Asia/Tokyo:" + local_stamp(e.start));
    line("DTEND;TZID=Asia/Tokyo:" + local_stamp(e.end));
    if (e.rrule) line("RRULE:" + *e.rrule);
    for (const auto& x : e.exdates) line("EXDATE;TZID=Asia/Tokyo:" + local_stamp(x));
    line("SUMMARY:" + ical_escape(e.summary));
    if (!e.location.empty()) line("LOCATION:" + ical_escape(e.location));
    if (!e.description.empty()) line("DESCRIPTION:" + ical_escape(e.description));
    if (!e.status.empty()) line("STATUS:" + e.status);
    if (!e.categories.empty()) {
      std::string cats;
      for (const auto& c : e.categories) cats += (cats.empty() ? "" : ",") + ical_escape(c);
      line("CATEGORIES:" + cats);
    }
    if (e.sequence) line("SEQUENCE:" + std::to_string(e.sequence));
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace wasshoi::sdk
