#pragma once
// Cell values as officers write them in Excel, read and written back the same way.
#include <optional>
#include <string>
#include <string_view>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::members {

// Each returns nullopt when the text is not such a value (the caller names line and column).
std::optional<int> parse_people(std::string_view text);  // "3", "３", "3人"
std::optional<bool> parse_flag(std::string_view text);  // ○ 〇 ◯ ● 1 はい yes 要 / × 0 いいえ no -
std::optional<int> parse_birth_year(std::string_view text);  // 1950, 昭和25年, 1950/4/1, S25.4.1

bool is_head_relation(std::string_view relation);  // 世帯主, 本人

// Export forms: dates 2023/04/01, flags ○.
std::string format_date_cell(const std::optional<sdk::Date>& date);
const char* format_flag(bool value);

}  // namespace wasshoi::members
