#pragma once
// The national holidays live in the SDK (wasshoi/sdk/holidays.hpp: the date field's calendar
// colours them too); booking keeps its names for them.
#include <wasshoi/sdk/holidays.hpp>

namespace wasshoi::booking {

using sdk::autumnal_equinox_day;
using sdk::Holiday;
using sdk::holiday_name;
using sdk::holidays_of_year;
using sdk::is_holiday;
using sdk::kFirstHolidayYear;
using sdk::kLastHolidayYear;
using sdk::vernal_equinox_day;

}  // namespace wasshoi::booking
