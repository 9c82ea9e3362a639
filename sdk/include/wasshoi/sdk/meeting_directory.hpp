#pragma once
// MeetingDirectory: meetings as other plugins see them. Implemented by the minutes plugin; the
// proposals plugin links a 要望書 to the 役員会/総会 that approved it.
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::sdk {

struct MeetingRef {
  std::int64_t id = 0;
  OrgId org = 0;
  std::string kind;               // 総会, 臨時総会, 役員会, 班長会 …
  std::string title;              // e.g. "令和8年度 定期総会"
  std::optional<DateTime> start;  // empty when the stored date is not one (db.hpp): 日付不明
  std::string state;              // draft, signed, approved
};

class MeetingDirectory {
 public:
  static constexpr const char* kServiceId = "minutes.meetings";
  virtual ~MeetingDirectory() = default;

  virtual std::optional<MeetingRef> meeting(Database& db, std::int64_t id) = 0;
  // Meetings of an organization in a period, oldest first.
  virtual std::vector<MeetingRef> meetings(Database& db, OrgId org, const Date& from, const Date& to) = 0;
};

}  // namespace wasshoi::sdk
