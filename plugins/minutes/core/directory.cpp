#include "core/directory.hpp"

#include "core/meetings.hpp"

namespace wasshoi::minutes {

namespace {
sdk::MeetingRef to_ref(const Meeting& m) {
  return {m.id, m.org, m.kind, m.title, m.start, to_string(m.state)};  // start empty: 日付不明
}
}  // namespace

std::optional<sdk::MeetingRef> Directory::meeting(sdk::Database& db, std::int64_t id) {
  auto m = find_meeting(db, id);
  if (!m) return std::nullopt;
  return to_ref(*m);
}

std::vector<sdk::MeetingRef> Directory::meetings(sdk::Database& db, sdk::OrgId org, const sdk::Date& from,
                                                 const sdk::Date& to) {
  std::vector<sdk::MeetingRef> out;
  for (const auto& m : list_meetings(db, org, from, to)) out.push_back(to_ref(m));
  return out;
}

}  // namespace wasshoi::minutes
