#pragma once
// FacilityDirectory: rooms and their bookings as other plugins see them. Implemented by the
// booking plugin; the minutes plugin takes a meeting's place from a booking when it is enabled.
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

struct FacilityRef {
  std::int64_t id = 0;
  OrgId owner = 0;
  std::string name;  // わっしょい地区公民館 大会議室
  int capacity = 0;
};

struct BookingRef {
  std::int64_t id = 0;
  std::int64_t facility_id = 0;
  OrgId org = 0;  // who booked
  std::string purpose;
  DateTime start;
  DateTime end;
  std::string status;  // tentative, approved, cancelled
};

class FacilityDirectory {
 public:
  static constexpr const char* kServiceId = "booking.facilities";
  virtual ~FacilityDirectory() = default;

  virtual std::vector<FacilityRef> facilities(Database& db) = 0;
  virtual std::optional<FacilityRef> facility(Database& db, std::int64_t id) = 0;
  virtual std::optional<BookingRef> booking(Database& db, std::int64_t id) = 0;
  // Bookings made by `org` in a period (to pick a meeting's place from).
  virtual std::vector<BookingRef> bookings_of(Database& db, OrgId org, const Date& from, const Date& to) = 0;
};

}  // namespace wasshoi::sdk
