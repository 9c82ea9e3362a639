#pragma once
#include <string>
#include <wasshoi/sdk/db.hpp>

namespace wasshoi::members {

// Every distinct non-ASCII character in stored names, readings, addresses and notes, once
// each: what the GUI font must be able to draw (髙 﨑 …).
std::string roster_glyphs(sdk::Database& db);

}  // namespace wasshoi::members
