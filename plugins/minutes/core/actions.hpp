#pragma once
// Action items (担当, 期限, status) decided at a meeting and followed until done. Open ones are
// carried to the next meetings of the same organization automatically: they are read from the
// earlier meetings, never copied, so closing one closes it everywhere.
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes {

struct ActionInput {
  MeetingId meeting = 0;
  std::optional<int> item_number;  // 第N号議案 it came from
  std::string title;
  std::string assignee;
  std::optional<Date> due;
};

ActionId add_action(sdk::Database& db, const ActionInput& in);
// Done (on `on`) or open again. Following up does not change the minutes, so it is allowed on
// approved minutes too.
void set_action_done(sdk::Database& db, ActionId id, bool done, const Date& on);
ActionItem get_action(sdk::Database& db, ActionId id);  // InputError when missing

// Decided at this meeting.
std::vector<ActionItem> actions_of(sdk::Database& db, MeetingId meeting);
// Decided at earlier meetings of the same organization and not done before this one: the
// "前回からの継続事項" of its agenda and minutes.
std::vector<ActionItem> carried_actions(sdk::Database& db, MeetingId meeting);
// All of the organization's items, open ones first (oldest due first); `open_only` leaves done out.
std::vector<ActionItem> org_actions(sdk::Database& db, OrgId org, bool open_only);
// Open items whose 期限 is before `today`.
std::vector<ActionItem> overdue_actions(sdk::Database& db, OrgId org, const Date& today);

}  // namespace wasshoi::minutes
