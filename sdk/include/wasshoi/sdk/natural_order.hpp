#pragma once
// The order people read numbers in names and addresses: 「1丁目6番」 before 「1丁目13番」, 「2班」
// before 「10班」. Runs of digits (ASCII or full-width ０–９, alike) compare by value; the rest by
// code point.
#include <string_view>

namespace wasshoi::sdk {

bool natural_less(std::string_view a, std::string_view b);

}  // namespace wasshoi::sdk
