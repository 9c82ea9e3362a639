#pragma once
// The short form of 和暦 for narrow table columns (the proposals' 総括表): R8.5.19, H31.4.30,
// R1.5.1 (元年 is 1), S64.1.7; the era by the day (平成 up to 2019-04-30), like format_wareki.
// Dates before 明治 are written 1867.12.31. parse_date reads every form back.
#include <string>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

std::string format_wareki_short(const Date& date);

}  // namespace wasshoi::sdk
