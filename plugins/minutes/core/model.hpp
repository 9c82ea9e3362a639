#pragma once
// The minutes plugin's domain (議事録): meetings, who attended, the quorum, 議案 with their 議決,
// action items, and the approval of the minutes. Plain data; the functions live in the other
// core/ headers.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::minutes {

using sdk::Date;
using sdk::DateTime;
using sdk::OrgId;
using MeetingId = std::int64_t;
using ItemId = std::int64_t;
using ActionId = std::int64_t;

// draft → signed (two 議事録署名人) → approved (at a later meeting; locked until re-opened).
enum class MinutesState { Draft, Signed, Approved };
const char* to_string(MinutesState s);  // "draft", "signed", "approved"
MinutesState parse_state(std::string_view text);

// A kind of meeting from the organization's list (総会, 役員会 …). A general assembly (総会,
// 臨時総会) counts attendance by household, takes 委任状 and 議決権行使書 and needs a quorum.
// has_votes: 議決 are taken (not at a 班長会 that only reports; 会議の設定 changes it per kind).
struct MeetingKind {
  std::string name;
  bool general_assembly = false;
  bool has_votes = true;
};

struct MeetingInput {
  OrgId org = 0;
  std::string kind;
  std::string title;  // empty: "令和8年度 第3回 役員会"
  DateTime start;
  DateTime end;
  std::string place;                       // free text, or filled from the booking
  std::optional<std::int64_t> booking_id;  // a booking of the booking plugin (FacilityDirectory)
  std::string chair;                       // 議長
  std::string recorder;                    // 書記
};

struct Meeting {
  MeetingId id = 0;
  OrgId org = 0;
  std::string kind;
  bool general_assembly = false;
  bool has_votes = true;  // its kind takes votes (MeetingKind::has_votes)
  std::string title;
  // Empty when the stored date and time is not one (sdk/db.hpp's date policy): the meeting is
  // still listed (日付不明) and `minutes reschedule` sets it again; what needs the date (the
  // quorum's member count, signing, approving, the minutes document) refuses with that advice.
  std::optional<DateTime> start;
  std::optional<DateTime> end;
  std::string place;
  std::optional<std::int64_t> booking_id;
  std::string chair;
  std::string recorder;
  MinutesState state = MinutesState::Draft;
  std::optional<MeetingId> approved_at;  // the later meeting that approved these minutes

  // start / end, or InputError naming the meeting and how to correct its date.
  const DateTime& start_at() const;
  const DateTime& end_at() const;
};

enum class AttendeeKind { Member, Guest };

struct Attendee {
  std::int64_t id = 0;
  AttendeeKind kind = AttendeeKind::Member;
  std::optional<std::int64_t> person_id;
  std::optional<std::int64_t> household_id;
  std::string name;
  std::string affiliation;  // guests: 市職員, 地域担当職員, 社会福祉協議会 …
};

// A household that did not come but counts: 委任状 (proxy) or 議決権行使書 (written vote).
enum class AbsentVoteKind { Proxy, Written };
struct AbsentVote {
  std::int64_t household_id = 0;
  AbsentVoteKind kind = AbsentVoteKind::Proxy;
  std::string name;    // the household's head, as printed
  std::string holder;  // 委任状: to whom (議長, or a named member)
};

// The organization's quorum rule: counted > (or >=) numerator/denominator of member households.
struct QuorumRule {
  int numerator = 1;
  int denominator = 2;
  bool strictly_more = true;  // 過半数 ("more than half"); false: "… 以上"
  bool count_proxies = true;  // 委任状 count towards the quorum
  bool count_written = true;  // 議決権行使書 count towards the quorum
};

struct QuorumStatus {
  bool applies = false;  // only general assemblies need a quorum
  int base = 0;          // member households on the meeting date
  int present = 0;       // households present, those not on the list (unlisted) included
  int unlisted = 0;      // of which came without being on the list (名簿外, core/reception.hpp)
  int proxies = 0;       // 委任状
  int written = 0;       // 議決権行使書
  int counted = 0;       // present + counted proxies + counted written votes
  int required = 0;      // the smallest count that is quorate
  bool quorate = false;
  QuorumRule rule;
};

enum class VoteResult { Approved, Rejected, Continued };        // 可決, 否決, 継続審議
const char* to_string(VoteResult r);                            // "approved" …
const char* label_ja(VoteResult r);                             // 可決 …
std::optional<VoteResult> parse_result(std::string_view text);  // either form

struct Votes {
  int in_favour = 0;
  int against = 0;
  int abstain = 0;
  int total() const { return in_favour + against + abstain; }
};

struct AgendaItem {
  ItemId id = 0;
  MeetingId meeting = 0;
  int number = 0;  // 第N号議案
  std::string title;
  std::string discussion;  // 審議の要旨
  std::optional<Votes> votes;
  std::optional<VoteResult> result;
};

enum class ActionStatus { Open, Done };

struct ActionItem {
  ActionId id = 0;
  MeetingId meeting = 0;
  std::optional<ItemId> item;
  std::string title;
  std::string assignee;     // 担当
  std::optional<Date> due;  // 期限
  ActionStatus status = ActionStatus::Open;
  std::optional<Date> done_on;
  // Where it came from, for lists: "令和8年度 第3回 役員会".
  std::string meeting_title;
  std::optional<DateTime> meeting_start;  // empty: the meeting's stored date is not one
};

struct Signatory {
  int position = 1;  // 1 or 2
  std::string name;
  std::optional<Date> signed_on;  // empty: the stored date is not one (日付不明)
};

}  // namespace wasshoi::minutes
