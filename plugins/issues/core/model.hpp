#pragma once
// Local issues (地域課題) as the plugin's core sees them: plain data, no database handles.
#include <cmath>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::issues {

// Latitude and longitude are kept and written at 6 decimals (about 0.1 m): what is stored, shown
// and exported has no binary noise (38.935500000000005 → 38.9355).
inline double round_coordinate(double degrees) {
  return std::round(degrees * 1e6) / 1e6;
}
inline std::optional<double> round_coordinate(const std::optional<double>& degrees) {
  return degrees ? std::optional<double>(round_coordinate(*degrees)) : std::nullopt;
}

using IssueId = std::int64_t;
using sdk::OrgId;

enum class ReporterKind { Member, Named, Anonymous };
const char* to_string(ReporterKind kind);                 // "member", "named", "anonymous"
ReporterKind parse_reporter_kind(std::string_view text);  // InputError otherwise

// Who raised it. Never printed in the 懇談会 list, never exported to the city.
struct Reporter {
  ReporterKind kind = ReporterKind::Anonymous;
  std::optional<std::int64_t> person_id;  // Member: the MemberDirectory person
  std::string name;                       // Named: a non-member's name
  std::string phone;                      // Named: how to reach them (optional)
};

// Priority: 1 = 高, 2 = 中, 3 = 低 (lower sorts first).
inline constexpr int kPriorityHigh = 1;
inline constexpr int kPriorityNormal = 2;
inline constexpr int kPriorityLow = 3;
int parse_priority(std::string_view text);  // 高/中/低, high/normal/low, 1-3; InputError otherwise
const char* priority_label(int priority);   // 高 / 中 / 低

// 自助・共助・公助: shares in percent that add up to 100, or all 0 when not decided yet.
struct Split {
  int self = 0, mutual = 0, pub = 0;
  std::string note;
  bool decided() const { return self + mutual + pub == 100; }
};

struct IssueInput {
  OrgId org = 0;
  std::string title;
  std::string description;
  std::string category;
  std::string place;     // address text
  std::string landmark;  // 目印: 公民館前の交差点 …
  std::optional<double> lat, lon;
  std::optional<std::int64_t> han_id;
  Reporter reporter;
  // Empty only for an issue read back whose stored date is not a date (db.hpp's policy): it is
  // listed (日付不明) and saved again once it has one; validate() refuses an empty one.
  std::optional<sdk::Date> reported_on;
  int priority = kPriorityNormal;
  std::string source;  // where it came from (minutes, a bundle …)
};

struct Issue : IssueInput {
  IssueId id = 0;
  std::string uuid;
  std::string status;  // sdk::issue_status
  Split split;
  std::string han_name;
  std::string org_name;
  int supporters = 0;
  int photos = 0;
  int revision = 1;
  std::string created_at, updated_at;  // 2026-05-10T10:00:00+09:00
};

struct HistoryEntry {
  std::string uuid;
  std::optional<sdk::Date> on;         // empty: the stored date is not a date (db.hpp), shown as 日付不明
  std::string from_status, to_status;  // empty to_status: a note without a change
  std::string note;
};

// What the list, the 懇談会 builder and exports choose by.
struct IssueFilter {
  std::vector<std::string> statuses;    // empty: all
  std::vector<std::string> categories;  // empty: all
  std::optional<sdk::Date> from, to;    // reported_on, inclusive
  std::string query;                    // folded substring of title, description, place
  std::optional<std::int64_t> han;      // only this 班 (a 班長's view)
};

}  // namespace wasshoi::issues
