#pragma once
// The booking plugin's domain types (集会施設予約): facilities with their slots, equipment, fees
// and closures; bookings and their status.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/error.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::booking {

using sdk::OrgId;
using FacilityId = std::int64_t;
using BookingId = std::int64_t;
using SeriesId = std::int64_t;

// A named time slot (午前 9:00–12:00); `fee` in yen for the whole slot.
struct Slot {
  std::string name;
  int start_min = 0;  // minutes of the day
  int end_min = 0;
  int fee = 0;
};

struct Equipment {
  std::string name;  // プロジェクター
  int quantity = 1;
};

struct Facility {
  FacilityId id = 0;
  OrgId owner = 0;   // 公民館 (support) or 自治会
  std::string name;  // わっしょい地区公民館 大会議室
  int capacity = 0;
  int open_min = 9 * 60;  // opening hours
  int close_min = 21 * 60;
  unsigned closed_weekdays = 0;     // bit d set: closed on weekday d (0 = Sunday)
  bool closed_on_holidays = false;  // 祝日休館
  bool new_year_closed = true;      // 年末年始 12/29–1/3
  bool requires_approval = false;   // 仮予約 until the owner approves
  int fee_per_hour = 0;             // 使用料 for free times (yen per started hour)
  bool owner_exempt = true;         // the owning organization books free
  bool retired = false;             // no longer used: takes no new bookings, its old ones stay
  std::vector<Slot> slots;          // empty: free times only
  std::vector<Equipment> equipment;
  std::vector<OrgId> exempt_orgs;  // 減免: organizations that book free
};

// 午前 9–12 / 午後 13–17 / 夜間 18–21 with fees, the usual 公民館 pattern.
std::vector<Slot> standard_slots(int morning_fee = 0, int afternoon_fee = 0, int evening_fee = 0);

enum class Status { Tentative, Approved, Cancelled };  // 仮予約 → 承認 → 取消
const char* to_string(Status s);                       // "tentative", "approved", "cancelled"
const char* status_label_ja(Status s);                 // 仮予約, 承認, 取消
Status parse_status(std::string_view text);

struct Booking {
  BookingId id = 0;
  FacilityId facility_id = 0;
  OrgId org = 0;
  std::optional<SeriesId> series_id;
  sdk::DateTime start;
  sdk::DateTime end;
  std::string purpose;
  std::string contact;                         // 担当者 (free text or from the roster)
  std::optional<std::int64_t> contact_person;  // MemberDirectory person id
  int attendance = 0;
  Status status = Status::Tentative;
  int fee = 0;
};

struct BookingRequest {
  FacilityId facility_id = 0;
  OrgId org = 0;
  sdk::DateTime start;
  sdk::DateTime end;
  std::string purpose;
  std::string contact;
  std::optional<std::int64_t> contact_person;
  int attendance = 0;
};

// The room is taken: names the booking it collides with.
class ConflictError : public sdk::InputError {
 public:
  ConflictError(const std::string& message, BookingId other) : sdk::InputError(message), other_(other) {}
  BookingId other() const { return other_; }

 private:
  BookingId other_;
};

// The day at a minute of it; past 24:00 it goes on into the next day (a slot to 24:00).
sdk::DateTime at_minute(const sdk::Date& day, int minutes);
// "10:00"
std::string format_hm(int minutes_of_day);
// "2026-05-10 10:00–12:00"
std::string format_span(const sdk::DateTime& start, const sdk::DateTime& end);

}  // namespace wasshoi::booking
