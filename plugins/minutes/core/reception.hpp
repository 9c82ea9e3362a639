#pragma once
// The reception table of a 総会 (受付), by 班: every member household of the meeting day in its
// 班, marked 出席 / 委任状 / 議決権行使書 / 欠席 with one key or click, and the head count of those
// who came without being on the list (名簿外). Both count in the quorum (quorum.hpp).
// Who may write: the rows are the meeting's (minutes_attendees, minutes_absent_votes,
// minutes_unlisted), so the host's row guard lets the 会長 and 役員 of the meeting's organization
// write them; a 班長 and a 閲覧 read only (docs/access.md), another organization nothing.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/member_directory.hpp>
#include <wasshoi/sdk/organization_directory.hpp>

#include "core/attendance.hpp"
#include "core/model.hpp"

namespace wasshoi::minutes {

struct ReceptionRow {
  sdk::HouseholdRef household;
  Presence presence = Presence::Absent;
};

// One 班 of the sheet: its households in address order. Households without a 班 come last
// under 「班なし」 (han_id empty).
struct ReceptionHan {
  std::optional<std::int64_t> han_id;
  std::string name;
  std::vector<ReceptionRow> rows;
  int count(Presence p) const;
};

// The member households on the meeting day, per 班 in the 自治会's 班 order, each with what is
// recorded. InputError: not a 総会, a meeting whose date is not one.
std::vector<ReceptionHan> reception_sheet(sdk::Database& db, sdk::MemberDirectory& members,
                                          sdk::OrganizationDirectory& orgs, const Meeting& meeting);

// Marks one household at the reception: what was recorded (出席, 委任状 to 議長, 議決権行使書 or
// nothing) is replaced by `to`, in one transaction audited as "minutes.reception" with
// "meeting N: 世帯主 欠席 → 出席". The same mark again writes nothing. InputError (nothing
// written): not a 総会, a household of another organization, locked minutes.
void mark_household(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                    std::int64_t household_id, Presence to);

// Households that came without being on the list (名簿外の出席), counted as present.
int unlisted_count(sdk::Database& db, MeetingId meeting);
// Sets that head count: one transaction audited as "minutes.unlisted" with "meeting N: 0 → 3".
// InputError: negative or over 9999, not a 総会, locked minutes.
void set_unlisted_count(sdk::Database& db, MeetingId meeting, int count);

}  // namespace wasshoi::minutes
