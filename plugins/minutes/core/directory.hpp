#pragma once
// sdk::MeetingDirectory, provided to other plugins (proposals link a 要望書 to the meeting that
// approved it).
#include <wasshoi/sdk/meeting_directory.hpp>

namespace wasshoi::minutes {

class Directory final : public sdk::MeetingDirectory {
 public:
  std::optional<sdk::MeetingRef> meeting(sdk::Database& db, std::int64_t id) override;
  std::vector<sdk::MeetingRef> meetings(sdk::Database& db, sdk::OrgId org, const sdk::Date& from,
                                        const sdk::Date& to) override;
};

}  // namespace wasshoi::minutes
