#pragma once
// The approval of the minutes: draft → signed (by two 議事録署名人) → approved at a later
// meeting of the same organization. Approved minutes are locked; changing them needs an
// explicit re-open with a reason, which is logged (and audited).
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/db.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes {

// Refused: fewer or more than two names, the same name twice, minutes already signed/approved.
void sign(sdk::Database& db, MeetingId meeting, const std::vector<std::string>& signatories, const Date& on);
// Refused: minutes not signed, already approved (names the meeting that did), `at` not a later
// meeting of the same organization.
void approve(sdk::Database& db, MeetingId meeting, MeetingId at);
// Back to draft, signatures dropped; `reason` is required and logged with the actor.
void reopen(sdk::Database& db, MeetingId meeting, const std::string& reason);
// The same for the signed-in officer: the 会長 and 役員 of the meeting's organization only
// (sdk::Act::ApproveMinutes, sdk::Act::ReopenMinutes).
void approve(sdk::Context& ctx, MeetingId meeting, MeetingId at);
void reopen(sdk::Context& ctx, MeetingId meeting, const std::string& reason);

std::vector<Signatory> signatories(sdk::Database& db, MeetingId meeting);

struct Reopening {
  std::string at;  // ISO date-time
  std::string actor;
  std::string reason;
};
std::vector<Reopening> reopenings(sdk::Database& db, MeetingId meeting);

}  // namespace wasshoi::minutes
