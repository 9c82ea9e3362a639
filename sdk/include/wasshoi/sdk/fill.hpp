#pragma once
// Messages with values put in: a catalog's text (i18n.hpp) with its marks filled.
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>

namespace wasshoi::sdk {

// The catalog's text of `key` with each "{}" replaced by the next of `values` (in order; marks
// beyond the values stay, values beyond the marks are dropped).
std::string tr_fill(std::string_view key, std::initializer_list<std::string> values);
// `text` with every "{name}" replaced by its value (a value's own text is never searched again).
std::string fill_marks(std::string text,
                       std::initializer_list<std::pair<std::string_view, std::string>> values);

}  // namespace wasshoi::sdk
