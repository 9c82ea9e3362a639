#include "core/model.hpp"

#include <cstdio>

namespace wasshoi::booking {

std::vector<Slot> standard_slots(int morning_fee, int afternoon_fee, int evening_fee) {
  return {{"午前", 9 * 60, 12 * 60, morning_fee},
          {"午後", 13 * 60, 17 * 60, afternoon_fee},
          {"夜間", 18 * 60, 21 * 60, evening_fee}};
}

const char* to_string(Status s) {
  switch (s) {
    case Status::Tentative:
      return "tentative";
    case Status::Approved:
      return "approved";
    case Status::Cancelled:
      return "cancelled";
  }
  return "tentative";
}

const char* status_label_ja(Status s) {
  switch (s) {
    case Status::Tentative:
      return "仮予約";
    case Status::Approved:
      return "承認";
    case Status::Cancelled:
      return "取消";
  }
  return "仮予約";
}

Status parse_status(std::string_view text) {
  if (text == "tentative" || text == "仮予約") return Status::Tentative;
  if (text == "approved" || text == "承認") return Status::Approved;
  if (text == "cancelled" || text == "取消") return Status::Cancelled;
  throw sdk::InputError("unknown booking status '" + std::string(text) +
                        "': tentative, approved or cancelled");
}

sdk::DateTime at_minute(const sdk::Date& day, int minutes) {
  return sdk::DateTime::from_epoch_minutes(sdk::DateTime{day, 0, 0}.epoch_minutes() + minutes);
}

std::string format_hm(int minutes_of_day) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%d:%02d", minutes_of_day / 60, minutes_of_day % 60);
  return buf;
}

std::string format_span(const sdk::DateTime& start, const sdk::DateTime& end) {
  return start.date.iso() + " " + format_hm(start.minutes_of_day()) + "–" + format_hm(end.minutes_of_day());
}

}  // namespace wasshoi::booking
