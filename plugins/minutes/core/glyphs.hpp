#pragma once
#include <string>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::minutes {

// Text the minutes store that the GUI font must draw (names with 髙 﨑, titles, places).
std::string minutes_glyphs(sdk::Database& db);

}  // namespace wasshoi::minutes
