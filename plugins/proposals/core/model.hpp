#pragma once
// A proposal to the city (要望書) and its parts. The plan (一関市協働推進アクションプラン 3-(1)) requires
// every request to state how opinions were gathered (意見集約の方法), the history (経過) and the
// concrete proposal (具体的な提案): those are the three ProposalSection kinds.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>
#include <wasshoi/sdk/context.hpp>
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/organization_directory.hpp>
#include <wasshoi/sdk/text.hpp>

namespace wasshoi::proposals {

using sdk::OrgId;
using ProposalId = std::int64_t;

// Stored ids (English) with Japanese labels for documents and the UI.
enum class Kind { Request, Petition, Policy };       // 要望 / 陳情 / 政策提言
enum class Addressee { Mayor, Branch, Department };  // 市長 / 支所長 / 担当課
enum class State { Draft, Approved, Submitted, Answered, Continuing, Closed };
enum class GatheringMethod { GeneralMeeting, Board, HanLeaders, Survey, Briefing, Dialogue };
enum class AnswerCategory {
  WillDo,
  WillConsider,
  Difficult,
  Other
};                                                   // 対応する / 検討する / 対応困難 / その他
enum class Section { Gathering, History, Actions };  // 意見集約の方法 / 経過 / 具体的な提案

const char* to_string(Kind k);
const char* to_string(Addressee a);
const char* to_string(State s);
const char* to_string(GatheringMethod m);
const char* to_string(AnswerCategory c);
const char* to_string(Section s);
const char* label(Kind k);             // 要望
const char* label(Addressee a);        // 市長
const char* label(State s);            // 提出済
const char* label(GatheringMethod m);  // 総会決議
const char* label(AnswerCategory c);   // 対応する
const char* label(Section s);          // 意見集約の方法
// Accept the id or the Japanese label; InputError listing the valid values otherwise.
Kind parse_kind(std::string_view text);
Addressee parse_addressee(std::string_view text);
State parse_state(std::string_view text);
GatheringMethod parse_method(std::string_view text);
AnswerCategory parse_answer_category(std::string_view text);
Section parse_section(std::string_view text);
const std::vector<State>& all_states();

// 意見集約の方法: one way opinions were gathered, with its date and figures.
struct Gathering {
  std::int64_t id = 0;
  GatheringMethod method = GatheringMethod::Board;
  // The dates below are empty only when read back from a stored date that is not one (sdk/db.hpp):
  // shown as 日付不明; a new entry needs one.
  std::optional<sdk::Date> held_on;
  int participants = 0;  // 出席・参加者数 (0: not given)
  int answers = 0;       // アンケートの回答数 (0: not given)
  std::string note;      // 結果・内容
};

// 経過: a dated step of the history (what was tried locally, earlier requests and answers).
struct HistoryEntry {
  std::int64_t id = 0;
  std::optional<sdk::Date> on;
  std::string text;
};

// 具体的な提案: one concrete requested action, optionally for its own 担当課 (kind city).
struct Action {
  std::int64_t id = 0;
  std::string text;
  std::optional<OrgId> department;
  std::string department_name;  // read with the proposal (through the host's directory)
};

struct LinkedIssue {
  std::int64_t issue_id = 0;
  std::string title;  // as it was when linked, so the document prints without the issues plugin
};

struct Attachment {
  std::int64_t id = 0;
  std::string kind;  // "photo" or "map"
  std::string name;
  std::string caption;
  std::size_t size = 0;
};

struct Answer {
  std::optional<sdk::Date> on;  // 回答日
  AnswerCategory category = AnswerCategory::Other;
  std::string text;
  std::string answered_by;  // 回答者 (e.g. 建設部道路課長)
};

struct Progress {
  std::int64_t id = 0;
  std::optional<sdk::Date> on;
  std::string text;  // 進捗回答 or a follow-up note
};

struct Proposal {
  ProposalId id = 0;
  OrgId org = 0;
  std::string org_name;
  std::string title;
  Kind kind = Kind::Request;
  Addressee addressee = Addressee::Mayor;
  OrgId addressee_org = 0;         // the city, a 支所 or a 担当課 (organizations of kind city)
  std::string addressee_org_name;  // its name (through the host's directory)
  std::string addressee_person;    // optional: the office holder's name
  std::string place;
  // The letter as the city expects it: 文書番号 (○○自治会第12号), the person the city calls back
  // (担当 and telephone), and the date a reply is requested by (回答期限).
  std::string doc_number;
  std::string contact_name;
  std::string contact_phone;
  std::optional<sdk::Date> reply_by;
  State state = State::Draft;
  int fiscal_year = 0;  // 年度 it was raised in
  std::optional<std::int64_t> approved_meeting;
  std::string approved_meeting_label;  // 役員会「令和8年度第2回役員会」
  std::optional<sdk::Date> approved_on;
  std::optional<sdk::Date> submitted_on;
  std::string submitted_to;
  std::vector<int> carried_into;  // 年度 it was carried over into as 継続案件
  std::vector<Gathering> gatherings;
  std::vector<HistoryEntry> history;
  std::vector<Action> actions;
  std::vector<LinkedIssue> issues;
  std::vector<Attachment> attachments;
  std::optional<Answer> answer;
  std::vector<Progress> progress;
};

// Its text can still change: a draft, or approved and not yet submitted to the city.
inline bool editable(const Proposal& p) {
  return p.state == State::Draft || p.state == State::Approved;
}

// One line of a list: enough for tables, the dashboard and the 総括表.
struct ProposalSummary {
  ProposalId id = 0;
  OrgId org = 0;
  std::string org_name;
  std::string title;
  Kind kind = Kind::Request;
  std::string addressee;  // printed form, e.g. 一関市長
  State state = State::Draft;
  int fiscal_year = 0;
  std::optional<sdk::Date> submitted_on;
  std::optional<AnswerCategory> answer;
  std::optional<sdk::Date> answered_on;
  std::string answer_text;
  bool continuing = false;
};

}  // namespace wasshoi::proposals
