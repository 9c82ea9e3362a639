#pragma once
// Meetings of an organization: kinds, adding and reading them, and the guard every write to a
// meeting's minutes goes through (approved minutes are locked).
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/facility_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes {

// The organization's kinds (the defaults, then its own), in their order.
std::vector<MeetingKind> meeting_kinds(sdk::Database& db, OrgId org);
// InputError listing the kinds when `name` is not one of them.
MeetingKind find_kind(sdk::Database& db, OrgId org, const std::string& name);
// Adds an organization's own kind (e.g. 防災訓練反省会). InputError when it exists already.
void add_kind(sdk::Database& db, OrgId org, const std::string& name, bool general_assembly);
// The same for the signed-in officer (「会議の設定」, `minutes kinds --add`): a setting of the
// organization (sdk::Act::OrgSettings), refused to a 班長, a 閲覧 and other organizations.
void add_kind(sdk::Context& ctx, OrgId org, const std::string& name, bool general_assembly);

// 会議の設定: whether meetings of a kind take votes (議決権あり). Without, the window offers no vote
// boxes, core refuses a 議決 and the minutes print none. Audited "minutes.kind_votes". Refused
// (InputError, nothing written) as add_kind(ctx, …), for an unknown kind, or when unchanged.
void set_kind_votes(sdk::Context& ctx, OrgId org, const std::string& kind, bool has_votes);

// Checks and writes a new meeting (one transaction). Refused with InputError: unknown kind,
// an end not after the start, an invalid date, an unknown booking (`facilities` is the booking
// plugin's service, nullptr when it is not enabled; then a booking id is refused).
MeetingId add_meeting(sdk::Database& db, const MeetingInput& in, sdk::FacilityDirectory* facilities);
// Adding a meeting as officers do it (会議一覧's form, `minutes add`): the meeting, and with
// `template_agenda` the kind's usual 議案 (apply_template), in one transaction audited as
// "minutes.add" with the kind, so a failing template leaves no meeting behind. The checks are
// add_meeting's.
MeetingId schedule_meeting(sdk::Database& db, const MeetingInput& in, sdk::FacilityDirectory* facilities,
                           bool template_agenda);
// "令和8年度 第3回 役員会" for the next meeting of that kind in the 年度 of `start`.
std::string default_title(sdk::Database& db, OrgId org, const std::string& kind, const DateTime& start);

std::optional<Meeting> find_meeting(sdk::Database& db, MeetingId id);
Meeting get_meeting(sdk::Database& db, MeetingId id);  // InputError "no meeting with id N"
// Meetings of `org` starting in [from, to] (inclusive days), oldest first; all when unset.
std::vector<Meeting> list_meetings(sdk::Database& db, OrgId org, std::optional<Date> from = {},
                                   std::optional<Date> to = {});
// The meeting of `org` right before / after `m` in time (any kind), if any.
std::optional<Meeting> previous_meeting(sdk::Database& db, const Meeting& m);
std::optional<Meeting> next_meeting(sdk::Database& db, const Meeting& m);

// Call inside the write transaction before changing anything recorded in a meeting's minutes: it
// locks the meeting's row until the transaction ends (on a server a second edit of the meeting
// waits, then reads what the first one wrote; sdk::lock_row). Approved minutes are locked (InputError saying
// to re-open them with a reason); signed minutes go back to draft and lose their signatures, because the
// signatories signed other words.
Meeting begin_edit(sdk::Database& db, MeetingId id);

// Sets the start and end (`minutes reschedule`): a meeting moved, or one whose stored date is not
// a date (日付不明) corrected. The same checks as adding; approved minutes are locked and signed
// ones go back to draft (begin_edit). One audited transaction.
void reschedule_meeting(sdk::Database& db, MeetingId id, const DateTime& start, const DateTime& end);

// Updates place, chair and recorder (what officers fill in at the meeting).
void update_meeting_people(sdk::Database& db, MeetingId id, const std::string& place,
                           const std::string& chair, const std::string& recorder);

// "2026-04-19 10:00" style text to a DateTime; InputError naming `what` otherwise.
DateTime parse_datetime_arg(const std::string& text, const char* what);

}  // namespace wasshoi::minutes
