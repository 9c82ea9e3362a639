#pragma once
#include "core/model.hpp"

namespace wasshoi::minutes::ui {

// A month as a 7-column grid (日 … 土) with each day's meetings; clicking one selects it
// (`selected`). `year`/`month` are the caller's state; ◀ ▶ move them.
void month_calendar(const std::vector<Meeting>& meetings, int& year, int& month, MeetingId& selected);

}  // namespace wasshoi::minutes::ui
