#pragma once
// 議案: the agenda items of a meeting, their discussion (審議の要旨) and 議決.
#include <wasshoi/sdk/db.hpp>

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
void edit_item(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome);
// The same rule, audited as "minutes.vote" with "meeting N" (`minutes vote`, which always
// passes a count: its options default to 0).
void vote_item(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome);

// A 議決 recorded before, corrected (its counts, its result or both) with the reason (the 議案と議決
// panel asks for it; `minutes vote … --reason`): the rule and checks of vote_item, in one
// transaction audited as "minutes.vote_correct" with the 議決 before and after and the reason.
// InputError (nothing written): no 議決 recorded yet (record it first), a blank reason, nothing
// changed, votes adding up to more than those who may vote, locked minutes.
void correct_vote(sdk::Database& db, MeetingId meeting, int number, const ItemOutcome& outcome,
                  const std::string& reason);
// "賛成30 反対2 棄権1 可決", "継続審議", "" (no 議決): how a 議決 reads in the log and the window.
std::string describe_vote(const AgendaItem& item);

// `minutes item`: the template items (when `from_template`), then 第N号議案 `title` with its
// notes (when a title is given), in one transaction audited as "minutes.item_add". InputError
// when neither is asked for, for an unknown meeting or locked minutes. Returns the new item's id,
// 0 when only the template was added.
ItemId add_items(sdk::Database& db, MeetingId meeting, const std::string& title,
                 const std::string& discussion, bool from_template);

// The usual agenda of a kind: 総会 (事業報告, 決算報告, 監査報告, 事業計画案, 予算案, 役員改選) or
// 役員会 (前回議事録の承認, 報告事項, 協議事項, 行事予定); empty for other kinds.
std::vector<std::string> agenda_template(const std::string& kind, int fiscal_year);
// Adds the template's items to a meeting; returns how many.
int apply_template(sdk::Database& db, MeetingId meeting);

}  // namespace wasshoi::minutes
