#pragma once
// Who attended: members (picked from the roster through MemberDirectory), guests (市職員,
// 地域担当職員 …), and for a general assembly the households that sent a 委任状 or a 議決権行使書.
// Every function is one transaction and refuses approved (locked) minutes.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes {

// A member present. InputError: unknown person, a person of another organization, present twice,
// or (general assembly) a household that already sent a 委任状/行使書.
std::int64_t add_member(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                        std::int64_t person_id);
// A general assembly counts households: the household present, recorded under its 世帯主.
std::int64_t add_household(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                           std::int64_t household_id);
std::int64_t add_guest(sdk::Database& db, MeetingId meeting, const std::string& name,
                       const std::string& affiliation);
// 委任状 or 議決権行使書 of a household (general assemblies only); `holder`: to whom a proxy goes.
void add_absent_vote(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                     std::int64_t household_id, AbsentVoteKind kind, const std::string& holder = {});
void remove_attendee(sdk::Database& db, MeetingId meeting, std::int64_t attendee_id);
void remove_absent_vote(sdk::Database& db, MeetingId meeting, std::int64_t household_id);
// Puts back what remove_attendee / remove_absent_vote took off (the window's 元に戻す): the same
// person, household or guest, as it was read before the removal. The checks of adding apply (a
// person present twice, a household both present and sending a 委任状, locked minutes). Audited as
// "minutes.attend_restore". Returns the attendee's new id.
std::int64_t restore_attendee(sdk::Database& db, MeetingId meeting, const Attendee& a);
void restore_absent_vote(sdk::Database& db, MeetingId meeting, const AbsentVote& v);

// How a household took part in a general assembly.
enum class Presence { Present, Proxy, Written, Absent };  // 出席, 委任状, 議決権行使書, 欠席
const char* label_ja(Presence p);
std::optional<Presence> parse_presence(std::string_view text);  // 出席 … or present, proxy, written, absent
Presence presence_of(sdk::Database& db, MeetingId meeting, std::int64_t household_id);
// Inside a caller's transaction: the household's rows made to say `to` (a 委任状 goes to 議長).
void write_presence(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                    std::int64_t household_id, Presence to);
// Corrects a household's attendance at a general assembly (recorded 出席 but it sent a 委任状,
// recorded and was not there …) with the reason: one transaction audited as
// "minutes.attend_correct" with "meeting N: 世帯主 出席 → 委任状: reason". A 委任状 goes to 議長.
// InputError (nothing written): not a general assembly, a blank reason, the same presence, a
// household of another organization, locked minutes.
void correct_presence(sdk::Database& db, sdk::MemberDirectory& members, MeetingId meeting,
                      std::int64_t household_id, Presence to, const std::string& reason);

// One change of a meeting's attendance as `minutes attend` gives it (ids from the roster).
struct AttendanceChange {
  MeetingId meeting = 0;
  std::vector<std::int64_t> remove;  // attendee ids, removed first
  std::vector<std::int64_t> persons, households, proxies, written;
  std::string guest, affiliation;
  std::string holder = "議長";  // to whom the 委任状 go
};
// Records the whole change in one transaction audited as "minutes.attend" ("meeting N"): all of
// it or, on the first refusal, nothing. `members` is the roster (nullptr when the members plugin
// is not enabled: then persons and households are refused, removals and guests still work).
void record_attendance(sdk::Database& db, sdk::MemberDirectory* members, const AttendanceChange& change);

std::vector<Attendee> attendees(sdk::Database& db, MeetingId meeting);
std::vector<AbsentVote> absent_votes(sdk::Database& db, MeetingId meeting);
int households_present(sdk::Database& db, MeetingId meeting);
int members_present(sdk::Database& db, MeetingId meeting);  // persons, guests not counted

// Those who may vote: households present + 委任状 + 行使書 at a general assembly, else the
// members present. Votes adding up to more are refused.
int voters(sdk::Database& db, const Meeting& meeting);

}  // namespace wasshoi::minutes
