#pragma once
// 議案: the agenda items of a meeting, their discussion (審議の要旨) and 議決.
#include <wasshoi/sdk/db.hpp>
#include <wasshoi/sdk/member_directory.hpp>

#include "core/model.hpp"

namespace wasshoi::minutes {

// Appends 第N号議案. InputError for an empty title or locked minutes.
ItemId add_item(sdk::Database& db, MeetingId meeting, const std::string& title,
                const std::string& discussion = {});
void set_discussion(sdk::Database& db, MeetingId meeting, int number, const std::string& discussion);
std::vector<AgendaItem> agenda(sdk::Database& db, MeetingId meeting);
AgendaItem get_item(sdk::Database& db, MeetingId meeting, int number);  // InputError when missing

// Records the 議決 of 第`number`号議案. Refused (InputError, nothing written) when the votes add up
// to more than those who may vote (attendance: see voters()). Without `result`: 可決 when more
// than half of the votes cast are in favour, else 否決.
VoteResult record_vote(sdk::Database& db, MeetingId meeting, int number, const Votes& votes,
                       std::optional<VoteResult> result = {});
// 継続審議 without a count.
void continue_item(sdk::Database& db, MeetingId meeting, int number);

// What officers record for one 議案 at once: its notes and its 議決.
struct ItemOutcome {
  std::optional<std::string> discussion;  // unset: the notes stay as they are
  std::optional<Votes> votes;             // unset: no count was taken
  std::optional<VoteResult> result;       // unset: from the votes (see record_vote)
};
// The 議決 rule of both front ends, in one transaction with the notes: 継続審議 without a count
// (or a count of 0) clears the count (continue_item); any other result or count is a vote
// checked against the attendance (record_vote); neither result nor count records notes only.
// Audited as "minutes.item_edit" with the 議案's title (議案と議決 panel, 保存).
// A 役員改選 議案 with proposed officers (elections.hpp): a 可決 also writes their roles through
// `members` in the same transaction (the audit detail names them); refused without `members`.
void edit_item(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome,
               sdk::MemberDirectory* members);
void edit_item(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome);  // no roster
// The same rule, audited as "minutes.vote" with "meeting N" (`minutes vote`, which always
// passes a count: its options default to 0).
void vote_item(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome,
               sdk::MemberDirectory* members);
void vote_item(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome);  // no roster

// A 議決 recorded before, corrected (its counts, its result or both) with the reason (the 議案と議決
// panel asks for it; `minutes vote … --reason`): the rule and checks of vote_item, in one
// transaction audited as "minutes.vote_correct" with the 議決 before and after and the reason.
// InputError (nothing written): no 議決 recorded yet (record it first), a blank reason, nothing
// changed, votes adding up to more than those who may vote, locked minutes.
void correct_vote(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome,
                  const std::string& reason, sdk::MemberDirectory* members);
void correct_vote(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome,
                  const std::string& reason);  // no roster
// "賛成30 反対2 棄権1 可決", "継続審議", "" (no 議決): how a 議決 reads in the log and the window.
std::string describe_vote(const AgendaItem& item);

// `minutes item`: the template items (when `from_template`), then 第N号議案 `title` with its
// notes (when a title is given), in one transaction audited as "minutes.item_add". InputError
// when neither is asked for, for an unknown meeting or locked minutes. Returns the new item's id,
// 0 when only the template was added.
ItemId add_items(sdk::Database& db, MeetingId meeting, const std::string& title,
                 const std::string& discussion, bool from_template);

// The standard 議案 of a kind, as first seeded into the templates (schema migration 5), with
// {前年度} / {年度} for the 年度: 総会 (事業報告, 決算報告, 監査報告, 事業計画案, 予算案, 役員改選),
// 臨時総会 (one placeholder 議案「（議案名）」), 役員会, 班長会; empty for other kinds.
std::vector<std::string> standard_template(const std::string& kind);
// The organization's template of a kind as stored (its own when it edited it, else the standard
// one), placeholders unexpanded.
std::vector<std::string> template_items(sdk::Database& db, OrgId org, const std::string& kind);
// The same with {年度} / {前年度} written out for `fiscal_year` ("令和8年度 事業報告について").
std::vector<std::string> agenda_template(sdk::Database& db, OrgId org, const std::string& kind,
                                         int fiscal_year);
// 会議の設定: the organization's template of a kind replaced by `items` (added, renamed, removed,
// reordered in the window), one transaction audited as "minutes.template_edit" with the kind and
// the items. Refused (InputError, nothing written): not an officer of `org` (sdk::Act::OrgSettings:
// a 班長, a 閲覧, another organization), an unknown kind, a blank item or an item with a newline.
void set_template(sdk::Context& ctx, OrgId org, const std::string& kind,
                  const std::vector<std::string>& items);
// Adds the template's items to a meeting; returns how many.
int apply_template(sdk::Database& db, MeetingId meeting);

// An item in messages and the change log: "第2号議案 of meeting 7".
std::string item_name(MeetingId meeting, int number);

}  // namespace wasshoi::minutes
