#pragma once
// The month's bookings of a room as the page that hangs on the 集会所 door: A4 landscape, a
// month grid (日 to 土), each day with its bookings (time and organization) and why it is closed
// (休館日, 祝日, 年末年始, 臨時休館). Rooms and organizations only, never a contact person: an
// ordinary notice, not personal data. Cancelled bookings are left out; 仮予約 are marked.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/document.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::booking {

// `month`: any day of the month. InputError for a facility that does not exist.
sdk::Document calendar_page(sdk::Database& db, sdk::OrganizationDirectory& orgs, FacilityId facility,
                            const sdk::Date& month);

// "2026-06", "2026/6", "令和8年6月", "R8.6" → the first of that month; InputError otherwise.
sdk::Date parse_month(const std::string& text);

}  // namespace wasshoi::booking
