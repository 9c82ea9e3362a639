#pragma once
// Japanese text helpers on ICU: encodings (UTF-8 / CP932 / BOM), search folding, dates in 和暦.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wasshoi::sdk {

// ---- encodings -------------------------------------------------------------------------------
enum class Encoding { Utf8, Utf8Bom, Cp932 };
const char* encoding_name(Encoding e);  // "UTF-8", "UTF-8 (BOM)", "Shift_JIS (CP932)"

// UTF-8 with a BOM, valid UTF-8, or else CP932 (what Excel writes on Japanese Windows).
Encoding detect_encoding(std::string_view bytes);
bool is_valid_utf8(std::string_view bytes);
// Decodes `bytes` (detected) to UTF-8 without BOM. Bytes that are not CP932 either throw
// InputError naming the byte offset.
std::string decode_to_utf8(std::string_view bytes, Encoding* detected = nullptr);
std::string cp932_to_utf8(std::string_view bytes);

// A character that CP932 cannot hold.
struct Unencodable {
  std::size_t offset;     // byte offset in the UTF-8 input
  std::string character;  // the character itself, e.g. "𠮷"
};
// Encodes UTF-8 to CP932. Never replaces silently: returns nullopt and fills `problem` instead.
std::optional<std::string> utf8_to_cp932(std::string_view utf8, Unencodable* problem = nullptr);
inline constexpr std::string_view kUtf8Bom = "\xEF\xBB\xBF";

// ---- folding for search -----------------------------------------------------------------------
// NFKC, katakana→hiragana, lower case, all whitespace (incl. 全角スペース) removed:
// "ｻﾄｳ　タカハシ" and "さとうたかはし" fold to the same text. Used on write and on query.
std::string fold_for_search(std::string_view text);
namespace detail {
// The same fold, always through ICU (fold_for_search takes a shortcut for common text; the tests
// hold the two equal).
std::string fold_for_search_icu(std::string_view text);
}  // namespace detail
// Leading and trailing whitespace removed, 全角スペース (U+3000) included.
std::string trim(std::string_view text);

// ---- code points --------------------------------------------------------------------------------
std::u32string utf8_to_u32(std::string_view utf8);
std::string u32_to_utf8(std::u32string_view text);
bool has_beyond_bmp(std::string_view utf8);  // 𠮷 and friends, which 16-bit ImGui cannot draw

// ---- dates ------------------------------------------------------------------------------------
struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
  bool valid() const;
  std::string iso() const;  // 2025-04-01
  int weekday() const;      // 0 = Sunday
  int days_since_epoch() const;
  static Date from_days_since_epoch(int days);
  Date add_days(int n) const;
};
std::optional<Date> parse_iso_date(std::string_view text);
// A date that is not known — a stored date that did not read as one (db.hpp's date policy) — in
// lists, documents and command output: 「日付不明」. The window shows sdk::tr("date.unknown").
inline constexpr const char* kDateUnknown = "日付不明";
// date->iso(), or kDateUnknown.
std::string iso_or_unknown(const std::optional<Date>& date);

// A local date and time in Japan (Asia/Tokyo, UTC+9, no daylight saving).
struct DateTime {
  Date date;
  int hour = 0, minute = 0;
  auto operator<=>(const DateTime&) const = default;
  bool valid() const { return date.valid() && hour >= 0 && hour < 24 && minute >= 0 && minute < 60; }
  int minutes_of_day() const { return hour * 60 + minute; }
  std::string iso() const;  // 2026-05-10T10:00
  // Minutes since 1970-01-01T00:00 local time (for storage and arithmetic).
  std::int64_t epoch_minutes() const;
  static DateTime from_epoch_minutes(std::int64_t minutes);
};
// "2026-05-10T10:00", "2026-05-10 10:00", "2026/5/10 10:00".
std::optional<DateTime> parse_datetime(std::string_view text);
// "10:00" → minutes of day; nullopt for "25:00".
std::optional<int> parse_time_of_day(std::string_view text);
DateTime now_local();
// Accepts what officers type or Excel writes: 2025-04-01, 2025/4/1, 2025年4月1日, 令和7年4月1日,
// 令和元年5月1日, R7.4.1, H31/4/30, S64.1.7, full-width digits. nullopt when it is not a date.
std::optional<Date> parse_date(std::string_view text);
// 令和7年4月1日 (令和元年5月1日 for the first year). Through ICU's Japanese calendar.
std::string format_wareki(const Date& date);
// The one date style of print (documents, lists, letters): 和暦 first, and the 西暦 after it in
// brackets where the document shows it; the weekday when asked.
//   {}                        令和8年5月18日
//   {.western = true}         令和8年5月18日（2026年）
//   {.weekday = true}         令和8年5月18日（月）
//   {.western, .weekday}      令和8年5月18日（月）（2026年）
struct PrintDate {
  bool western = false;
  bool weekday = false;
};
std::string format_print_date(const Date& date, PrintDate style = {});
// A month of print: 令和8年5月, or 令和8年5月（2026年）.
std::string format_print_month(int year, int month, bool western = false);
// format_print_date(date, {.western = true}): 令和7年4月1日（2025年）
std::string format_date_ja(const Date& date);
// The 年度 (April–March) a date falls in: 2026-03-31 → 2025.
int fiscal_year(const Date& date);
// 令和7年度
std::string format_fiscal_year_ja(int fiscal_year);
Date today();

}  // namespace wasshoi::sdk
