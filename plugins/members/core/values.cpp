#include "core/values.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::members {

namespace {

std::optional<int> small_number(std::string_view digits) {
  if (digits.empty() || digits.size() > 6 ||
      !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return std::nullopt;
  return std::stoi(std::string(digits));
}

}  // namespace

std::optional<int> parse_people(std::string_view text) {
  if (auto plain = small_number(text)) return plain;  // "3": no need to fold
  std::string folded = sdk::fold_for_search(text);    // ３ → 3, spaces gone
  std::string_view v(folded);
  if (v.ends_with("人")) v.remove_suffix(std::string_view("人").size());
  return small_number(v);
}

std::optional<bool> parse_flag(std::string_view text) {
  static constexpr std::array<std::string_view, 12> kYes = {"○",   "〇", "◯",    "●",  "1",  "はい",
                                                            "yes", "y",  "true", "要", "有", "✓"};
  static constexpr std::array<std::string_view, 10> kNo = {"",  "×",     "0", "いいえ", "no",
                                                           "n", "false", "-", "ー",     "無"};
  std::string v = sdk::fold_for_search(text);
  if (std::find(kYes.begin(), kYes.end(), v) != kYes.end()) return true;
  if (std::find(kNo.begin(), kNo.end(), v) != kNo.end()) return false;
  return std::nullopt;
}

std::optional<int> parse_birth_year(std::string_view text) {
  std::string folded = sdk::fold_for_search(text);
  std::string_view v(folded);
  if (v.ends_with("年")) v.remove_suffix(std::string_view("年").size());
  if (auto year = small_number(v); year && *year >= 1000) return year;
  if (auto date = sdk::parse_date(text)) return date->year;
  if (auto date = sdk::parse_date(std::string(v) + "年1月1日")) return date->year;  // 昭和25年
  if (auto date = sdk::parse_date(std::string(v) + ".1.1")) return date->year;      // S25
  return std::nullopt;
}

bool is_head_relation(std::string_view relation) {
  std::string v = sdk::fold_for_search(relation);
  return v == "世帯主" || v == "本人";
}

std::string format_date_cell(const std::optional<sdk::Date>& date) {
  if (!date) return {};
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d/%02d/%02d", date->year, date->month, date->day);
  return buf;
}

const char* format_flag(bool value) {
  return value ? "○" : "";
}

}  // namespace wasshoi::members
