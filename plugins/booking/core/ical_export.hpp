#pragma once
// iCalendar export per room or per organization through sdk::IcalWriter: single bookings as
// events, each series as one event with its RRULE and EXDATE for the dates it skips, plus a
// RECURRENCE-ID override for every date whose status or times differ from the series'.
#include <optional>
#include <string>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::booking {

struct IcsScope {
  FacilityId facility = 0;  // one room's calendar
  OrgId org = 0;            // or what one organization booked
};

// The calendar text (CRLF, folded). `stamp_utc` fixes DTSTAMP (tests); otherwise now.
std::string export_ics(sdk::Database& db, sdk::OrganizationDirectory& orgs, const IcsScope& scope,
                       std::optional<sdk::DateTime> stamp_utc = std::nullopt);

}  // namespace wasshoi::booking
