#pragma once
// What a 班長 may not do: anything for the whole 自治会 (importing a roster, the dues amount,
// roles). The CLI and the panels both ask here before such a write.
#include <wasshoi/sdk/context.hpp>

namespace wasshoi::members {

// InputError naming `what` for a 班長; nothing for the 会長, 役員 or a database without accounts.
void require_officer(const sdk::Access& access, const char* what);

}  // namespace wasshoi::members
